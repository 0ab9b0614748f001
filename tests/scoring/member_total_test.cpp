// SPDX-License-Identifier: MIT
#include <coscore/scoring/member_total.hpp>

#include <boost/test/unit_test.hpp>

#include <vector>

namespace utf = boost::unit_test;
using namespace coscore::scoring;

namespace
{
Criterion MakeCriterion(double weight, int lo, int hi)
{
    Criterion c;
    c.weight_percent = weight;
    c.scale_min = lo;
    c.scale_max = hi;
    return c;
}
} // namespace

BOOST_AUTO_TEST_SUITE(member_total)

BOOST_AUTO_TEST_CASE(FullSheetIsWeightedShareOfSpan, *utf::tolerance(1e-9))
{
    const std::vector<Criterion> criteria{MakeCriterion(60, 0, 5), MakeCriterion(40, 1, 10)};
    const std::vector<std::optional<int>> values{4, 10};
    const auto result = ComputeMemberTotal(criteria, values);
    BOOST_TEST(result.total.has_value());
    BOOST_TEST(*result.total == 100.0 * (60 * 0.8 + 40 * 1.0) / 100.0);
    BOOST_TEST(!result.IsIncomplete());
}

BOOST_AUTO_TEST_CASE(MissingScoresAreExcludedNotZero, *utf::tolerance(1e-9))
{
    const std::vector<Criterion> criteria{MakeCriterion(50, 0, 4), MakeCriterion(50, 0, 4)};
    const std::vector<std::optional<int>> values{3, std::nullopt};
    const auto result = ComputeMemberTotal(criteria, values);
    BOOST_TEST(*result.total == 75.0); // renormalised over the one scored criterion, not 37.5
    BOOST_TEST(result.IsIncomplete());
}

BOOST_AUTO_TEST_CASE(SheetWithNoScoresIsNotScored)
{
    const std::vector<Criterion> criteria{MakeCriterion(50, 0, 4), MakeCriterion(50, 0, 4)};
    const std::vector<std::optional<int>> values{std::nullopt, std::nullopt};
    BOOST_TEST(!ComputeMemberTotal(criteria, values).total.has_value());
}

BOOST_AUTO_TEST_SUITE_END()
