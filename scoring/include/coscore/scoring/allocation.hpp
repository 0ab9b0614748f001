// SPDX-License-Identifier: MIT
// Allocation of a fund's budget over bids in rank order (PRODUCT.md §4): ring-fenced pots first,
// then the rest of the budget, by the skip or the stop (payline) rule.
#pragma once

#include <coscore/scoring/model.hpp>
#include <coscore/scoring/reconcile.hpp>

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace coscore::scoring
{

/// What allocation needs to know of one bid.
struct AllocationBid
{
    Key bid = 0;
    Pence requested_pence = 0;
    Pence award_pence = 0;   ///< the requested amount, or a FundReduced decision's amount
    std::string passed_over; ///< why it may not be funded (rejected, gate, …); empty if it may
    std::vector<std::size_t> pots; ///< indexes into Fund::pots whose rule the bid matches
};

/// The outcome for one bid.
struct AllocationLine
{
    Key bid = 0;
    bool funded = false;
    Pence award_pence = 0;          ///< 0 when not funded
    Pence cumulative_pence = 0;     ///< spend after this bid, in the order given
    std::optional<std::size_t> pot; ///< the pot that funded it
    std::string note; ///< "Skipped: £12,000 requested, £8,500 left", "From the rural pot", …
};

struct Allocation
{
    std::vector<AllocationLine> lines; ///< one per bid, in the order given
    Pence spent_pence = 0;
    std::vector<PotResult> pots; ///< one per Fund::pots entry
    /// Under Stop, the position of the bid at which the rest of the budget stopped.
    std::optional<std::size_t> stopped_at;
};

/// Whether the bid matches the pot's rule: the pot's field ("ward" or "area" for Bid::ward,
/// otherwise an application field by name) equals one of its values, both compared
/// case-insensitively after trimming.
bool MatchesPot(const Pot& pot, const Bid& bid);

/// Allocates `fund`'s budget over `ranked` (best first). Each pot, in order, funds its matching
/// bids up to its minimum; then the rest of the budget funds the others. Under Skip a bid that
/// does not fit is skipped and the next tried; under Stop allocation ends at the first bid that
/// does not fit (per pot, then overall). Passed-over bids are never funded. Awards are never
/// changed to fit. `with_notes` = false leaves notes empty (for what-if runs).
Allocation Allocate(const Fund& fund, std::span<const AllocationBid> ranked, AllocationRule rule,
                    bool with_notes = true);

} // namespace coscore::scoring
