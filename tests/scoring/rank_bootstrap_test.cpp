// SPDX-License-Identifier: MIT
// The bootstrap over raters, checked against hand-worked panels and against a plain
// enumeration of every resample written here independently of the library.
#include "ratings_fixtures.hpp"

#include <coscore/scoring/rank_uncertainty.hpp>

#include <boost/test/data/monomorphic.hpp>
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <ostream>
#include <string>
#include <vector>

namespace data = boost::unit_test::data;
namespace tt = boost::test_tools;
using namespace coscore::scoring;
using namespace coscore::scoring::test;

namespace
{

RankOptions Bootstrap(int fundable, std::uint64_t seed = 1, int draws = 0)
{
    RankOptions options;
    options.method = RankMethod::Bootstrap;
    options.fundable = fundable;
    options.seed = seed;
    options.draws = draws;
    return options;
}

/// Exact rank distributions by visiting every multiset of m raters drawn from m with its
/// multinomial probability m!/(Π c_j!)/m^m, the textbook bootstrap written out plainly. Ties
/// spread evenly over the ranks they occupy; a unit none of whose raters is drawn keeps its
/// full-panel mean. Returns hist[unit][rank - 1].
class ReferenceBootstrap
{
public:
    explicit ReferenceBootstrap(const RatingsTable& table)
        : m_table(table), m_units(table.units.size()), m_raters(table.raters.size()),
          m_counts(m_raters, 0), m_hist(m_units, std::vector<double>(m_units, 0.0))
    {
        for (std::size_t i = 0; i < m_units; ++i)
        {
            double sum = 0.0;
            double n = 0.0;
            for (const auto& v : table.values[i])
            {
                sum += v ? *v : 0.0;
                n += v ? 1.0 : 0.0;
            }
            m_panel_mean.push_back(sum / n);
        }
        Visit(0, static_cast<int>(m_raters));
    }

    const std::vector<std::vector<double>>& Histograms() const { return m_hist; }

private:
    void Visit(std::size_t rater, int left)
    {
        if (rater + 1 == m_raters)
        {
            m_counts[rater] = left;
            Score();
            return;
        }
        for (int c = 0; c <= left; ++c)
        {
            m_counts[rater] = c;
            Visit(rater + 1, left - c);
        }
    }

    void Score()
    {
        const auto m = static_cast<double>(m_raters);
        double log_weight = std::lgamma(m + 1.0) - m * std::log(m);
        for (int c : m_counts)
        {
            log_weight -= std::lgamma(c + 1.0);
        }
        const double weight = std::exp(log_weight);
        std::vector<double> mean(m_units);
        for (std::size_t i = 0; i < m_units; ++i)
        {
            double sum = 0.0;
            double n = 0.0;
            for (std::size_t j = 0; j < m_raters; ++j)
            {
                if (m_table.values[i][j])
                {
                    sum += m_counts[j] * *m_table.values[i][j];
                    n += m_counts[j];
                }
            }
            mean[i] = n > 0.0 ? sum / n : m_panel_mean[i];
        }
        for (std::size_t i = 0; i < m_units; ++i)
        {
            std::size_t better = 0;
            std::size_t equal = 0;
            for (std::size_t k = 0; k < m_units; ++k)
            {
                better += mean[k] > mean[i] ? 1U : 0U;
                equal += mean[k] == mean[i] ? 1U : 0U;
            }
            for (std::size_t r = better; r < better + equal; ++r)
            {
                m_hist[i][r] += weight / static_cast<double>(equal);
            }
        }
    }

    const RatingsTable& m_table;
    std::size_t m_units;
    std::size_t m_raters;
    std::vector<int> m_counts;
    std::vector<double> m_panel_mean;
    std::vector<std::vector<double>> m_hist;
};

std::vector<std::vector<double>> ReferenceRankDistribution(const RatingsTable& table)
{
    return ReferenceBootstrap(table).Histograms();
}

double PTop(const std::vector<double>& hist, int top)
{
    const auto end = std::min(static_cast<std::size_t>(top), hist.size());
    return std::accumulate(hist.begin(), hist.begin() + static_cast<std::ptrdiff_t>(end), 0.0);
}

double ExpectedRank(const std::vector<double>& hist)
{
    double er = 0.0;
    for (std::size_t r = 0; r < hist.size(); ++r)
    {
        er += static_cast<double>(r + 1) * hist[r];
    }
    return er;
}

double SumPFunded(const RankReport& report)
{
    double sum = 0.0;
    for (const auto& unit : report.units)
    {
        sum += unit.p_funded.value_or(0.0);
    }
    return sum;
}

} // namespace

BOOST_AUTO_TEST_SUITE(bootstrap_ranks)

BOOST_AUTO_TEST_CASE(TwoRatersTwoBidsWorkedByHand)
{
    // Resamples of raters {1,2}: {1,1} p 1/4 (A 3 > B 1), {2,2} p 1/4 (A 0 < B 1), {1,2} p 1/2
    // (A 1.5 > B 1). So P(A first) = 3/4, ER(A) = 1.25, ER(B) = 1.75; A's median rank is 1,
    // its 50% interval [1, 1] (P(rank > 1) = 1/4 is allowed out) and its 90% interval [1, 2].
    const auto report = RankRatings(FromUnitRows({{3, 0}, {1, 1}}), Bootstrap(1));
    BOOST_TEST(report.exact);
    BOOST_TEST(report.draws == 3); // the multisets {1,1}, {1,2}, {2,2}
    const RankedUnit& a = report.units[0];
    const RankedUnit& b = report.units[1];
    BOOST_TEST(*a.p_funded == 0.75, tt::tolerance(1e-12));
    BOOST_TEST(*b.p_funded == 0.25, tt::tolerance(1e-12));
    BOOST_TEST(*a.expected_rank == 1.25, tt::tolerance(1e-12));
    BOOST_TEST(*b.expected_rank == 1.75, tt::tolerance(1e-12));
    BOOST_TEST(*a.median_rank == 1.0);
    BOOST_TEST(*b.median_rank == 2.0);
    BOOST_TEST(a.rank_ci50->lo == 1);
    BOOST_TEST(a.rank_ci50->hi == 1);
    BOOST_TEST(a.rank_ci90->lo == 1);
    BOOST_TEST(a.rank_ci90->hi == 2);
    BOOST_TEST(*report.mc_error == 0.0);
}

BOOST_AUTO_TEST_CASE(ABidNoneOfWhoseScorersIsDrawnKeepsItsPanelMean)
{
    // C is scored by rater 2 only (2). {1,1} p 1/4: A 3, C keeps 2: A first. {2,2} p 1/4:
    // A 0 < C 2. {1,2} p 1/2: A 1.5 < C 2. So P(A first) = 1/4.
    const auto report = RankRatings(FromUnitRows({{3, 0}, {kGap, 2}}), Bootstrap(1));
    BOOST_TEST(*report.units[0].p_funded == 0.25, tt::tolerance(1e-12));
    BOOST_TEST(*report.units[1].p_funded == 0.75, tt::tolerance(1e-12));
}

BOOST_AUTO_TEST_CASE(TiesWithinAResampleShareTheirRanksEvenly)
{
    // {1,2}: both means 1 → each takes rank 1 half the time. {1,1}: A 2 > B 0; {2,2}: A 0 < B 2.
    const auto report = RankRatings(FromUnitRows({{2, 0}, {0, 2}}), Bootstrap(1));
    BOOST_TEST(*report.units[0].p_funded == 0.5, tt::tolerance(1e-12));
    BOOST_TEST(*report.units[0].expected_rank == 1.5, tt::tolerance(1e-12));
}

struct ExactCase
{
    std::string name;
    RatingsTable table;
    int fundable;
};

std::ostream& operator<<(std::ostream& os, const ExactCase& c)
{
    return os << c.name;
}

namespace
{

const std::vector<ExactCase> kExactCases{
    {"5 raters, integer ratings with ties", RandomTable(11, 9, 5, 1, 5, 0.0), 3},
    {"6 raters with 25% gaps", RandomTable(12, 10, 6, 0, 4, 0.25), 4},
    {"4 raters, one unit mostly unscored",
     FromUnitRows(
         {{5, 4, 4, 3}, {kGap, kGap, 5, kGap}, {4, 4, 3, 3}, {2, 5, kGap, 4}, {3, 3, 3, 3}}),
     2},
};

} // namespace

BOOST_DATA_TEST_CASE(ExactEnumerationMatchesAPlainEnumeration, data::make(kExactCases), c)
{
    const auto report = RankRatings(c.table, Bootstrap(c.fundable));
    BOOST_TEST_REQUIRE(report.exact);
    const auto m = static_cast<double>(c.table.raters.size());
    const double multisets =
        std::round(std::exp(std::lgamma(2.0 * m) - std::lgamma(m + 1.0) - std::lgamma(m)));
    BOOST_TEST(report.draws == static_cast<int>(multisets));
    const auto reference = ReferenceRankDistribution(c.table);
    for (std::size_t i = 0; i < c.table.units.size(); ++i)
    {
        BOOST_TEST_CONTEXT("unit " << i + 1)
        {
            BOOST_TEST(*report.units[i].p_funded == PTop(reference[i], c.fundable),
                       tt::tolerance(1e-9));
            BOOST_TEST(*report.units[i].expected_rank == ExpectedRank(reference[i]),
                       tt::tolerance(1e-9));
        }
    }
    BOOST_TEST(SumPFunded(report) == static_cast<double>(c.fundable), tt::tolerance(1e-9));
}

BOOST_AUTO_TEST_CASE(SampledResamplesAgreeWithTheExactDistribution)
{
    // 11 raters give 352,716 distinct resamples: more work than the library enumerates, so it
    // samples; the reference still enumerates every one of them.
    const RatingsTable table = RandomTable(21, 6, 11, 1, 5, 0.1);
    const auto report = RankRatings(table, Bootstrap(2, 7));
    BOOST_TEST_REQUIRE(!report.exact);
    BOOST_TEST(report.draws == 2000);
    const auto d = static_cast<double>(report.draws);
    const auto reference = ReferenceRankDistribution(table);
    for (std::size_t i = 0; i < table.units.size(); ++i)
    {
        BOOST_TEST_CONTEXT("unit " << i + 1)
        {
            const double p = PTop(reference[i], 2);
            // Four binomial standard errors: a false alarm about once in 16,000 runs.
            BOOST_TEST(std::fabs(*report.units[i].p_funded - p) <=
                       4.0 * std::sqrt(p * (1.0 - p) / d) + 1e-12);
            BOOST_TEST(std::fabs(*report.units[i].expected_rank - ExpectedRank(reference[i])) <=
                       4.0 * *report.mc_error);
        }
    }
    BOOST_TEST(SumPFunded(report) == 2.0, tt::tolerance(1e-9));
}

BOOST_AUTO_TEST_CASE(SameSeedSameResultOtherSeedOtherDraws)
{
    const RatingsTable table = RandomTable(31, 40, 12, 1, 6, 0.15);
    const auto first = RankRatings(table, Bootstrap(10, 42));
    const auto again = RankRatings(table, Bootstrap(10, 42));
    const auto other = RankRatings(table, Bootstrap(10, 43));
    BOOST_TEST_REQUIRE(!first.exact);
    bool any_difference = false;
    for (std::size_t i = 0; i < table.units.size(); ++i)
    {
        BOOST_TEST(*first.units[i].p_funded == *again.units[i].p_funded);
        BOOST_TEST(*first.units[i].expected_rank == *again.units[i].expected_rank);
        BOOST_TEST(first.units[i].rank_ci90->lo == again.units[i].rank_ci90->lo);
        BOOST_TEST(first.units[i].rank_ci90->hi == again.units[i].rank_ci90->hi);
        any_difference |= *first.units[i].expected_rank != *other.units[i].expected_rank;
    }
    BOOST_TEST(any_difference);
}

BOOST_AUTO_TEST_CASE(AskedDrawsAreUsedWhenAffordable)
{
    const auto report = RankRatings(RandomTable(31, 40, 12, 1, 6, 0.15), Bootstrap(10, 1, 300));
    BOOST_TEST(report.draws == 300);
}

BOOST_AUTO_TEST_CASE(HugeTablesGetFewerDrawsAndSaySo)
{
    const auto report = RankRatings(RandomTable(41, 3000, 20, 0, 10, 0.1), Bootstrap(300));
    BOOST_TEST(!report.exact);
    BOOST_TEST(report.draws < 2000);
    BOOST_TEST(report.draws >= 100);
    BOOST_TEST(*report.mc_error > 0.0);
    BOOST_TEST(SumPFunded(report) == 300.0, tt::tolerance(1e-9));
}

BOOST_AUTO_TEST_CASE(WithoutAFundingLineThereIsNoPFunded)
{
    const auto report = RankRatings(RandomTable(51, 8, 4, 1, 5, 0.0), Bootstrap(0));
    for (const auto& unit : report.units)
    {
        BOOST_TEST(!unit.p_funded.has_value());
        BOOST_TEST(unit.expected_rank.has_value());
    }
}

BOOST_AUTO_TEST_CASE(WhenEveryBidFitsEachIsSurelyFunded)
{
    const auto report = RankRatings(RandomTable(52, 5, 4, 1, 5, 0.0), Bootstrap(9));
    for (const auto& unit : report.units)
    {
        BOOST_TEST(*unit.p_funded == 1.0, tt::tolerance(1e-12));
    }
}

BOOST_AUTO_TEST_CASE(UnscoredBidsAreLeftOutOfTheRanking)
{
    const auto report = RankRatings(FromUnitRows({{3, 0}, {kGap, kGap}, {1, 1}}), Bootstrap(1));
    BOOST_TEST(!report.units[1].p_funded.has_value());
    BOOST_TEST(!report.units[1].rank_ci50.has_value());
    BOOST_TEST(*report.units[0].p_funded == 0.75, tt::tolerance(1e-12));
    BOOST_TEST(report.units[2].rank_ci90->hi == 2);
}

BOOST_AUTO_TEST_SUITE_END()
