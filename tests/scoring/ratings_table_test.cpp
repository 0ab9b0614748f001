// SPDX-License-Identifier: MIT
#include <coscore/scoring/ratings_table.hpp>

#include <boost/test/data/monomorphic.hpp>
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <limits>
#include <ostream>
#include <string>
#include <vector>

namespace data = boost::unit_test::data;
using namespace coscore::scoring;

namespace
{

std::vector<std::string> Codes(const std::vector<RatingsIssue>& issues)
{
    std::vector<std::string> codes;
    for (const auto& issue : issues)
    {
        codes.push_back(issue.code + "@" + std::to_string(issue.row));
    }
    return codes;
}

} // namespace

BOOST_AUTO_TEST_SUITE(ratings_table)

BOOST_AUTO_TEST_CASE(UnitsAndRatersKeepFirstSeenOrder)
{
    const std::vector<LongRating> rows{
        {"B-2", "carol", 4.0},          {"A-1", "alice", 3.0}, {"B-2", "alice", 5.0},
        {"A-1", "carol", std::nullopt}, {"C-3", "bob", 2.5},
    };
    const auto build = BuildRatingsTable(rows);
    BOOST_TEST(build.issues.empty());
    BOOST_TEST(build.table.units == (std::vector<std::string>{"B-2", "A-1", "C-3"}));
    BOOST_TEST(build.table.raters == (std::vector<std::string>{"carol", "alice", "bob"}));
    const auto& v = build.table.values;
    BOOST_TEST_REQUIRE(v.size() == 3U);
    BOOST_TEST(v[0] == (std::vector<std::optional<double>>{4.0, 5.0, std::nullopt}));
    BOOST_TEST(v[1] == (std::vector<std::optional<double>>{std::nullopt, 3.0, std::nullopt}));
    BOOST_TEST(v[2] == (std::vector<std::optional<double>>{std::nullopt, std::nullopt, 2.5}));
}

BOOST_AUTO_TEST_CASE(BlankValueIsAMissingRatingNotAnIssue)
{
    const auto build = BuildRatingsTable({{"u", "r1", std::nullopt}, {"u", "r2", 1.0}});
    BOOST_TEST(build.issues.empty());
    BOOST_TEST(!build.table.values[0][0].has_value());
}

struct IssueCase
{
    std::string name;
    std::vector<LongRating> rows;
    std::vector<std::string> issues; ///< code@row
    std::vector<std::vector<std::optional<double>>> values;
};

std::ostream& operator<<(std::ostream& os, const IssueCase& c)
{
    return os << c.name;
}

namespace
{

const double kInf = std::numeric_limits<double>::infinity();
const double kNaN = std::numeric_limits<double>::quiet_NaN();

const std::vector<IssueCase> kIssueCases{
    {"a repeated pair keeps the first value",
     {{"u", "r", 1.0}, {"u", "s", 2.0}, {"u", "r", 3.0}},
     {"duplicate@3"},
     {{1.0, 2.0}}},
    {"a repeated blank is still a duplicate",
     {{"u", "r", std::nullopt}, {"u", "r", std::nullopt}},
     {"duplicate@2"},
     {{std::nullopt}}},
    {"empty ids are refused",
     {{"", "r", 1.0}, {"u", "", 1.0}, {"u", "r", 2.0}},
     {"missing_unit@1", "missing_rater@2"},
     {{2.0}}},
    {"non-finite values are refused",
     {{"u", "r", kInf}, {"u", "s", kNaN}, {"u", "t", 1.0}},
     {"not_finite@1", "not_finite@2"},
     {{1.0}}},
    {"issues come back in row order",
     {{"u", "r", 1.0}, {"u", "r", 1.0}, {"", "r", 1.0}},
     {"duplicate@2", "missing_unit@3"},
     {{1.0}}},
};

} // namespace

BOOST_DATA_TEST_CASE(ProblemRowsAreReportedWithTheirRow, data::make(kIssueCases), c)
{
    const auto build = BuildRatingsTable(c.rows);
    BOOST_TEST(Codes(build.issues) == c.issues, boost::test_tools::per_element());
    BOOST_TEST(build.table.values == c.values);
}

BOOST_AUTO_TEST_CASE(DuplicateMessageNamesTheFirstRow)
{
    const auto build = BuildRatingsTable({{"INN-7", "m2", 1.0}, {"INN-7", "m2", 2.0}});
    BOOST_TEST_REQUIRE(build.issues.size() == 1U);
    BOOST_TEST(build.issues[0].message == "unit 'INN-7' already has a rating by 'm2' on row 1");
}

BOOST_AUTO_TEST_SUITE_END()
