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
using coscore::scoring::testing::FlagText;
using coscore::scoring::testing::QuickOptions;
using coscore::scoring::testing::RoundBuilder;

namespace
{

using Totals = std::vector<std::optional<int>>;

/// One bid (key 1, "INN-1", £1,000 asked) on a panel of `members` (roles cycle lived
/// experience, councillor, carer, voluntary sector), with the given totals.
RoundBuilder OneBid(int members, const Totals& totals, std::optional<int> gate = std::nullopt)
{
    RoundBuilder rb;
    rb.Fund(1, 100000, gate).Members(members).Bid(1, "INN-1", 1, 100000).Totals(1, totals);
    return rb;
}

struct FlagCase
{
    std::string name;
    std::function<RoundBuilder()> round;
    std::string code;
    std::string text; ///< empty: the flag must not be raised
};

std::ostream& operator<<(std::ostream& os, const FlagCase& c)
{
    return os << c.name;
}

RoundBuilder Tweak(RoundBuilder rb, const std::function<void(RoundBuilder&)>& change)
{
    change(rb);
    return rb;
}

const std::vector<FlagCase> kCases{
    {"range at the threshold is flagged",
     [] {
         return OneBid(4, {20, 70, 45, 45});
     },
     "range", "Wide spread: totals run from 20 to 70, 50 points apart (flag at 50)."},
    {"range just below the threshold is not flagged",
     [] {
         return OneBid(4, {20, 69, 45, 45});
     },
     "range", ""},
    {"IQR above a quarter of the span is flagged (type-7 quartiles 25 and 75)",
     [] {
         return OneBid(4, {10, 30, 70, 90});
     },
     "iqr", "The middle half of the totals spans 50 points (flag above 25)."},
    {"IQR is not flagged for fewer than four totals",
     [] {
         return OneBid(3, {10, 50, 90});
     },
     "iqr", ""},
    {"SD of a quarter of the span is flagged",
     [] {
         return OneBid(4, {10, 30, 70, 90});
     },
     "sd", "Totals vary a lot: standard deviation 36.5 points (flag at 25)."},
    {"a member far from the others' median is someone to ask",
     [] {
         return OneBid(4, {90, 30, 35, 40});
     },
     "outlier",
     "Ask Member 1: their total of 90 is 55 points from the others' median of 35 (flag at 50). "
     "Discuss it; never drop a score."},
    {"no outlier with only one other member",
     [] {
         return OneBid(2, {90, 30});
     },
     "outlier", ""},
    {"lived-experience and councillor means far apart",
     [] {
         return OneBid(4, {70, 45, 74, 60});
     },
     "voice_gap",
     "Lived-experience members average 72 and councillors 45: 27 points apart (flag at 20)."},
    {"fewer than three totals is below quorum",
     [] {
         return OneBid(9, {50, 60});
     },
     "quorum",
     "Below quorum: only 2 of the 9 scoring members scored this bid (it needs at least 3, and "
     "at least 50% of the panel)."},
    {"fewer than half the panel is below quorum",
     [] {
         return OneBid(9, {50, 60, 55, 52});
     },
     "quorum",
     "Below quorum: only 4 of the 9 scoring members scored this bid (it needs at least 3, and "
     "at least 50% of the panel)."},
    {"half the panel and three totals is quorate",
     [] {
         return OneBid(6, {50, 60, 55});
     },
     "quorum", ""},
    {"a bid nobody scored says so", [] { return OneBid(9, {}); }, "quorum",
     "Not scored yet: none of the 9 scoring members has scored this bid."},
    {"no lived-experience score",
     [] {
         return OneBid(6, {std::nullopt, 50, std::nullopt, 60, std::nullopt, 55});
     },
     "quorum_voice", "No lived-experience member has scored this bid yet."},
    {"members asking for an explanation are named",
     []
     {
         return Tweak(OneBid(4, {50, 50, 50, 50}), [](RoundBuilder& rb)
                      { rb.Sheet(1, 3, true).Sheet(1, 1, true).Sheet(1, 2, false); });
     },
     "needs_explaining", "Member 1 and Member 3 ask for this bid to be explained."},
    {"a gate failed by the panel median makes the bid not fundable",
     [] {
         return OneBid(3, {40, 45, 60}, 50);
     },
     "gate", "Not fundable: the panel median on Overall is 45, below the gate of 50."},
    {"a gate nobody scored is not met", [] { return OneBid(3, {}, 50); }, "gate",
     "Not fundable yet: nobody has scored Overall, so its gate of 50 is not met."},
    {"a gate met by the median is not flagged",
     [] {
         return OneBid(3, {40, 50, 60}, 50);
     },
     "gate", ""},
    {"an ineligible bid says why",
     []
     {
         return Tweak(OneBid(3, {50, 50, 50}),
                      [](RoundBuilder& rb)
                      {
                          rb.LastBid().eligibility = Eligibility::Ineligible;
                          rb.LastBid().eligibility_note = "Outside the county";
                      });
     },
     "ineligible", "Ineligible: Outside the county"},
    {"an award above the fund's maximum is flagged, not changed",
     []
     {
         return Tweak(OneBid(3, {50, 50, 50}),
                      [](RoundBuilder& rb) { rb.Round().funds[0].max_award_pence = 50000; });
     },
     "award_max", "The award of £1,000 is above the fund's maximum award of £500."},
    {"a reduced award below the fund's minimum is flagged",
     []
     {
         return Tweak(OneBid(3, {50, 50, 50}),
                      [](RoundBuilder& rb)
                      {
                          rb.Round().funds[0].min_award_pence = 75000;
                          rb.Decide(1, DecisionKind::FundReduced, 50050);
                      });
     },
     "award_min", "The award of £500.50 is below the fund's minimum award of £750."},
    {"thresholds are policy settings",
     []
     {
         return Tweak(OneBid(4, {20, 50, 45, 45}),
                      [](RoundBuilder& rb) { rb.MutablePolicy().flag_range = 0.3; });
     },
     "range", "Wide spread: totals run from 20 to 50, 30 points apart (flag at 30)."},
};

} // namespace

BOOST_AUTO_TEST_SUITE(reconcile_flags)

BOOST_DATA_TEST_CASE(FlagsCarryTheirPlainEnglishReason, data::make(kCases), c)
{
    const BidResult bid = FindBid(Reconcile(c.round().Build(), QuickOptions()), 1);
    BOOST_TEST(FlagText(bid, c.code) == c.text);
}

BOOST_AUTO_TEST_CASE(IncompleteSheetsAreFlaggedByName)
{
    RoundBuilder rb;
    rb.Members(3).Bid(1, "INN-1", 1, 1000);
    rb.Round().funds.push_back({});
    rb.Round().funds.back().key = 1;
    rb.Criterion(11, "Need", 50, 0, 5).Criterion(12, "Value", 50, 0, 5);
    rb.Score(1, 1, 11, 4).Score(1, 1, 12, 4).Score(1, 2, 11, 3).Score(1, 3, 12, 2);
    const BidResult bid = FindBid(Reconcile(rb.Build()), 1);
    BOOST_TEST(FlagText(bid, "incomplete") ==
               "Member 2 and Member 3 left some criteria unscored: the total uses only the "
               "criteria scored.");
}

BOOST_AUTO_TEST_CASE(FailingAGateMakesTheBidNotFundable)
{
    RoundBuilder rb;
    rb.Fund(1, 100000, 50).Members(3).Bid(1, "INN-1", 1, 1000).Totals(1, {40, 45, 90});
    const BidResult bid = FindBid(Reconcile(rb.Build()), 1);
    BOOST_TEST(!bid.fundable);
    BOOST_TEST(bid.failed_gates == std::vector<std::string>({"Overall"}));
    BOOST_TEST(!bid.funded);
    BOOST_TEST(bid.allocation_note == "Passed over: not fundable (fails the gate on Overall).");
}

BOOST_AUTO_TEST_SUITE_END()
