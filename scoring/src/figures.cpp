// SPDX-License-Identifier: MIT
#include <coscore/scoring/error.hpp>
#include <coscore/scoring/figures.hpp>

#include <algorithm>
#include <cmath>
#include <vector>

namespace coscore::scoring
{
namespace
{

/// Summing in ascending order makes the result independent of the input order.
double MeanOfSorted(std::span<const double> sorted)
{
    double sum = 0.0;
    for (const double v : sorted)
    {
        sum += v;
    }
    return sum / static_cast<double>(sorted.size());
}

} // namespace

double QuantileType7(std::span<const double> sorted, double p)
{
    COSCORE_EXPECTS(!sorted.empty());
    const double h = static_cast<double>(sorted.size() - 1) * std::clamp(p, 0.0, 1.0);
    const double below = std::floor(h);
    const auto lo = static_cast<std::size_t>(below);
    const std::size_t hi = std::min(lo + 1, sorted.size() - 1);
    return sorted[lo] + (h - below) * (sorted[hi] - sorted[lo]);
}

std::optional<double> MedianOfSorted(std::span<const double> sorted)
{
    if (sorted.empty())
    {
        return std::nullopt;
    }
    return QuantileType7(sorted, 0.5);
}

Figures ComputeFigures(std::span<const double> values)
{
    Figures f;
    f.n = static_cast<int>(values.size());
    if (values.empty())
    {
        return f;
    }
    std::vector<double> sorted(values.begin(), values.end());
    std::sort(sorted.begin(), sorted.end());
    const double mean = MeanOfSorted(sorted);
    f.mean = mean;
    f.median = MedianOfSorted(sorted);
    f.min = sorted.front();
    f.max = sorted.back();
    f.range = sorted.back() - sorted.front();
    f.iqr = QuantileType7(sorted, 0.75) - QuantileType7(sorted, 0.25);
    if (sorted.size() >= 2)
    {
        double squares = 0.0;
        for (const double v : sorted)
        {
            squares += (v - mean) * (v - mean);
        }
        f.sd = std::sqrt(squares / static_cast<double>(sorted.size() - 1));
    }
    if (sorted.size() >= 5)
    {
        f.olympic = MeanOfSorted(std::span<const double>(sorted).subspan(1, sorted.size() - 2));
    }
    return f;
}

} // namespace coscore::scoring
