// SPDX-License-Identifier: MIT
// How sure a ranking by mean is: resample the raters with replacement.
#pragma once

#include "rank_common.hpp"

#include <coscore/scoring/rank_uncertainty.hpp>

#include <vector>

namespace coscore::scoring::detail
{

/// Resamples the m raters with replacement (each keeps their gaps), ranks the units by mean in
/// every resample and fills median rank, expected rank, 50%/90% rank intervals and P(rank ≤
/// fundable) of every rated unit. Every distinct resample (multiset) is enumerated with its
/// multinomial probability when that is cheap, else `draws` seeded resamples are drawn; the work
/// is capped, so huge tables get fewer draws (reported). Ties within a resample share their
/// ranks evenly (exactly when enumerating, by a seeded shuffle when sampling).
void AddBootstrapRanks(const RatingsTable& table, const std::vector<UnitStats>& stats,
                       const RankOptions& options, RankReport& report);

} // namespace coscore::scoring::detail
