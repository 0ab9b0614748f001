// SPDX-License-Identifier: MIT
// n units (targets) rated by k raters (judges). Mean squares: BMS between units, WMS within
// units, JMS between raters, EMS residual. Formulas and confidence intervals follow Shrout &
// Fleiss (1979) and McGraw & Wong (1996), as implemented by R's psych::ICC.
#include "icc.hpp"

#include "stats_math.hpp"

#include <cmath>
#include <limits>
#include <string>

namespace coscore::scoring::detail
{
namespace
{

constexpr double kAlpha = 0.05; // 95% intervals

/// a / b where a zero denominator means an infinitely strong F (or undefined if a is 0 too).
double Ratio(double a, double b)
{
    if (b == 0.0)
    {
        return a > 0.0 ? std::numeric_limits<double>::infinity()
                       : std::numeric_limits<double>::quiet_NaN();
    }
    return a / b;
}

/// The single-rating ICC implied by an F ratio: (F − 1)/(F + k − 1), tending to 1 as F grows.
double SingleFromF(double f, double k)
{
    return std::isinf(f) && f > 0.0 ? 1.0 : (f - 1.0) / (f + k - 1.0);
}

/// The average-rating ICC implied by an F ratio: 1 − 1/F.
double AverageFromF(double f)
{
    return 1.0 - 1.0 / f;
}

double Spearman(double single, double k)
{
    return single * k / (1.0 + single * (k - 1.0));
}

bool AllFinite(const IccValue& v)
{
    return std::isfinite(v.value) && std::isfinite(v.ci_lo) && std::isfinite(v.ci_hi) &&
           !std::isnan(v.f) && std::isfinite(v.p);
}

} // namespace

bool IsCompleteGrid(const RatingsTable& table)
{
    if (table.values.size() < 2 || table.raters.size() < 2)
    {
        return false;
    }
    for (const auto& row : table.values)
    {
        for (const auto& v : row)
        {
            if (!v)
            {
                return false;
            }
        }
    }
    return true;
}

std::optional<AnovaMeanSquares> ComputeAnova(const RatingsTable& table)
{
    if (!IsCompleteGrid(table))
    {
        return std::nullopt;
    }
    const std::size_t n = table.values.size();
    const std::size_t k = table.raters.size();
    std::vector<double> row_mean(n, 0.0);
    std::vector<double> col_mean(k, 0.0);
    double grand = 0.0;
    for (std::size_t i = 0; i < n; ++i)
    {
        for (std::size_t j = 0; j < k; ++j)
        {
            const double x = *table.values[i][j];
            row_mean[i] += x;
            col_mean[j] += x;
            grand += x;
        }
    }
    const auto dn = static_cast<double>(n);
    const auto dk = static_cast<double>(k);
    grand /= dn * dk;
    double ssb = 0.0;
    for (auto& m : row_mean)
    {
        m /= dk;
        ssb += dk * (m - grand) * (m - grand);
    }
    double ssj = 0.0;
    for (auto& m : col_mean)
    {
        m /= dn;
        ssj += dn * (m - grand) * (m - grand);
    }
    // The residuals are summed directly rather than as SST − SSB − SSJ, which can round below 0.
    double sse = 0.0;
    for (std::size_t i = 0; i < n; ++i)
    {
        for (std::size_t j = 0; j < k; ++j)
        {
            const double e = *table.values[i][j] - row_mean[i] - col_mean[j] + grand;
            sse += e * e;
        }
    }
    AnovaMeanSquares ms;
    ms.bms = ssb / (dn - 1.0);
    ms.jms = ssj / (dk - 1.0);
    ms.ems = sse / ((dn - 1.0) * (dk - 1.0));
    ms.wms = (ssj + sse) / (dn * (dk - 1.0));
    return ms;
}

std::vector<IccValue> ComputeIcc(const AnovaMeanSquares& ms, int units, int raters)
{
    const auto n = static_cast<double>(units);
    const auto k = static_cast<double>(raters);

    // One-way model: F = BMS/WMS on (n − 1, n(k − 1)) df.
    const double f1 = Ratio(ms.bms, ms.wms);
    const double df1 = n - 1.0;
    const double df1_within = n * (k - 1.0);
    const double p1 = FUpperTail(f1, df1, df1_within);
    const double f1_lo = f1 / FUpperQuantile(kAlpha / 2.0, df1, df1_within);
    const double f1_hi = f1 * FUpperQuantile(kAlpha / 2.0, df1_within, df1);

    // Two-way models: F = BMS/EMS on (n − 1, (n − 1)(k − 1)) df.
    const double f3 = Ratio(ms.bms, ms.ems);
    const double df3_resid = (n - 1.0) * (k - 1.0);
    const double p3 = FUpperTail(f3, df1, df3_resid);
    const double f3_lo = f3 / FUpperQuantile(kAlpha / 2.0, df1, df3_resid);
    const double f3_hi = f3 * FUpperQuantile(kAlpha / 2.0, df3_resid, df1);

    const double icc2 =
        (ms.bms - ms.ems) / (ms.bms + (k - 1.0) * ms.ems + k * (ms.jms - ms.ems) / n);

    // ICC(2,1) interval: Satterthwaite's df v for the denominator (McGraw & Wong 1996, table 7).
    double v = 0.0;
    if (ms.ems == 0.0)
    {
        v = ms.jms > 0.0 ? k - 1.0 : df3_resid; // the limits of the formula below as EMS → 0
    }
    else
    {
        const double fj = ms.jms / ms.ems;
        const double a = n * (1.0 + (k - 1.0) * icc2) - k * icc2;
        const double vn = df3_resid * (k * icc2 * fj + a) * (k * icc2 * fj + a);
        const double vd = (n - 1.0) * k * k * icc2 * icc2 * fj * fj + a * a;
        v = vn / vd;
    }
    const double f2_upper = FUpperQuantile(kAlpha / 2.0, n - 1.0, v);
    const double f2_lower = FUpperQuantile(kAlpha / 2.0, v, n - 1.0);
    const double spread = k * ms.jms + (k * n - k - n) * ms.ems;
    const double icc2_lo = n * (ms.bms - f2_upper * ms.ems) / (f2_upper * spread + n * ms.bms);
    const double icc2_hi = n * (f2_lower * ms.bms - ms.ems) / (spread + n * f2_lower * ms.bms);

    std::vector<IccValue> out{
        {"ICC(1,1)", (ms.bms - ms.wms) / (ms.bms + (k - 1.0) * ms.wms), SingleFromF(f1_lo, k),
         SingleFromF(f1_hi, k), f1, df1, df1_within, p1},
        {"ICC(2,1)", icc2, icc2_lo, icc2_hi, f3, df1, df3_resid, p3},
        {"ICC(3,1)", (ms.bms - ms.ems) / (ms.bms + (k - 1.0) * ms.ems), SingleFromF(f3_lo, k),
         SingleFromF(f3_hi, k), f3, df1, df3_resid, p3},
        {"ICC(1,k)", (ms.bms - ms.wms) / ms.bms, AverageFromF(f1_lo), AverageFromF(f1_hi), f1, df1,
         df1_within, p1},
        {"ICC(2,k)", (ms.bms - ms.ems) / (ms.bms + (ms.jms - ms.ems) / n), Spearman(icc2_lo, k),
         Spearman(icc2_hi, k), f3, df1, df3_resid, p3},
        {"ICC(3,k)", (ms.bms - ms.ems) / ms.bms, AverageFromF(f3_lo), AverageFromF(f3_hi), f3, df1,
         df3_resid, p3},
    };
    for (const auto& icc : out)
    {
        if (!AllFinite(icc))
        {
            return {};
        }
    }
    return out;
}

} // namespace coscore::scoring::detail
