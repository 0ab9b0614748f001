// SPDX-License-Identifier: MIT
#include <coscore/scoring/member_total.hpp>
#include <coscore/scoring/reconcile.hpp>

#include <algorithm>
#include <map>

namespace coscore::scoring
{
namespace
{

// First cut for issue #2: member totals, n and mean, ranked by mean. The full rules of
// PRODUCT.md §4 arrive with issue #3.
BidResult FiguresFor(const RoundData& round, const Fund& fund, const Bid& bid)
{
    BidResult result;
    result.bid = bid.key;
    result.requested_pence = bid.requested_pence;
    double sum = 0.0;
    for (const Member& member : round.members)
    {
        if (!member.scores)
        {
            continue;
        }
        std::vector<std::optional<int>> values(fund.criteria.size());
        for (const Score& s : round.scores)
        {
            if (s.bid != bid.key || s.member != member.key || !s.value)
            {
                continue;
            }
            for (std::size_t i = 0; i < fund.criteria.size(); ++i)
            {
                if (fund.criteria[i].key == s.criterion)
                {
                    values[i] = *s.value;
                }
            }
        }
        const MemberTotalResult total = ComputeMemberTotal(fund.criteria, values);
        result.members.push_back({member.key, total.total, MissingReason::None,
                                  total.IsIncomplete(), false});
        if (total.total)
        {
            ++result.figures.n;
            sum += *total.total;
        }
    }
    if (result.figures.n > 0)
    {
        result.figures.mean = sum / result.figures.n;
        result.basis_score = result.figures.mean;
    }
    return result;
}

} // namespace

ReconcileResult Reconcile(const RoundData& round, const ReconcileOptions& /*options*/)
{
    ReconcileResult out;
    for (const Fund& fund : round.funds)
    {
        FundResult fr;
        fr.fund = fund.key;
        fr.budget_pence = fund.budget_pence;
        for (const Bid& bid : round.bids)
        {
            if (bid.fund == fund.key)
            {
                fr.bids.push_back(FiguresFor(round, fund, bid));
            }
        }
        std::stable_sort(fr.bids.begin(), fr.bids.end(), [](const BidResult& a, const BidResult& b)
                         { return a.basis_score.value_or(-1.0) > b.basis_score.value_or(-1.0); });
        for (std::size_t i = 0; i < fr.bids.size(); ++i)
        {
            BidResult& b = fr.bids[i];
            b.rank = static_cast<int>(i) + 1;
            if (i > 0 && fr.bids[i - 1].basis_score == b.basis_score)
            {
                b.rank = fr.bids[i - 1].rank;
                b.tied = fr.bids[i - 1].tied = true;
            }
            b.raw_rank = b.rank;
            if (b.figures.n > 0 && fr.spent_pence + b.requested_pence <= fr.budget_pence)
            {
                b.funded = true;
                b.award_pence = b.requested_pence;
                fr.spent_pence += b.award_pence;
                ++fr.funded_count;
            }
            b.cumulative_pence = fr.spent_pence;
        }
        fr.remaining_pence = fr.budget_pence - fr.spent_pence;
        out.funds.push_back(std::move(fr));
    }
    return out;
}

} // namespace coscore::scoring
