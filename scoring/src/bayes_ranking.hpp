// SPDX-License-Identifier: MIT
// SNSF mode: the Bayesian ranking of Heyard, Ott, Salanti & Egger (2022), "Rethinking the
// funding line at the Swiss National Science Foundation: Bayesian ranking and lottery",
// Statistics and Public Policy 9(1):110–121, as the R package ERforResearch implements it.
#pragma once

#include "rank_common.hpp"

#include <coscore/scoring/rank_uncertainty.hpp>

#include <vector>

namespace coscore::scoring::detail
{

/// Fits the package's default model (get_default_jags_model: continuous, homogeneous
/// residuals, no sub-panels) with a seeded Gibbs sampler over several chains, checks split
/// R-hat and fills expected rank, SUCRA, PCER, rank of the posterior mean, 50%/90% rank
/// credible intervals, P(rank ≤ fundable), the funding line and the accepted / lottery /
/// rejected groups of plot_er_distributions() for every rated unit.
void AddBayesRanks(const RatingsTable& table, const std::vector<UnitStats>& stats,
                   const RankOptions& options, RankReport& report);

} // namespace coscore::scoring::detail
