// SPDX-License-Identifier: MIT
#include "ratings_fixtures.hpp"

#include <coscore/scoring/rank_uncertainty.hpp>

#include <boost/test/data/monomorphic.hpp>
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <ostream>
#include <string>
#include <vector>

namespace data = boost::unit_test::data;
using namespace coscore::scoring;
using namespace coscore::scoring::test;

namespace
{

// unit 1: mean 3, median 4, n 3      unit 2: mean 3, median 3, n 3
// unit 3: mean 5 from one rating     unit 4: mean 2, median 2, n 3
// unit 5: mean 2, median 2, n 2      unit 6: no rating
// unit 7: the same figures as unit 2
RatingsTable TieBreakTable()
{
    return FromUnitRows({
        {4, 4, 1},
        {3, 3, 3},
        {5, kGap, kGap},
        {2, 2, 2},
        {2, 2, kGap},
        {kGap, kGap, kGap},
        {3, 3, 3},
    });
}

} // namespace

struct MeanRankCase
{
    std::string name;
    std::size_t unit;
    int rank;
    bool tied;
};

std::ostream& operator<<(std::ostream& os, const MeanRankCase& c)
{
    return os << c.name;
}

namespace
{

const std::vector<MeanRankCase> kMeanRankCases{
    {"the highest mean ranks first, even from one rating", 2, 1, false},
    {"equal means are ordered by the higher median", 0, 2, false},
    {"equal mean, median and n share a rank", 1, 3, true},
    {"the unit sharing that rank is tied too", 6, 3, true},
    {"the rank after a shared rank skips", 3, 5, false},
    {"equal mean and median are ordered by the larger n", 4, 6, false},
    {"a unit without ratings is not ranked", 5, 0, false},
};

} // namespace

BOOST_AUTO_TEST_SUITE(rank_by_mean)

BOOST_DATA_TEST_CASE(RanksFollowMeanThenMedianThenN, data::make(kMeanRankCases), c)
{
    RankOptions options;
    options.method = RankMethod::Mean;
    const auto report = RankRatings(TieBreakTable(), options);
    BOOST_TEST_REQUIRE(report.units.size() == 7U);
    const RankedUnit& unit = report.units[c.unit];
    BOOST_TEST(unit.rank == c.rank);
    BOOST_TEST(unit.tied == c.tied);
}

BOOST_AUTO_TEST_CASE(MeanMethodReportsFiguresButNoUncertainty)
{
    RankOptions options;
    options.fundable = 2;
    const auto report = RankRatings(TieBreakTable(), options);
    BOOST_TEST(report.units[0].id == "unit 1");
    BOOST_TEST(report.units[0].n == 3);
    BOOST_TEST_REQUIRE(report.units[0].mean.has_value());
    BOOST_TEST(*report.units[0].mean == 3.0);
    BOOST_TEST(!report.units[5].mean.has_value());
    BOOST_TEST(report.units[5].n == 0);
    for (const auto& unit : report.units)
    {
        BOOST_TEST(!unit.expected_rank.has_value());
        BOOST_TEST(!unit.rank_ci50.has_value());
        BOOST_TEST(!unit.p_funded.has_value());
        BOOST_TEST(unit.group.empty());
    }
    BOOST_TEST(report.draws == 0);
    BOOST_TEST(!report.mc_error.has_value());
}

BOOST_AUTO_TEST_CASE(MethodNamesRoundTrip)
{
    for (RankMethod m : {RankMethod::Mean, RankMethod::Bootstrap, RankMethod::Bayes})
    {
        const auto parsed = ParseRankMethod(ToString(m));
        BOOST_TEST_REQUIRE(parsed.has_value());
        BOOST_TEST((*parsed == m));
    }
    BOOST_TEST(!ParseRankMethod("median").has_value());
}

BOOST_AUTO_TEST_SUITE_END()
