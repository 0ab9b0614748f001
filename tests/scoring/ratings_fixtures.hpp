// SPDX-License-Identifier: MIT
// Helpers for the statistics tests: ratings tables from published layouts, seeded test data.
#pragma once

#include <coscore/scoring/reliability.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace coscore::scoring::test
{

using Cell = std::optional<double>;
inline constexpr std::nullopt_t kGap = std::nullopt;

/// A table from one row per rater, as reliability data are printed (observers × units).
inline RatingsTable FromRaterRows(const std::vector<std::vector<Cell>>& by_rater)
{
    RatingsTable t;
    const std::size_t units = by_rater.empty() ? 0 : by_rater.front().size();
    for (std::size_t j = 0; j < by_rater.size(); ++j)
    {
        t.raters.push_back("rater " + std::to_string(j + 1));
    }
    for (std::size_t i = 0; i < units; ++i)
    {
        t.units.push_back("unit " + std::to_string(i + 1));
        std::vector<Cell> row;
        for (const auto& rater : by_rater)
        {
            row.push_back(rater[i]);
        }
        t.values.push_back(row);
    }
    return t;
}

/// A table from one row per unit (units × raters).
inline RatingsTable FromUnitRows(const std::vector<std::vector<Cell>>& by_unit)
{
    RatingsTable t;
    const std::size_t raters = by_unit.empty() ? 0 : by_unit.front().size();
    for (std::size_t j = 0; j < raters; ++j)
    {
        t.raters.push_back("rater " + std::to_string(j + 1));
    }
    for (std::size_t i = 0; i < by_unit.size(); ++i)
    {
        t.units.push_back("unit " + std::to_string(i + 1));
    }
    t.values = by_unit;
    return t;
}

/// SplitMix64: a tiny deterministic generator for test data (no std:: distributions, whose
/// output differs between standard libraries).
class TestRandom
{
public:
    explicit TestRandom(std::uint64_t seed) : m_state(seed) {}

    std::uint64_t Next()
    {
        m_state += 0x9E3779B97F4A7C15ULL;
        std::uint64_t z = m_state;
        z = (z ^ (z >> 30U)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27U)) * 0x94D049BB133111EBULL;
        return z ^ (z >> 31U);
    }

    /// Uniform on [0, 1).
    double Uniform() { return static_cast<double>(Next() >> 11U) * 0x1.0p-53; }

    /// Uniform integer in [lo, hi] (the tiny modulo bias does not matter for test data).
    int Between(int lo, int hi)
    {
        return lo + static_cast<int>(Next() % static_cast<std::uint64_t>(hi - lo + 1));
    }

private:
    std::uint64_t m_state;
};

/// A units × raters table of integer ratings lo..hi around a per-unit quality, with gaps.
inline RatingsTable RandomTable(std::uint64_t seed, int units, int raters, int lo, int hi,
                                double gap_share)
{
    TestRandom random(seed);
    std::vector<std::vector<Cell>> rows;
    for (int i = 0; i < units; ++i)
    {
        const int quality = random.Between(lo, hi);
        std::vector<Cell> row;
        for (int j = 0; j < raters; ++j)
        {
            if (random.Uniform() < gap_share)
            {
                row.push_back(kGap);
                continue;
            }
            const int noisy = quality + random.Between(-1, 1);
            row.push_back(static_cast<double>(noisy < lo ? lo : (noisy > hi ? hi : noisy)));
        }
        rows.push_back(row);
    }
    return FromUnitRows(rows);
}

} // namespace coscore::scoring::test
