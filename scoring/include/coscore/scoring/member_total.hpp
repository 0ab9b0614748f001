// SPDX-License-Identifier: MIT
// A member's total for one bid: 0–100 points, weights renormalised over the criteria scored.
#pragma once

#include <coscore/scoring/model.hpp>

#include <optional>
#include <span>

namespace coscore::scoring
{

struct MemberTotalResult
{
    std::optional<double> total; ///< empty when no criterion is scored ("not scored")
    int scored = 0;              ///< criteria with a value
    int missing = 0;             ///< criteria without one
    bool IsIncomplete() const { return scored > 0 && missing > 0; }
};

/// T = 100 × Σ w_c (x_c − L_c)/S_c / Σ w_c over the scored criteria. `values[i]` belongs to
/// `criteria[i]`; an empty value is missing and is never counted as 0.
MemberTotalResult ComputeMemberTotal(std::span<const Criterion> criteria,
                                     std::span<const std::optional<int>> values);

} // namespace coscore::scoring
