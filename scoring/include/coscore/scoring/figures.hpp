// SPDX-License-Identifier: MIT
// Panel figures of a set of member totals (PRODUCT.md §4): n, mean, median, Olympic mean, SD,
// min, max, range and IQR.
#pragma once

#include <coscore/scoring/reconcile.hpp>

#include <optional>
#include <span>

namespace coscore::scoring
{

/// Type-7 quantile (linear interpolation between order statistics, R's default) of the ascending,
/// non-empty `sorted` at probability `p` in [0, 1].
double QuantileType7(std::span<const double> sorted, double p);

/// The median of ascending `sorted`; empty when there are no values.
std::optional<double> MedianOfSorted(std::span<const double> sorted);

/// The figures of `values` in any order. The mean is summed in ascending order so that the
/// result does not depend on the order of members (bit for bit).
Figures ComputeFigures(std::span<const double> values);

} // namespace coscore::scoring
