// SPDX-License-Identifier: MIT
// How text reaches a cell (RELIABILITY.md §2): formula neutralisation for CSV and xlsx alike, and
// the cut at Excel's cell limit. One policy, so a user sees the same thing in both formats.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace coscore::exports
{

/// The character put in front of a field that a spreadsheet would otherwise read as a formula.
inline constexpr char kFormulaGuard = '\'';

/// Excel's limit on the text of one cell, in UTF-16 code units.
inline constexpr std::size_t kMaxCellUnits = 32767;

/// What replaces the end of a text cut at the cell limit (visible, so nobody takes it as whole).
inline constexpr std::string_view kTruncationMarker =
    " [… cut here: a spreadsheet cell holds at most 32,767 characters. The full text is in the "
    "round file and the CSV export.]";

/// What a NUL character becomes: U+2400 SYMBOL FOR NULL, visible and harmless to every reader.
inline constexpr std::string_view kNulReplacement = "\xE2\x90\x80";

/// Whether a spreadsheet could read a field starting like this as a formula: `=`, `+`, `-`, `@`,
/// TAB, CR, LF, NUL, full-width ＝ (U+FF1D) or ＋ (U+FF0B) first; also any run of apostrophes
/// followed by one of those, so that removing exactly one guard on re-import is exact.
bool NeedsFormulaGuard(std::string_view text);

/// The text with a leading apostrophe when `NeedsFormulaGuard`, NUL replaced by U+2400 and
/// invalid UTF-8 replaced by U+FFFD. Nothing else changes ("-5 trees" becomes "'-5 trees").
std::string GuardText(std::string_view text);

/// One line of text for places that are not cells (document properties, page headers, sheet
/// names): invalid UTF-8 replaced by U+FFFD, control characters by spaces. No guard.
std::string PlainLine(std::string_view text);

/// Length of UTF-8 text in UTF-16 code units, as Excel counts a cell's characters.
std::size_t Utf16Length(std::string_view utf8);

/// A text prepared for an xlsx cell: guarded, cut to `kMaxCellUnits` with `kTruncationMarker`
/// when longer, `_xHHHH_` look-alikes escaped so Excel shows them literally.
struct CellText
{
    std::string text;
    bool truncated = false;
    std::size_t original_units = 0; ///< length before the cut, in UTF-16 code units
};

/// Prepares `text` for an xlsx cell (see CellText).
CellText PrepareCellText(std::string_view text);

} // namespace coscore::exports
