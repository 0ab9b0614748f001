// SPDX-License-Identifier: MIT
#include <coscore/scoring/knapsack.hpp>
#include <coscore/scoring/lottery.hpp>

#include <boost/test/unit_test.hpp>

#include <cstdint>
#include <vector>

namespace utf = boost::unit_test;
using namespace coscore::scoring;

namespace
{

/// Exhaustive search: the oracle for small instances.
double BestByEnumeration(const std::vector<KnapsackItem>& items, Pence budget)
{
    double best = 0.0;
    const std::uint32_t subsets = 1U << items.size();
    for (std::uint32_t mask = 0; mask < subsets; ++mask)
    {
        Pence cost = 0;
        double score = 0.0;
        for (std::size_t i = 0; i < items.size(); ++i)
        {
            if ((mask >> i) & 1U)
            {
                cost += items[i].cost_pence;
                score += items[i].score;
            }
        }
        if (cost <= budget && score > best)
        {
            best = score;
        }
    }
    return best;
}

} // namespace

BOOST_AUTO_TEST_SUITE(knapsack)

BOOST_AUTO_TEST_CASE(TwoSmallerBidsBeatOneBigOne, *utf::tolerance(1e-9))
{
    const std::vector<KnapsackItem> items{{1, 600, 60.0}, {2, 500, 50.0}, {3, 500, 45.0}};
    const KnapsackOutcome plan = PlanMaximumTotalScore(items, 1000);
    BOOST_TEST_REQUIRE(plan.advice.has_value());
    BOOST_TEST(plan.advice->bids == std::vector<Key>({2, 3}));
    BOOST_TEST(plan.advice->spent_pence == 1000);
    BOOST_TEST(plan.advice->total_score == 95.0);
}

BOOST_AUTO_TEST_CASE(PlanMatchesExhaustiveSearchOnSeededInstances, *utf::tolerance(1e-9))
{
    SplitMix64 rng(99);
    for (int instance = 0; instance < 200; ++instance)
    {
        std::vector<KnapsackItem> items;
        const auto n = static_cast<int>(1 + UniformBelow(rng, 12));
        for (int i = 0; i < n; ++i)
        {
            // Odd-penny amounts some of the time, so both the table and the search are used.
            const Pence cost = instance % 2 == 0
                                   ? 100 * static_cast<Pence>(1 + UniformBelow(rng, 250))
                                   : 1'000'003 + static_cast<Pence>(UniformBelow(rng, 2'500'000));
            items.push_back({i + 1, cost, static_cast<double>(UniformBelow(rng, 1000)) / 10.0});
        }
        Pence demand = 0;
        for (const auto& item : items)
        {
            demand += item.cost_pence;
        }
        const Pence budget = demand / 2;
        const KnapsackOutcome plan = PlanMaximumTotalScore(items, budget);
        BOOST_TEST_REQUIRE(plan.advice.has_value());
        BOOST_TEST(plan.advice->spent_pence <= budget);
        BOOST_TEST(plan.advice->total_score == BestByEnumeration(items, budget));
    }
}

BOOST_AUTO_TEST_CASE(TooManyOddAmountsGiveANoteInsteadOfAPlan)
{
    std::vector<KnapsackItem> items;
    for (int i = 0; i < 500; ++i)
    {
        items.push_back({i + 1, 1'000'003 + 7 * i, 50.0 + i % 13});
    }
    const KnapsackOutcome plan = PlanMaximumTotalScore(items, 200'000'007);
    BOOST_TEST(!plan.advice.has_value());
    BOOST_TEST(plan.note.find("too many") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(BidsThatCannotHelpAreLeftOut)
{
    const std::vector<KnapsackItem> items{{1, 100, 0.0}, {2, 5000, 90.0}, {3, 100, 10.0}};
    const KnapsackOutcome plan = PlanMaximumTotalScore(items, 1000);
    BOOST_TEST_REQUIRE(plan.advice.has_value());
    BOOST_TEST(plan.advice->bids == std::vector<Key>({3}));
}

BOOST_AUTO_TEST_SUITE_END()
