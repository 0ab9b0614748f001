// SPDX-License-Identifier: MIT
// The bundled demo round (PRODUCT.md §9): two funds, 24 bids, nine members, real disagreements,
// declared interests, an incomplete sheet and a tie at the Innovation Fund's funding line.
#pragma once

#include <coscore/core/workspace.hpp>

#include <memory>
#include <string>

namespace coscore::core
{

/// Writes the demo round to `path` (which must not exist) and returns it open.
/// Deterministic: the same content and audit times every time.
std::unique_ptr<Workspace> CreateDemoRound(const std::string& path);

/// The demo round's title.
inline constexpr const char* kDemoRoundTitle = "Westmere Community Grants 2026/27 (demo)";

} // namespace coscore::core
