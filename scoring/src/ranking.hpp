// SPDX-License-Identifier: MIT
// Ranking by a basis score with the tie-break rules of PRODUCT.md §4: higher median, then higher
// n, then reference order; bids with the same basis score are reported as ties sharing a rank.
#pragma once

#include <coscore/scoring/model.hpp>

#include <cstddef>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

namespace coscore::scoring
{

struct RankEntry
{
    std::optional<double> score; ///< the basis score; empty = not ranked
    std::optional<double> median;
    int n = 0;
    std::string_view ref;
    Key key = 0;
};

struct Ranking
{
    std::vector<std::size_t> order; ///< entry positions, best first; unranked entries last
    std::vector<int> rank;          ///< per entry: 1 = best, shared by ties; 0 when not ranked
    std::vector<bool> tied;         ///< per entry
    std::vector<std::vector<std::size_t>> ties; ///< tie groups (entry positions), in rank order
};

/// Scores equal to 1e-8 points are equal: sums of the same totals in another order differ in
/// the last bits, and such a difference must not decide a rank.
bool SameScore(double a, double b);

/// Ranks the entries.
Ranking RankEntries(std::span<const RankEntry> entries);

} // namespace coscore::scoring
