// SPDX-License-Identifier: MIT
#include "round_builder.hpp"

#include <coscore/scoring/leniency.hpp>
#include <coscore/scoring/lottery.hpp>
#include <coscore/scoring/reconcile.hpp>

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
using coscore::scoring::testing::FindBid;
using coscore::scoring::testing::QuickOptions;
using coscore::scoring::testing::RankOrder;
using coscore::scoring::testing::RoundBuilder;

namespace
{

/// Bid 1: {0, 90, 90, 90, 100} — mean 74, median 90, Olympic 90.
/// Bid 2: {80, 80, 80, 80, 80} — mean 80, median 80, Olympic 80.
/// Bid 3: {60, 70, 75, 80, 85} — mean 74, median 75, Olympic 75.
RoundData BasisRound(RankBasis basis)
{
    RoundBuilder rb;
    rb.Fund(1, 100000).Members(5);
    rb.Bid(1, "INN-1", 1, 1000).Bid(2, "INN-2", 1, 1000).Bid(3, "INN-3", 1, 1000);
    rb.Totals(1, {0, 90, 90, 90, 100}).Totals(2, {80, 80, 80, 80, 80});
    rb.Totals(3, {60, 70, 75, 80, 85});
    rb.MutablePolicy().rank_by = basis;
    return rb.Build();
}

struct BasisCase
{
    std::string name;
    RankBasis basis;
    std::vector<Key> order;
    std::vector<double> basis_scores; ///< in rank order
};

std::ostream& operator<<(std::ostream& os, const BasisCase& c)
{
    return os << c.name;
}

const std::vector<BasisCase> kBases{
    {"mean ranks the steady bid first; equal means fall to the higher median",
     RankBasis::Mean,
     {2, 1, 3},
     {80, 74, 74}},
    {"median ranks the bid most members rated highly first",
     RankBasis::Median,
     {1, 2, 3},
     {90, 80, 75}},
    {"Olympic mean drops the one very low score", RankBasis::Olympic, {1, 2, 3}, {90, 80, 75}},
};

} // namespace

BOOST_AUTO_TEST_SUITE(reconcile_ranking)

BOOST_DATA_TEST_CASE(EachBasisRanksByItsOwnFigure, data::make(kBases), c)
{
    const ReconcileResult result = Reconcile(BasisRound(c.basis), QuickOptions());
    BOOST_TEST(result.basis_used == c.basis);
    const FundResult& fund = result.funds.at(0);
    BOOST_TEST(RankOrder(fund) == c.order);
    for (std::size_t i = 0; i < fund.bids.size(); ++i)
    {
        BOOST_TEST(*fund.bids[i].basis_score == c.basis_scores[i],
                   boost::test_tools::tolerance(1e-9));
    }
}

BOOST_AUTO_TEST_CASE(EqualBasisScoresAreTiesThatShareARank)
{
    const FundResult fund = Reconcile(BasisRound(RankBasis::Mean), QuickOptions()).funds.at(0);
    BOOST_TEST(fund.bids[0].rank == 1);
    BOOST_TEST(!fund.bids[0].tied);
    BOOST_TEST(fund.bids[1].rank == 2);
    BOOST_TEST(fund.bids[2].rank == 2);
    BOOST_TEST(fund.bids[1].tied);
    BOOST_TEST(fund.bids[2].tied);
    BOOST_TEST_REQUIRE(fund.ties.size() == 1U);
    BOOST_TEST(fund.ties[0].bids == std::vector<Key>({1, 3}));
}

BOOST_AUTO_TEST_CASE(TiesFallToHigherNThenNaturalReferenceOrder)
{
    RoundBuilder rb;
    rb.Fund(1, 1000000).Members(3);
    rb.Bid(1, "INN-10", 1, 1000).Bid(2, "INN-9", 1, 1000).Bid(3, "INN-2", 1, 1000);
    rb.Totals(1, {60, 60, 60}).Totals(2, {60, 60, 60}).Totals(3, {60, 60});
    const FundResult fund = Reconcile(rb.Build(), QuickOptions()).funds.at(0);
    // Same mean and median: three totals beat two, then INN-9 comes before INN-10.
    BOOST_TEST(RankOrder(fund) == std::vector<Key>({2, 1, 3}));
    for (const BidResult& bid : fund.bids)
    {
        BOOST_TEST(bid.rank == 1);
        BOOST_TEST(bid.tied);
    }
}

BOOST_AUTO_TEST_CASE(ZMeanFallsBackToTheMeanAndSaysWhy)
{
    RoundData round = BasisRound(RankBasis::ZMean);
    const ReconcileResult result = Reconcile(round, QuickOptions());
    BOOST_TEST(!result.zmean_allowed);
    BOOST_TEST(result.basis_used == RankBasis::Mean);
    BOOST_TEST(result.basis_note ==
               "Ranked by the mean, not the z-normalised mean: that needs every member to have "
               "scored at least 8 bids, and Member 1, Member 2, Member 3, Member 4 and Member 5 "
               "have scored fewer.");
    BOOST_TEST(!FindBid(result, 1).zmean.has_value());
    BOOST_TEST(RankOrder(result.funds.at(0)) == std::vector<Key>({2, 1, 3}));
}

BOOST_AUTO_TEST_CASE(ZMeanRanksByStandardisedTotalsWhenAllowed, *utf::tolerance(1e-9))
{
    RoundBuilder rb;
    rb.Fund(1, 100000).Members(2);
    rb.Bid(1, "INN-1", 1, 1000).Bid(2, "INN-2", 1, 1000);
    // Member 1: 10, 30 and member 2: 60, 80 → each z is ∓1/√2.
    rb.Totals(1, {10, 60}).Totals(2, {30, 80});
    rb.MutablePolicy().rank_by = RankBasis::ZMean;
    rb.MutablePolicy().zmean_min_bids = 2;
    const ReconcileResult result = Reconcile(rb.Build(), QuickOptions());
    BOOST_TEST(result.zmean_allowed);
    BOOST_TEST(result.basis_used == RankBasis::ZMean);
    BOOST_TEST(*FindBid(result, 1).zmean == -std::sqrt(0.5));
    BOOST_TEST(*FindBid(result, 2).basis_score == std::sqrt(0.5));
    BOOST_TEST(RankOrder(result.funds.at(0)) == std::vector<Key>({2, 1}));
}

/// Member 3 is generous by about 30 points; bid 1 was scored by member 3 alone. The budget
/// funds one bid.
RoundData LenientRound(RankBasis basis)
{
    RoundBuilder rb;
    rb.Fund(1, 1000).Members(3);
    rb.Bid(1, "INN-1", 1, 1000).Bid(2, "INN-2", 1, 1000).Bid(3, "INN-3", 1, 1000);
    rb.Bid(4, "INN-4", 1, 1000);
    rb.Totals(1, {std::nullopt, std::nullopt, 85});
    rb.Totals(2, {60, 60, 90}).Totals(3, {70, 72, std::nullopt}).Totals(4, {40, 40, 70});
    rb.MutablePolicy().rank_by = basis;
    return rb.Build();
}

BOOST_AUTO_TEST_CASE(AdjustedScoreTakesEachMembersLeniencyOff, *utf::tolerance(1e-9))
{
    const RoundData round = LenientRound(RankBasis::Adjusted);
    const ReconcileResult result = Reconcile(round, QuickOptions());
    // The same fit on the same member totals (the model itself is tested in leniency_test).
    RatingsTable table;
    table.raters = {"M1", "M2", "M3"};
    table.units = {"INN-1", "INN-2", "INN-3", "INN-4"};
    table.values = {{std::nullopt, std::nullopt, 85.0},
                    {60.0, 60.0, 90.0},
                    {70.0, 72.0, std::nullopt},
                    {40.0, 40.0, 70.0}};
    const AdditiveFit fit = FitAdditiveModel(table, round.policy.ridge_lambda);
    for (Key k = 1; k <= 4; ++k)
    {
        BOOST_TEST(*FindBid(result, k).adjusted == *fit.adjusted[static_cast<std::size_t>(k - 1)]);
    }
    BOOST_TEST_REQUIRE(result.leniency.size() == 3U);
    BOOST_TEST(*result.leniency[2].leniency == *fit.leniency[2]);
    // By hand (λ = 1): the normal equations give l3 = 40/3 and l1 + l2 = −40/3, so bid 1
    // (member 3 alone) adjusts to 85 − 40/3 and bid 3 (members 1 and 2) to 71 + 20/3.
    BOOST_TEST(*result.leniency[2].leniency == 40.0 / 3.0);
    BOOST_TEST(*FindBid(result, 1).adjusted == 85.0 - 40.0 / 3.0);
    BOOST_TEST(*FindBid(result, 3).adjusted == 71.0 + 20.0 / 3.0);
    BOOST_TEST(result.leniency[2].bids_scored == 3);
    BOOST_TEST(*result.leniency[2].mean_given == (85.0 + 90.0 + 70.0) / 3.0);
    BOOST_TEST(RankOrder(result.funds.at(0)).front() == 3);
}

BOOST_AUTO_TEST_CASE(RawAndAdjustedRanksAreShownSideBySide)
{
    const ReconcileResult result = Reconcile(LenientRound(RankBasis::Mean), QuickOptions());
    const BidResult& lenient_only = FindBid(result, 1);
    BOOST_TEST(lenient_only.raw_rank == 1);     // mean 85
    BOOST_TEST(lenient_only.adjusted_rank > 1); // about 85 − 20
    BOOST_TEST(FindBid(result, 3).adjusted_rank == 1);
    BOOST_TEST(lenient_only.rank == lenient_only.raw_rank);
    // Only one bid is affordable: the raw ranking funds bid 1, the adjusted one bid 3.
    BOOST_TEST(result.funds.at(0).status_changes == std::vector<Key>({1, 3}));
}

/// Bids 1 and 2 tie on every figure; the budget funds one of them.
RoundBuilder TieAtTheLine()
{
    RoundBuilder rb;
    rb.Fund(1, 150000).Members(3);
    rb.Bid(1, "INN-1", 1, 100000).Bid(2, "INN-2", 1, 100000).Bid(3, "INN-3", 1, 50000);
    rb.Totals(1, {70, 70, 70}).Totals(2, {70, 70, 70}).Totals(3, {90, 90, 90});
    return rb;
}

BOOST_AUTO_TEST_CASE(AnUnresolvedTieAtTheLineIsReportedAndProvisional)
{
    const FundResult fund = Reconcile(TieAtTheLine().Build(), QuickOptions()).funds.at(0);
    BOOST_TEST(RankOrder(fund) == std::vector<Key>({3, 1, 2}));
    BOOST_TEST_REQUIRE(fund.ties.size() == 1U);
    const TieGroup& tie = fund.ties[0];
    BOOST_TEST(tie.at_line);
    BOOST_TEST(!tie.resolved);
    BOOST_TEST(tie.resolution ==
               "Tied at the funding line: the order by median, then number of scores, then "
               "reference is provisional until the chair decides or a lottery is drawn.");
    BOOST_TEST(FindBid(Reconcile(TieAtTheLine().Build(), QuickOptions()), 1).funded);
}

BOOST_AUTO_TEST_CASE(AChairsRecordedOrderResolvesTheTie)
{
    RoundBuilder rb = TieAtTheLine();
    TieBreak chair;
    chair.fund = 1;
    chair.group = {1, 2};
    chair.order = {2, 1};
    chair.reason = "stronger local evidence";
    rb.Round().tie_breaks.push_back(chair);
    const ReconcileResult result = Reconcile(rb.Build(), QuickOptions());
    const FundResult& fund = result.funds.at(0);
    BOOST_TEST(RankOrder(fund) == std::vector<Key>({3, 2, 1}));
    BOOST_TEST(fund.ties.at(0).resolved);
    BOOST_TEST(fund.ties.at(0).at_line);
    BOOST_TEST(fund.ties.at(0).resolution ==
               "Chair's decision: INN-2 and INN-1: stronger local evidence");
    BOOST_TEST(FindBid(result, 2).funded);
    BOOST_TEST(!FindBid(result, 1).funded);
    BOOST_TEST(FindBid(result, 1).rank == FindBid(result, 2).rank); // still reported as a tie
}

BOOST_AUTO_TEST_CASE(ASeededLotteryResolvesTheTie)
{
    for (const std::uint64_t seed : {1ULL, 2ULL, 3ULL, 42ULL})
    {
        RoundBuilder rb = TieAtTheLine();
        rb.Round().tie_breaks.push_back(MakeLotteryTieBreak(1, {2, 1}, seed));
        const ReconcileResult result = Reconcile(rb.Build(), QuickOptions());
        const std::vector<Key> drawn = DrawLottery({1, 2}, seed);
        BOOST_TEST(FindBid(result, drawn[0]).funded);
        BOOST_TEST(!FindBid(result, drawn[1]).funded);
        const TieGroup& tie = result.funds.at(0).ties.at(0);
        BOOST_TEST(tie.resolved);
        BOOST_TEST(tie.resolution == "Lottery, seed " + std::to_string(seed) +
                                         ": drawn in the order INN-" + std::to_string(drawn[0]) +
                                         " and INN-" + std::to_string(drawn[1]) + ".");
    }
}

BOOST_AUTO_TEST_CASE(ALotteryRecordThatDoesNotMatchItsSeedIsNotApplied)
{
    RoundBuilder rb = TieAtTheLine();
    TieBreak forged = MakeLotteryTieBreak(1, {1, 2}, 7);
    std::swap(forged.order[0], forged.order[1]);
    rb.Round().tie_breaks.push_back(forged);
    const FundResult fund = Reconcile(rb.Build(), QuickOptions()).funds.at(0);
    BOOST_TEST(!fund.ties.at(0).resolved);
    BOOST_TEST(fund.ties.at(0).resolution ==
               "A recorded lottery (seed 7) does not match a fresh draw with that seed; it is "
               "not applied.");
    BOOST_TEST(RankOrder(fund) == std::vector<Key>({3, 1, 2}));
}

BOOST_AUTO_TEST_CASE(ATieBreakForAnotherGroupDoesNotApply)
{
    RoundBuilder rb = TieAtTheLine();
    TieBreak stale;
    stale.fund = 1;
    stale.group = {1, 2, 3};
    stale.order = {2, 1, 3};
    rb.Round().tie_breaks.push_back(stale);
    const FundResult fund = Reconcile(rb.Build(), QuickOptions()).funds.at(0);
    BOOST_TEST(!fund.ties.at(0).resolved);
    BOOST_TEST(RankOrder(fund) == std::vector<Key>({3, 1, 2}));
}

BOOST_AUTO_TEST_CASE(ATieWellInsideTheMoneyIsNotAtTheLine)
{
    RoundBuilder rb = TieAtTheLine();
    rb.Round().funds[0].budget_pence = 1000000;
    const FundResult fund = Reconcile(rb.Build(), QuickOptions()).funds.at(0);
    BOOST_TEST(!fund.ties.at(0).at_line);
    BOOST_TEST(fund.ties.at(0).resolution.empty());
}

BOOST_AUTO_TEST_CASE(UnderThePaylineATieWhereTheMoneyStopsIsAtTheLine)
{
    RoundBuilder rb = TieAtTheLine();
    rb.Round().funds[0].budget_pence = 140000; // 3 is funded, 1 does not fit, payline
    rb.MutablePolicy().allocation = AllocationRule::Stop;
    rb.LastBid().requested_pence = 50000;
    rb.Round().bids[1].requested_pence = 90000; // 2 would fit if it came first
    const FundResult fund = Reconcile(rb.Build(), QuickOptions()).funds.at(0);
    BOOST_TEST(fund.ties.at(0).at_line);
}

BOOST_AUTO_TEST_CASE(BidsWithoutScoresAreNotRanked)
{
    RoundBuilder rb;
    rb.Fund(1, 100000).Members(3).Bid(1, "INN-1", 1, 1000).Bid(2, "INN-2", 1, 1000);
    rb.Totals(1, {50, 60, 70});
    const ReconcileResult result = Reconcile(rb.Build(), QuickOptions());
    BOOST_TEST(FindBid(result, 2).rank == 0);
    BOOST_TEST(!FindBid(result, 2).funded);
    BOOST_TEST(FindBid(result, 2).allocation_note == "Passed over: not scored yet.");
    BOOST_TEST(RankOrder(result.funds.at(0)) == std::vector<Key>({1, 2}));
}

BOOST_AUTO_TEST_SUITE_END()
