// SPDX-License-Identifier: MIT
// Notation of Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability": n pairable
// values, m_u values in unit u, δ the level's difference function. With O_u the sum of δ over
// the ordered pairs of values within unit u, and E the same sum over all ordered pairs of
// pairable values,
//     D_o = (1/n) Σ_u O_u / (m_u − 1),   D_e = E / (n (n − 1)),   α = 1 − D_o / D_e.
// This equals the coincidence-matrix form; O_u and E are found without building the matrix.
#include "krippendorff.hpp"

#include <algorithm>
#include <cmath>
#include <optional>
#include <span>
#include <vector>

namespace coscore::scoring::detail
{
namespace
{

/// The pairable values, unit by unit: unit k holds values[offsets[k] .. offsets[k + 1]).
struct Pairable
{
    std::vector<double> values;
    std::vector<std::size_t> offsets{0};

    std::size_t Units() const { return offsets.size() - 1; }
    std::span<const double> Unit(std::size_t k) const
    {
        return std::span(values).subspan(offsets[k], offsets[k + 1] - offsets[k]);
    }
};

Pairable CollectPairable(const RatingsTable& table)
{
    Pairable p;
    for (const auto& row : table.values)
    {
        const std::size_t start = p.values.size();
        for (const auto& v : row)
        {
            if (v)
            {
                p.values.push_back(*v);
            }
        }
        if (p.values.size() - start >= 2)
        {
            p.offsets.push_back(p.values.size());
        }
        else
        {
            p.values.resize(start); // a unit with one value has no pair: not pairable
        }
    }
    return p;
}

/// Distinct values, ascending, with how often each occurs among the pairable values.
struct ValueCounts
{
    std::vector<double> value;
    std::vector<double> count;
};

ValueCounts CountValues(std::vector<double> sorted)
{
    std::sort(sorted.begin(), sorted.end());
    ValueCounts vc;
    for (double x : sorted)
    {
        if (vc.value.empty() || vc.value.back() != x)
        {
            vc.value.push_back(x);
            vc.count.push_back(0.0);
        }
        vc.count.back() += 1.0;
    }
    return vc;
}

std::optional<double> Alpha(double n, double unit_sum, double expected)
{
    if (!(expected > 0.0))
    {
        return std::nullopt;
    }
    return 1.0 - (n - 1.0) * unit_sum / expected;
}

/// Σ over ordered pairs of squared differences of `x` = 2 m Σ (x − mean)².
double SquaredDifferencePairs(std::span<const double> x)
{
    double mean = 0.0;
    for (double v : x)
    {
        mean += v;
    }
    mean /= static_cast<double>(x.size());
    double ss = 0.0;
    for (double v : x)
    {
        ss += (v - mean) * (v - mean);
    }
    return 2.0 * static_cast<double>(x.size()) * ss;
}

/// Interval alpha, δ = (c − k)², of values laid out unit by unit like `p`.
std::optional<double> IntervalAlpha(const Pairable& p, std::span<const double> values)
{
    double unit_sum = 0.0;
    for (std::size_t k = 0; k < p.Units(); ++k)
    {
        const auto unit = values.subspan(p.offsets[k], p.offsets[k + 1] - p.offsets[k]);
        unit_sum += SquaredDifferencePairs(unit) / static_cast<double>(unit.size() - 1);
    }
    return Alpha(static_cast<double>(values.size()), unit_sum, SquaredDifferencePairs(values));
}

/// Ordered pairs of unequal values among x: m² − Σ_v n_v².
double UnequalPairs(std::span<const double> x, std::vector<double>& scratch)
{
    scratch.assign(x.begin(), x.end());
    std::sort(scratch.begin(), scratch.end());
    double same = 0.0;
    std::size_t i = 0;
    while (i < scratch.size())
    {
        std::size_t j = i;
        while (j < scratch.size() && scratch[j] == scratch[i])
        {
            ++j;
        }
        same += static_cast<double>((j - i) * (j - i));
        i = j;
    }
    const auto m = static_cast<double>(x.size());
    return m * m - same;
}

std::optional<double> NominalAlpha(const Pairable& p, const ValueCounts& vc)
{
    std::vector<double> scratch;
    double unit_sum = 0.0;
    for (std::size_t k = 0; k < p.Units(); ++k)
    {
        const auto unit = p.Unit(k);
        unit_sum += UnequalPairs(unit, scratch) / static_cast<double>(unit.size() - 1);
    }
    const auto n = static_cast<double>(p.values.size());
    double same = 0.0;
    for (double c : vc.count)
    {
        same += c * c;
    }
    return Alpha(n, unit_sum, n * n - same);
}

/// The ordinal δ_ck = (Σ_{g=c..k} n_g − (n_c + n_k)/2)² is (N_c − N_k)² with
/// N_c = Σ_{g<c} n_g + n_c/2, so ordinal alpha is interval alpha of the N-transformed values.
std::optional<double> OrdinalAlpha(const Pairable& p, const ValueCounts& vc)
{
    std::vector<double> position(vc.value.size());
    double before = 0.0;
    for (std::size_t i = 0; i < vc.value.size(); ++i)
    {
        position[i] = before + 0.5 * vc.count[i];
        before += vc.count[i];
    }
    std::vector<double> transformed(p.values.size());
    for (std::size_t i = 0; i < p.values.size(); ++i)
    {
        const auto it = std::lower_bound(vc.value.begin(), vc.value.end(), p.values[i]);
        transformed[i] = position[static_cast<std::size_t>(it - vc.value.begin())];
    }
    return IntervalAlpha(p, transformed);
}

double RatioDelta(double c, double k)
{
    const double sum = c + k;
    if (sum == 0.0)
    {
        return 0.0;
    }
    const double d = (c - k) / sum;
    return d * d;
}

double RatioPairsWithin(std::span<const double> x)
{
    double total = 0.0;
    for (std::size_t i = 0; i < x.size(); ++i)
    {
        for (std::size_t j = i + 1; j < x.size(); ++j)
        {
            total += RatioDelta(x[i], x[j]);
        }
    }
    return 2.0 * total;
}

/// E for the ratio level, Σ over ordered pairs of distinct values, directly: O(V²).
double RatioExpectedDirect(const ValueCounts& vc)
{
    double total = 0.0;
    for (std::size_t a = 0; a < vc.value.size(); ++a)
    {
        double row = 0.0;
        for (std::size_t b = a + 1; b < vc.value.size(); ++b)
        {
            row += vc.count[b] * RatioDelta(vc.value[a], vc.value[b]);
        }
        total += vc.count[a] * row;
    }
    return 2.0 * total;
}

// For positive c, k: δ = 1 − 4ck/(c + k)², and 1/(c + k)² = ∫₀^∞ t e^{−t(c+k)} dt, so
//     Σ_{c,k} n_c n_k ck/(c + k)² = ∫₀^∞ t F(t)² dt,   F(t) = Σ_c n_c c e^{−tc}.
// With t = e^s each pair's integrand is a shifted copy of e^{2x − e^x}, a smooth bump whose
// trapezoid sum converges geometrically: step 0.25 leaves an error near 1e-15 of the integral.
// With values scaled to at most 1, F(t) for t ≤ 1/2 comes from the power moments of the values
// (its Taylor series), and for large t only values below 40/t matter (e^{−40} < 1e-17), so
// the cost is a few dozen passes over the values however widely they spread.
constexpr double kQuadratureStep = 0.25;
constexpr double kBumpLeft = -18.0;  // e^{2x} < 1e-15 beyond
constexpr double kBumpRight = 4.0;   // e^{2x − e^x} < 1e-20 beyond
constexpr double kTaylorBelow = 0.5; // t·c ≤ 1/2: the series below converges fast
constexpr int kTaylorTerms = 18;     // (1/2)^19/19! < 1e-22
constexpr double kNegligibleTc = 40.0;

double RatioExpectedQuadrature(const ValueCounts& vc, double zeros, double positives,
                               double smallest_positive)
{
    const double scale = vc.value.back();
    std::vector<double> c; // the positive values over `scale`, ascending, with their counts
    std::vector<double> n;
    for (std::size_t a = 0; a < vc.value.size(); ++a)
    {
        if (vc.value[a] > 0.0)
        {
            c.push_back(vc.value[a] / scale);
            n.push_back(vc.count[a]);
        }
    }
    // moment[p] = Σ n c^(p + 1), so F(t) = Σ_m (−t)^m / m! · moment[m] for small t.
    std::vector<double> moment(kTaylorTerms + 1, 0.0);
    for (std::size_t a = 0; a < c.size(); ++a)
    {
        double power = n[a] * c[a];
        for (double& m : moment)
        {
            m += power;
            power *= c[a];
        }
    }
    const double s_lo = kBumpLeft - std::log(2.0);
    const double s_hi = kBumpRight - std::log(2.0 * smallest_positive / scale);
    const auto steps = static_cast<int>(std::ceil((s_hi - s_lo) / kQuadratureStep));
    double integral = 0.0;
    for (int i = 0; i <= steps; ++i)
    {
        const double s = s_lo + kQuadratureStep * static_cast<double>(i);
        const double t = std::exp(s);
        double f = 0.0;
        if (t <= kTaylorBelow)
        {
            double term = 1.0;
            for (int m = 0; m <= kTaylorTerms; ++m)
            {
                f += term * moment[static_cast<std::size_t>(m)];
                term *= -t / static_cast<double>(m + 1);
            }
        }
        else
        {
            const auto end = std::lower_bound(c.begin(), c.end(), kNegligibleTc / t) - c.begin();
            for (std::ptrdiff_t a = 0; a < end; ++a)
            {
                const auto k = static_cast<std::size_t>(a);
                f += n[k] * c[k] * std::exp(-t * c[k]);
            }
        }
        integral += std::exp(2.0 * s) * f * f;
    }
    integral *= kQuadratureStep;
    return 2.0 * zeros * positives + positives * positives - 4.0 * integral;
}

std::optional<double> RatioAlpha(const Pairable& p, const ValueCounts& vc)
{
    if (vc.value.front() < 0.0)
    {
        return std::nullopt; // ratio data are never negative
    }
    double unit_sum = 0.0;
    for (std::size_t k = 0; k < p.Units(); ++k)
    {
        const auto unit = p.Unit(k);
        unit_sum += RatioPairsWithin(unit) / static_cast<double>(unit.size() - 1);
    }
    double zeros = 0.0;
    double positives = 0.0;
    double smallest_positive = 0.0;
    for (std::size_t a = 0; a < vc.value.size(); ++a)
    {
        if (vc.value[a] == 0.0)
        {
            zeros += vc.count[a];
        }
        else
        {
            positives += vc.count[a];
            smallest_positive = smallest_positive == 0.0 ? vc.value[a] : smallest_positive;
        }
    }
    const auto distinct = static_cast<double>(vc.value.size());
    const double direct_cost = 0.5 * distinct * distinct;
    // Nodes with t > 1/2 each pass over (at most) all values; the others cost nothing.
    const double nodes = (kBumpRight - std::log(kTaylorBelow) +
                          std::log(vc.value.back() / std::max(smallest_positive, 1e-300))) /
                         kQuadratureStep;
    const double expected = smallest_positive > 0.0 && nodes * distinct < direct_cost
                                ? RatioExpectedQuadrature(vc, zeros, positives, smallest_positive)
                                : RatioExpectedDirect(vc);
    return Alpha(static_cast<double>(p.values.size()), unit_sum, expected);
}

} // namespace

AlphaResult ComputeKrippendorffAlpha(const RatingsTable& table)
{
    AlphaResult result;
    const Pairable p = CollectPairable(table);
    result.pairable_values = static_cast<long long>(p.values.size());
    const ValueCounts vc = CountValues(p.values);
    if (vc.value.size() < 2)
    {
        return result; // no pairable values, or all equal: no expected disagreement
    }
    result.alpha.nominal = NominalAlpha(p, vc);
    result.alpha.ordinal = OrdinalAlpha(p, vc);
    result.alpha.interval = IntervalAlpha(p, p.values);
    result.alpha.ratio = RatioAlpha(p, vc);
    return result;
}

} // namespace coscore::scoring::detail
