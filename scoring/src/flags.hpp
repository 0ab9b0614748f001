// SPDX-License-Identifier: MIT
// The per-bid figures, gates and flags that set the meeting's agenda, each flag with its
// plain-English reason (PRODUCT.md §4). Thresholds come from the round's Policy.
#pragma once

#include "panel.hpp"

#include <coscore/scoring/reconcile.hpp>

#include <cstdint>
#include <vector>

namespace coscore::scoring
{

/// The BidResult of one bid before ranking: member totals, figures, voices, gates, the flags of
/// the scores, eligibility and the latest decision. `fund` may be null (unknown fund).
BidResult DescribeBid(const RoundData& round, const std::vector<std::uint32_t>& scorers,
                      const Fund* fund, const Bid& bid, BidPanel panel);

/// Flags a proposed award outside the fund's minimum or maximum award (awards are never
/// changed to fit).
void AddAwardFlags(const Fund& fund, Pence award, BidResult& result);

} // namespace coscore::scoring
