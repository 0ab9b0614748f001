// SPDX-License-Identifier: MIT
// Strict UTF-8, UTF-16 and Windows-1252 handling for imports, and escaping of user text shown in
// messages (so that a control or bidi character in a file can never forge a report line).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace coscore::core::imports
{

/// Decodes the code point at `i` and advances past it. False (and `i` unchanged) when the bytes
/// there are not well-formed UTF-8: overlong forms, surrogates and values above U+10FFFF
/// included.
bool NextCodePoint(std::string_view text, std::size_t& i, char32_t& code_point);

/// The offset of the first byte that is not well-formed UTF-8, or npos.
std::size_t FindInvalidUtf8(std::string_view text);

void AppendUtf8(std::string& out, char32_t code_point);

/// Decodes UTF-16 without its BOM; throws ImportError("csv.invalid_utf16") naming the line of
/// an unpaired surrogate or an odd byte count.
std::string DecodeUtf16(std::string_view bytes, bool big_endian);

/// Decodes Windows-1252; throws ImportError("csv.invalid_windows_1252") for the five bytes the
/// code page leaves undefined.
std::string DecodeWindows1252(std::string_view bytes);

/// What byte `b` (0x80–0xFF) would be in Windows-1252, for a message; 0 when undefined.
char32_t Windows1252CodePoint(unsigned char b);

bool IsBidiControl(char32_t c);
/// Unicode's Default_Ignorable_Code_Point: invisible characters such as U+200B or U+FEFF.
bool IsDefaultIgnorable(char32_t c);
/// C0, DEL and C1 control characters.
bool IsControl(char32_t c);

/// `text` made safe to print on one line of a report or log: controls, bidi and invisible
/// characters become \u{…} (newline \n, tab \t), invalid bytes \x{…}; cut to `max_chars`
/// with "…".
std::string EscapeForDisplay(std::string_view text, std::size_t max_chars = 60);

} // namespace coscore::core::imports
