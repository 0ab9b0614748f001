// SPDX-License-Identifier: MIT
#include "stats_math.hpp"

#include <boost/math/distributions/chi_squared.hpp>
#include <boost/math/special_functions/beta.hpp>

#include <limits>
#include <numeric>

namespace coscore::scoring::detail
{
namespace
{

namespace bmp = boost::math::policies;

// Reliability figures are reported, never allowed to abort a reconciliation: out-of-domain
// arguments give NaN instead of an exception.
using QuietPolicy =
    bmp::policy<bmp::domain_error<bmp::ignore_error>, bmp::overflow_error<bmp::ignore_error>,
                bmp::underflow_error<bmp::ignore_error>, bmp::pole_error<bmp::ignore_error>,
                bmp::evaluation_error<bmp::ignore_error>, bmp::rounding_error<bmp::ignore_error>>;

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

bool ValidDf(double df)
{
    return std::isfinite(df) && df > 0.0;
}

} // namespace

double FUpperTail(double f, double df1, double df2)
{
    if (std::isnan(f) || !ValidDf(df1) || !ValidDf(df2))
    {
        return kNaN;
    }
    if (std::isinf(f))
    {
        return f > 0.0 ? 0.0 : 1.0;
    }
    if (f <= 0.0)
    {
        return 1.0;
    }
    // F = (df2/df1)·X/(1 − X) with X ~ Beta(df1/2, df2/2); whichever incomplete beta keeps
    // its argument away from 1 is the accurate one.
    const double v = df1 * f;
    if (v > df2)
    {
        return boost::math::ibetac(df1 / 2.0, df2 / 2.0, v / (df2 + v), QuietPolicy());
    }
    return boost::math::ibeta(df2 / 2.0, df1 / 2.0, df2 / (df2 + v), QuietPolicy());
}

double FUpperQuantile(double tail, double df1, double df2)
{
    if (!(tail > 0.0 && tail < 1.0) || !ValidDf(df1) || !ValidDf(df2))
    {
        return kNaN;
    }
    // P(F > x) = P(Y < y) for Y = 1 − X ~ Beta(df2/2, df1/2) and x = (df2/df1)(1 − y)/y.
    const double y = boost::math::ibeta_inv(df2 / 2.0, df1 / 2.0, tail, QuietPolicy());
    return df2 * (1.0 - y) / (df1 * y);
}

double ChiSquaredUpperTail(double x, double df)
{
    if (std::isnan(x) || !ValidDf(df))
    {
        return kNaN;
    }
    if (x <= 0.0)
    {
        return 1.0;
    }
    if (std::isinf(x))
    {
        return 0.0;
    }
    const boost::math::chi_squared_distribution<double, QuietPolicy> dist(df);
    return boost::math::cdf(boost::math::complement(dist, x));
}

std::vector<double> AverageRanks(std::span<const double> values)
{
    std::vector<std::size_t> order(values.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return values[a] < values[b]; });
    std::vector<double> ranks(values.size());
    std::size_t i = 0;
    while (i < order.size())
    {
        std::size_t j = i + 1;
        while (j < order.size() && values[order[j]] == values[order[i]])
        {
            ++j;
        }
        // Positions i..j-1 hold equal values: each gets the mean of ranks i+1..j.
        const double shared = 0.5 * static_cast<double>(i + 1 + j);
        for (std::size_t k = i; k < j; ++k)
        {
            ranks[order[k]] = shared;
        }
        i = j;
    }
    return ranks;
}

double Median(std::vector<double> values)
{
    const std::size_t mid = values.size() / 2;
    std::nth_element(values.begin(), values.begin() + static_cast<std::ptrdiff_t>(mid),
                     values.end());
    const double upper = values[mid];
    if (values.size() % 2 == 1)
    {
        return upper;
    }
    const double lower =
        *std::max_element(values.begin(), values.begin() + static_cast<std::ptrdiff_t>(mid));
    return 0.5 * (lower + upper);
}

} // namespace coscore::scoring::detail
