// SPDX-License-Identifier: MIT
#include <coscore/scoring/ratings_table.hpp>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <unordered_map>
#include <utility>

namespace coscore::scoring
{
namespace
{

/// Index of `id` in first-seen order, adding it when new.
std::size_t IndexOf(const std::string& id, std::unordered_map<std::string, std::size_t>& index,
                    std::vector<std::string>& order)
{
    const auto [it, inserted] = index.try_emplace(id, order.size());
    if (inserted)
    {
        order.push_back(id);
    }
    return it->second;
}

RatingsIssue MakeIssue(std::size_t position, std::string code, std::string message)
{
    return {static_cast<int>(position + 1), std::move(code), std::move(message)};
}

} // namespace

RatingsTableBuild BuildRatingsTable(const std::vector<LongRating>& rows)
{
    RatingsTableBuild build;
    auto& table = build.table;
    std::unordered_map<std::string, std::size_t> unit_index;
    std::unordered_map<std::string, std::size_t> rater_index;

    // Cells are collected first because a rater first seen late widens every earlier unit.
    struct Cell
    {
        std::size_t unit;
        std::size_t rater;
        std::size_t row;
    };
    std::vector<Cell> cells;
    cells.reserve(rows.size());
    for (std::size_t r = 0; r < rows.size(); ++r)
    {
        const LongRating& row = rows[r];
        if (row.unit.empty())
        {
            build.issues.push_back(MakeIssue(r, "missing_unit", "the unit id is empty"));
            continue;
        }
        if (row.rater.empty())
        {
            build.issues.push_back(MakeIssue(r, "missing_rater", "the rater id is empty"));
            continue;
        }
        if (row.value && !std::isfinite(*row.value))
        {
            build.issues.push_back(MakeIssue(r, "not_finite", "the value is not a finite number"));
            continue;
        }
        cells.push_back({IndexOf(row.unit, unit_index, table.units),
                         IndexOf(row.rater, rater_index, table.raters), r});
    }

    table.values.assign(table.units.size(),
                        std::vector<std::optional<double>>(table.raters.size()));
    std::vector<std::vector<std::size_t>> first_row(
        table.units.size(), std::vector<std::size_t>(table.raters.size(), rows.size()));
    for (const Cell& cell : cells)
    {
        std::size_t& first = first_row[cell.unit][cell.rater];
        if (first != rows.size())
        {
            build.issues.push_back(
                MakeIssue(cell.row, "duplicate",
                          "unit '" + table.units[cell.unit] + "' already has a rating by '" +
                              table.raters[cell.rater] + "' on row " + std::to_string(first + 1)));
            continue;
        }
        first = cell.row;
        table.values[cell.unit][cell.rater] = rows[cell.row].value;
    }
    std::stable_sort(build.issues.begin(), build.issues.end(),
                     [](const RatingsIssue& a, const RatingsIssue& b) { return a.row < b.row; });
    return build;
}

} // namespace coscore::scoring
