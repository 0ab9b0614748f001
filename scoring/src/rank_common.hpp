// SPDX-License-Identifier: MIT
// What every ranking method needs: per-unit counts, means and medians, the plain ranking by
// mean, and the summary of a unit's rank distribution into a RankedUnit.
#pragma once

#include "stats_math.hpp"

#include <coscore/scoring/rank_uncertainty.hpp>

#include <cstddef>
#include <vector>

namespace coscore::scoring::detail
{

struct UnitStats
{
    int n = 0; ///< ratings present; 0 = not ranked
    double mean = 0.0;
    double median = 0.0;
};

std::vector<UnitStats> SummariseUnits(const RatingsTable& table);

/// Indices of the units with at least one rating, in table order.
std::vector<std::size_t> RatedUnits(const std::vector<UnitStats>& stats);

/// Competition ranks (1, 2, 2, 4) by mean, then median, then n, all descending; units equal on
/// all three share a rank and are `tied`. Unrated units keep rank 0.
void RankByMean(const std::vector<UnitStats>& stats, std::vector<RankedUnit>& units);

/// Fills a unit's rank-distribution figures; P(funded) only when a funding line is set.
void ApplyRankSummary(const RankDistributionSummary& summary, int fundable, RankedUnit& unit);

} // namespace coscore::scoring::detail
