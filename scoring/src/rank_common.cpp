// SPDX-License-Identifier: MIT
#include "rank_common.hpp"

#include <algorithm>
#include <numeric>

namespace coscore::scoring::detail
{

std::vector<UnitStats> SummariseUnits(const RatingsTable& table)
{
    std::vector<UnitStats> stats(table.values.size());
    std::vector<double> present;
    for (std::size_t i = 0; i < table.values.size(); ++i)
    {
        present.clear();
        for (const auto& v : table.values[i])
        {
            if (v)
            {
                present.push_back(*v);
            }
        }
        if (present.empty())
        {
            continue;
        }
        UnitStats& s = stats[i];
        s.n = static_cast<int>(present.size());
        s.mean = std::accumulate(present.begin(), present.end(), 0.0) / static_cast<double>(s.n);
        s.median = Median(present);
    }
    return stats;
}

std::vector<std::size_t> RatedUnits(const std::vector<UnitStats>& stats)
{
    std::vector<std::size_t> rated;
    for (std::size_t i = 0; i < stats.size(); ++i)
    {
        if (stats[i].n > 0)
        {
            rated.push_back(i);
        }
    }
    return rated;
}

void RankByMean(const std::vector<UnitStats>& stats, std::vector<RankedUnit>& units)
{
    // Means are sorted exactly (a valid ordering), then runs of means equal up to rounding are
    // re-sorted by median and n; std::stable_sort keeps table order as the last tie-break.
    std::vector<std::size_t> order = RatedUnits(stats);
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return stats[a].mean > stats[b].mean; });
    std::size_t run = 0;
    while (run < order.size())
    {
        std::size_t end = run + 1;
        while (end < order.size() &&
               NearlyEqual(stats[order[end - 1]].mean, stats[order[end]].mean))
        {
            ++end;
        }
        std::stable_sort(order.begin() + static_cast<std::ptrdiff_t>(run),
                         order.begin() + static_cast<std::ptrdiff_t>(end),
                         [&](std::size_t a, std::size_t b)
                         {
                             if (stats[a].median != stats[b].median)
                             {
                                 return stats[a].median > stats[b].median;
                             }
                             return stats[a].n > stats[b].n;
                         });
        run = end;
    }
    const auto equal = [&](std::size_t a, std::size_t b)
    {
        return NearlyEqual(stats[a].mean, stats[b].mean) &&
               NearlyEqual(stats[a].median, stats[b].median) && stats[a].n == stats[b].n;
    };
    for (std::size_t pos = 0; pos < order.size(); ++pos)
    {
        const bool same_as_previous = pos > 0 && equal(order[pos - 1], order[pos]);
        RankedUnit& unit = units[order[pos]];
        unit.rank = same_as_previous ? units[order[pos - 1]].rank : static_cast<int>(pos + 1);
        unit.tied =
            same_as_previous || (pos + 1 < order.size() && equal(order[pos], order[pos + 1]));
    }
}

void ApplyRankSummary(const RankDistributionSummary& summary, int fundable, RankedUnit& unit)
{
    unit.expected_rank = summary.mean;
    unit.median_rank = summary.median;
    unit.rank_ci50 = summary.ci50;
    unit.rank_ci90 = summary.ci90;
    if (fundable > 0)
    {
        unit.p_funded = summary.p_top;
    }
}

} // namespace coscore::scoring::detail
