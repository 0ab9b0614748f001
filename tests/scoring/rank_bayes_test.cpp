// SPDX-License-Identifier: MIT
// SNSF mode against the published results of the R package ERforResearch (snsf-data/
// ERforResearch, version 4.0.0), which accompanies Heyard, Ott, Salanti & Egger (2022),
// "Rethinking the funding line at the Swiss National Science Foundation: Bayesian ranking and
// lottery", Statistics and Public Policy 9(1):110–121.
//
// Data: the package's mock panel 1 (get_mock_data(), panel "p1": 15 proposals × 5 assessors),
// tests/data/shared/erforresearch_mock_panel1_long.csv. The package ranks on `num_grade`
// (7 − grade, so 6 is best): rank_theta = rank(−proposal_intercept).
//
// Published figures (the vignette "Demo ERforResearch", docs/articles/
// ERforResearch_vignette.html): get_er_from_jags() on 4 JAGS chains, 20,000 draws each after
// one extension, printed to two decimals (three significant digits from 10 on):
//     ER   #1 2.44  #2 4.06  #3 4.09  #4 4.12  #5 5.08  #6 6.19  #7 7.34  #8 7.26  #9 8.43
//          #10 9.42  #11 10.4  #12 11.4  #13 13.0  #14 13.0  #15 13.7
//     SUCRA (get_sucra) .90 .78 .78 .78 .71 .63 .55 .55 .47 .40 .33 .25 .15 .14 .09
//     rank of the posterior mean: #1..#6 → 1..6, #8 → 7, #7 → 8, #9..#15 → 9..15.
//
// Tolerance for ER: both sides are Monte-Carlo estimates. Ours reports its standard error
// (mc_error, ≈ 0.02 at the default 20,000 draws). The package does not print its own; the
// published ERs scatter around a long run of this sampler (600,000 draws, mc_error 0.004) with
// a root-mean-square deviation of 0.03, which we take as its standard error. We accept
// |ER − published| ≤ 0.005 (printing) + 3·√(mc_error² + 0.03²) (≈ 0.12), and one unit of the
// third significant digit from 10 on.
//
// Groups: plot_er_distributions(number_fundable = 5) puts a proposal in the lottery when its
// 50% credible interval (R type-7 quantiles of its rank draws) contains the funding line, the
// ER of the fifth proposal (≈ 5.08). On the posterior of the default model that gives #1
// accepted, #2–#8 lottery, #9–#15 rejected: #7 and #8 have P(rank ≤ 5) ≈ 0.268 (long run), so
// their 25% rank quantile is 5, inside the line. The vignette's prose says "four proposals will
// be randomly selected from a group of five", which would need P(rank ≤ 5) < 0.25 for both; its
// own printed ER for #8 (7.26, below the long-run 7.28) argues against that, so we take the
// prose to describe an earlier run and assert the labels the package's rule gives here, stable
// across seeds.
#include "ratings_fixtures.hpp"

#include <coscore/scoring/rank_uncertainty.hpp>
#include <coscore/scoring/ratings_table.hpp>

#include <boost/test/data/monomorphic.hpp>
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <charconv>
#include <cmath>
#include <fstream>
#include <ostream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace data = boost::unit_test::data;
namespace tt = boost::test_tools;
using namespace coscore::scoring;
using namespace coscore::scoring::test;

namespace
{

constexpr double kPublishedMcError = 0.03;

RatingsTable MockPanel1()
{
    const std::string path =
        std::string(COSCORE_TEST_DATA_DIR) + "/shared/erforresearch_mock_panel1_long.csv";
    std::ifstream file(path);
    BOOST_TEST_REQUIRE(file.good(), "cannot read " << path);
    std::string line;
    std::getline(file, line);
    BOOST_TEST_REQUIRE(line == "proposal,assessor,grade,num_grade");
    std::vector<LongRating> rows;
    while (std::getline(file, line))
    {
        std::vector<std::string> fields;
        std::stringstream stream(line);
        std::string field;
        while (std::getline(stream, field, ','))
        {
            fields.push_back(field);
        }
        BOOST_TEST_REQUIRE(fields.size() == 4U);
        double grade = 0.0;
        const auto [end, error] =
            std::from_chars(fields[3].data(), fields[3].data() + fields[3].size(), grade);
        BOOST_TEST_REQUIRE((error == std::errc() && end == fields[3].data() + fields[3].size()));
        rows.push_back({fields[0], fields[1], grade});
    }
    auto build = BuildRatingsTable(rows);
    BOOST_TEST_REQUIRE(build.issues.empty());
    BOOST_TEST_REQUIRE(build.table.units.size() == 15U);
    BOOST_TEST_REQUIRE(build.table.raters.size() == 5U);
    return build.table;
}

RankOptions Bayes(int fundable, std::uint64_t seed = 1)
{
    RankOptions options;
    options.method = RankMethod::Bayes;
    options.fundable = fundable;
    options.seed = seed;
    options.scale = std::make_pair(1.0, 6.0); // the SNSF six-point scale of num_grade
    return options;
}

const RankReport& MockReport()
{
    static const RankReport report = RankRatings(MockPanel1(), Bayes(5));
    return report;
}

} // namespace

struct PublishedRank
{
    std::string id;
    double er;
    double er_half_unit; ///< half the last printed digit
    double sucra;
    std::string group;
};

std::ostream& operator<<(std::ostream& os, const PublishedRank& c)
{
    return os << c.id;
}

namespace
{

const std::vector<PublishedRank> kPublished{
    {"#1", 2.44, 0.005, 0.90, "accepted"}, {"#2", 4.06, 0.005, 0.78, "lottery"},
    {"#3", 4.09, 0.005, 0.78, "lottery"},  {"#4", 4.12, 0.005, 0.78, "lottery"},
    {"#5", 5.08, 0.005, 0.71, "lottery"},  {"#6", 6.19, 0.005, 0.63, "lottery"},
    {"#7", 7.34, 0.005, 0.55, "lottery"},  {"#8", 7.26, 0.005, 0.55, "lottery"},
    {"#9", 8.43, 0.005, 0.47, "rejected"}, {"#10", 9.42, 0.005, 0.40, "rejected"},
    {"#11", 10.4, 0.05, 0.33, "rejected"}, {"#12", 11.4, 0.05, 0.25, "rejected"},
    {"#13", 13.0, 0.05, 0.15, "rejected"}, {"#14", 13.0, 0.05, 0.14, "rejected"},
    {"#15", 13.7, 0.05, 0.09, "rejected"},
};

const RankedUnit& Unit(const RankReport& report, const std::string& id)
{
    for (const auto& unit : report.units)
    {
        if (unit.id == id)
        {
            return unit;
        }
    }
    BOOST_FAIL("no unit " << id);
    return report.units.front();
}

double ErTolerance(const RankReport& report, double half_unit)
{
    return half_unit + 3.0 * std::hypot(*report.mc_error, kPublishedMcError);
}

} // namespace

BOOST_AUTO_TEST_SUITE(bayes_ranking)

BOOST_DATA_TEST_CASE(MockPanelMatchesThePublishedExpectedRanks, data::make(kPublished), c)
{
    const RankReport& report = MockReport();
    const RankedUnit& unit = Unit(report, c.id);
    BOOST_TEST_REQUIRE(unit.expected_rank.has_value());
    const double tolerance = ErTolerance(report, c.er_half_unit);
    BOOST_TEST(std::fabs(*unit.expected_rank - c.er) <= tolerance,
               "ER " << *unit.expected_rank << " vs " << c.er << " ± " << tolerance);
    // SUCRA = (n − ER)/(n − 1) in the package (the mean of the cumulative rank probabilities).
    BOOST_TEST(*unit.sucra == (15.0 - *unit.expected_rank) / 14.0, tt::tolerance(1e-12));
    BOOST_TEST(std::fabs(*unit.sucra - c.sucra) <= 0.005 + tolerance / 14.0);
    BOOST_TEST(*unit.pcer == 100.0 * (*unit.expected_rank - 0.5) / 15.0, tt::tolerance(1e-12));
}

BOOST_DATA_TEST_CASE(MockPanelGroupsFollowThePackagesRule, data::make(kPublished), c)
{
    BOOST_TEST(Unit(MockReport(), c.id).group == c.group);
}

BOOST_AUTO_TEST_CASE(GroupLabelsDoNotDependOnTheSeed)
{
    const RatingsTable table = MockPanel1();
    for (std::uint64_t seed : {2U, 3U, 4U, 5U})
    {
        const auto report = RankRatings(table, Bayes(5, seed));
        for (const auto& c : kPublished)
        {
            BOOST_TEST(Unit(report, c.id).group == c.group, "seed " << seed << ' ' << c.id);
        }
    }
}

BOOST_AUTO_TEST_CASE(MockPanelFundingLineIsTheFifthExpectedRank)
{
    const RankReport& report = MockReport();
    BOOST_TEST_REQUIRE(report.funding_line.has_value());
    BOOST_TEST(*report.funding_line == *Unit(report, "#5").expected_rank);
    BOOST_TEST(std::fabs(*report.funding_line - 5.08) <= ErTolerance(report, 0.005));
}

BOOST_AUTO_TEST_CASE(MockPanelRankOfPosteriorMeanMatchesWhereItIsClear)
{
    // #2–#4, #7/#8 and #13/#14 have nearly equal posterior means: their order within each group
    // is Monte-Carlo noise (the long run even puts #4 before #3), so only the sets are checked.
    const RankReport& report = MockReport();
    const std::pair<const char*, double> clear[] = {{"#1", 1},   {"#5", 5},   {"#6", 6},
                                                    {"#9", 9},   {"#10", 10}, {"#11", 11},
                                                    {"#12", 12}, {"#15", 15}};
    for (const auto& [id, rank] : clear)
    {
        BOOST_TEST(*Unit(report, id).rank_pm == rank, id);
    }
    const std::vector<std::pair<std::vector<std::string>, std::set<double>>> groups{
        {{"#2", "#3", "#4"}, {2, 3, 4}}, {{"#7", "#8"}, {7, 8}}, {{"#13", "#14"}, {13, 14}}};
    for (const auto& [ids, ranks] : groups)
    {
        std::set<double> got;
        for (const auto& id : ids)
        {
            got.insert(*Unit(report, id).rank_pm);
        }
        BOOST_TEST((got == ranks));
    }
}

BOOST_AUTO_TEST_CASE(MockPanelChainsConvergeWithSmallMonteCarloError)
{
    const RankReport& report = MockReport();
    BOOST_TEST(report.chains == 4);
    BOOST_TEST(report.draws == 20000);
    BOOST_TEST_REQUIRE(report.max_rhat.has_value());
    BOOST_TEST(*report.max_rhat <= 1.01);
    BOOST_TEST(report.converged);
    BOOST_TEST(*report.mc_error > 0.0);
    BOOST_TEST(*report.mc_error < 0.05);
}

BOOST_AUTO_TEST_CASE(MockPanelIntervalsAndPFundedAreConsistent)
{
    double p_sum = 0.0;
    for (const auto& unit : MockReport().units)
    {
        BOOST_TEST_CONTEXT(unit.id)
        {
            BOOST_TEST(unit.rank_ci90->lo <= unit.rank_ci50->lo);
            BOOST_TEST(unit.rank_ci50->lo <= *unit.median_rank);
            BOOST_TEST(*unit.median_rank <= unit.rank_ci50->hi);
            BOOST_TEST(unit.rank_ci50->hi <= unit.rank_ci90->hi);
            BOOST_TEST(*unit.p_funded >= 0.0);
            BOOST_TEST(*unit.p_funded <= 1.0);
            p_sum += *unit.p_funded;
        }
    }
    BOOST_TEST(p_sum == 5.0, tt::tolerance(1e-9)); // exactly five ranks are ≤ 5 in every draw
}

BOOST_AUTO_TEST_CASE(SameSeedGivesIdenticalOutput)
{
    const RatingsTable table = MockPanel1();
    const auto a = RankRatings(table, Bayes(5, 9));
    const auto b = RankRatings(table, Bayes(5, 9));
    BOOST_TEST(*a.mc_error == *b.mc_error);
    BOOST_TEST(*a.max_rhat == *b.max_rhat);
    for (std::size_t i = 0; i < a.units.size(); ++i)
    {
        BOOST_TEST(*a.units[i].expected_rank == *b.units[i].expected_rank);
        BOOST_TEST(*a.units[i].p_funded == *b.units[i].p_funded);
        BOOST_TEST(*a.units[i].rank_pm == *b.units[i].rank_pm);
        BOOST_TEST(a.units[i].group == b.units[i].group);
    }
}

BOOST_AUTO_TEST_CASE(AnotherScaleGivenAsSuchGivesTheSameRanking)
{
    // Grades 1..6 written as 0..100: mapped back onto the package's span they are the same.
    RatingsTable table = MockPanel1();
    for (auto& row : table.values)
    {
        for (auto& v : row)
        {
            v = 20.0 * (*v - 1.0);
        }
    }
    RankOptions options = Bayes(5);
    options.scale = std::make_pair(0.0, 100.0);
    const auto report = RankRatings(table, options);
    for (const auto& c : kPublished)
    {
        BOOST_TEST(*Unit(report, c.id).expected_rank == *Unit(MockReport(), c.id).expected_rank);
    }
}

BOOST_AUTO_TEST_CASE(ClearlySeparatedBidsNeedNoLottery)
{
    // Five raters agree within a point on a 0–100 scale about eight bids 10 points apart: the
    // ranks are certain, the lottery group would draw all its members, so they are accepted.
    std::vector<std::vector<Cell>> rows;
    for (int i = 0; i < 8; ++i)
    {
        const double q = 90.0 - 10.0 * i;
        rows.push_back({q, q + 1.0, q - 1.0, q + 0.5, q - 0.5});
    }
    RankOptions options = Bayes(3);
    options.scale = std::make_pair(0.0, 100.0);
    const auto report = RankRatings(FromUnitRows(rows), options);
    for (std::size_t i = 0; i < 8; ++i)
    {
        BOOST_TEST_CONTEXT("bid " << i + 1)
        {
            BOOST_TEST(*report.units[i].expected_rank == static_cast<double>(i + 1),
                       tt::tolerance(1e-3));
            BOOST_TEST(report.units[i].group == (i < 3 ? "accepted" : "rejected"));
            BOOST_TEST(*report.units[i].p_funded == (i < 3 ? 1.0 : 0.0), tt::tolerance(1e-3));
        }
    }
}

BOOST_AUTO_TEST_CASE(GapsAreModelledAndUnscoredBidsLeftOut)
{
    RatingsTable table = MockPanel1();
    table.values[0][4] = kGap; // a conflict of interest: #1 has four grades
    table.values[14] = std::vector<Cell>(5, kGap);
    const auto report = RankRatings(table, Bayes(5));
    BOOST_TEST(!Unit(report, "#15").expected_rank.has_value());
    BOOST_TEST(Unit(report, "#15").group.empty());
    double er_sum = 0.0;
    for (const auto& unit : report.units)
    {
        er_sum += unit.expected_rank.value_or(0.0);
    }
    BOOST_TEST(er_sum == 14.0 * 15.0 / 2.0, tt::tolerance(1e-9)); // ranks 1..14 in every draw
    // #1 lost the assessor who graded it lowest (2), so it can only look better.
    BOOST_TEST(*Unit(report, "#1").expected_rank < *Unit(MockReport(), "#1").expected_rank);
}

BOOST_AUTO_TEST_CASE(ASingleScoredBidRanksFirst)
{
    const auto report = RankRatings(FromUnitRows({{4, 5}, {kGap, kGap}}), Bayes(1));
    BOOST_TEST(*report.units[0].expected_rank == 1.0);
    BOOST_TEST(report.units[0].group == "accepted");
    BOOST_TEST(!report.units[1].expected_rank.has_value());
}

BOOST_AUTO_TEST_SUITE_END()
