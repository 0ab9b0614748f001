// SPDX-License-Identifier: MIT
// Member totals of every bid in one linear pass over the round's scores: moderation applied,
// interests excluded, missing reasons kept (PRODUCT.md §4, first bullet).
#pragma once

#include "key_index.hpp"

#include <coscore/scoring/reconcile.hpp>

#include <cstdint>
#include <optional>
#include <vector>

namespace coscore::scoring
{

/// What the panel gave one bid.
struct BidPanel
{
    std::vector<MemberTotal> members; ///< one per scoring member, in member order
    /// Per criterion of the bid's fund, the panel median of the criterion score; only filled
    /// for gated criteria (the only use).
    std::vector<std::optional<double>> criterion_median;
    std::vector<std::uint32_t> needs_explaining; ///< indexes into RoundData::members
};

/// Indexes a round once; then builds any bid's panel from that bid's rows only.
class PanelBuilder
{
public:
    /// Keeps a reference to `round`, which must outlive the builder and keep its rows.
    PanelBuilder(const RoundData& round, bool use_moderated);

    /// Indexes into RoundData::members of the members who score, in member order.
    const std::vector<std::uint32_t>& Scorers() const { return m_scorers; }

    /// Index into RoundData::funds of bid `b`'s fund, or kNoIndex.
    std::uint32_t FundOf(std::size_t b) const { return m_bid_fund[b]; }

    const KeyIndex& Bids() const { return m_bids; }
    const KeyIndex& Members() const { return m_members; }

    BidPanel Build(std::size_t b) const;

private:
    const RoundData& m_round;
    bool m_use_moderated;
    KeyIndex m_bids;
    KeyIndex m_members;
    std::vector<std::uint32_t> m_scorers;
    std::vector<std::uint32_t> m_scorer_of_member; ///< per member: slot in m_scorers or kNoIndex
    std::vector<KeyIndex> m_criteria;              ///< per fund: criterion key → position
    std::vector<std::uint32_t> m_bid_fund;
    BidGroups m_scores;
    BidGroups m_moderated;
    BidGroups m_interests;
    BidGroups m_sheets;
};

} // namespace coscore::scoring
