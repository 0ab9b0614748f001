// SPDX-License-Identifier: MIT
#include <coscore/scoring/error.hpp>
#include <coscore/scoring/lottery.hpp>

#include <algorithm>
#include <utility>

namespace coscore::scoring
{

std::uint64_t SplitMix64::Next()
{
    m_state += 0x9E3779B97F4A7C15ULL;
    std::uint64_t z = m_state;
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

std::uint64_t UniformBelow(SplitMix64& rng, std::uint64_t bound)
{
    COSCORE_EXPECTS(bound >= 1);
    // (0 - bound) % bound is 2^64 mod bound in unsigned arithmetic: the size of the short,
    // biased tail that is redrawn.
    const std::uint64_t threshold = (0 - bound) % bound;
    for (;;)
    {
        const std::uint64_t r = rng.Next();
        if (r >= threshold)
        {
            return r % bound;
        }
    }
}

std::vector<Key> DrawLottery(std::vector<Key> bids, std::uint64_t seed)
{
    std::sort(bids.begin(), bids.end());
    SplitMix64 rng(seed);
    for (std::size_t i = bids.size(); i-- > 1;)
    {
        const auto j = static_cast<std::size_t>(UniformBelow(rng, i + 1));
        std::swap(bids[i], bids[j]);
    }
    return bids;
}

TieBreak MakeLotteryTieBreak(Key fund, std::vector<Key> group, std::uint64_t seed)
{
    TieBreak record;
    record.fund = fund;
    record.order = DrawLottery(group, seed);
    record.group = std::move(group);
    record.by_lottery = true;
    record.seed = seed;
    return record;
}

} // namespace coscore::scoring
