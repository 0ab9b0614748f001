// SPDX-License-Identifier: MIT
#include "panel.hpp"

#include <coscore/scoring/figures.hpp>
#include <coscore/scoring/member_total.hpp>

#include <algorithm>
#include <span>

namespace coscore::scoring
{

PanelBuilder::PanelBuilder(const RoundData& round, bool use_moderated)
    : m_round(round), m_use_moderated(use_moderated),
      m_bids(std::span<const Bid>(round.bids), [](const Bid& b) { return b.key; }),
      m_members(std::span<const Member>(round.members), [](const Member& m) { return m.key; }),
      m_scorer_of_member(round.members.size(), kNoIndex)
{
    for (std::size_t m = 0; m < round.members.size(); ++m)
    {
        // A duplicated key is one member: only its first row counts.
        if (round.members[m].scores && m_members.Find(round.members[m].key) == m)
        {
            m_scorer_of_member[m] = static_cast<std::uint32_t>(m_scorers.size());
            m_scorers.push_back(static_cast<std::uint32_t>(m));
        }
    }
    const KeyIndex funds(std::span<const Fund>(round.funds), [](const Fund& f) { return f.key; });
    for (const Fund& fund : round.funds)
    {
        m_criteria.emplace_back(std::span<const Criterion>(fund.criteria),
                                [](const Criterion& c) { return c.key; });
    }
    m_bid_fund.reserve(round.bids.size());
    for (const Bid& bid : round.bids)
    {
        m_bid_fund.push_back(funds.Find(bid.fund));
    }
    const std::size_t n = round.bids.size();
    m_scores = BidGroups(std::span<const Score>(round.scores), m_bids, n);
    m_moderated = BidGroups(std::span<const ModeratedScore>(round.moderated), m_bids, n);
    m_interests = BidGroups(std::span<const Interest>(round.interests), m_bids, n);
    m_sheets = BidGroups(std::span<const ScoreSheet>(round.sheets), m_bids, n);
}

BidPanel PanelBuilder::Build(std::size_t b) const
{
    BidPanel panel;
    const std::size_t scorers = m_scorers.size();
    const std::uint32_t f = m_bid_fund[b];
    const std::vector<Criterion> no_criteria;
    const std::vector<Criterion>& criteria =
        f == kNoIndex ? no_criteria : m_round.funds[f].criteria;
    const std::size_t nc = criteria.size();
    const KeyIndex* criterion_index = f == kNoIndex ? nullptr : &m_criteria[f];

    std::vector<std::optional<int>> values(scorers * nc);
    std::vector<MissingReason> reason(scorers, MissingReason::None);
    std::vector<bool> moderated(scorers, false);
    // Slot of a row's cell, or kNoIndex for a non-scoring member or a criterion of another form.
    const auto cell_of = [&](Key member, Key criterion) -> std::size_t
    {
        const std::uint32_t m = m_members.Find(member);
        if (m == kNoIndex || m_scorer_of_member[m] == kNoIndex || criterion_index == nullptr)
        {
            return kNoIndex;
        }
        const std::uint32_t c = criterion_index->Find(criterion);
        return c == kNoIndex ? kNoIndex : m_scorer_of_member[m] * nc + c;
    };

    m_scores.ForEach(std::span<const Score>(m_round.scores), b,
                     [&](const Score& s)
                     {
                         const std::size_t cell = cell_of(s.member, s.criterion);
                         if (cell == kNoIndex)
                         {
                             return;
                         }
                         if (s.value)
                         {
                             values[cell] = *s.value;
                         }
                         else if (reason[cell / nc] == MissingReason::None)
                         {
                             reason[cell / nc] = s.missing;
                         }
                     });
    if (m_use_moderated)
    {
        // The latest entry per cell applies; an empty value withdraws the moderation, so the
        // independent score (kept in `values`) applies again.
        std::vector<std::pair<std::size_t, std::optional<int>>> latest;
        m_moderated.ForEach(std::span<const ModeratedScore>(m_round.moderated), b,
                            [&](const ModeratedScore& s)
                            {
                                const std::size_t cell = cell_of(s.member, s.criterion);
                                if (cell == kNoIndex)
                                {
                                    return;
                                }
                                const auto it =
                                    std::find_if(latest.begin(), latest.end(),
                                                 [&](const auto& e) { return e.first == cell; });
                                if (it == latest.end())
                                {
                                    latest.emplace_back(cell, s.value);
                                }
                                else
                                {
                                    it->second = s.value;
                                }
                            });
        for (const auto& [cell, value] : latest)
        {
            if (value)
            {
                values[cell] = *value;
                moderated[cell / nc] = true;
            }
        }
    }
    m_interests.ForEach(
        std::span<const Interest>(m_round.interests), b,
        [&](const Interest& interest)
        {
            const std::uint32_t m = m_members.Find(interest.member);
            if (m == kNoIndex || m_scorer_of_member[m] == kNoIndex || !BarsScoring(interest.rule))
            {
                return;
            }
            const std::size_t slot = m_scorer_of_member[m];
            std::fill_n(values.begin() + static_cast<std::ptrdiff_t>(slot * nc), nc, std::nullopt);
            reason[slot] = MissingReason::Interest;
            moderated[slot] = false;
        });
    m_sheets.ForEach(std::span<const ScoreSheet>(m_round.sheets), b,
                     [&](const ScoreSheet& sheet)
                     {
                         const std::uint32_t m = m_members.Find(sheet.member);
                         if (sheet.needs_explaining && m != kNoIndex &&
                             std::find(panel.needs_explaining.begin(), panel.needs_explaining.end(),
                                       m) == panel.needs_explaining.end())
                         {
                             panel.needs_explaining.push_back(m);
                         }
                     });

    panel.members.resize(scorers);
    const std::span<const std::optional<int>> all(values);
    for (std::size_t m = 0; m < scorers; ++m)
    {
        MemberTotal& total = panel.members[m];
        total.member = m_round.members[m_scorers[m]].key;
        const MemberTotalResult result = ComputeMemberTotal(criteria, all.subspan(m * nc, nc));
        total.total = result.total;
        total.incomplete = result.IsIncomplete();
        total.moderated = moderated[m] && result.total.has_value();
        if (!result.total)
        {
            total.missing = reason[m] == MissingReason::None ? MissingReason::NotYet : reason[m];
        }
    }

    panel.criterion_median.resize(nc);
    std::vector<double> column;
    for (std::size_t c = 0; c < nc; ++c)
    {
        if (!criteria[c].gate)
        {
            continue;
        }
        column.clear();
        for (std::size_t m = 0; m < scorers; ++m)
        {
            if (const auto& v = values[m * nc + c])
            {
                column.push_back(*v);
            }
        }
        std::sort(column.begin(), column.end());
        panel.criterion_median[c] = MedianOfSorted(column);
    }
    return panel;
}

} // namespace coscore::scoring
