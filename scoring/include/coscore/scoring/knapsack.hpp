// SPDX-License-Identifier: MIT
// The "maximum total score" plan: which bids would give the most total score within the budget.
// Advice for the meeting only, never applied (PRODUCT.md §4).
#pragma once

#include <coscore/scoring/reconcile.hpp>

#include <optional>
#include <span>
#include <string>

namespace coscore::scoring
{

struct KnapsackItem
{
    Key bid = 0;
    Pence cost_pence = 0;
    double score = 0.0; ///< what the plan maximises the sum of
};

struct KnapsackOutcome
{
    std::optional<KnapsackAdvice> advice; ///< empty when no plan could be found quickly
    std::string note;                     ///< why there is no advice, or how it was found
};

/// The exact best subset of `items` (sum of scores, cost within `budget_pence`); bids in the
/// order of `items`. Items with a score ≤ 0 never help and are left out. Solved by dynamic
/// programming over the budget in units of the greatest common divisor of the amounts, or by
/// branch and bound; gives up with a note when neither finishes quickly.
KnapsackOutcome PlanMaximumTotalScore(std::span<const KnapsackItem> items, Pence budget_pence);

} // namespace coscore::scoring
