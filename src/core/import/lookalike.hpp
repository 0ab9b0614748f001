// SPDX-License-Identifier: MIT
// Telling ids apart as a person would (RELIABILITY.md §3): duplicates up to case and spaces are
// refused; look-alikes (Cyrillic "А" for Latin "A", "0" for "O", invisible characters) are
// flagged. A compact, NFKC- and confusables-inspired skeleton: ICU is not linked into core.
#pragma once

#include <string>
#include <string_view>

namespace coscore::core::imports
{

/// What the round file treats as the same id: spaces removed, ASCII letters in lower case.
std::string DuplicateKey(std::string_view id);

/// What a reader could mistake for the same id: invisible characters dropped, compatibility
/// forms (fullwidth, superscripts) and common confusables (Cyrillic, Greek, dashes, 0/O, 1/l/I)
/// folded, case folded, spaces removed.
std::string LookAlikeKey(std::string_view id);

/// A description of the first character in `id` that has no place in an id (a control, bidi
/// or invisible character), or empty when there is none.
std::string InvisibleCharacterIn(std::string_view id);

} // namespace coscore::core::imports
