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
    int fundable = 0;       ///< how many units can be funded (the funding line); 0 = none
    std::uint64_t seed = 1; ///< same seed, same result
    int draws = 0;          ///< 0 = the method's default (bootstrap 2,000; Bayes 20,000)
    std::optional<std::pair<double, double>> scale; ///< rating scale when not the observed range
};

/// One unit (bid) of a ranking. Higher ratings are better; rank 1 is best.
struct RankedUnit
{
    std::string id;
    int n = 0;
    std::optional<double> mean;
    int rank = 0;      ///< by mean, then median, then n (1 = best); 0 when the unit has no rating
    bool tied = false; ///< shares its rank: equal mean, median and n
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
    int draws = 0;      ///< resamples or posterior draws used (fewer than asked for huge tables)
    bool exact = false; ///< bootstrap enumerated every resample
    /// Monte-Carlo standard error of the expected ranks, the largest over the units (0 = exact).
    std::optional<double> mc_error;
    std::optional<double> funding_line; ///< Bayes: the expected rank of the last fundable unit
    int chains = 0;                     ///< Bayes: MCMC chains
    std::optional<double> max_rhat;     ///< Bayes: largest split R-hat of the monitored parameters
    bool converged = false;             ///< Bayes: max_rhat ≤ 1.01
    std::vector<RankedUnit> units;      ///< in the table's unit order
};

/// Ranks the units of a ratings table and says how sure the ranking is. Units without any
/// rating are reported but not ranked. Deterministic for the same table and options.
RankReport RankRatings(const RatingsTable& table, const RankOptions& options);

} // namespace coscore::scoring
