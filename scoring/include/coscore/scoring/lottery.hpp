// SPDX-License-Identifier: MIT
// A portable, seeded lottery for tie groups at the funding line: the same seed and the same bids
// give the same draw on every platform, compiler and standard library, so a logged draw can be
// checked by anyone later (PRODUCT.md §4).
#pragma once

#include <coscore/scoring/model.hpp>

#include <cstdint>
#include <vector>

namespace coscore::scoring
{

/// SplitMix64 (Steele, Lea & Flood 2014; Vigna's public-domain reference code): a small 64-bit
/// generator with a fully specified output sequence. Not for secrets.
class SplitMix64
{
public:
    explicit SplitMix64(std::uint64_t seed) : m_state(seed) {}

    /// The next 64-bit output.
    std::uint64_t Next();

private:
    std::uint64_t m_state;
};

/// An unbiased integer in [0, bound), bound ≥ 1: outputs below 2^64 mod bound are drawn again,
/// so every value has the same number of 64-bit outputs mapping to it.
std::uint64_t UniformBelow(SplitMix64& rng, std::uint64_t bound);

/// The lottery order (first drawn first) of `bids`. The bids are put in ascending key order,
/// then shuffled by Fisher–Yates from the last place down: for i = n−1 … 1, swap place i with
/// place UniformBelow(rng, i + 1), rng seeded with `seed`. Independent of the caller's order.
std::vector<Key> DrawLottery(std::vector<Key> bids, std::uint64_t seed);

/// A tie-break record of a lottery over `group` in `fund`, ready to store; the caller sets
/// `recorded_at` (and may set `reason`).
TieBreak MakeLotteryTieBreak(Key fund, std::vector<Key> group, std::uint64_t seed);

} // namespace coscore::scoring
