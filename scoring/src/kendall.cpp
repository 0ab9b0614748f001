// SPDX-License-Identifier: MIT
#include "kendall.hpp"

#include "icc.hpp"
#include "stats_math.hpp"

#include <algorithm>
#include <vector>

namespace coscore::scoring::detail
{

std::optional<KendallW> ComputeKendallW(const RatingsTable& table)
{
    if (!IsCompleteGrid(table))
    {
        return std::nullopt;
    }
    const std::size_t n = table.values.size();
    const std::size_t m = table.raters.size();
    std::vector<double> rank_sum(n, 0.0);
    std::vector<double> column(n);
    double ties = 0.0;
    for (std::size_t j = 0; j < m; ++j)
    {
        for (std::size_t i = 0; i < n; ++i)
        {
            column[i] = *table.values[i][j];
        }
        const auto ranks = AverageRanks(column);
        for (std::size_t i = 0; i < n; ++i)
        {
            rank_sum[i] += ranks[i];
        }
        // Tied units share an average rank, so a group of t ties is t equal ranks.
        std::vector<double> sorted = ranks;
        std::sort(sorted.begin(), sorted.end());
        std::size_t a = 0;
        while (a < n)
        {
            std::size_t b = a + 1;
            while (b < n && sorted[b] == sorted[a])
            {
                ++b;
            }
            const auto t = static_cast<double>(b - a);
            ties += t * t * t - t;
            a = b;
        }
    }
    const auto dn = static_cast<double>(n);
    const auto dm = static_cast<double>(m);
    const double mean_sum = dm * (dn + 1.0) / 2.0;
    double s = 0.0;
    for (double r : rank_sum)
    {
        s += (r - mean_sum) * (r - mean_sum);
    }
    const double denominator = dm * dm * (dn * dn * dn - dn) - dm * ties;
    if (!(denominator > 0.0))
    {
        return std::nullopt;
    }
    KendallW w;
    w.w = 12.0 * s / denominator;
    w.df = static_cast<int>(n) - 1;
    w.chi2 = dm * (dn - 1.0) * w.w;
    w.p = ChiSquaredUpperTail(w.chi2, static_cast<double>(w.df));
    return w;
}

} // namespace coscore::scoring::detail
