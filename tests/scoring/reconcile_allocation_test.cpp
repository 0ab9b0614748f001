// SPDX-License-Identifier: MIT
#include "round_builder.hpp"

#include <coscore/scoring/reconcile.hpp>

#include <boost/test/data/monomorphic.hpp>
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <functional>
#include <ostream>
#include <string>
#include <vector>

namespace data = boost::unit_test::data;
using namespace coscore::scoring;
using coscore::scoring::testing::FindBid;
using coscore::scoring::testing::QuickOptions;
using coscore::scoring::testing::RankOrder;
using coscore::scoring::testing::RoundBuilder;

namespace
{

/// Budget £10,000. Bids in score order: 1 (90, £4,000), 2 (80, £5,000), 3 (70, £3,000),
/// 4 (60, £2,000). By default 1 and 2 are funded, 3 is skipped (£1,000 left), 4 does not fit.
RoundBuilder Ladder()
{
    RoundBuilder rb;
    rb.Fund(1, 1000000).Members(3);
    rb.Bid(1, "INN-1", 1, 400000).Bid(2, "INN-2", 1, 500000);
    rb.Bid(3, "INN-3", 1, 300000).Bid(4, "INN-4", 1, 200000);
    rb.Totals(1, {90, 90, 90}).Totals(2, {80, 80, 80}).Totals(3, {70, 70, 70});
    rb.Totals(4, {60, 60, 60});
    return rb;
}

struct PassCase
{
    std::string name;
    std::function<void(RoundBuilder&)> change;
    Key passed;
    std::string note;
    std::vector<Key> funded;
};

std::ostream& operator<<(std::ostream& os, const PassCase& c)
{
    return os << c.name;
}

const std::vector<PassCase> kPasses{
    {"a rejected bid is passed over with the reason",
     [](RoundBuilder& rb) { rb.Decide(2, DecisionKind::Reject, std::nullopt, "duplicate"); },
     2,
     "Passed over: rejected: duplicate",
     {1, 3, 4}},
    {"a deferred bid is passed over",
     [](RoundBuilder& rb) { rb.Decide(1, DecisionKind::Defer); },
     1,
     "Passed over: deferred.",
     {2, 3, 4}},
    {"an ineligible bid is passed over",
     [](RoundBuilder& rb)
     {
         rb.Round().bids[1].eligibility = Eligibility::Ineligible;
         rb.Round().bids[1].eligibility_note = "not a charity";
     },
     2,
     "Passed over: ineligible: not a charity",
     {1, 3, 4}},
    {"a bid failing a gate is passed over",
     [](RoundBuilder& rb) { rb.Round().funds[0].criteria[0].gate = 85; },
     2,
     "Passed over: not fundable (fails the gate on Overall).",
     {1}},
    {"the latest decision counts",
     [](RoundBuilder& rb)
     { rb.Decide(2, DecisionKind::Reject).Decide(2, DecisionKind::FundWithConditions); },
     3,
     "Skipped: £3,000 requested, £1,000 left",
     {1, 2}},
};

} // namespace

BOOST_AUTO_TEST_SUITE(reconcile_allocation)

BOOST_DATA_TEST_CASE(PassedOverBidsAreNeverFunded, data::make(kPasses), c)
{
    RoundBuilder rb = Ladder();
    c.change(rb);
    const ReconcileResult result = Reconcile(rb.Build(), QuickOptions());
    BOOST_TEST(FindBid(result, c.passed).allocation_note == c.note);
    std::vector<Key> funded;
    for (const BidResult& bid : result.funds.at(0).bids)
    {
        if (bid.funded)
        {
            funded.push_back(bid.bid);
        }
    }
    BOOST_TEST(funded == c.funded);
}

BOOST_AUTO_TEST_CASE(SkipFundsTheNextBidThatFits)
{
    const ReconcileResult result = Reconcile(Ladder().Build(), QuickOptions());
    const FundResult& fund = result.funds.at(0);
    BOOST_TEST(FindBid(result, 3).allocation_note == "Skipped: £3,000 requested, £1,000 left");
    BOOST_TEST(!FindBid(result, 4).funded);
    BOOST_TEST(fund.spent_pence == 900000);
    BOOST_TEST(fund.remaining_pence == 100000);
    BOOST_TEST(fund.funded_count == 2);
    BOOST_TEST(FindBid(result, 1).cumulative_pence == 400000);
    BOOST_TEST(FindBid(result, 4).cumulative_pence == 900000);
}

BOOST_AUTO_TEST_CASE(StopEndsAllocationAtThePayline)
{
    RoundBuilder rb = Ladder();
    rb.Round().funds[0].budget_pence = 1100000;
    const ReconcileResult skip = Reconcile(rb.Build(), QuickOptions());
    BOOST_TEST(FindBid(skip, 4).funded); // £2,000 left after 1, 2; 3 skipped, 4 fits
    rb.MutablePolicy().allocation = AllocationRule::Stop;
    const ReconcileResult stop = Reconcile(rb.Build(), QuickOptions());
    BOOST_TEST(FindBid(stop, 3).allocation_note ==
               "Below the payline: £3,000 requested, £2,000 left");
    BOOST_TEST(!FindBid(stop, 4).funded);
    BOOST_TEST(FindBid(stop, 4).allocation_note == "Below the payline");
}

BOOST_AUTO_TEST_CASE(AReducedAwardIsTheChairsAmount)
{
    RoundBuilder rb = Ladder();
    rb.Decide(2, DecisionKind::FundReduced, 300000, "phase one only");
    const ReconcileResult result = Reconcile(rb.Build(), QuickOptions());
    const BidResult& reduced = FindBid(result, 2);
    BOOST_TEST(reduced.funded);
    BOOST_TEST(reduced.award_pence == 300000);
    BOOST_TEST(reduced.requested_pence == 500000);
    BOOST_TEST(reduced.allocation_note ==
               "Reduced award by the chair's decision: £3,000 of £5,000 requested");
    BOOST_TEST(*reduced.decision == DecisionKind::FundReduced);
    BOOST_TEST(FindBid(result, 3).funded); // £3,000 now fits
    BOOST_TEST(result.funds.at(0).spent_pence == 1000000);
}

BOOST_AUTO_TEST_CASE(ARingFencedPotIsFundedFirstAndNamed)
{
    RoundBuilder rb = Ladder();
    rb.Round().funds[0].pots.push_back({1, "rural", 500000, "ward", {"Rural North"}});
    rb.Round().bids[2].ward = "rural north "; // bid 3
    rb.Round().bids[3].ward = "Rural North";  // bid 4
    const ReconcileResult result = Reconcile(rb.Build(), QuickOptions());
    const FundResult& fund = result.funds.at(0);
    BOOST_TEST(FindBid(result, 3).pot == "rural");
    BOOST_TEST(FindBid(result, 4).pot == "rural");
    BOOST_TEST(FindBid(result, 3).allocation_note == "From the rural pot");
    BOOST_TEST(FindBid(result, 1).funded);
    BOOST_TEST(!FindBid(result, 2).funded); // £5,000 remain after the pot and bid 1: £1,000
    BOOST_TEST_REQUIRE(fund.pots.size() == 1U);
    BOOST_TEST(fund.pots[0].spent_pence == 500000);
    BOOST_TEST(fund.pots[0].met);
    BOOST_TEST(fund.spent_pence <= fund.budget_pence);
    // Rank order is unchanged; cumulative spend follows it.
    BOOST_TEST(RankOrder(fund) == std::vector<Key>({1, 2, 3, 4}));
    BOOST_TEST(FindBid(result, 4).cumulative_pence == 900000);
}

BOOST_AUTO_TEST_CASE(KnapsackPlanIsAdviceOnly)
{
    // Bids 1, 3 and 4 (£9,000, 220 points) beat the ranked allocation 1 and 2 (170 points) and
    // the exact fill 2, 3 and 4 (£10,000, 210 points).
    RoundBuilder rb = Ladder();
    const ReconcileResult result = Reconcile(rb.Build(), QuickOptions());
    const FundResult& fund = result.funds.at(0);
    BOOST_TEST_REQUIRE(fund.knapsack.has_value());
    BOOST_TEST(fund.knapsack->bids == std::vector<Key>({1, 3, 4}));
    BOOST_TEST(fund.knapsack->spent_pence == 900000);
    BOOST_TEST(fund.knapsack->total_score == 220.0, boost::test_tools::tolerance(1e-9));
    BOOST_TEST(FindBid(result, 1).funded); // the real allocation is not changed
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(reconcile_equal_voice)

/// Members 1 (person using services), 2 (councillor), 3 (carer), 4 (voluntary sector).
/// Lived experience prefers bid 1; councillors and professionals prefer bid 2. One is funded.
RoundData SplitPanel()
{
    RoundBuilder rb;
    rb.Fund(1, 100000).Members(4);
    rb.Bid(1, "INN-1", 1, 100000).Bid(2, "INN-2", 1, 100000);
    rb.Totals(1, {90, 20, 90, 20}).Totals(2, {40, 80, 40, 80});
    return rb.Build();
}

BOOST_AUTO_TEST_CASE(EachVoicesFundedSetIsComparedWithTheRealOne)
{
    const ReconcileResult result = Reconcile(SplitPanel(), QuickOptions());
    BOOST_TEST(FindBid(result, 2).funded); // mean 60 beats 55
    const auto& lived = result.equal_voice.voices[static_cast<std::size_t>(Voice::LivedExperience)];
    BOOST_TEST(lived.funded == std::vector<Key>({1}));
    BOOST_TEST(lived.gained == std::vector<Key>({1}));
    BOOST_TEST(lived.lost == std::vector<Key>({2}));
    BOOST_TEST(lived.members == 2);
    BOOST_TEST(*lived.mean_total == 65.0, boost::test_tools::tolerance(1e-9));
    const auto& councillors =
        result.equal_voice.voices[static_cast<std::size_t>(Voice::Councillors)];
    BOOST_TEST(councillors.funded == std::vector<Key>({2}));
    BOOST_TEST(councillors.gained.empty());
    BOOST_TEST(councillors.lost.empty());
}

BOOST_AUTO_TEST_CASE(VoiceMeansArePerBid, *boost::unit_test::tolerance(1e-9))
{
    const ReconcileResult result = Reconcile(SplitPanel(), QuickOptions());
    const BidResult& bid = FindBid(result, 1);
    BOOST_TEST(bid.voices[0].voice == Voice::LivedExperience);
    BOOST_TEST(bid.voices[0].n == 2);
    BOOST_TEST(*bid.voices[0].mean == 90.0);
    BOOST_TEST(*bid.voices[1].mean == 20.0);
    BOOST_TEST(*bid.voices[2].mean == 20.0);
    // Every figure, per voice: lived experience gave 90 and 90.
    BOOST_TEST(*bid.voices[0].figures.median == 90.0);
    BOOST_TEST(*bid.voices[0].figures.sd == 0.0);
    BOOST_TEST(*bid.voices[0].figures.range == 0.0);
    BOOST_TEST(bid.voices[1].figures.n == 1);
    BOOST_TEST(!bid.voices[1].figures.sd.has_value());
}

BOOST_AUTO_TEST_CASE(MeanLeniencyByVoiceAveragesItsMembers, *boost::unit_test::tolerance(1e-9))
{
    const ReconcileResult result = Reconcile(SplitPanel(), QuickOptions());
    const auto& lived = result.equal_voice.voices[0];
    BOOST_TEST(*lived.mean_leniency ==
               (*result.leniency[0].leniency + *result.leniency[2].leniency) / 2.0);
}

BOOST_AUTO_TEST_CASE(AVoiceThatDidNotScoreABidCannotFundIt)
{
    RoundBuilder rb;
    rb.Fund(1, 1000000).Members(4);
    rb.Bid(1, "INN-1", 1, 100000).Totals(1, {std::nullopt, 80, std::nullopt, 80});
    const ReconcileResult result = Reconcile(rb.Build(), QuickOptions());
    BOOST_TEST(FindBid(result, 1).funded);
    BOOST_TEST(result.equal_voice.voices[0].funded.empty());
    BOOST_TEST(result.equal_voice.voices[0].lost == std::vector<Key>({1}));
}

BOOST_AUTO_TEST_SUITE_END()
