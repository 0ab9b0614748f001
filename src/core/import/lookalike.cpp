// SPDX-License-Identifier: MIT
#include "lookalike.hpp"

#include "text_encoding.hpp"

#include <algorithm>
#include <array>
#include <cstdio>
#include <utility>

namespace coscore::core::imports
{

namespace
{

/// Letters from other scripts that look like Latin ones, folded to lower-case Latin (after the
/// confusables of Unicode TR 39, limited to Cyrillic and Greek, the ones seen in practice).
constexpr std::array<std::pair<char32_t, char>, 68> kConfusables{{
    {0x0410, 'a'}, {0x0430, 'a'}, {0x0412, 'b'}, {0x0432, 'b'}, {0x0421, 'c'}, {0x0441, 'c'},
    {0x0415, 'e'}, {0x0435, 'e'}, {0x041D, 'h'}, {0x043D, 'h'}, {0x0406, 'l'}, {0x0456, 'i'},
    {0x0408, 'j'}, {0x0458, 'j'}, {0x041A, 'k'}, {0x043A, 'k'}, {0x041C, 'm'}, {0x043C, 'm'},
    {0x041E, 'o'}, {0x043E, 'o'}, {0x0420, 'p'}, {0x0440, 'p'}, {0x0405, 's'}, {0x0455, 's'},
    {0x0422, 't'}, {0x0442, 't'}, {0x0425, 'x'}, {0x0445, 'x'}, {0x0423, 'y'}, {0x0443, 'y'},
    {0x04AE, 'y'}, {0x0501, 'd'}, {0x051B, 'q'}, {0x051D, 'w'}, {0x0391, 'a'}, {0x03B1, 'a'},
    {0x0392, 'b'}, {0x03B2, 'b'}, {0x0395, 'e'}, {0x03B5, 'e'}, {0x0396, 'z'}, {0x0397, 'h'},
    {0x0399, 'l'}, {0x03B9, 'i'}, {0x039A, 'k'}, {0x03BA, 'k'}, {0x039C, 'm'}, {0x039D, 'n'},
    {0x03BD, 'v'}, {0x039F, 'o'}, {0x03BF, 'o'}, {0x03A1, 'p'}, {0x03C1, 'p'}, {0x03A4, 't'},
    {0x03C4, 't'}, {0x03A5, 'y'}, {0x03C5, 'u'}, {0x03A7, 'x'}, {0x03C7, 'x'}, {0x03A9, 'o'},
    {0x0131, 'i'}, {0x0269, 'i'}, {0x01C0, 'l'}, {0x2160, 'l'}, {0x212A, 'k'}, {0x212B, 'a'},
    {0x00B5, 'u'}, {0x03BC, 'u'},
}};

bool IsSpace(char32_t c)
{
    return c == U' ' || c == U'\t' || c == U'\n' || c == U'\r' || c == 0x00A0 ||
           (c >= 0x2000 && c <= 0x200A) || c == 0x202F || c == 0x205F || c == 0x3000;
}

bool IsDash(char32_t c)
{
    return c == U'-' || c == U'_' || (c >= 0x2010 && c <= 0x2015) || c == 0x2212 || c == 0xFE58 ||
           c == 0xFE63 || c == 0xFF0D || c == 0x00AD;
}

/// One code point folded to what it looks like, or 0 to drop it.
char32_t Fold(char32_t c)
{
    if (IsDefaultIgnorable(c) || IsControl(c) || IsSpace(c))
    {
        return 0;
    }
    if (IsDash(c))
    {
        return U'-';
    }
    if (c >= 0xFF01 && c <= 0xFF5E)
    {
        c -= 0xFEE0; // fullwidth forms of ASCII
    }
    if (c == 0x00B9 || c == 0x2081)
    {
        c = U'1';
    }
    else if (c == 0x00B2 || c == 0x2082)
    {
        c = U'2';
    }
    else if (c == 0x00B3 || c == 0x2083)
    {
        c = U'3';
    }
    else if (c == 0x2070 || c == 0x2080)
    {
        c = U'0';
    }
    const auto hit = std::find_if(kConfusables.begin(), kConfusables.end(),
                                  [c](const auto& entry) { return entry.first == c; });
    if (hit != kConfusables.end())
    {
        c = static_cast<char32_t>(hit->second);
    }
    if (c >= U'A' && c <= U'Z')
    {
        c += 32;
    }
    // Digits and letters a reader confuses: 0/o, 1/l/i/|.
    if (c == U'0')
    {
        return U'o';
    }
    if (c == U'1' || c == U'i' || c == U'|')
    {
        return U'l';
    }
    return c;
}

} // namespace

std::string DuplicateKey(std::string_view id)
{
    std::string key;
    key.reserve(id.size());
    for (const char c : id)
    {
        if (c == ' ' || c == '\t' || c == '\r' || c == '\n')
        {
            continue;
        }
        key += c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c;
    }
    return key;
}

std::string LookAlikeKey(std::string_view id)
{
    std::string key;
    std::size_t i = 0;
    char32_t c = 0;
    while (i < id.size())
    {
        if (!NextCodePoint(id, i, c))
        {
            ++i;
            continue;
        }
        if (const char32_t folded = Fold(c); folded != 0)
        {
            AppendUtf8(key, folded);
        }
    }
    // "rn" reads as "m" in many fonts.
    std::string folded;
    folded.reserve(key.size());
    for (std::size_t k = 0; k < key.size(); ++k)
    {
        const bool rn = key[k] == 'r' && k + 1 < key.size() && key[k + 1] == 'n';
        folded += rn ? 'm' : key[k];
        k += rn ? 1U : 0U;
    }
    key = std::move(folded);
    return key;
}

std::string InvisibleCharacterIn(std::string_view id)
{
    std::size_t i = 0;
    char32_t c = 0;
    while (i < id.size())
    {
        if (!NextCodePoint(id, i, c))
        {
            return "a byte that is not text";
        }
        if (IsControl(c) || IsBidiControl(c) || IsDefaultIgnorable(c) || (IsSpace(c) && c != U' '))
        {
            char text[48];
            std::snprintf(text, sizeof text, "the invisible or control character U+%04X",
                          static_cast<unsigned>(c));
            return text;
        }
    }
    return {};
}

} // namespace coscore::core::imports
