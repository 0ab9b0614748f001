// SPDX-License-Identifier: MIT
// How sure a ranking is: bootstrap over raters and the Bayesian ranking of Heyard et al. (2022).
#pragma once

#include <coscore/scoring/model.hpp>
#include <coscore/scoring/reliability.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace coscore::scoring
{

enum class RankMethod
{
    Mean,      ///< ranks by mean rating, no uncertainty
    Bootstrap, ///< resample raters with replacement (exact enumeration for small panels)
    Bayes,     ///< SNSF mode: Bayesian hierarchical model, expected ranks and lottery band
};

std::string_view ToString(RankMethod method);
std::optional<RankMethod> ParseRankMethod(std::string_view text);

struct RankOptions
{
    RankMethod method = RankMethod::Mean;
    int fundable = 0;             ///< how many units can be funded (the funding line)
    std::uint64_t seed = 1;       ///< same seed, same result
    int draws = 0;                ///< 0 = the method's default
    std::optional<std::pair<double, double>> scale; ///< rating scale when not the observed range
};

/// One unit (bid) of a ranking. Higher ratings are better; rank 1 is best.
struct RankedUnit
{
    std::string id;
    int n = 0;
    std::optional<double> mean;
    std::optional<double> median_rank;
    std::optional<double> expected_rank;
    std::optional<double> sucra;
    std::optional<double> pcer;
    std::optional<double> rank_pm; ///< rank of the posterior mean
    std::optional<RankInterval> rank_ci50;
    std::optional<RankInterval> rank_ci90;
    std::optional<double> p_funded;
    std::string group; ///< "accepted" | "lottery" | "rejected"
};

struct RankReport
{
    RankMethod method = RankMethod::Mean;
    int fundable = 0;
    std::uint64_t seed = 0;
    int draws = 0;
    bool exact = false; ///< bootstrap enumerated every resample
    std::optional<double> mc_error;
    std::optional<double> funding_line;
    std::vector<RankedUnit> units; ///< in the table's unit order
};

/// Ranks the units of a ratings table and says how sure the ranking is.
RankReport RankRatings(const RatingsTable& table, const RankOptions& options);

} // namespace coscore::scoring
