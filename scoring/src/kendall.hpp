// SPDX-License-Identifier: MIT
// Kendall's coefficient of concordance W with the correction for tied ratings.
#pragma once

#include <coscore/scoring/reliability.hpp>

#include <optional>

namespace coscore::scoring::detail
{

/// W = 12 S / (m²(n³ − n) − m Σ T) for n units ranked by each of m raters, T = Σ (t³ − t) over
/// each rater's groups of t tied units (Kendall 1948; R's irr::kendall(correct = TRUE)), with
/// χ² = m (n − 1) W on n − 1 df. Empty unless the table is complete with ≥ 2 units and raters,
/// and when every rater gives every unit the same rating (W is then undefined).
std::optional<KendallW> ComputeKendallW(const RatingsTable& table);

} // namespace coscore::scoring::detail
