// SPDX-License-Identifier: MIT
// Small statistical helpers shared by the reliability and ranking code: distribution tails and
// quantiles (Boost.Math, never throwing), average ranks, medians and rank-distribution summaries.
#pragma once

#include <coscore/scoring/model.hpp>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <span>
#include <vector>

namespace coscore::scoring::detail
{

/// P(F > f) for F ~ F(df1, df2); 0 for f = +inf, NaN when undefined.
double FUpperTail(double f, double df1, double df2);

/// The x with P(F > x) = tail for F ~ F(df1, df2); NaN when undefined.
double FUpperQuantile(double tail, double df1, double df2);

/// P(X > x) for X ~ chi-squared(df); NaN when undefined.
double ChiSquaredUpperTail(double x, double df);

/// Ranks 1..n in ascending order of value, tied values sharing their average rank (R's rank()).
std::vector<double> AverageRanks(std::span<const double> values);

/// Whether two computed statistics are equal up to rounding (relative 1e-9, absolute near 0).
inline bool NearlyEqual(double a, double b)
{
    return std::fabs(a - b) <= 1e-9 * std::max({1.0, std::fabs(a), std::fabs(b)});
}

/// Median of the values (average of the two middle ones for an even count). Not empty.
double Median(std::vector<double> values);

/// R's default quantile (type 7) of ascending data: x[h] interpolated, h = (n − 1)p. Not empty.
template <class T>
double QuantileType7(std::span<const T> sorted, double p)
{
    const double h = static_cast<double>(sorted.size() - 1) * p;
    const auto lo = static_cast<std::size_t>(std::floor(h));
    const auto hi = std::min(lo + 1, sorted.size() - 1);
    const auto x_lo = static_cast<double>(sorted[lo]);
    return x_lo + (h - static_cast<double>(lo)) * (static_cast<double>(sorted[hi]) - x_lo);
}

/// Summary of one unit's distribution over ranks 1..`ranks` (1 = best).
struct RankDistributionSummary
{
    double mean = 0.0;
    double median = 0.0;
    RankInterval ci50;
    RankInterval ci90;
    double p_top = 0.0; ///< P(rank ≤ top)
};

/// Summarises a rank distribution given by `below(r)` = P(rank < r) for r in 1..ranks + 1 and
/// its `mean` (found by the caller, who has it cheaply). Interval ends are the equal-tailed
/// ranks: lo is the largest r with P(rank < r) ≤ tail and hi the smallest r with
/// P(rank > r) ≤ tail, so each side leaves out at most `tail`. O(log ranks) calls of `below`.
template <class Below>
RankDistributionSummary SummariseRanks(const Below& below, int ranks, int top, double mean)
{
    constexpr double kSlack = 1e-12; // probabilities are sums of weights: allow their rounding
    const auto lower_end = [&](double tail)
    {
        int lo = 1; // P(rank < 1) = 0 always qualifies
        int hi = ranks;
        while (lo < hi)
        {
            const int mid = lo + (hi - lo + 1) / 2;
            if (below(mid) <= tail + kSlack)
            {
                lo = mid;
            }
            else
            {
                hi = mid - 1;
            }
        }
        return lo;
    };
    const auto upper_end = [&](double tail)
    {
        int lo = 1;
        int hi = ranks; // P(rank > ranks) = 0 always qualifies
        while (lo < hi)
        {
            const int mid = lo + (hi - lo) / 2;
            if (1.0 - below(mid + 1) <= tail + kSlack)
            {
                hi = mid;
            }
            else
            {
                lo = mid + 1;
            }
        }
        return lo;
    };
    RankDistributionSummary s;
    s.mean = mean;
    s.median = 0.5 * static_cast<double>(lower_end(0.5) + upper_end(0.5));
    s.ci50 = {lower_end(0.25), upper_end(0.25)};
    s.ci90 = {lower_end(0.05), upper_end(0.05)};
    s.p_top = top <= 0 ? 0.0 : below(std::min(top, ranks) + 1);
    return s;
}

} // namespace coscore::scoring::detail
