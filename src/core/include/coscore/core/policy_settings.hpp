// SPDX-License-Identifier: MIT
// Policy settings by name: how the round file stores them and how the CLI shows and sets them.
#pragma once

#include <coscore/scoring/model.hpp>

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace coscore::core
{

/// Every setting as (name, value text), in a fixed order.
std::vector<std::pair<std::string, std::string>> PolicyToSettings(const scoring::Policy& policy);

/// Sets one named setting from text. Returns an error message for an unknown name or a value
/// that is not valid for it (e.g. a fraction outside 0–1); the policy is unchanged then.
std::optional<std::string> ApplyPolicySetting(scoring::Policy& policy, const std::string& name,
                                              const std::string& value);

} // namespace coscore::core
