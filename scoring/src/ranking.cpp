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

/// Higher is better; an empty value sorts after every value.
int CompareDescending(const std::optional<double>& a, const std::optional<double>& b)
{
    if (a.has_value() != b.has_value())
    {
        return a.has_value() ? -1 : 1;
    }
    if (!a)
    {
        return 0;
    }
    const std::int64_t qa = Quantised(*a);
    const std::int64_t qb = Quantised(*b);
    return qa == qb ? 0 : (qa > qb ? -1 : 1);
}

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
    std::sort(ranking.order.begin(), ranking.order.end(),
              [&](std::size_t x, std::size_t y)
              {
                  const RankEntry& a = entries[x];
                  const RankEntry& b = entries[y];
                  if (const int c = CompareDescending(a.score, b.score); c != 0)
                  {
                      return c < 0;
                  }
                  if (const int c = CompareDescending(a.median, b.median); c != 0)
                  {
                      return c < 0;
                  }
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
        if (i > 0 && CompareDescending(entries[before].score, entries[at].score) == 0)
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
