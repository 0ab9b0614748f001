// SPDX-License-Identifier: MIT
// A seeded, in-memory generator of realistic rounds for benchmarks and property tests
// (PRODUCT.md §8: S = 60 × 9 × 5, M = 2,000 × 15 × 6, L = 20,000 × 25 × 8).
#pragma once

#include <coscore/scoring/model.hpp>

#include <cstdint>

namespace coscore::scoring
{

struct SyntheticSpec
{
    int bids = 60;
    int members = 9;  ///< scoring members; one advising officer is added
    int criteria = 5; ///< per fund
    int funds = 2;
    double missing_rate = 0.03;         ///< share of (bid, member, criterion) cells left missing
    double interest_rate = 0.02;        ///< share of (bid, member) pairs with a barring interest
    double leniency_points = 12;        ///< spread of members' leniency, in points of 100
    double budget_fraction = 1.0 / 3.0; ///< each fund's budget as a share of its demand
    double explain_rate = 0.01;         ///< share of (bid, member) sheets asking for an explanation
    bool gates = false;                 ///< give each fund's first criterion a gate
};

/// The sizes of PRODUCT.md §8.
SyntheticSpec SmallRound();
SyntheticSpec MediumRound();
SyntheticSpec LargeRound();

/// A round drawn from `seed`: the same spec and seed give the same round on every platform
/// (own generator, integer and basic floating-point arithmetic only). Scores are sorted by
/// (bid, member, criterion), sheets by (bid, member); amounts are whole pounds.
RoundData GenerateRound(const SyntheticSpec& spec, std::uint64_t seed);

} // namespace coscore::scoring
