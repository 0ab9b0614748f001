// SPDX-License-Identifier: MIT
// Member leniency: the additive model T_ij = μ + b_i + l_j + e with a ridge penalty on l_j, and
// z-normalised means (PRODUCT.md §4). Both read a bids × members table of member totals.
#pragma once

#include <coscore/scoring/reliability.hpp>

#include <optional>
#include <vector>

namespace coscore::scoring
{

struct AdditiveFit
{
    std::vector<std::optional<double>> adjusted; ///< per unit: μ + b_i; empty when unrated
    std::vector<std::optional<double>> leniency; ///< per rater: l_j; empty when rating nothing
};

/// Least squares fit of T_ij = μ + b_i + l_j + e over the observed cells with penalty
/// λ Σ l_j² (λ > 0; smaller values are raised to 1e-6). μ + b_i is not penalised, so it is
/// each unit's mean once every rater's leniency is taken off. Exact: the unit effects are
/// eliminated and the raters × raters normal equations solved by Cholesky, so the cost is
/// Σ_i n_i² + raters³ (no iteration).
AdditiveFit FitAdditiveModel(const RatingsTable& table, double lambda);

/// Per unit, the mean of its raters' z-scores; a rater's z uses that rater's mean and sample SD
/// over every unit they rated. A rater who gave every unit the same total expresses no
/// preference: their z is 0. A rater with a single rating has no SD: their z is 0 too.
std::vector<std::optional<double>> ComputeZMeans(const RatingsTable& table);

} // namespace coscore::scoring
