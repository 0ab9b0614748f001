// SPDX-License-Identifier: MIT
#include <coscore/scoring/leniency.hpp>
#include <coscore/scoring/lottery.hpp>

#include <boost/test/data/monomorphic.hpp>
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <cmath>
#include <ostream>
#include <string>
#include <vector>

namespace utf = boost::unit_test;
namespace data = boost::unit_test::data;
using namespace coscore::scoring;

namespace
{

RatingsTable Table(const std::vector<std::vector<std::optional<double>>>& values)
{
    RatingsTable table;
    for (std::size_t i = 0; i < values.size(); ++i)
    {
        table.units.push_back("U" + std::to_string(i + 1));
    }
    for (std::size_t j = 0; j < (values.empty() ? 0 : values[0].size()); ++j)
    {
        table.raters.push_back("R" + std::to_string(j + 1));
    }
    table.values = values;
    return table;
}

struct LambdaCase
{
    std::string name;
    double lambda;
};

std::ostream& operator<<(std::ostream& os, const LambdaCase& c)
{
    return os << c.name;
}

const std::vector<LambdaCase> kLambdas{
    {"small ridge", 0.01}, {"default ridge", 1.0}, {"strong ridge", 10.0}};

} // namespace

BOOST_AUTO_TEST_SUITE(leniency)

// Complete data that is exactly additive, T_ij = a_i + l_j with Σ l_j = 0: the fit keeps every
// a_i and shrinks each l_j by I / (I + λ) for I units (derived from the normal equations).
BOOST_DATA_TEST_CASE(CompleteAdditiveDataGivesShrunkLeniencyAndExactScores, data::make(kLambdas), c)
{
    const std::vector<double> a{70, 40, 55, 20};
    const std::vector<double> l{10, -4, -6};
    std::vector<std::vector<std::optional<double>>> values;
    for (const double ai : a)
    {
        auto& row = values.emplace_back();
        for (const double lj : l)
        {
            row.emplace_back(ai + lj);
        }
    }
    const AdditiveFit fit = FitAdditiveModel(Table(values), c.lambda);
    const double shrink = 4.0 / (4.0 + c.lambda);
    for (std::size_t i = 0; i < a.size(); ++i)
    {
        BOOST_TEST_REQUIRE(fit.adjusted[i].has_value());
        BOOST_TEST(*fit.adjusted[i] == a[i], boost::test_tools::tolerance(1e-9));
    }
    for (std::size_t j = 0; j < l.size(); ++j)
    {
        BOOST_TEST_REQUIRE(fit.leniency[j].has_value());
        BOOST_TEST(*fit.leniency[j] == shrink * l[j], boost::test_tools::tolerance(1e-9));
    }
}

// On any table with gaps the fit is the exact penalised least-squares solution: the residuals
// of each unit sum to 0 and those of each rater j to λ l_j.
BOOST_AUTO_TEST_CASE(FitSatisfiesTheNormalEquationsWithGaps, *utf::tolerance(1e-8))
{
    SplitMix64 rng(5);
    const double lambda = 1.5;
    for (int instance = 0; instance < 20; ++instance)
    {
        std::vector<std::vector<std::optional<double>>> values(12);
        for (auto& row : values)
        {
            for (int j = 0; j < 6; ++j)
            {
                if (UniformBelow(rng, 4) != 0)
                {
                    row.emplace_back(static_cast<double>(UniformBelow(rng, 101)));
                }
                else
                {
                    row.emplace_back();
                }
            }
        }
        const AdditiveFit fit = FitAdditiveModel(Table(values), lambda);
        std::vector<double> rater_residual(6, 0.0);
        for (std::size_t i = 0; i < values.size(); ++i)
        {
            double unit_residual = 0.0;
            for (std::size_t j = 0; j < 6; ++j)
            {
                if (values[i][j])
                {
                    const double r = *values[i][j] - *fit.adjusted[i] - *fit.leniency[j];
                    unit_residual += r;
                    rater_residual[j] += r;
                }
            }
            BOOST_TEST(unit_residual == 0.0);
        }
        for (std::size_t j = 0; j < 6; ++j)
        {
            if (fit.leniency[j])
            {
                BOOST_TEST(rater_residual[j] == lambda * *fit.leniency[j]);
            }
        }
    }
}

BOOST_AUTO_TEST_CASE(UnratedUnitsAndRatersHaveNoFigures)
{
    const AdditiveFit fit =
        FitAdditiveModel(Table({{50.0, std::nullopt}, {std::nullopt, std::nullopt}}), 1.0);
    BOOST_TEST(fit.adjusted[0].has_value());
    BOOST_TEST(!fit.adjusted[1].has_value());
    BOOST_TEST(fit.leniency[0].has_value());
    BOOST_TEST(!fit.leniency[1].has_value());
}

BOOST_AUTO_TEST_CASE(ZMeanAveragesEachRatersStandardisedTotals, *utf::tolerance(1e-9))
{
    // Rater 1: 10, 20, 30 (mean 20, SD 10) → z −1, 0, 1.
    // Rater 2: 50, 50, 80 (mean 60, SD √300) → z −10/√300, −10/√300, 20/√300.
    const auto z = ComputeZMeans(Table({{10.0, 50.0}, {20.0, 50.0}, {30.0, 80.0}}));
    const double s = std::sqrt(300.0);
    BOOST_TEST(*z[0] == (-1.0 - 10.0 / s) / 2.0);
    BOOST_TEST(*z[1] == (0.0 - 10.0 / s) / 2.0);
    BOOST_TEST(*z[2] == (1.0 + 20.0 / s) / 2.0);
}

BOOST_AUTO_TEST_CASE(ARaterWhoGaveEveryBidTheSameTotalRanksNothing, *utf::tolerance(1e-9))
{
    const auto z = ComputeZMeans(Table({{10.0, 60.0}, {30.0, 60.0}, {std::nullopt, 60.0}}));
    BOOST_TEST(*z[0] == -std::sqrt(0.5) / 2.0); // rater 1: mean 20, SD √200 → z −10/√200
    BOOST_TEST(*z[1] == std::sqrt(0.5) / 2.0);
    BOOST_TEST(*z[2] == 0.0);
}

BOOST_AUTO_TEST_SUITE_END()
