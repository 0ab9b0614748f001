// SPDX-License-Identifier: MIT
#include <coscore/scoring/lottery.hpp>

#include <boost/test/data/monomorphic.hpp>
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <array>
#include <cstdint>
#include <ostream>
#include <string>
#include <vector>

namespace data = boost::unit_test::data;
using namespace coscore::scoring;

namespace
{

struct DrawCase
{
    std::string name;
    std::vector<Key> bids;
    std::uint64_t seed;
    std::vector<Key> expected;
};

std::ostream& operator<<(std::ostream& os, const DrawCase& c)
{
    return os << c.name;
}

// Expected orders come from an independent Python implementation of the documented algorithm
// (sort, SplitMix64, rejection-sampled bound, Fisher–Yates from the top): any platform that
// follows the documentation draws the same.
const std::vector<DrawCase> kDraws{
    {"five bids, seed 42", {1, 2, 3, 4, 5}, 42, {2, 3, 1, 5, 4}},
    {"eight bids, the default policy seed",
     {10, 20, 30, 40, 50, 60, 70, 80},
     20260101,
     {80, 20, 60, 10, 40, 70, 50, 30}},
    {"two bids given out of order, seed 0", {7, 3}, 0, {3, 7}},
};

} // namespace

BOOST_AUTO_TEST_SUITE(lottery)

BOOST_AUTO_TEST_CASE(SplitMix64MatchesThePublishedReferenceOutputs)
{
    SplitMix64 rng(1234567);
    const std::array<std::uint64_t, 5> expected{6457827717110365317ULL, 3203168211198807973ULL,
                                                9817491932198370423ULL, 4593380528125082431ULL,
                                                16408922859458223821ULL};
    for (const std::uint64_t value : expected)
    {
        BOOST_TEST(rng.Next() == value);
    }
}

BOOST_DATA_TEST_CASE(DrawMatchesAnIndependentImplementation, data::make(kDraws), c)
{
    BOOST_TEST(DrawLottery(c.bids, c.seed) == c.expected);
}

BOOST_AUTO_TEST_CASE(DrawIsAPermutationIndependentOfTheCallersOrder)
{
    const std::vector<Key> bids{5, 9, 2, 14, 7, 3};
    std::vector<Key> reversed(bids.rbegin(), bids.rend());
    for (std::uint64_t seed = 0; seed < 50; ++seed)
    {
        const std::vector<Key> order = DrawLottery(bids, seed);
        BOOST_TEST(order == DrawLottery(reversed, seed));
        std::vector<Key> sorted = order;
        std::sort(sorted.begin(), sorted.end());
        BOOST_TEST(sorted == std::vector<Key>({2, 3, 5, 7, 9, 14}));
    }
}

BOOST_AUTO_TEST_CASE(EveryBidIsDrawnFirstAboutEquallyOften)
{
    // 6,000 seeded draws of three bids: each first ~2,000 times. Chi-square with 2 degrees of
    // freedom stays below 13.8 (p = 0.001) for an unbiased draw.
    std::array<int, 3> first{};
    for (std::uint64_t seed = 0; seed < 6000; ++seed)
    {
        ++first[static_cast<std::size_t>(DrawLottery({1, 2, 3}, seed).front() - 1)];
    }
    double chi2 = 0.0;
    for (const int count : first)
    {
        chi2 += (count - 2000.0) * (count - 2000.0) / 2000.0;
    }
    BOOST_TEST(chi2 < 13.8);
}

BOOST_AUTO_TEST_CASE(UniformBelowStaysInRangeAndReachesEveryValue)
{
    SplitMix64 rng(7);
    std::array<int, 7> seen{};
    for (int i = 0; i < 7000; ++i)
    {
        const std::uint64_t v = UniformBelow(rng, 7);
        BOOST_TEST_REQUIRE(v < 7U);
        ++seen[v];
    }
    BOOST_TEST(*std::min_element(seen.begin(), seen.end()) > 800);
    BOOST_TEST(UniformBelow(rng, 1) == 0U);
}

BOOST_AUTO_TEST_CASE(LotteryRecordCarriesGroupSeedAndDraw)
{
    const TieBreak record = MakeLotteryTieBreak(3, {5, 1, 4, 2, 3}, 42);
    BOOST_TEST(record.fund == 3);
    BOOST_TEST(record.by_lottery);
    BOOST_TEST(record.seed == 42U);
    BOOST_TEST(record.group == std::vector<Key>({5, 1, 4, 2, 3}));
    BOOST_TEST(record.order == std::vector<Key>({2, 3, 1, 5, 4}));
}

BOOST_AUTO_TEST_SUITE_END()
