// SPDX-License-Identifier: MIT
// Maps row keys to positions in a vector, and groups rows of a round by the bid they belong to.
#pragma once

#include <coscore/scoring/model.hpp>

#include <algorithm>
#include <cstdint>
#include <limits>
#include <span>
#include <utility>
#include <vector>

namespace coscore::scoring
{

inline constexpr std::uint32_t kNoIndex = std::numeric_limits<std::uint32_t>::max();

/// Key → position. Round-file keys are row ids, usually dense, so a direct table is used when
/// the keys span little more than their count; otherwise a sorted table and binary search.
/// The first of duplicate keys wins.
class KeyIndex
{
public:
    KeyIndex() = default;

    template <typename Item, typename KeyOf>
    KeyIndex(std::span<const Item> items, KeyOf key_of)
    {
        if (items.empty())
        {
            return;
        }
        Key lo = key_of(items[0]);
        Key hi = lo;
        for (const Item& item : items)
        {
            lo = std::min(lo, key_of(item));
            hi = std::max(hi, key_of(item));
        }
        const auto width = static_cast<std::uint64_t>(static_cast<std::int64_t>(hi) - lo) + 1;
        if (width <= 4 * items.size() + 1024)
        {
            m_min = lo;
            m_direct.assign(static_cast<std::size_t>(width), kNoIndex);
            for (std::size_t i = items.size(); i-- > 0;)
            {
                m_direct[Slot(key_of(items[i]))] = static_cast<std::uint32_t>(i);
            }
            return;
        }
        m_sorted.reserve(items.size());
        for (std::size_t i = 0; i < items.size(); ++i)
        {
            m_sorted.emplace_back(key_of(items[i]), static_cast<std::uint32_t>(i));
        }
        std::stable_sort(m_sorted.begin(), m_sorted.end(),
                         [](const auto& a, const auto& b) { return a.first < b.first; });
    }

    /// The position of `key`, or kNoIndex.
    std::uint32_t Find(Key key) const
    {
        if (!m_direct.empty())
        {
            if (key < m_min)
            {
                return kNoIndex;
            }
            const std::size_t slot = Slot(key);
            return slot < m_direct.size() ? m_direct[slot] : kNoIndex;
        }
        const auto it = std::lower_bound(m_sorted.begin(), m_sorted.end(), key,
                                         [](const auto& entry, Key k) { return entry.first < k; });
        return it != m_sorted.end() && it->first == key ? it->second : kNoIndex;
    }

private:
    std::size_t Slot(Key key) const
    {
        return static_cast<std::size_t>(static_cast<std::int64_t>(key) - m_min);
    }

    Key m_min = 0;
    std::vector<std::uint32_t> m_direct;
    std::vector<std::pair<Key, std::uint32_t>> m_sorted;
};

/// The rows of each bid in a vector of rows that carry a `bid` key. Rows the round keeps sorted
/// by bid are used in place (one pass, no copy); otherwise a stable counting sort orders them.
/// Rows of unknown bids are left out; within a bid the rows keep their order.
class BidGroups
{
public:
    BidGroups() = default;

    template <typename Row>
    BidGroups(std::span<const Row> rows, const KeyIndex& bids, std::size_t bid_count)
        : m_begin(bid_count, 0), m_end(bid_count, 0)
    {
        // Rows come in runs of one bid, so the index is consulted once per run, not per row.
        Key last_key = 0;
        std::uint32_t last = kNoIndex;
        const auto bid_of = [&](const Row& row)
        {
            if (last == kNoIndex || row.bid != last_key)
            {
                last_key = row.bid;
                last = bids.Find(row.bid);
            }
            return last;
        };
        if (Grouped(rows, bid_count, bid_of))
        {
            return;
        }
        last = kNoIndex;
        std::vector<std::uint32_t> count(bid_count + 1, 0);
        for (const Row& row : rows)
        {
            if (const std::uint32_t b = bid_of(row); b != kNoIndex)
            {
                ++count[b + 1];
            }
        }
        for (std::size_t b = 0; b < bid_count; ++b)
        {
            count[b + 1] += count[b];
            m_begin[b] = count[b];
            m_end[b] = count[b + 1];
        }
        m_order.resize(count[bid_count]);
        last = kNoIndex;
        for (std::size_t i = 0; i < rows.size(); ++i)
        {
            if (const std::uint32_t b = bid_of(rows[i]); b != kNoIndex)
            {
                m_order[count[b]++] = static_cast<std::uint32_t>(i);
            }
        }
    }

    /// Calls fn(row) for every row of bid `b`, in the rows' order.
    template <typename Row, typename Fn>
    void ForEach(std::span<const Row> rows, std::size_t b, Fn&& fn) const
    {
        if (b >= m_begin.size())
        {
            return;
        }
        for (std::uint32_t i = m_begin[b]; i < m_end[b]; ++i)
        {
            fn(rows[m_order.empty() ? i : m_order[i]]);
        }
    }

private:
    /// Records each bid's run and says whether every bid's rows form one run.
    template <typename Row, typename BidOf>
    bool Grouped(std::span<const Row> rows, std::size_t bid_count, BidOf& bid_of)
    {
        std::vector<bool> seen(bid_count, false);
        std::uint32_t previous = kNoIndex;
        for (std::size_t i = 0; i < rows.size(); ++i)
        {
            const std::uint32_t b = bid_of(rows[i]);
            if (b == kNoIndex)
            {
                previous = kNoIndex; // a run must not span a row of an unknown bid
                continue;
            }
            if (b != previous)
            {
                if (seen[b])
                {
                    return false;
                }
                seen[b] = true;
                m_begin[b] = static_cast<std::uint32_t>(i);
            }
            m_end[b] = static_cast<std::uint32_t>(i + 1);
            previous = b;
        }
        return true;
    }

    std::vector<std::uint32_t> m_begin;
    std::vector<std::uint32_t> m_end;
    std::vector<std::uint32_t> m_order; ///< empty when the rows are grouped in place
};

} // namespace coscore::scoring
