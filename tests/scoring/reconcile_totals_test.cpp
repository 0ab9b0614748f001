// SPDX-License-Identifier: MIT
#include "round_builder.hpp"

#include <coscore/scoring/reconcile.hpp>

#include <boost/test/unit_test.hpp>

namespace utf = boost::unit_test;
using namespace coscore::scoring;
using coscore::scoring::testing::FindBid;
using coscore::scoring::testing::QuickOptions;
using coscore::scoring::testing::RoundBuilder;

namespace
{

const MemberTotal& TotalOf(const BidResult& bid, Key member)
{
    for (const MemberTotal& m : bid.members)
    {
        if (m.member == member)
        {
            return m;
        }
    }
    throw std::runtime_error("member not on the panel");
}

} // namespace

BOOST_AUTO_TEST_SUITE(reconcile_totals)

BOOST_AUTO_TEST_CASE(MissingScoresAreNeverCountedAsZero, *utf::tolerance(1e-9))
{
    RoundBuilder rb;
    rb.Fund(1, 100000).Members(4).Bid(1, "INN-1", 1, 1000).Totals(1, {80, 60, std::nullopt, 40});
    rb.Score(1, 3, 100, std::nullopt, MissingReason::Absent);
    const BidResult bid = FindBid(Reconcile(rb.Build(), QuickOptions()), 1);
    BOOST_TEST(bid.figures.n == 3);
    BOOST_TEST(*bid.figures.mean == 60.0); // not 45, as a 0 would make it
    BOOST_TEST(!TotalOf(bid, 3).total.has_value());
    BOOST_TEST(TotalOf(bid, 3).missing == MissingReason::Absent);
}

BOOST_AUTO_TEST_CASE(AMemberWithNoRowsIsNotScoredYet)
{
    RoundBuilder rb;
    rb.Fund(1, 100000).Members(3).Bid(1, "INN-1", 1, 1000).Totals(1, {80, 60});
    const BidResult bid = FindBid(Reconcile(rb.Build(), QuickOptions()), 1);
    BOOST_TEST(TotalOf(bid, 3).missing == MissingReason::NotYet);
}

BOOST_AUTO_TEST_CASE(ABarringInterestExcludesAScoreThatExists, *utf::tolerance(1e-9))
{
    RoundBuilder rb;
    rb.Fund(1, 100000).Members(4).Bid(1, "INN-1", 1, 1000).Totals(1, {80, 10, 60, 40});
    rb.Interest(2, 1, InterestRule::NoScoreMaySpeak);
    rb.Interest(4, 1, InterestRule::DeclaredMayScore);
    const BidResult bid = FindBid(Reconcile(rb.Build(), QuickOptions()), 1);
    BOOST_TEST(bid.figures.n == 3);
    BOOST_TEST(*bid.figures.mean == 60.0);
    BOOST_TEST(!TotalOf(bid, 2).total.has_value());
    BOOST_TEST(TotalOf(bid, 2).missing == MissingReason::Interest);
    BOOST_TEST(TotalOf(bid, 4).total.has_value()); // a minor interest may score
}

BOOST_AUTO_TEST_CASE(MembersWhoDoNotScoreAreLeftOffThePanel)
{
    RoundBuilder rb;
    rb.Fund(1, 100000).Members(3).Member(9, "Officer", Role::Officer, false);
    rb.Bid(1, "INN-1", 1, 1000).Totals(1, {80, 60, 70}).Score(1, 9, 100, 0);
    const BidResult bid = FindBid(Reconcile(rb.Build(), QuickOptions()), 1);
    BOOST_TEST(bid.members.size() == 3U);
    BOOST_TEST(bid.figures.n == 3);
    BOOST_TEST(*bid.figures.min == 60.0);
}

BOOST_AUTO_TEST_CASE(TotalsRenormaliseWeightsOverScoredCriteria, *utf::tolerance(1e-9))
{
    RoundBuilder rb;
    rb.Members(2).Bid(1, "INN-1", 1, 1000);
    rb.Round().funds.push_back({});
    rb.Round().funds.back().key = 1;
    rb.Criterion(11, "Need", 60, 0, 5).Criterion(12, "Value", 40, 1, 10);
    rb.Score(1, 1, 11, 4).Score(1, 1, 12, 10); // 100 × (60 × 0.8 + 40 × 1) / 100 = 88
    rb.Score(1, 2, 11, 3).Score(1, 2, 12, std::nullopt, MissingReason::Abstained); // 60
    const BidResult bid = FindBid(Reconcile(rb.Build(), QuickOptions()), 1);
    BOOST_TEST(*TotalOf(bid, 1).total == 88.0);
    BOOST_TEST(*TotalOf(bid, 2).total == 60.0);
    BOOST_TEST(!TotalOf(bid, 1).incomplete);
    BOOST_TEST(TotalOf(bid, 2).incomplete);
}

BOOST_AUTO_TEST_CASE(UnsortedScoresGiveTheSameTotals, *utf::tolerance(1e-9))
{
    RoundBuilder rb;
    rb.Fund(1, 100000).Members(3);
    rb.Bid(1, "INN-1", 1, 1000).Bid(2, "INN-2", 1, 1000);
    rb.Totals(1, {80, 60, 70}).Totals(2, {20, 30, 40});
    RoundData round = rb.Build();
    std::reverse(round.scores.begin(), round.scores.end());
    const ReconcileResult result = Reconcile(round, QuickOptions());
    BOOST_TEST(*FindBid(result, 1).figures.mean == 70.0);
    BOOST_TEST(*FindBid(result, 2).figures.mean == 30.0);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(reconcile_moderation)

namespace
{
RoundBuilder ModeratedRound()
{
    RoundBuilder rb;
    rb.Fund(1, 100000).Members(3).Bid(1, "INN-1", 1, 1000).Totals(1, {80, 60, 40});
    return rb;
}
} // namespace

BOOST_AUTO_TEST_CASE(AModeratedScoreOverridesTheIndependentScore, *utf::tolerance(1e-9))
{
    RoundBuilder rb = ModeratedRound();
    rb.Moderate(1, 3, 100, 70);
    const BidResult bid = FindBid(Reconcile(rb.Build(), QuickOptions()), 1);
    BOOST_TEST(*bid.figures.mean == 70.0);
    BOOST_TEST(TotalOf(bid, 3).moderated);
    BOOST_TEST(!TotalOf(bid, 1).moderated);
}

BOOST_AUTO_TEST_CASE(TheLatestModerationApplies, *utf::tolerance(1e-9))
{
    RoundBuilder rb = ModeratedRound();
    rb.Moderate(1, 3, 100, 70).Moderate(1, 3, 100, 10);
    BOOST_TEST(*FindBid(Reconcile(rb.Build(), QuickOptions()), 1).figures.mean == 50.0);
}

BOOST_AUTO_TEST_CASE(AnEmptyModerationWithdrawsIt, *utf::tolerance(1e-9))
{
    RoundBuilder rb = ModeratedRound();
    rb.Moderate(1, 3, 100, 70).Moderate(1, 3, 100, std::nullopt);
    const BidResult bid = FindBid(Reconcile(rb.Build(), QuickOptions()), 1);
    BOOST_TEST(*bid.figures.mean == 60.0);
    BOOST_TEST(!TotalOf(bid, 3).moderated);
}

BOOST_AUTO_TEST_CASE(ModerationCanGiveAScoreThatWasMissing, *utf::tolerance(1e-9))
{
    RoundBuilder rb;
    rb.Fund(1, 100000).Members(3).Bid(1, "INN-1", 1, 1000).Totals(1, {80, 60});
    rb.Moderate(1, 3, 100, 40);
    const BidResult bid = FindBid(Reconcile(rb.Build(), QuickOptions()), 1);
    BOOST_TEST(bid.figures.n == 3);
    BOOST_TEST(*bid.figures.mean == 60.0);
}

BOOST_AUTO_TEST_CASE(IndependentScoresRankWhenModerationIsOff, *utf::tolerance(1e-9))
{
    RoundBuilder rb = ModeratedRound();
    rb.Moderate(1, 3, 100, 70);
    ReconcileOptions options = QuickOptions();
    options.use_moderated = false;
    BOOST_TEST(*FindBid(Reconcile(rb.Build(), options), 1).figures.mean == 60.0);
}

BOOST_AUTO_TEST_CASE(ModerationNeverLetsABarredMemberScore, *utf::tolerance(1e-9))
{
    RoundBuilder rb = ModeratedRound();
    rb.Interest(3, 1, InterestRule::NoScoreNoSee).Moderate(1, 3, 100, 100);
    const BidResult bid = FindBid(Reconcile(rb.Build(), QuickOptions()), 1);
    BOOST_TEST(bid.figures.n == 2);
    BOOST_TEST(*bid.figures.mean == 70.0);
}

BOOST_AUTO_TEST_SUITE_END()
