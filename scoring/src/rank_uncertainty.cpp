// SPDX-License-Identifier: MIT
#include <coscore/scoring/rank_uncertainty.hpp>

namespace coscore::scoring
{

std::string_view ToString(RankMethod method)
{
    switch (method)
    {
    case RankMethod::Mean:
        return "mean";
    case RankMethod::Bootstrap:
        return "bootstrap";
    case RankMethod::Bayes:
        return "bayes";
    }
    return "";
}

std::optional<RankMethod> ParseRankMethod(std::string_view text)
{
    for (RankMethod m : {RankMethod::Mean, RankMethod::Bootstrap, RankMethod::Bayes})
    {
        if (ToString(m) == text)
        {
            return m;
        }
    }
    return std::nullopt;
}

RankReport RankRatings(const RatingsTable& table, const RankOptions& options)
{
    // Placeholder until the statistics of issue #3 land: ids only.
    RankReport report;
    report.method = options.method;
    report.fundable = options.fundable;
    report.seed = options.seed;
    for (const auto& unit : table.units)
    {
        RankedUnit u;
        u.id = unit;
        report.units.push_back(u);
    }
    return report;
}

} // namespace coscore::scoring
