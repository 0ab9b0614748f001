// SPDX-License-Identifier: MIT
#include <coscore/scoring/reliability.hpp>

namespace coscore::scoring
{

ReliabilityReport ComputeReliability(const RatingsTable& table)
{
    // First cut: counts only. Alpha, ICC and W arrive with issue #3.
    ReliabilityReport report;
    report.units = static_cast<int>(table.units.size());
    report.raters = static_cast<int>(table.raters.size());
    for (const auto& row : table.values)
    {
        long long present = 0;
        for (const auto& v : row)
        {
            present += v.has_value() ? 1 : 0;
        }
        report.pairable_values += present >= 2 ? present : 0;
    }
    return report;
}

} // namespace coscore::scoring
