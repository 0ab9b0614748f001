// SPDX-License-Identifier: MIT
#include "flags.hpp"
#include "key_index.hpp"
#include "ranking.hpp"
#include "reconcile_steps.hpp"
#include "text.hpp"

#include <coscore/scoring/knapsack.hpp>
#include <coscore/scoring/lottery.hpp>
#include <coscore/scoring/rank_uncertainty.hpp>

#include <algorithm>
#include <span>

namespace coscore::scoring
{
namespace
{

/// The latest decision of each bid (index into RoundData::decisions), per fund position.
std::vector<const Decision*> LatestDecisions(const RoundData& round,
                                             const std::vector<BidResult>& bids)
{
    const KeyIndex index(std::span<const BidResult>(bids),
                         [](const BidResult& b) { return b.bid; });
    std::vector<const Decision*> latest(bids.size(), nullptr);
    for (const Decision& decision : round.decisions)
    {
        if (const std::uint32_t at = index.Find(decision.bid); at != kNoIndex)
        {
            latest[at] = &decision;
        }
    }
    return latest;
}

std::string WithReason(std::string text, const std::string& reason)
{
    return reason.empty() ? text + "." : text + ": " + reason;
}

AllocationBid DescribeForAllocation(const Fund& fund, const Bid& bid, const BidResult& result,
                                    const Decision* decision)
{
    AllocationBid a;
    a.bid = bid.key;
    a.requested_pence = bid.requested_pence;
    a.award_pence = bid.requested_pence;
    if (decision != nullptr && decision->kind == DecisionKind::FundReduced && decision->award_pence)
    {
        a.award_pence = *decision->award_pence; // partial awards only by the chair's decision
    }
    if (decision != nullptr && decision->kind == DecisionKind::Reject)
    {
        a.passed_over = WithReason("Passed over: rejected", decision->reason);
    }
    else if (decision != nullptr && decision->kind == DecisionKind::Defer)
    {
        a.passed_over = WithReason("Passed over: deferred", decision->reason);
    }
    else if (bid.eligibility == Eligibility::Ineligible)
    {
        a.passed_over = WithReason("Passed over: ineligible", bid.eligibility_note);
    }
    else if (!result.fundable)
    {
        std::vector<std::string_view> gates(result.failed_gates.begin(), result.failed_gates.end());
        a.passed_over = "Passed over: not fundable (fails the gate on " + JoinNames(gates) + ").";
    }
    else if (!result.basis_score)
    {
        a.passed_over = "Passed over: not scored yet.";
    }
    for (std::size_t p = 0; p < fund.pots.size(); ++p)
    {
        if (MatchesPot(fund.pots[p], bid))
        {
            a.pots.push_back(p);
        }
    }
    return a;
}

std::vector<RankEntry> Entries(const std::vector<BidResult>& bids,
                               const std::vector<const Bid*>& source,
                               std::optional<double> BidResult::*score_field,
                               std::optional<double> Figures::*figure)
{
    std::vector<RankEntry> entries;
    entries.reserve(bids.size());
    for (std::size_t i = 0; i < bids.size(); ++i)
    {
        const BidResult& b = bids[i];
        entries.push_back({score_field != nullptr ? b.*score_field : b.figures.*figure,
                           b.figures.median, b.figures.n, source[i]->ref, b.bid});
    }
    return entries;
}

/// Applies a recorded tie-break to a tie group when one matches the group exactly (a record
/// made before the scores changed no longer applies). Returns the group's TieGroup.
TieGroup ResolveTie(const RoundData& round, const Fund& fund, const std::vector<BidResult>& bids,
                    const std::vector<const Bid*>& source, const std::vector<std::size_t>& group,
                    std::vector<std::size_t>& order)
{
    TieGroup tie;
    std::vector<Key> keys;
    for (const std::size_t at : group)
    {
        keys.push_back(bids[at].bid);
    }
    tie.bids = keys;
    std::sort(keys.begin(), keys.end());
    const TieBreak* record = nullptr;
    for (const TieBreak& tb : round.tie_breaks)
    {
        std::vector<Key> recorded = tb.group;
        std::vector<Key> ordered = tb.order;
        std::sort(recorded.begin(), recorded.end());
        std::sort(ordered.begin(), ordered.end());
        if (tb.fund == fund.key && recorded == keys && ordered == keys)
        {
            record = &tb;
        }
    }
    if (record == nullptr)
    {
        return tie;
    }
    if (record->by_lottery && DrawLottery(keys, record->seed) != record->order)
    {
        tie.resolution = "A recorded lottery (seed " + std::to_string(record->seed) +
                         ") does not match a fresh draw with that seed; it is not applied.";
        return tie;
    }
    // Put the group's positions in the recorded order, in the places the group occupies.
    std::vector<std::size_t> places;
    for (std::size_t i = 0; i < order.size(); ++i)
    {
        if (std::find(group.begin(), group.end(), order[i]) != group.end())
        {
            places.push_back(i);
        }
    }
    std::vector<std::string_view> refs;
    for (std::size_t k = 0; k < record->order.size(); ++k)
    {
        const auto at = static_cast<std::size_t>(
            std::find_if(group.begin(), group.end(),
                         [&](std::size_t g) { return bids[g].bid == record->order[k]; }) -
            group.begin());
        order[places[k]] = group[at];
        refs.push_back(source[group[at]]->ref);
    }
    tie.bids = record->order;
    tie.resolved = true;
    tie.resolution = record->by_lottery
                         ? "Lottery, seed " + std::to_string(record->seed) +
                               ": drawn in the order " + JoinNames(refs) + "."
                         : WithReason("Chair's decision: " + JoinNames(refs), record->reason);
    return tie;
}

/// Fills rank_ci50/90, median_rank, p_funded and (SNSF mode) the Bayesian ranking.
void AssessUncertainty(const RoundData& round, const std::vector<std::uint32_t>& scorers,
                       const std::vector<const Bid*>& source, const std::vector<bool>& candidate,
                       int fundable, FundResult& fr)
{
    std::vector<BidRow> rows;
    std::vector<std::size_t> at;
    for (std::size_t i = 0; i < fr.bids.size(); ++i)
    {
        if (candidate[i])
        {
            rows.push_back({&fr.bids[i], source[i]});
            at.push_back(i);
        }
    }
    if (rows.empty())
    {
        return;
    }
    const RatingsTable table = TotalsTable(round, scorers, rows, false);
    RankOptions options;
    options.method = RankMethod::Bootstrap;
    options.fundable = fundable;
    options.seed = round.policy.seed;
    options.draws = round.policy.bootstrap_draws;
    options.scale = std::pair{0.0, 100.0};
    const RankReport report = RankRatings(table, options);
    if (report.units.size() == rows.size())
    {
        for (std::size_t k = 0; k < rows.size(); ++k)
        {
            BidResult& b = fr.bids[at[k]];
            const RankedUnit& unit = report.units[k];
            b.median_rank = unit.median_rank;
            b.rank_ci50 = unit.rank_ci50;
            b.rank_ci90 = unit.rank_ci90;
            b.p_funded = unit.p_funded;
        }
    }
    if (!round.policy.snsf_mode)
    {
        return;
    }
    options.method = RankMethod::Bayes;
    options.draws = 0; // the Bayesian default (20,000 kept draws), not the bootstrap's count
    const RankReport bayes = RankRatings(table, options);
    fr.bayes_mc_error = bayes.mc_error;
    if (bayes.units.size() != rows.size())
    {
        return;
    }
    for (std::size_t k = 0; k < rows.size(); ++k)
    {
        const RankedUnit& unit = bayes.units[k];
        if (!unit.expected_rank)
        {
            continue; // no posterior for this bid: show nothing rather than zeros
        }
        BayesBid b;
        b.bid = fr.bids[at[k]].bid;
        b.expected_rank = unit.expected_rank.value_or(0.0);
        b.sucra = unit.sucra.value_or(0.0);
        b.pcer = unit.pcer.value_or(0.0);
        b.rank_pm = unit.rank_pm.value_or(0.0);
        b.ci50 = unit.rank_ci50.value_or(RankInterval{});
        b.ci90 = unit.rank_ci90.value_or(RankInterval{});
        b.p_funded = unit.p_funded.value_or(0.0);
        b.group = unit.group;
        fr.bayes.push_back(std::move(b));
    }
}

/// Ranks of the entries by an alternative basis (mean, adjusted, a voice), and the funded flags
/// that ranking would give.
struct Alternative
{
    std::vector<int> rank;
    std::vector<bool> funded;
};

Alternative RankAlternative(const Fund& fund, const std::vector<RankEntry>& entries,
                            const std::vector<AllocationBid>& allocation, AllocationRule rule)
{
    const Ranking ranking = RankEntries(entries);
    return {ranking.rank, FundedInOrder(fund, allocation, ranking.order, rule)};
}

} // namespace

std::vector<bool> FundedInOrder(const Fund& fund, const std::vector<AllocationBid>& bids,
                                const std::vector<std::size_t>& order, AllocationRule rule)
{
    std::vector<AllocationBid> ranked;
    ranked.reserve(order.size());
    for (const std::size_t at : order)
    {
        ranked.push_back(bids[at]);
        if (!bids[at].passed_over.empty())
        {
            ranked.back().passed_over.assign(1, '-'); // the reason is not needed here
        }
    }
    const Allocation allocation = Allocate(fund, ranked, rule, false);
    std::vector<bool> funded(bids.size(), false);
    for (std::size_t i = 0; i < order.size(); ++i)
    {
        funded[order[i]] = allocation.lines[i].funded;
    }
    return funded;
}

FundOutcome ReconcileFund(const RoundData& round, const ReconcileOptions& options,
                          const std::vector<std::uint32_t>& scorers, const Fund& fund,
                          std::vector<BidResult> bids, const std::vector<const Bid*>& source)
{
    const Policy& policy = round.policy;
    const std::size_t n = bids.size();
    const std::vector<const Decision*> decisions = LatestDecisions(round, bids);
    std::vector<AllocationBid> allocation;
    allocation.reserve(n);
    for (std::size_t i = 0; i < n; ++i)
    {
        allocation.push_back(DescribeForAllocation(fund, *source[i], bids[i], decisions[i]));
        if (decisions[i] != nullptr)
        {
            bids[i].decision = decisions[i]->kind;
            bids[i].decision_status = decisions[i]->status;
        }
    }

    // The policy's ranking, with recorded tie-breaks applied inside tie groups.
    const std::vector<RankEntry> entries = Entries(bids, source, &BidResult::basis_score, nullptr);
    Ranking ranking = RankEntries(entries);
    std::vector<TieGroup> ties;
    for (const auto& group : ranking.ties)
    {
        ties.push_back(ResolveTie(round, fund, bids, source, group, ranking.order));
    }
    std::vector<AllocationBid> ranked;
    ranked.reserve(n);
    for (const std::size_t at : ranking.order)
    {
        ranked.push_back(allocation[at]);
    }
    const Allocation allocated = Allocate(fund, ranked, policy.allocation);

    FundOutcome outcome;
    FundResult& fr = outcome.result;
    fr.fund = fund.key;
    fr.budget_pence = fund.budget_pence;
    fr.spent_pence = allocated.spent_pence;
    fr.remaining_pence = fund.budget_pence - allocated.spent_pence;
    fr.pots = allocated.pots;

    // Sensitivity: raw (plain mean) and adjusted ranks side by side.
    const Alternative raw = RankAlternative(fund, Entries(bids, source, nullptr, &Figures::mean),
                                            allocation, policy.allocation);
    const Alternative adjusted = RankAlternative(
        fund, Entries(bids, source, &BidResult::adjusted, nullptr), allocation, policy.allocation);

    std::vector<const Bid*> ranked_source;
    std::vector<bool> candidate;
    for (std::size_t k = 0; k < n; ++k)
    {
        const std::size_t at = ranking.order[k];
        BidResult b = std::move(bids[at]);
        const AllocationLine& line = allocated.lines[k];
        b.rank = ranking.rank[at];
        b.tied = ranking.tied[at];
        b.raw_rank = raw.rank[at];
        b.adjusted_rank = adjusted.rank[at];
        b.funded = line.funded;
        b.award_pence = line.award_pence;
        b.cumulative_pence = line.cumulative_pence;
        b.allocation_note = line.note;
        if (line.pot)
        {
            b.pot = fund.pots[*line.pot].name;
        }
        if (line.funded && allocation[at].award_pence != allocation[at].requested_pence)
        {
            b.allocation_note += (b.allocation_note.empty() ? "" : "; ") +
                                 std::string("Reduced award by the chair's decision: ") +
                                 FormatPence(allocation[at].award_pence) + " of " +
                                 FormatPence(allocation[at].requested_pence) + " requested";
        }
        if (allocation[at].passed_over.empty())
        {
            AddAwardFlags(fund, allocation[at].award_pence, b);
        }
        if (raw.funded[at] != adjusted.funded[at])
        {
            fr.status_changes.push_back(b.bid);
        }
        fr.funded_count += line.funded ? 1 : 0;
        candidate.push_back(allocation[at].passed_over.empty());
        ranked_source.push_back(source[at]);
        fr.bids.push_back(std::move(b));
        outcome.allocation.push_back(std::move(ranked[k]));
    }

    // A tie group is at the line when the order inside it decides who is funded.
    for (TieGroup& tie : ties)
    {
        int funded = 0;
        int unfunded = 0;
        bool payline_inside = false;
        for (std::size_t k = 0; k < n; ++k)
        {
            if (std::find(tie.bids.begin(), tie.bids.end(), fr.bids[k].bid) == tie.bids.end() ||
                !candidate[k])
            {
                continue;
            }
            (fr.bids[k].funded ? funded : unfunded) += 1;
            payline_inside = payline_inside || allocated.stopped_at == k;
        }
        tie.at_line = (funded > 0 && unfunded > 0) || (payline_inside && funded + unfunded > 1);
        if (tie.at_line && !tie.resolved && tie.resolution.empty())
        {
            tie.resolution = "Tied at the funding line: the order by median, then number of "
                             "scores, then reference is provisional until the chair decides or "
                             "a lottery is drawn.";
        }
    }
    fr.ties = std::move(ties);

    std::vector<KnapsackItem> items;
    for (std::size_t k = 0; k < n; ++k)
    {
        if (candidate[k])
        {
            const BidResult& b = fr.bids[k];
            // zmean is not on the points scale; the plan adds up points.
            const std::optional<double> score =
                policy.rank_by == RankBasis::ZMean ? b.figures.mean : b.basis_score;
            items.push_back({b.bid, outcome.allocation[k].award_pence, score.value_or(0.0)});
        }
    }
    KnapsackOutcome plan = PlanMaximumTotalScore(items, fund.budget_pence);
    fr.knapsack = std::move(plan.advice);
    fr.knapsack_note = std::move(plan.note);

    if (options.bootstrap)
    {
        int fundable = 0;
        for (std::size_t k = 0; k < n; ++k)
        {
            fundable += candidate[k] && fr.bids[k].funded ? 1 : 0;
        }
        AssessUncertainty(round, scorers, ranked_source, candidate, fundable, fr);
    }
    if (options.reliability)
    {
        std::vector<BidRow> rows;
        for (std::size_t k = 0; k < n; ++k)
        {
            if (fr.bids[k].figures.n > 0)
            {
                rows.push_back({&fr.bids[k], ranked_source[k]});
            }
        }
        fr.reliability = ComputeReliability(TotalsTable(round, scorers, rows, false));
    }
    return outcome;
}

} // namespace coscore::scoring
