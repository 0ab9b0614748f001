// SPDX-License-Identifier: MIT
// The steps of Reconcile() after the member totals: round-wide models (leniency, z-means, the
// ranking basis), each fund's ranking and allocation, and the equal-voice comparison.
#pragma once

#include <coscore/scoring/allocation.hpp>
#include <coscore/scoring/leniency.hpp>
#include <coscore/scoring/reconcile.hpp>

#include <cstdint>
#include <string>
#include <vector>

namespace coscore::scoring
{

/// A bid's description with the application it describes.
struct BidRow
{
    const BidResult* result = nullptr;
    const Bid* bid = nullptr;
};

/// Member totals of `rows` as a ratings table (units: bid references, raters: scoring members'
/// ids). `all_raters` keeps every scoring member as a column, else only those who rated one.
RatingsTable TotalsTable(const RoundData& round, const std::vector<std::uint32_t>& scorers,
                         const std::vector<BidRow>& rows, bool all_raters);

struct RoundModels
{
    AdditiveFit fit;                          ///< units = round bids, raters = scoring members
    std::vector<std::optional<double>> zmean; ///< per round bid; empty when not allowed
    bool zmean_allowed = false;
    RankBasis basis = RankBasis::Mean;
    std::string basis_note;
    std::vector<MemberLeniency> leniency; ///< per scoring member
};

/// Fits the round-wide models over every bid of the round (`described` in round bid order) and
/// fills each bid's zmean, adjusted and basis scores.
RoundModels FitRoundModels(const RoundData& round, const std::vector<std::uint32_t>& scorers,
                           std::vector<BidResult>& described);

/// A fund's result and the allocation inputs behind it (parallel to result.bids).
struct FundOutcome
{
    FundResult result;
    std::vector<AllocationBid> allocation;
};

/// Ranks and allocates one fund. `bids` are the fund's described bids in round order, `source`
/// the parallel applications.
FundOutcome ReconcileFund(const RoundData& round, const ReconcileOptions& options,
                          const std::vector<std::uint32_t>& scorers, const Fund& fund,
                          std::vector<BidResult> bids, const std::vector<const Bid*>& source);

/// The funded set if only one voice's scores counted, against the real one, per voice.
EqualVoice CompareVoices(const RoundData& round, const std::vector<std::uint32_t>& scorers,
                         const RoundModels& models, const std::vector<FundOutcome>& funds,
                         const std::vector<const Fund*>& fund_of_outcome);

/// The funded flags of `bids` (in any order) allocated in the order of `order` (positions).
std::vector<bool> FundedInOrder(const Fund& fund, const std::vector<AllocationBid>& bids,
                                const std::vector<std::size_t>& order, AllocationRule rule);

} // namespace coscore::scoring
