// SPDX-License-Identifier: MIT
// Intraclass correlations of a complete ratings table (Shrout & Fleiss 1979; McGraw & Wong 1996).
#pragma once

#include <coscore/scoring/reliability.hpp>

#include <optional>
#include <vector>

namespace coscore::scoring::detail
{

/// Whether the table is a full grid: ≥ 2 units, ≥ 2 raters and a rating in every cell, which
/// the two-way ANOVA and Kendall's W need.
bool IsCompleteGrid(const RatingsTable& table);

/// The two-way ANOVA mean squares; needs a complete table with ≥ 2 units and ≥ 2 raters.
std::optional<AnovaMeanSquares> ComputeAnova(const RatingsTable& table);

/// The six ICCs with F tests and 95% intervals (as psych::ICC computes them), in the order
/// ICC(1,1), ICC(2,1), ICC(3,1), ICC(1,k), ICC(2,k), ICC(3,k). Empty when any is undefined,
/// which happens when every unit has the same mean.
std::vector<IccValue> ComputeIcc(const AnovaMeanSquares& ms, int units, int raters);

} // namespace coscore::scoring::detail
