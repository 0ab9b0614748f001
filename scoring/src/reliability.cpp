// SPDX-License-Identifier: MIT
#include "icc.hpp"
#include "kendall.hpp"
#include "krippendorff.hpp"

#include <coscore/scoring/error.hpp>
#include <coscore/scoring/reliability.hpp>

#include <cmath>

namespace coscore::scoring
{

ReliabilityReport ComputeReliability(const RatingsTable& table)
{
    COSCORE_EXPECTS(table.values.size() == table.units.size());
    for (const auto& row : table.values)
    {
        COSCORE_EXPECTS(row.size() == table.raters.size());
        for (const auto& v : row)
        {
            COSCORE_EXPECTS(!v || std::isfinite(*v));
        }
    }
    ReliabilityReport report;
    report.units = static_cast<int>(table.units.size());
    report.raters = static_cast<int>(table.raters.size());
    const auto alpha = detail::ComputeKrippendorffAlpha(table);
    report.pairable_values = alpha.pairable_values;
    report.alpha = alpha.alpha;
    report.anova = detail::ComputeAnova(table);
    if (report.anova)
    {
        report.icc = detail::ComputeIcc(*report.anova, report.units, report.raters);
    }
    report.kendall_w = detail::ComputeKendallW(table);
    return report;
}

} // namespace coscore::scoring
