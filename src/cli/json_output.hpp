// SPDX-License-Identifier: MIT
// The documented, stable --json shapes of PRODUCT.md §6. Keys may be added, never renamed.
#pragma once

#include <coscore/core/json.hpp>
#include <coscore/scoring/model.hpp>
#include <coscore/scoring/rank_uncertainty.hpp>
#include <coscore/scoring/reconcile.hpp>
#include <coscore/scoring/reliability.hpp>

namespace coscore::cli
{

void WritePolicy(core::JsonWriter& json, const scoring::Policy& policy);
void WriteReliability(core::JsonWriter& json, const scoring::ReliabilityReport& report);
void WriteReconcile(core::JsonWriter& json, const scoring::RoundData& round,
                    const scoring::ReconcileResult& result, std::optional<scoring::Key> only_fund);
void WriteRank(core::JsonWriter& json, const scoring::RankReport& report);

} // namespace coscore::cli
