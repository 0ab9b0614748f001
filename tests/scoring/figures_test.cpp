// SPDX-License-Identifier: MIT
#include <coscore/scoring/figures.hpp>

#include <boost/test/data/monomorphic.hpp>
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <cmath>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

namespace utf = boost::unit_test;
namespace data = boost::unit_test::data;
using namespace coscore::scoring;

namespace
{

struct FiguresCase
{
    std::string name;
    std::vector<double> values;
    Figures expected;
};

std::ostream& operator<<(std::ostream& os, const FiguresCase& c)
{
    return os << c.name;
}

Figures Expect(int n, std::optional<double> mean, std::optional<double> median,
               std::optional<double> olympic, std::optional<double> sd, std::optional<double> min,
               std::optional<double> max, std::optional<double> range, std::optional<double> iqr)
{
    return {n, mean, median, olympic, sd, min, max, range, iqr};
}

// Hand-computed; IQR by R's quantile(type = 7).
const std::vector<FiguresCase> kCases{
    {"no totals: every figure is undefined", {}, Expect(0, {}, {}, {}, {}, {}, {}, {}, {})},
    {"one total: no SD, no Olympic mean, zero spread",
     {50},
     Expect(1, 50, 50, {}, {}, 50, 50, 0, 0)},
    {"four totals: SD and IQR, no Olympic mean",
     {10, 20, 30, 40},
     Expect(4, 25, 25, {}, std::sqrt(500.0 / 3.0), 10, 40, 30, 32.5 - 17.5)},
    {"five totals: Olympic mean drops one highest and one lowest",
     {0, 50, 60, 70, 100},
     Expect(5, 56, 60, 60, std::sqrt(5320.0 / 4.0), 0, 100, 100, 70 - 50)},
    {"order of totals does not matter",
     {70, 0, 100, 50, 60},
     Expect(5, 56, 60, 60, std::sqrt(5320.0 / 4.0), 0, 100, 100, 70 - 50)},
    {"even count: median halfway between the middle two",
     {10, 20, 30, 40, 50, 60},
     Expect(6, 35, 35, 35, std::sqrt(1750.0 / 5.0), 10, 60, 50, 47.5 - 22.5)},
    {"repeated totals: Olympic mean drops only one of each extreme",
     {80, 80, 80, 20, 20},
     Expect(5, 56, 80, 60, std::sqrt(4320.0 / 4.0), 20, 80, 60, 60)},
};

void CheckOptional(const std::optional<double>& actual, const std::optional<double>& expected,
                   const char* what)
{
    BOOST_TEST_CONTEXT(what)
    {
        BOOST_TEST(actual.has_value() == expected.has_value());
        if (actual && expected)
        {
            BOOST_TEST(*actual == *expected, boost::test_tools::tolerance(1e-9));
        }
    }
}

} // namespace

BOOST_AUTO_TEST_SUITE(figures)

BOOST_DATA_TEST_CASE(FiguresMatchHandComputedValues, data::make(kCases), c)
{
    const Figures f = ComputeFigures(c.values);
    BOOST_TEST(f.n == c.expected.n);
    CheckOptional(f.mean, c.expected.mean, "mean");
    CheckOptional(f.median, c.expected.median, "median");
    CheckOptional(f.olympic, c.expected.olympic, "olympic");
    CheckOptional(f.sd, c.expected.sd, "sd");
    CheckOptional(f.min, c.expected.min, "min");
    CheckOptional(f.max, c.expected.max, "max");
    CheckOptional(f.range, c.expected.range, "range");
    CheckOptional(f.iqr, c.expected.iqr, "iqr");
}

BOOST_AUTO_TEST_CASE(QuantileType7InterpolatesBetweenOrderStatistics, *utf::tolerance(1e-12))
{
    const std::vector<double> sorted{1, 2, 4, 8};
    BOOST_TEST(QuantileType7(sorted, 0.0) == 1.0);
    BOOST_TEST(QuantileType7(sorted, 1.0) == 8.0);
    BOOST_TEST(QuantileType7(sorted, 0.5) == 3.0); // h = 1.5
    BOOST_TEST(QuantileType7(sorted, 0.9) == 6.8); // h = 2.7: 4 + 0.7 × 4
}

BOOST_AUTO_TEST_CASE(MeanIsTheSameBitForBitInAnyOrder)
{
    const std::vector<double> a{0.1, 0.2, 0.3, 1e6, -1e6, 7.7};
    const std::vector<double> b{1e6, 7.7, 0.3, -1e6, 0.1, 0.2};
    BOOST_TEST(*ComputeFigures(a).mean == *ComputeFigures(b).mean);
}

BOOST_AUTO_TEST_SUITE_END()
