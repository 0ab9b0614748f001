// SPDX-License-Identifier: MIT
// Plain-English number and money wording for flag reasons and allocation notes (no locale).
#pragma once

#include <coscore/scoring/model.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace coscore::scoring
{

/// Points on the 0–100 scale, rounded to one decimal, without a trailing ".0": "55", "37.5".
std::string FormatPoints(double points);

/// Money for people: "£12,000" for whole pounds, "£12,000.50" otherwise.
std::string FormatPence(Pence pence);

/// A fraction of the span as percentage points of 100: 0.25 → "25".
std::string FormatThreshold(double fraction);

/// "A", "A and B", "A, B and C".
std::string JoinNames(const std::vector<std::string_view>& names);

/// ASCII lower case with surrounding white space removed, for case-insensitive matching.
std::string Folded(std::string_view text);

/// Orders application references naturally: "INN-9" before "INN-10"; ties fall back to bytes.
int CompareReferences(std::string_view a, std::string_view b);

/// The name a member is shown by: the name, else the officer's id.
std::string_view MemberLabel(const Member& member);

} // namespace coscore::scoring
