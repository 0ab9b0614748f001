// SPDX-License-Identifier: MIT
// Krippendorff's alpha (nominal, ordinal, interval, ratio) for a ratings table with gaps.
#pragma once

#include <coscore/scoring/reliability.hpp>

namespace coscore::scoring::detail
{

struct AlphaResult
{
    KrippendorffAlpha alpha;
    long long pairable_values = 0; ///< values in units that hold at least two values
};

/// Alpha by the coincidence-matrix definition (Krippendorff 2011), computed in O(values) from
/// per-unit sums and value counts. A level is empty when undefined: no pairable unit, fewer
/// than two distinct values, or (ratio) a negative value.
AlphaResult ComputeKrippendorffAlpha(const RatingsTable& table);

} // namespace coscore::scoring::detail
