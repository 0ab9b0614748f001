// SPDX-License-Identifier: MIT
#include "text.hpp"

#include <coscore/scoring/allocation.hpp>

#include <algorithm>

namespace coscore::scoring
{

bool MatchesPot(const Pot& pot, const Bid& bid)
{
    const std::string field = Folded(pot.field);
    const std::string* value = nullptr;
    if (field == "ward" || field == "area")
    {
        value = &bid.ward;
    }
    else
    {
        const auto it =
            std::find_if(bid.fields.begin(), bid.fields.end(),
                         [&](const ApplicationField& f) { return Folded(f.name) == field; });
        if (it == bid.fields.end())
        {
            return false;
        }
        value = &it->value;
    }
    const std::string folded = Folded(*value);
    return std::any_of(pot.values.begin(), pot.values.end(),
                       [&](const std::string& v) { return Folded(v) == folded; });
}

namespace
{

/// One pass of the rule over the bids `eligible` accepts, spending at most `limit`.
class Pass
{
public:
    Pass(std::span<const AllocationBid> ranked, Allocation& out, AllocationRule rule,
         bool with_notes)
        : m_ranked(ranked), m_out(out), m_rule(rule), m_with_notes(with_notes)
    {
    }

    /// Funds the bids `eligible` accepts, spending at most `limit`; returns the money spent.
    /// `final_pass` notes every bid it leaves unfunded (earlier pot passes leave that to it).
    template <typename Eligible, typename Funded>
    Pence Run(Pence limit, Eligible eligible, Funded on_funded, bool final_pass)
    {
        Pence left = limit;
        bool stopped = false;
        for (std::size_t i = 0; i < m_ranked.size(); ++i)
        {
            const AllocationBid& bid = m_ranked[i];
            AllocationLine& line = m_out.lines[i];
            if (line.funded || !bid.passed_over.empty() || !eligible(bid))
            {
                continue;
            }
            if (stopped)
            {
                if (final_pass && m_with_notes)
                {
                    line.note = "Below the payline";
                }
                continue;
            }
            if (bid.award_pence <= left)
            {
                line.funded = true;
                line.award_pence = bid.award_pence;
                left -= bid.award_pence;
                on_funded(line);
                continue;
            }
            if (final_pass && m_with_notes)
            {
                line.note = (m_rule == AllocationRule::Stop ? "Below the payline: " : "Skipped: ") +
                            FormatPence(bid.award_pence) + " requested, " + FormatPence(left) +
                            " left";
            }
            stopped = m_rule == AllocationRule::Stop;
            if (stopped && final_pass)
            {
                m_out.stopped_at = i;
            }
        }
        return limit - left;
    }

private:
    std::span<const AllocationBid> m_ranked;
    Allocation& m_out;
    AllocationRule m_rule;
    bool m_with_notes;
};

} // namespace

Allocation Allocate(const Fund& fund, std::span<const AllocationBid> ranked, AllocationRule rule,
                    bool with_notes)
{
    Allocation out;
    out.lines.resize(ranked.size());
    for (std::size_t i = 0; i < ranked.size(); ++i)
    {
        out.lines[i].bid = ranked[i].bid;
        if (with_notes)
        {
            out.lines[i].note = ranked[i].passed_over;
        }
    }
    Pass pass(ranked, out, rule, with_notes);
    Pence remaining = std::max<Pence>(fund.budget_pence, 0);
    for (std::size_t p = 0; p < fund.pots.size(); ++p)
    {
        const Pot& pot = fund.pots[p];
        const auto in_pot = [p](const AllocationBid& bid)
        { return std::find(bid.pots.begin(), bid.pots.end(), p) != bid.pots.end(); };
        remaining -= pass.Run(
            std::min(std::max<Pence>(pot.minimum_pence, 0), remaining), in_pot,
            [&](AllocationLine& line)
            {
                line.pot = p;
                if (with_notes)
                {
                    line.note = "From the " + pot.name + " pot";
                }
            },
            false);
    }
    remaining -= pass.Run(
        remaining, [](const AllocationBid&) { return true; }, [](AllocationLine&) {}, true);
    for (std::size_t p = 0; p < fund.pots.size(); ++p)
    {
        PotResult result;
        result.name = fund.pots[p].name;
        result.minimum_pence = fund.pots[p].minimum_pence;
        for (std::size_t i = 0; i < ranked.size(); ++i)
        {
            const auto& pots = ranked[i].pots;
            if (out.lines[i].funded && std::find(pots.begin(), pots.end(), p) != pots.end())
            {
                result.spent_pence += out.lines[i].award_pence;
            }
        }
        result.met = result.spent_pence >= result.minimum_pence;
        out.pots.push_back(std::move(result));
    }
    Pence cumulative = 0;
    for (AllocationLine& line : out.lines)
    {
        cumulative += line.award_pence;
        line.cumulative_pence = cumulative;
    }
    out.spent_pence = cumulative;
    return out;
}

} // namespace coscore::scoring
