// SPDX-License-Identifier: MIT
#include "bayes_ranking.hpp"
#include "bootstrap_ranks.hpp"
#include "rank_common.hpp"

#include <coscore/scoring/error.hpp>
#include <coscore/scoring/rank_uncertainty.hpp>

#include <cmath>

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
    COSCORE_EXPECTS(table.values.size() == table.units.size());
    for (const auto& row : table.values)
    {
        COSCORE_EXPECTS(row.size() == table.raters.size());
        for (const auto& v : row)
        {
            COSCORE_EXPECTS(!v || std::isfinite(*v));
        }
    }
    RankReport report;
    report.method = options.method;
    report.fundable = options.fundable;
    report.seed = options.seed;
    const auto stats = detail::SummariseUnits(table);
    report.units.resize(table.units.size());
    for (std::size_t i = 0; i < table.units.size(); ++i)
    {
        RankedUnit& unit = report.units[i];
        unit.id = table.units[i];
        unit.n = stats[i].n;
        if (stats[i].n > 0)
        {
            unit.mean = stats[i].mean;
        }
    }
    detail::RankByMean(stats, report.units);
    switch (options.method)
    {
    case RankMethod::Mean:
        break;
    case RankMethod::Bootstrap:
        detail::AddBootstrapRanks(table, stats, options, report);
        break;
    case RankMethod::Bayes:
        detail::AddBayesRanks(table, stats, options, report);
        break;
    }
    return report;
}

} // namespace coscore::scoring
