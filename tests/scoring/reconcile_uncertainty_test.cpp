// SPDX-License-Identifier: MIT
// How Reconcile() maps RankRatings() and ComputeReliability() onto its bids and funds. The
// statistics themselves are tested in their own units; these properties hold for any correct
// implementation of them.
#include "round_builder.hpp"

#include <coscore/scoring/reconcile.hpp>

#include <boost/test/unit_test.hpp>

#include <string>
#include <vector>

using namespace coscore::scoring;
using coscore::scoring::testing::FindBid;
using coscore::scoring::testing::QuickOptions;
using coscore::scoring::testing::RoundBuilder;

namespace
{

/// Six bids, every member agreeing: bid k gets 100 − 10k from all five members. The budget
/// funds bids 1–3. Bid 6 is rejected.
RoundBuilder Unanimous()
{
    RoundBuilder rb;
    rb.Fund(1, 300000).Members(5);
    for (Key k = 1; k <= 6; ++k)
    {
        rb.Bid(k, "INN-" + std::to_string(k), 1, 100000);
        const int total = 100 - 10 * k;
        rb.Totals(k, {total, total, total, total, total});
    }
    rb.Decide(6, DecisionKind::Reject);
    return rb;
}

} // namespace

BOOST_AUTO_TEST_SUITE(reconcile_uncertainty)

BOOST_AUTO_TEST_CASE(AUnanimousPanelIsSureOfEveryRank)
{
    // Any resample of members keeps the same order, so every interval is the rank itself.
    const ReconcileResult result = Reconcile(Unanimous().Build());
    for (Key k = 1; k <= 5; ++k)
    {
        BOOST_TEST_CONTEXT("bid " << k)
        {
            const BidResult bid = FindBid(result, k);
            BOOST_TEST_REQUIRE(bid.median_rank.has_value());
            BOOST_TEST(*bid.median_rank == static_cast<double>(k));
            BOOST_TEST_REQUIRE(bid.rank_ci50.has_value());
            BOOST_TEST(bid.rank_ci50->lo == k);
            BOOST_TEST(bid.rank_ci50->hi == k);
            BOOST_TEST_REQUIRE(bid.rank_ci90.has_value());
            BOOST_TEST(bid.rank_ci90->lo == k);
            BOOST_TEST(bid.rank_ci90->hi == k);
            BOOST_TEST_REQUIRE(bid.p_funded.has_value());
            BOOST_TEST(*bid.p_funded == (k <= 3 ? 1.0 : 0.0), boost::test_tools::tolerance(1e-9));
        }
    }
}

BOOST_AUTO_TEST_CASE(PassedOverBidsAreLeftOutOfTheRankingUncertainty)
{
    const BidResult rejected = FindBid(Reconcile(Unanimous().Build()), 6);
    BOOST_TEST(!rejected.median_rank.has_value());
    BOOST_TEST(!rejected.p_funded.has_value());
}

BOOST_AUTO_TEST_CASE(IntervalsAreNestedAndWithinTheField)
{
    RoundBuilder rb;
    rb.Fund(1, 200000).Members(4);
    const std::vector<std::vector<std::optional<int>>> totals{
        {80, 40, 60, 70}, {50, 90, 55, 60}, {70, 65, 30, 85}, {20, 95, 60, 40}, {60, 60, 60, 60}};
    for (std::size_t i = 0; i < totals.size(); ++i)
    {
        const auto k = static_cast<Key>(i + 1);
        rb.Bid(k, "INN-" + std::to_string(k), 1, 100000).Totals(k, totals[i]);
    }
    const ReconcileResult result = Reconcile(rb.Build());
    for (const BidResult& bid : result.funds.at(0).bids)
    {
        BOOST_TEST_CONTEXT("bid " << bid.bid)
        {
            BOOST_TEST_REQUIRE(bid.rank_ci50.has_value());
            BOOST_TEST_REQUIRE(bid.rank_ci90.has_value());
            BOOST_TEST(bid.rank_ci90->lo >= 1);
            BOOST_TEST(bid.rank_ci90->hi <= 5);
            BOOST_TEST(bid.rank_ci90->lo <= bid.rank_ci50->lo);
            BOOST_TEST(bid.rank_ci50->lo <= bid.rank_ci50->hi);
            BOOST_TEST(bid.rank_ci50->hi <= bid.rank_ci90->hi);
            BOOST_TEST(*bid.median_rank >= bid.rank_ci50->lo);
            BOOST_TEST(*bid.median_rank <= bid.rank_ci50->hi);
            BOOST_TEST(*bid.p_funded >= 0.0);
            BOOST_TEST(*bid.p_funded <= 1.0);
        }
    }
}

BOOST_AUTO_TEST_CASE(WithoutTheBootstrapThereAreNoIntervals)
{
    const BidResult bid = FindBid(Reconcile(Unanimous().Build(), QuickOptions()), 1);
    BOOST_TEST(!bid.median_rank.has_value());
    BOOST_TEST(!bid.rank_ci90.has_value());
}

BOOST_AUTO_TEST_CASE(SnsfModeRanksEveryCandidateBayesianly)
{
    RoundBuilder rb = Unanimous();
    rb.MutablePolicy().snsf_mode = true;
    rb.MutablePolicy().bootstrap_draws = 500;
    const FundResult fund = Reconcile(rb.Build()).funds.at(0);
    BOOST_TEST_REQUIRE(fund.bayes.size() == 5U); // the rejected bid is not a candidate
    for (std::size_t i = 0; i < fund.bayes.size(); ++i)
    {
        BOOST_TEST(fund.bayes[i].bid == static_cast<Key>(i + 1));
        BOOST_TEST(fund.bayes[i].ci90.lo >= 1);
        BOOST_TEST(fund.bayes[i].ci90.hi <= 5);
        BOOST_TEST((fund.bayes[i].group == "accepted" || fund.bayes[i].group == "lottery" ||
                    fund.bayes[i].group == "rejected"));
    }
    BOOST_TEST(fund.bayes.front().group == "accepted");
    BOOST_TEST(fund.bayes.back().group == "rejected");
    BOOST_TEST(Reconcile(Unanimous().Build()).funds.at(0).bayes.empty());
}

BOOST_AUTO_TEST_CASE(ReliabilityCoversTheFundAndTheRound)
{
    RoundBuilder rb = Unanimous();
    rb.Fund(2, 100000).Bid(7, "SUS-1", 2, 1000).Totals(7, {50, 50, 50, 50, 50});
    const ReconcileResult result = Reconcile(rb.Build());
    BOOST_TEST(result.funds.at(0).reliability.units == 6);
    BOOST_TEST(result.funds.at(0).reliability.raters == 5);
    BOOST_TEST(result.funds.at(1).reliability.units == 1);
    BOOST_TEST(result.reliability.units == 7);
    BOOST_TEST(!Reconcile(rb.Build(), QuickOptions()).reliability.units);
}

BOOST_AUTO_TEST_SUITE_END()
