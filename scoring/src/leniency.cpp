// SPDX-License-Identifier: MIT
#include <coscore/scoring/leniency.hpp>

#include <algorithm>
#include <cmath>
#include <cstddef>

namespace coscore::scoring
{
namespace
{

constexpr double kMinLambda = 1e-6;

/// Solves A x = b in place for a symmetric positive definite A (n × n, row-major).
std::vector<double> SolveCholesky(std::vector<double> a, std::vector<double> b, std::size_t n)
{
    for (std::size_t j = 0; j < n; ++j)
    {
        double d = a[j * n + j];
        for (std::size_t k = 0; k < j; ++k)
        {
            d -= a[j * n + k] * a[j * n + k];
        }
        d = std::sqrt(std::max(d, 1e-300));
        a[j * n + j] = d;
        for (std::size_t i = j + 1; i < n; ++i)
        {
            double s = a[i * n + j];
            for (std::size_t k = 0; k < j; ++k)
            {
                s -= a[i * n + k] * a[j * n + k];
            }
            a[i * n + j] = s / d;
        }
    }
    for (std::size_t i = 0; i < n; ++i)
    {
        for (std::size_t k = 0; k < i; ++k)
        {
            b[i] -= a[i * n + k] * b[k];
        }
        b[i] /= a[i * n + i];
    }
    for (std::size_t i = n; i-- > 0;)
    {
        for (std::size_t k = i + 1; k < n; ++k)
        {
            b[i] -= a[k * n + i] * b[k];
        }
        b[i] /= a[i * n + i];
    }
    return b;
}

} // namespace

AdditiveFit FitAdditiveModel(const RatingsTable& table, double lambda)
{
    const std::size_t raters = table.raters.size();
    const double penalty = std::max(lambda, kMinLambda);
    AdditiveFit fit;
    fit.adjusted.resize(table.values.size());
    fit.leniency.resize(raters);

    // Eliminating a_i = mean_i(T − l) leaves, for each rater j,
    //   (m_j + λ) l_j − Σ_{i ∋ j} (1/n_i) Σ_{k ∈ i} l_k = Σ_{i ∋ j} (T_ij − mean_i T).
    std::vector<double> a(raters * raters, 0.0);
    std::vector<double> rhs(raters, 0.0);
    std::vector<std::size_t> rated(raters, 0);
    std::vector<std::size_t> present;
    std::vector<double> unit_mean(table.values.size(), 0.0);
    for (std::size_t i = 0; i < table.values.size(); ++i)
    {
        const auto& row = table.values[i];
        present.clear();
        double sum = 0.0;
        for (std::size_t j = 0; j < row.size() && j < raters; ++j)
        {
            if (row[j])
            {
                present.push_back(j);
                sum += *row[j];
            }
        }
        if (present.empty())
        {
            continue;
        }
        const double n = static_cast<double>(present.size());
        unit_mean[i] = sum / n;
        for (const std::size_t j : present)
        {
            ++rated[j];
            rhs[j] += *row[j] - unit_mean[i];
            for (const std::size_t k : present)
            {
                a[j * raters + k] -= 1.0 / n;
            }
        }
    }
    for (std::size_t j = 0; j < raters; ++j)
    {
        a[j * raters + j] += static_cast<double>(rated[j]) + penalty;
    }
    const std::vector<double> l = SolveCholesky(std::move(a), std::move(rhs), raters);
    for (std::size_t j = 0; j < raters; ++j)
    {
        if (rated[j] > 0)
        {
            fit.leniency[j] = l[j];
        }
    }
    for (std::size_t i = 0; i < table.values.size(); ++i)
    {
        const auto& row = table.values[i];
        double lenient = 0.0;
        std::size_t n = 0;
        for (std::size_t j = 0; j < row.size() && j < raters; ++j)
        {
            if (row[j])
            {
                lenient += l[j];
                ++n;
            }
        }
        if (n > 0)
        {
            fit.adjusted[i] = unit_mean[i] - lenient / static_cast<double>(n);
        }
    }
    return fit;
}

std::vector<std::optional<double>> ComputeZMeans(const RatingsTable& table)
{
    const std::size_t raters = table.raters.size();
    std::vector<double> sum(raters, 0.0);
    std::vector<std::size_t> count(raters, 0);
    for (const auto& row : table.values)
    {
        for (std::size_t j = 0; j < row.size() && j < raters; ++j)
        {
            if (row[j])
            {
                sum[j] += *row[j];
                ++count[j];
            }
        }
    }
    std::vector<double> mean(raters, 0.0);
    for (std::size_t j = 0; j < raters; ++j)
    {
        mean[j] = count[j] > 0 ? sum[j] / static_cast<double>(count[j]) : 0.0;
    }
    std::vector<double> squares(raters, 0.0);
    for (const auto& row : table.values)
    {
        for (std::size_t j = 0; j < row.size() && j < raters; ++j)
        {
            if (row[j])
            {
                squares[j] += (*row[j] - mean[j]) * (*row[j] - mean[j]);
            }
        }
    }
    std::vector<double> sd(raters, 0.0);
    for (std::size_t j = 0; j < raters; ++j)
    {
        sd[j] = count[j] > 1 ? std::sqrt(squares[j] / static_cast<double>(count[j] - 1)) : 0.0;
    }
    std::vector<std::optional<double>> zmean(table.values.size());
    for (std::size_t i = 0; i < table.values.size(); ++i)
    {
        const auto& row = table.values[i];
        double z = 0.0;
        std::size_t n = 0;
        for (std::size_t j = 0; j < row.size() && j < raters; ++j)
        {
            if (row[j])
            {
                // A spread below rounding noise is no spread: such a rater ranks nothing.
                z += sd[j] > 1e-9 ? (*row[j] - mean[j]) / sd[j] : 0.0;
                ++n;
            }
        }
        if (n > 0)
        {
            zmean[i] = z / static_cast<double>(n);
        }
    }
    return zmean;
}

} // namespace coscore::scoring
