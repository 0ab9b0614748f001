// SPDX-License-Identifier: MIT
// How well a panel agrees: Krippendorff's alpha, ICC (McGraw & Wong) and Kendall's W.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace coscore::scoring
{

/// A units × raters table of ratings; an empty optional is a missing rating.
struct RatingsTable
{
    std::vector<std::string> units;
    std::vector<std::string> raters;
    std::vector<std::vector<std::optional<double>>> values; ///< [unit][rater]
};

/// Krippendorff's alpha by level of measurement; a level is empty when undefined (no unit with
/// two values, all values equal, or a negative value at the ratio level).
struct KrippendorffAlpha
{
    std::optional<double> nominal;
    std::optional<double> ordinal;
    std::optional<double> interval;
    std::optional<double> ratio;
};

struct IccValue
{
    std::string name; ///< "ICC(1,1)", "ICC(2,1)", "ICC(3,1)", "ICC(1,k)", "ICC(2,k)", "ICC(3,k)"
    double value = 0.0;
    double ci_lo = 0.0;
    double ci_hi = 0.0;
    double f = 0.0;
    double df1 = 0.0;
    double df2 = 0.0;
    double p = 0.0;
};

struct AnovaMeanSquares
{
    double bms = 0.0; ///< between units (rows)
    double wms = 0.0; ///< within units
    double jms = 0.0; ///< between raters (judges)
    double ems = 0.0; ///< residual
};

struct KendallW
{
    double w = 0.0;
    double chi2 = 0.0;
    int df = 0;
    double p = 0.0;
};

struct ReliabilityReport
{
    int units = 0;
    int raters = 0;
    long long pairable_values = 0; ///< values in units holding at least two values
    KrippendorffAlpha alpha;
    /// Empty when the table has gaps or fewer than 2 units or raters, or when an ICC is
    /// undefined (every unit has the same mean). 95% intervals as psych::ICC gives them.
    std::vector<IccValue> icc;
    std::optional<AnovaMeanSquares> anova; ///< empty when the table has gaps or < 2 units, raters
    /// Empty when the table has gaps or < 2 units or raters, or no rater tells any units apart.
    std::optional<KendallW> kendall_w;
};

/// All reliability figures of a ratings table. Values must be finite; O(values) for alpha
/// (plus one sort), O(units × raters) for the rest.
ReliabilityReport ComputeReliability(const RatingsTable& table);

} // namespace coscore::scoring
