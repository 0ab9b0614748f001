// SPDX-License-Identifier: MIT
#include "ranking.hpp"

#include "text.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>

namespace coscore::scoring
{
namespace
{

std::int64_t Quantised(double score)
{
    return std::llround(score * 1e8);
}

/// A score made comparable once, so that sorting compares integers: higher is better and an
/// empty value sorts after every value.
struct SortKey
{
    bool present = false;
    std::int64_t value = 0;

    explicit SortKey(const std::optional<double>& v)
        : present(v.has_value()), value(v ? Quantised(*v) : 0)
    {
    }

    /// −1 when this key ranks before `other`, 1 after, 0 when equal.
    int Compare(const SortKey& other) const
    {
        if (present != other.present)
        {
            return present ? -1 : 1;
        }
        return value == other.value ? 0 : (value > other.value ? -1 : 1);
    }
};

} // namespace

bool SameScore(double a, double b)
{
    return Quantised(a) == Quantised(b);
}

Ranking RankEntries(std::span<const RankEntry> entries)
{
    Ranking ranking;
    ranking.order.resize(entries.size());
    for (std::size_t i = 0; i < entries.size(); ++i)
    {
        ranking.order[i] = i;
    }
    std::vector<SortKey> score;
    std::vector<SortKey> median;
    score.reserve(entries.size());
    median.reserve(entries.size());
    for (const RankEntry& entry : entries)
    {
        score.emplace_back(entry.score);
        median.emplace_back(entry.median);
    }
    std::sort(ranking.order.begin(), ranking.order.end(),
              [&](std::size_t x, std::size_t y)
              {
                  if (const int c = score[x].Compare(score[y]); c != 0)
                  {
                      return c < 0;
                  }
                  if (const int c = median[x].Compare(median[y]); c != 0)
                  {
                      return c < 0;
                  }
                  const RankEntry& a = entries[x];
                  const RankEntry& b = entries[y];
                  if (a.n != b.n)
                  {
                      return a.n > b.n;
                  }
                  if (const int c = CompareReferences(a.ref, b.ref); c != 0)
                  {
                      return c < 0;
                  }
                  return a.key != b.key ? a.key < b.key : x < y;
              });
    ranking.rank.assign(entries.size(), 0);
    ranking.tied.assign(entries.size(), false);
    for (std::size_t i = 0; i < ranking.order.size(); ++i)
    {
        const std::size_t at = ranking.order[i];
        if (!entries[at].score)
        {
            break;
        }
        const std::size_t before = i > 0 ? ranking.order[i - 1] : at;
        if (i > 0 && score[before].Compare(score[at]) == 0)
        {
            ranking.rank[at] = ranking.rank[before];
            if (!ranking.tied[before])
            {
                ranking.tied[before] = true;
                ranking.ties.push_back({before});
            }
            ranking.tied[at] = true;
            ranking.ties.back().push_back(at);
            continue;
        }
        ranking.rank[at] = static_cast<int>(i) + 1;
    }
    return ranking;
}

} // namespace coscore::scoring
