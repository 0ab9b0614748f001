// SPDX-License-Identifier: MIT
#include "text_encoding.hpp"

#include <coscore/core/import_reader.hpp>

#include <array>
#include <cstdio>

namespace coscore::core::imports
{

bool NextCodePoint(std::string_view text, std::size_t& i, char32_t& code_point)
{
    const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
    const unsigned char b0 = byte(i);
    if (b0 < 0x80)
    {
        code_point = b0;
        ++i;
        return true;
    }
    std::size_t length = 0;
    char32_t value = 0;
    char32_t minimum = 0;
    if (b0 >= 0xC2 && b0 <= 0xDF)
    {
        length = 2;
        value = b0 & 0x1Fu;
        minimum = 0x80;
    }
    else if (b0 >= 0xE0 && b0 <= 0xEF)
    {
        length = 3;
        value = b0 & 0x0Fu;
        minimum = 0x800;
    }
    else if (b0 >= 0xF0 && b0 <= 0xF4)
    {
        length = 4;
        value = b0 & 0x07u;
        minimum = 0x10000;
    }
    else
    {
        return false;
    }
    if (text.size() - i < length)
    {
        return false;
    }
    for (std::size_t k = 1; k < length; ++k)
    {
        const unsigned char b = byte(i + k);
        if ((b & 0xC0u) != 0x80u)
        {
            return false;
        }
        value = (value << 6) | (b & 0x3Fu);
    }
    if (value < minimum || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF))
    {
        return false;
    }
    code_point = value;
    i += length;
    return true;
}

std::size_t FindInvalidUtf8(std::string_view text)
{
    std::size_t i = 0;
    char32_t c = 0;
    while (i < text.size())
    {
        // Plain ASCII is by far the most common: skip it eight bytes at a time.
        while (i + 8 <= text.size())
        {
            std::uint64_t word = 0;
            for (std::size_t k = 0; k < 8; ++k)
            {
                word |= std::uint64_t{static_cast<unsigned char>(text[i + k])} << (8 * k);
            }
            if ((word & 0x8080808080808080ULL) != 0)
            {
                break;
            }
            i += 8;
        }
        if (i >= text.size())
        {
            break;
        }
        if (!NextCodePoint(text, i, c))
        {
            return i;
        }
    }
    return std::string_view::npos;
}

void AppendUtf8(std::string& out, char32_t c)
{
    if (c < 0x80)
    {
        out += static_cast<char>(c);
    }
    else if (c < 0x800)
    {
        out += static_cast<char>(0xC0 | (c >> 6));
        out += static_cast<char>(0x80 | (c & 0x3F));
    }
    else if (c < 0x10000)
    {
        out += static_cast<char>(0xE0 | (c >> 12));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    }
    else
    {
        out += static_cast<char>(0xF0 | (c >> 18));
        out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    }
}

std::string DecodeUtf16(std::string_view bytes, bool big_endian)
{
    const auto unit = [&](std::size_t k)
    {
        const auto hi = static_cast<unsigned char>(bytes[big_endian ? k : k + 1]);
        const auto lo = static_cast<unsigned char>(bytes[big_endian ? k + 1 : k]);
        return static_cast<char32_t>((hi << 8) | lo);
    };
    std::string out;
    out.reserve(bytes.size());
    std::int64_t line = 1;
    const auto refuse = [&](const std::string& what)
    {
        return ImportError("csv.invalid_utf16", "The file is marked as UTF-16 but " + what + ".",
                           "Save the file from Excel as \"CSV UTF-8 (comma delimited)\".", line);
    };
    if (bytes.size() % 2 != 0)
    {
        throw refuse("ends in the middle of a character (an odd number of bytes)");
    }
    for (std::size_t k = 0; k < bytes.size(); k += 2)
    {
        char32_t c = unit(k);
        if (c >= 0xD800 && c <= 0xDBFF)
        {
            if (k + 4 > bytes.size() || unit(k + 2) < 0xDC00 || unit(k + 2) > 0xDFFF)
            {
                throw refuse("has an unpaired surrogate on line " + std::to_string(line));
            }
            c = 0x10000 + ((c - 0xD800) << 10) + (unit(k + 2) - 0xDC00);
            k += 2;
        }
        else if (c >= 0xDC00 && c <= 0xDFFF)
        {
            throw refuse("has an unpaired surrogate on line " + std::to_string(line));
        }
        line += c == U'\n' ? 1 : 0;
        AppendUtf8(out, c);
    }
    return out;
}

char32_t Windows1252CodePoint(unsigned char b)
{
    // 0x80–0x9F differ from Latin-1; 0 marks the five bytes Windows-1252 leaves undefined.
    static constexpr std::array<char32_t, 32> kHigh{
        0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
        0x2039, 0x0152, 0,      0x017D, 0,      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
        0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};
    if (b >= 0x80 && b <= 0x9F)
    {
        return kHigh[b - 0x80u];
    }
    return b;
}

std::string DecodeWindows1252(std::string_view bytes)
{
    std::string out;
    out.reserve(bytes.size() + bytes.size() / 8);
    std::int64_t line = 1;
    for (const char ch : bytes)
    {
        const auto b = static_cast<unsigned char>(ch);
        const char32_t c = Windows1252CodePoint(b);
        if (c == 0 && b != 0)
        {
            char hex[8];
            std::snprintf(hex, sizeof hex, "%02X", b);
            throw ImportError("csv.invalid_windows_1252",
                              std::string("Byte ") + hex + " on line " + std::to_string(line) +
                                  " has no meaning in Windows-1252, so the file is not in "
                                  "that encoding.",
                              "Save the file from Excel as \"CSV UTF-8 (comma delimited)\".", line);
        }
        line += b == '\n' ? 1 : 0;
        AppendUtf8(out, c);
    }
    return out;
}

bool IsBidiControl(char32_t c)
{
    return c == 0x061C || c == 0x200E || c == 0x200F || (c >= 0x202A && c <= 0x202E) ||
           (c >= 0x2066 && c <= 0x2069);
}

bool IsDefaultIgnorable(char32_t c)
{
    return c == 0x00AD || c == 0x034F || c == 0x061C || c == 0x115F || c == 0x1160 || c == 0x17B4 ||
           c == 0x17B5 || (c >= 0x180B && c <= 0x180F) || (c >= 0x200B && c <= 0x200F) ||
           (c >= 0x202A && c <= 0x202E) || (c >= 0x2060 && c <= 0x206F) || c == 0x3164 ||
           (c >= 0xFE00 && c <= 0xFE0F) || c == 0xFEFF || c == 0xFFA0 ||
           (c >= 0xFFF0 && c <= 0xFFF8) || (c >= 0x1BCA0 && c <= 0x1BCA3) ||
           (c >= 0x1D173 && c <= 0x1D17A) || (c >= 0xE0000 && c <= 0xE0FFF);
}

bool IsControl(char32_t c)
{
    return c < 0x20 || (c >= 0x7F && c <= 0x9F);
}

std::string EscapeForDisplay(std::string_view text, std::size_t max_chars)
{
    std::string out;
    std::size_t i = 0;
    std::size_t shown = 0;
    char buffer[16];
    while (i < text.size())
    {
        if (shown == max_chars)
        {
            out += "…";
            break;
        }
        char32_t c = 0;
        const std::size_t start = i;
        if (!NextCodePoint(text, i, c))
        {
            std::snprintf(buffer, sizeof buffer, "\\x{%02X}", static_cast<unsigned char>(text[i]));
            out += buffer;
            ++i;
        }
        else if (c == U'\n')
        {
            out += "\\n";
        }
        else if (c == U'\r')
        {
            out += "\\r";
        }
        else if (c == U'\t')
        {
            out += "\\t";
        }
        else if (IsControl(c) || IsBidiControl(c) || IsDefaultIgnorable(c) || c == 0x2028 ||
                 c == 0x2029)
        {
            std::snprintf(buffer, sizeof buffer, "\\u{%04X}", static_cast<unsigned>(c));
            out += buffer;
        }
        else
        {
            out.append(text.substr(start, i - start));
        }
        ++shown;
    }
    return out;
}

} // namespace coscore::core::imports
