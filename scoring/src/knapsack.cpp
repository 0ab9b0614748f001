// SPDX-License-Identifier: MIT
#include <coscore/scoring/knapsack.hpp>

#include <algorithm>
#include <cstdint>
#include <numeric>
#include <vector>

namespace coscore::scoring
{
namespace
{

// Limits that keep the plan well under the time of one reconciliation.
constexpr std::uint64_t kMaxDpCells = 10'000'000; ///< items × budget units (bits of choice)
constexpr std::uint64_t kMaxDpUnits = 2'000'000;  ///< budget units (doubles of best value)
constexpr std::size_t kMaxSearchItems = 60;
constexpr std::uint64_t kMaxSearchNodes = 2'000'000;

struct Candidate
{
    std::size_t item = 0; ///< index into the caller's items
    std::int64_t cost = 0;
    double score = 0.0;
};

std::optional<std::vector<std::size_t>> SolveByTable(const std::vector<Candidate>& c,
                                                     std::int64_t capacity, std::int64_t unit)
{
    const auto units = static_cast<std::uint64_t>(capacity / unit);
    if (units > kMaxDpUnits || units * c.size() > kMaxDpCells)
    {
        return std::nullopt;
    }
    const std::size_t width = static_cast<std::size_t>(units) + 1;
    std::vector<double> best(width, 0.0);
    std::vector<bool> took(c.size() * width, false);
    for (std::size_t i = 0; i < c.size(); ++i)
    {
        const auto w = static_cast<std::size_t>(c[i].cost / unit);
        for (std::size_t u = width; u-- > w;)
        {
            const double with = best[u - w] + c[i].score;
            if (with > best[u])
            {
                best[u] = with;
                took[i * width + u] = true;
            }
        }
    }
    std::vector<std::size_t> chosen;
    std::size_t u = width - 1;
    for (std::size_t i = c.size(); i-- > 0;)
    {
        if (took[i * width + u])
        {
            chosen.push_back(i);
            u -= static_cast<std::size_t>(c[i].cost / unit);
        }
    }
    return chosen;
}

/// Depth-first branch and bound over candidates sorted by score per penny, bounded by the
/// fractional (greedy) relaxation.
class Search
{
public:
    Search(std::vector<Candidate> sorted, std::int64_t capacity)
        : m_c(std::move(sorted)), m_capacity(capacity), m_taken(m_c.size(), false)
    {
    }

    std::optional<std::vector<std::size_t>> Solve()
    {
        Visit(0, 0, 0.0);
        if (m_nodes > kMaxSearchNodes)
        {
            return std::nullopt;
        }
        std::vector<std::size_t> chosen;
        for (std::size_t i = 0; i < m_best_taken.size(); ++i)
        {
            if (m_best_taken[i])
            {
                chosen.push_back(i);
            }
        }
        return chosen;
    }

    const std::vector<Candidate>& Candidates() const { return m_c; }

private:
    double Bound(std::size_t i, std::int64_t cost, double score) const
    {
        std::int64_t room = m_capacity - cost;
        for (; i < m_c.size(); ++i)
        {
            if (m_c[i].cost <= room)
            {
                room -= m_c[i].cost;
                score += m_c[i].score;
            }
            else
            {
                return score +
                       m_c[i].score * static_cast<double>(room) / static_cast<double>(m_c[i].cost);
            }
        }
        return score;
    }

    void Visit(std::size_t i, std::int64_t cost, double score)
    {
        if (++m_nodes > kMaxSearchNodes)
        {
            return;
        }
        if (score > m_best)
        {
            m_best = score;
            m_best_taken = m_taken;
        }
        if (i == m_c.size() || Bound(i, cost, score) <= m_best)
        {
            return;
        }
        if (cost + m_c[i].cost <= m_capacity)
        {
            m_taken[i] = true;
            Visit(i + 1, cost + m_c[i].cost, score + m_c[i].score);
            m_taken[i] = false;
        }
        Visit(i + 1, cost, score);
    }

    std::vector<Candidate> m_c;
    std::int64_t m_capacity;
    std::vector<bool> m_taken;
    std::vector<bool> m_best_taken;
    double m_best = 0.0;
    std::uint64_t m_nodes = 0;
};

} // namespace

KnapsackOutcome PlanMaximumTotalScore(std::span<const KnapsackItem> items, Pence budget_pence)
{
    KnapsackOutcome out;
    std::vector<Candidate> candidates;
    std::int64_t unit = std::max<Pence>(budget_pence, 0);
    for (std::size_t i = 0; i < items.size(); ++i)
    {
        const KnapsackItem& item = items[i];
        if (item.score > 0.0 && item.cost_pence >= 0 && item.cost_pence <= budget_pence)
        {
            candidates.push_back({i, item.cost_pence, item.score});
            unit = std::gcd(unit, item.cost_pence);
        }
    }
    std::optional<std::vector<std::size_t>> chosen;
    if (candidates.empty() || unit == 0)
    {
        // Nothing affordable, or everything free: take every free bid worth something.
        chosen.emplace();
        for (std::size_t i = 0; i < candidates.size(); ++i)
        {
            chosen->push_back(i);
        }
    }
    else
    {
        chosen = SolveByTable(candidates, budget_pence, unit);
    }
    if (!chosen && candidates.size() <= kMaxSearchItems)
    {
        std::vector<Candidate> sorted = candidates;
        std::stable_sort(sorted.begin(), sorted.end(),
                         [](const Candidate& a, const Candidate& b)
                         {
                             // score/cost descending, without dividing by a zero cost
                             return a.score * static_cast<double>(b.cost) >
                                    b.score * static_cast<double>(a.cost);
                         });
        Search search(sorted, budget_pence);
        if (auto found = search.Solve())
        {
            chosen.emplace();
            for (const std::size_t i : *found)
            {
                // Map back to positions in `candidates` (same item order there).
                const std::size_t item = search.Candidates()[i].item;
                const auto it = std::find_if(candidates.begin(), candidates.end(),
                                             [&](const Candidate& c) { return c.item == item; });
                chosen->push_back(static_cast<std::size_t>(it - candidates.begin()));
            }
        }
    }
    if (!chosen)
    {
        out.note = "No maximum-total-score plan: " + std::to_string(candidates.size()) +
                   " bids are too many to work out quickly.";
        return out;
    }
    std::sort(chosen->begin(), chosen->end());
    KnapsackAdvice advice;
    for (const std::size_t i : *chosen)
    {
        const KnapsackItem& item = items[candidates[i].item];
        advice.bids.push_back(item.bid);
        advice.spent_pence += item.cost_pence;
        advice.total_score += item.score;
    }
    out.advice = std::move(advice);
    out.note = "Advice only: the bids that give the largest total score within the budget.";
    return out;
}

} // namespace coscore::scoring
