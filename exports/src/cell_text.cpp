// SPDX-License-Identifier: MIT
#include <coscore/exports/cell_text.hpp>

namespace coscore::exports
{
namespace
{

constexpr std::string_view kReplacementChar = "\xEF\xBF\xBD"; // U+FFFD
constexpr std::string_view kFullWidthEquals = "\xEF\xBC\x9D"; // U+FF1D
constexpr std::string_view kFullWidthPlus = "\xEF\xBC\x8B";   // U+FF0B

/// One decoded UTF-8 sequence: its code point, or `valid == false` for a byte that starts none.
struct Decoded
{
    char32_t code = 0;
    std::size_t length = 1;
    bool valid = false;
};

Decoded DecodeAt(std::string_view text, std::size_t pos)
{
    const auto lead = static_cast<unsigned char>(text[pos]);
    if (lead < 0x80)
    {
        return {lead, 1, true};
    }
    std::size_t length = 0;
    char32_t code = 0;
    char32_t minimum = 0;
    if ((lead & 0xE0U) == 0xC0U)
    {
        length = 2;
        code = lead & 0x1FU;
        minimum = 0x80;
    }
    else if ((lead & 0xF0U) == 0xE0U)
    {
        length = 3;
        code = lead & 0x0FU;
        minimum = 0x800;
    }
    else if ((lead & 0xF8U) == 0xF0U)
    {
        length = 4;
        code = lead & 0x07U;
        minimum = 0x10000;
    }
    else
    {
        return {};
    }
    if (pos + length > text.size())
    {
        return {};
    }
    for (std::size_t i = 1; i < length; ++i)
    {
        const auto next = static_cast<unsigned char>(text[pos + i]);
        if ((next & 0xC0U) != 0x80U)
        {
            return {};
        }
        code = (code << 6U) | (next & 0x3FU);
    }
    // Overlong forms, UTF-16 surrogates and values past U+10FFFF are not UTF-8.
    if (code < minimum || (code >= 0xD800 && code <= 0xDFFF) || code > 0x10FFFF)
    {
        return {};
    }
    return {code, length, true};
}

bool IsTriggerAt(std::string_view text, std::size_t pos)
{
    if (pos >= text.size())
    {
        return false;
    }
    switch (text[pos])
    {
    case '=':
    case '+':
    case '-':
    case '@':
    case '\t':
    case '\r':
    case '\n':
    case '\0':
        return true;
    default:
        break;
    }
    const std::string_view rest = text.substr(pos);
    return rest.starts_with(kFullWidthEquals) || rest.starts_with(kFullWidthPlus);
}

bool IsHex(char c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

/// "_x0041_" in a cell is read by Excel as an escaped character: escape the underscore.
bool IsEscapeLookAlike(std::string_view text, std::size_t pos)
{
    return pos + 7 <= text.size() && text[pos] == '_' && text[pos + 1] == 'x' &&
           IsHex(text[pos + 2]) && IsHex(text[pos + 3]) && IsHex(text[pos + 4]) &&
           IsHex(text[pos + 5]) && text[pos + 6] == '_';
}

/// Whether text needs no change at all for an xlsx cell (the common case, kept cheap).
bool IsPlainCellText(std::string_view text)
{
    if (text.size() > kMaxCellUnits || NeedsFormulaGuard(text))
    {
        return false;
    }
    for (const char c : text)
    {
        if (c == '_' || c == '\0' || static_cast<unsigned char>(c) >= 0x80)
        {
            return false;
        }
    }
    return true;
}

} // namespace

bool NeedsFormulaGuard(std::string_view text)
{
    std::size_t pos = 0;
    while (pos < text.size() && text[pos] == kFormulaGuard)
    {
        ++pos;
    }
    return IsTriggerAt(text, pos);
}

std::string GuardText(std::string_view text)
{
    std::string out;
    out.reserve(text.size() + 1);
    if (NeedsFormulaGuard(text))
    {
        out.push_back(kFormulaGuard);
    }
    std::size_t pos = 0;
    while (pos < text.size())
    {
        const Decoded d = DecodeAt(text, pos);
        if (!d.valid)
        {
            out.append(kReplacementChar);
            ++pos;
            continue;
        }
        if (d.code == 0)
        {
            out.append(kNulReplacement);
        }
        else
        {
            out.append(text.substr(pos, d.length));
        }
        pos += d.length;
    }
    return out;
}

std::string PlainLine(std::string_view text)
{
    std::string out;
    out.reserve(text.size());
    for (std::size_t pos = 0; pos < text.size();)
    {
        const Decoded d = DecodeAt(text, pos);
        if (!d.valid || d.code == 0xFFFE || d.code == 0xFFFF)
        {
            out.append(kReplacementChar);
            pos += d.valid ? d.length : 1;
            continue;
        }
        if (d.code < 0x20 || d.code == 0x7F)
        {
            out.push_back(' ');
        }
        else
        {
            out.append(text.substr(pos, d.length));
        }
        pos += d.length;
    }
    return out;
}

std::size_t Utf16Length(std::string_view utf8)
{
    std::size_t units = 0;
    for (std::size_t pos = 0; pos < utf8.size();)
    {
        const Decoded d = DecodeAt(utf8, pos);
        units += (d.valid && d.code >= 0x10000) ? 2 : 1;
        pos += d.length;
    }
    return units;
}

CellText PrepareCellText(std::string_view text)
{
    CellText result;
    if (IsPlainCellText(text))
    {
        result.text.assign(text);
        result.original_units = text.size();
        return result;
    }
    const std::string guarded = GuardText(text);
    result.original_units = Utf16Length(guarded);

    // Cut at a code point boundary so that the kept text and the marker fit the cell.
    std::string_view kept = guarded;
    if (result.original_units > kMaxCellUnits)
    {
        const std::size_t budget = kMaxCellUnits - Utf16Length(kTruncationMarker);
        std::size_t units = 0;
        std::size_t pos = 0;
        while (pos < guarded.size())
        {
            const Decoded d = DecodeAt(guarded, pos);
            const std::size_t width = d.code >= 0x10000 ? 2 : 1;
            if (units + width > budget)
            {
                break;
            }
            units += width;
            pos += d.length;
        }
        kept = kept.substr(0, pos);
        result.truncated = true;
    }

    result.text.reserve(kept.size() + (result.truncated ? kTruncationMarker.size() : 0));
    for (std::size_t pos = 0; pos < kept.size();)
    {
        const Decoded d = DecodeAt(kept, pos);
        if (IsEscapeLookAlike(kept, pos))
        {
            result.text.append("_x005F");
        }
        // U+FFFE and U+FFFF are not allowed in XML.
        if (d.code == 0xFFFE || d.code == 0xFFFF)
        {
            result.text.append(kReplacementChar);
        }
        else
        {
            result.text.append(kept.substr(pos, d.length));
        }
        pos += d.length;
    }
    if (result.truncated)
    {
        result.text.append(kTruncationMarker);
    }
    return result;
}

} // namespace coscore::exports
