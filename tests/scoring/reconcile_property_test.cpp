// SPDX-License-Identifier: MIT
// Properties of Reconcile() over seeded random rounds: whatever the data, these must hold.
#include "round_builder.hpp"

#include <coscore/scoring/lottery.hpp>
#include <coscore/scoring/reconcile.hpp>
#include <coscore/scoring/reconciler.hpp>
#include <coscore/scoring/synthetic_round.hpp>

#include <boost/test/data/monomorphic.hpp>
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <cmath>
#include <map>
#include <string>
#include <vector>

namespace data = boost::unit_test::data;
using namespace coscore::scoring;
using coscore::scoring::testing::FindBid;
using coscore::scoring::testing::QuickOptions;

namespace
{

const std::vector<std::uint64_t> kSeeds{1, 2, 3, 5, 8, 13, 21, 34};

template <typename T>
void Shuffle(std::vector<T>& items, SplitMix64& rng)
{
    for (std::size_t i = items.size(); i-- > 1;)
    {
        std::swap(items[i], items[static_cast<std::size_t>(UniformBelow(rng, i + 1))]);
    }
}

/// A small random round with everything allocation can meet: a ring-fenced pot, rejected,
/// deferred and reduced bids, ineligible bids, gates, and a tie at some ranks.
RoundData RandomRound(std::uint64_t seed, RankBasis basis = RankBasis::Mean)
{
    SyntheticSpec spec = SmallRound();
    spec.gates = true;
    spec.missing_rate = 0.08;
    spec.interest_rate = 0.05;
    spec.explain_rate = 0.05;
    RoundData round = GenerateRound(spec, seed);
    round.policy.rank_by = basis;
    round.policy.zmean_min_bids = 5;
    SplitMix64 rng(seed * 7919);
    Fund& fund = round.funds[0];
    fund.pots.push_back(
        {1, "rural", fund.budget_pence / 5, "ward", {"Rural North", "rural south"}});
    fund.max_award_pence = 2000000;
    for (Bid& bid : round.bids)
    {
        switch (UniformBelow(rng, 20))
        {
        case 0:
            round.decisions.push_back({bid.key, DecisionKind::Reject, {}, "", "no", "", {}});
            break;
        case 1:
            round.decisions.push_back({bid.key, DecisionKind::Defer, {}, "", "later", "", {}});
            break;
        case 2:
            round.decisions.push_back(
                {bid.key, DecisionKind::FundReduced, bid.requested_pence / 2, "", "", "", {}});
            break;
        case 3:
            bid.eligibility = Eligibility::Ineligible;
            break;
        default:
            break;
        }
    }
    return round;
}

/// Everything a bid's outcome depends on, compared by bid key.
void ExpectSameOutcome(const ReconcileResult& a, const ReconcileResult& b)
{
    BOOST_TEST_REQUIRE(a.funds.size() == b.funds.size());
    for (std::size_t f = 0; f < a.funds.size(); ++f)
    {
        BOOST_TEST(a.funds[f].spent_pence == b.funds[f].spent_pence);
        BOOST_TEST(a.funds[f].bids.size() == b.funds[f].bids.size());
        for (const BidResult& x : a.funds[f].bids)
        {
            const BidResult& y = FindBid(b, x.bid);
            BOOST_TEST_CONTEXT("bid " << x.bid)
            {
                BOOST_TEST(x.figures.n == y.figures.n);
                BOOST_TEST(x.figures.mean.value_or(-1) == y.figures.mean.value_or(-1),
                           boost::test_tools::tolerance(1e-9));
                BOOST_TEST(x.adjusted.value_or(-1) == y.adjusted.value_or(-1),
                           boost::test_tools::tolerance(1e-7));
                BOOST_TEST(x.rank == y.rank);
                BOOST_TEST(x.tied == y.tied);
                BOOST_TEST(x.raw_rank == y.raw_rank);
                BOOST_TEST(x.adjusted_rank == y.adjusted_rank);
                BOOST_TEST(x.funded == y.funded);
                BOOST_TEST(x.award_pence == y.award_pence);
                BOOST_TEST(x.fundable == y.fundable);
                auto codes_x = coscore::scoring::testing::FlagCodes(x);
                auto codes_y = coscore::scoring::testing::FlagCodes(y);
                std::sort(codes_x.begin(), codes_x.end());
                std::sort(codes_y.begin(), codes_y.end());
                BOOST_TEST(codes_x == codes_y);
            }
        }
    }
}

} // namespace

BOOST_AUTO_TEST_SUITE(reconcile_properties)

BOOST_DATA_TEST_CASE(ResultDoesNotDependOnMemberOrder, data::make(kSeeds), seed)
{
    const RoundData round = RandomRound(seed, RankBasis::Adjusted);
    RoundData shuffled = round;
    SplitMix64 rng(seed);
    Shuffle(shuffled.members, rng);
    ExpectSameOutcome(Reconcile(round, QuickOptions()), Reconcile(shuffled, QuickOptions()));
}

BOOST_DATA_TEST_CASE(ResultDoesNotDependOnBidOrderOrRowOrder, data::make(kSeeds), seed)
{
    const RoundData round = RandomRound(seed, RankBasis::ZMean);
    RoundData shuffled = round;
    SplitMix64 rng(seed + 100);
    Shuffle(shuffled.bids, rng);
    Shuffle(shuffled.scores, rng);
    Shuffle(shuffled.interests, rng);
    Shuffle(shuffled.sheets, rng);
    ExpectSameOutcome(Reconcile(round, QuickOptions()), Reconcile(shuffled, QuickOptions()));
}

BOOST_DATA_TEST_CASE(RanksFollowTheBasisScores, data::make(kSeeds), seed)
{
    for (const RankBasis basis : {RankBasis::Mean, RankBasis::Median, RankBasis::Olympic,
                                  RankBasis::ZMean, RankBasis::Adjusted})
    {
        const ReconcileResult result = Reconcile(RandomRound(seed, basis), QuickOptions());
        for (const FundResult& fund : result.funds)
        {
            for (std::size_t i = 0; i < fund.bids.size(); ++i)
            {
                const BidResult& bid = fund.bids[i];
                if (!bid.basis_score)
                {
                    BOOST_TEST(bid.rank == 0);
                    continue;
                }
                // Rank = 1 + the number of bids with a strictly higher basis score.
                int higher = 0;
                for (const BidResult& other : fund.bids)
                {
                    higher += other.basis_score && *other.basis_score > *bid.basis_score + 1e-7;
                }
                BOOST_TEST(bid.rank == higher + 1);
                if (i > 0)
                {
                    BOOST_TEST(fund.bids[i - 1].basis_score.has_value());
                    BOOST_TEST(*fund.bids[i - 1].basis_score >= *bid.basis_score - 1e-7);
                }
            }
        }
    }
}

BOOST_DATA_TEST_CASE(AllocationNeverExceedsABudgetOrAPot, data::make(kSeeds), seed)
{
    for (const AllocationRule rule : {AllocationRule::Skip, AllocationRule::Stop})
    {
        RoundData round = RandomRound(seed);
        round.policy.allocation = rule;
        const ReconcileResult result = Reconcile(round, QuickOptions());
        for (std::size_t f = 0; f < result.funds.size(); ++f)
        {
            const FundResult& fund = result.funds[f];
            Pence spent = 0;
            std::map<std::string, Pence> from_pot;
            for (const BidResult& bid : fund.bids)
            {
                spent += bid.award_pence;
                BOOST_TEST(bid.funded == (bid.award_pence > 0));
                if (!bid.pot.empty())
                {
                    from_pot[bid.pot] += bid.award_pence;
                }
                const bool passed = !bid.fundable || bid.decision == DecisionKind::Reject ||
                                    bid.decision == DecisionKind::Defer ||
                                    bid.allocation_note.find("Passed over") == 0;
                BOOST_TEST(!(passed && bid.funded));
                if (bid.funded && bid.decision != DecisionKind::FundReduced)
                {
                    BOOST_TEST(bid.award_pence == bid.requested_pence);
                }
            }
            BOOST_TEST(spent == fund.spent_pence);
            BOOST_TEST(fund.spent_pence <= fund.budget_pence);
            BOOST_TEST(fund.remaining_pence == fund.budget_pence - fund.spent_pence);
            for (const Pot& pot : round.funds[f].pots)
            {
                BOOST_TEST(from_pot[pot.name] <= pot.minimum_pence);
            }
        }
    }
}

BOOST_DATA_TEST_CASE(SameRoundAndSeedGiveTheSameResult, data::make(kSeeds), seed)
{
    BOOST_TEST(GenerateRound(SmallRound(), seed).scores.size() ==
               GenerateRound(SmallRound(), seed).scores.size());
    const ReconcileResult a = Reconcile(RandomRound(seed), QuickOptions());
    const ReconcileResult b = Reconcile(RandomRound(seed), QuickOptions());
    ExpectSameOutcome(a, b);
    for (std::size_t f = 0; f < a.funds.size(); ++f)
    {
        for (std::size_t i = 0; i < a.funds[f].bids.size(); ++i)
        {
            BOOST_TEST(a.funds[f].bids[i].bid == b.funds[f].bids[i].bid);
            BOOST_TEST(a.funds[f].bids[i].allocation_note == b.funds[f].bids[i].allocation_note);
        }
    }
}

BOOST_DATA_TEST_CASE(AMissingScoreIsNeverCountedAsZero, data::make(kSeeds), seed)
{
    const RoundData round = RandomRound(seed);
    const ReconcileResult before = Reconcile(round, QuickOptions());
    for (const FundResult& fund : before.funds)
    {
        for (const BidResult& bid : fund.bids)
        {
            // n and the mean come from the present totals alone.
            std::vector<double> present;
            for (const MemberTotal& m : bid.members)
            {
                BOOST_TEST((m.total.has_value() == (m.missing == MissingReason::None)));
                if (m.total)
                {
                    present.push_back(*m.total);
                }
            }
            BOOST_TEST(bid.figures.n == static_cast<int>(present.size()));
            if (!present.empty())
            {
                double sum = 0.0;
                for (const double v : present)
                {
                    sum += v;
                }
                BOOST_TEST(*bid.figures.mean == sum / static_cast<double>(present.size()),
                           boost::test_tools::tolerance(1e-9));
            }
        }
    }
    // Giving a member who has no total the top level everywhere adds one total of 100: n grows
    // by one and the mean cannot fall. Were missing counted as 0, n would not change.
    RoundData filled = round;
    for (const FundResult& fund : before.funds)
    {
        for (const BidResult& bid : fund.bids)
        {
            const auto it = std::find_if(bid.members.begin(), bid.members.end(),
                                         [](const MemberTotal& m)
                                         { return m.missing == MissingReason::NotYet; });
            if (it == bid.members.end() || bid.figures.n == 0)
            {
                continue;
            }
            for (Score& s : filled.scores)
            {
                if (s.bid == bid.bid && s.member == it->member)
                {
                    const Fund& f =
                        *std::find_if(round.funds.begin(), round.funds.end(),
                                      [&](const Fund& x) { return x.key == fund.fund; });
                    for (const Criterion& c : f.criteria)
                    {
                        if (c.key == s.criterion)
                        {
                            s.value = static_cast<std::int16_t>(c.scale_max);
                        }
                    }
                }
            }
            const ReconcileResult after = Reconcile(filled, QuickOptions());
            BOOST_TEST(FindBid(after, bid.bid).figures.n == bid.figures.n + 1);
            BOOST_TEST(*FindBid(after, bid.bid).figures.mean >= *bid.figures.mean - 1e-9);
            filled = round;
        }
    }
}

BOOST_DATA_TEST_CASE(ModeratedScoresOverrideAndWithdrawalRestores, data::make(kSeeds), seed)
{
    const RoundData round = RandomRound(seed);
    SplitMix64 rng(seed + 5);
    RoundData moderated = round;
    RoundData replaced = round;
    RoundData withdrawn = round;
    for (int k = 0; k < 20; ++k)
    {
        Score& s =
            replaced.scores[static_cast<std::size_t>(UniformBelow(rng, replaced.scores.size()))];
        const auto value = static_cast<std::int16_t>(UniformBelow(rng, 6));
        ModeratedScore m;
        m.bid = s.bid;
        m.member = s.member;
        m.criterion = s.criterion;
        m.value = value;
        moderated.moderated.push_back(m);
        withdrawn.moderated.push_back(m);
        m.value.reset();
        withdrawn.moderated.push_back(m);
        s.value = value;
    }
    ExpectSameOutcome(Reconcile(moderated, QuickOptions()), Reconcile(replaced, QuickOptions()));
    ExpectSameOutcome(Reconcile(withdrawn, QuickOptions()), Reconcile(round, QuickOptions()));
}

BOOST_DATA_TEST_CASE(ReconcilerAfterAScoreChangeEqualsAFreshReconcile, data::make(kSeeds), seed)
{
    RoundData round = RandomRound(seed, RankBasis::Adjusted);
    Reconciler reconciler(round, QuickOptions());
    SplitMix64 rng(seed + 9);
    for (int k = 0; k < 5; ++k)
    {
        Score changed =
            round.scores[static_cast<std::size_t>(UniformBelow(rng, round.scores.size()))];
        changed.value = static_cast<std::int16_t>(UniformBelow(rng, 6));
        changed.missing = MissingReason::None;
        reconciler.SetScore(changed);
        for (Score& s : round.scores)
        {
            if (s.bid == changed.bid && s.member == changed.member &&
                s.criterion == changed.criterion)
            {
                s = changed;
            }
        }
        ExpectSameOutcome(reconciler.Result(), Reconcile(round, QuickOptions()));
    }
    // A score for a cell that had no row is inserted in order.
    Score added{round.bids[0].key, round.members[0].key, round.funds[0].criteria[0].key, 3,
                MissingReason::None};
    round.scores.erase(std::remove_if(round.scores.begin(), round.scores.end(),
                                      [&](const Score& s) {
                                          return s.bid == added.bid && s.member == added.member &&
                                                 s.criterion == added.criterion;
                                      }),
                       round.scores.end());
    Reconciler fresh(round, QuickOptions());
    fresh.SetScore(added);
    BOOST_TEST(std::is_sorted(fresh.Round().scores.begin(), fresh.Round().scores.end(),
                              [](const Score& a, const Score& b) {
                                  return std::tie(a.bid, a.member, a.criterion) <
                                         std::tie(b.bid, b.member, b.criterion);
                              }));
    round.scores = fresh.Round().scores;
    ExpectSameOutcome(fresh.Result(), Reconcile(round, QuickOptions()));
}

BOOST_AUTO_TEST_SUITE_END()
