// SPDX-License-Identifier: MIT
#include "decimal_text.hpp"
#include "text_encoding.hpp"

#include <coscore/core/import_amount.hpp>

#include <algorithm>
#include <array>

namespace coscore::core
{

using scoring::Pence;

namespace
{

bool IsDigit(char c)
{
    return c >= '0' && c <= '9';
}

std::string_view TrimSpaces(std::string_view text)
{
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t'))
    {
        text.remove_prefix(1);
    }
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t'))
    {
        text.remove_suffix(1);
    }
    return text;
}

/// Decimal digits of other scripts (Arabic-Indic, Devanagari, fullwidth, …).
bool IsOtherScriptDigit(char32_t c)
{
    static constexpr std::array<char32_t, 12> kZeros{0x0660, 0x06F0, 0x07C0, 0x0966,
                                                     0x09E6, 0x0A66, 0x0AE6, 0x0B66,
                                                     0x0BE6, 0x0E50, 0xFF10, 0x1D7CE};
    return std::any_of(kZeros.begin(), kZeros.end(),
                       [c](char32_t zero) { return c >= zero && c < zero + 10; }) ||
           (c >= 0x1D7CE && c <= 0x1D7FF);
}

std::string LowerAscii(std::string_view text)
{
    std::string out(text);
    for (char& c : out)
    {
        c = c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c;
    }
    return out;
}

/// Sorts out what kind of not-a-number a text is, for a message that says what to change.
AmountFault ClassifyCharacters(std::string_view text)
{
    const std::string lower = LowerAscii(text);
    if (lower == "nan" || lower == "inf" || lower == "infinity")
    {
        return AmountFault::NotFinite;
    }
    if (lower.starts_with("0x"))
    {
        return AmountFault::Hex;
    }
    bool digit_seen = false;
    AmountFault fault = AmountFault::None;
    std::size_t i = 0;
    while (i < text.size())
    {
        const char c = text[i];
        if (static_cast<unsigned char>(c) >= 0x80)
        {
            char32_t cp = 0;
            if (imports::NextCodePoint(text, i, cp) && IsOtherScriptDigit(cp))
            {
                return AmountFault::NonAsciiDigits;
            }
            return AmountFault::NotANumber;
        }
        if (IsDigit(c))
        {
            digit_seen = true;
        }
        else if ((c == 'e' || c == 'E') && digit_seen)
        {
            fault = fault == AmountFault::None ? AmountFault::Exponent : fault;
        }
        else if (c == 'O' || c == 'o' || c == 'l' || c == 'I')
        {
            fault = AmountFault::LetterForDigit;
        }
        else if (c != ',' && c != '.')
        {
            return AmountFault::NotANumber;
        }
        ++i;
    }
    return fault;
}

/// Whole pounds with or without thousands separators in groups of three.
bool ReadPounds(std::string_view integer, char group, Pence& pounds, AmountFault& fault)
{
    if (integer.empty())
    {
        fault = AmountFault::NotANumber;
        return false;
    }
    const bool grouped = integer.find(group) != std::string_view::npos;
    std::size_t run = 0;
    bool first_group = true;
    pounds = 0;
    for (const char c : integer)
    {
        if (c == group)
        {
            if (run == 0 || run > 3 || (!first_group && run != 3))
            {
                fault = AmountFault::Grouping;
                return false;
            }
            first_group = false;
            run = 0;
            continue;
        }
        if (!IsDigit(c))
        {
            fault = AmountFault::NotANumber;
            return false;
        }
        ++run;
        if (pounds > kMaxAmountPence / 100)
        {
            fault = AmountFault::TooLarge;
            return false;
        }
        pounds = pounds * 10 + (c - '0');
    }
    if (grouped && run != 3)
    {
        fault = AmountFault::Grouping;
        return false;
    }
    return true;
}

} // namespace

ParsedAmount ParseAmountText(std::string_view text, AmountStyle style)
{
    ParsedAmount out;
    text = TrimSpaces(text);
    const auto fail = [&](AmountFault fault)
    {
        out.fault = fault;
        return out;
    };
    if (text.empty())
    {
        return fail(AmountFault::Empty);
    }
    if (text.front() == '=' || text.front() == '+' || text.front() == '@')
    {
        return fail(AmountFault::Formula);
    }
    if (text.front() == '-' || (text.front() == '(' && text.back() == ')'))
    {
        return fail(AmountFault::Negative);
    }
    if (text.starts_with("£"))
    {
        text = TrimSpaces(text.substr(std::string_view("£").size()));
        if (text.starts_with('-'))
        {
            return fail(AmountFault::Negative);
        }
    }
    if (const AmountFault kind = ClassifyCharacters(text); kind != AmountFault::None)
    {
        return fail(kind);
    }
    const char decimal = style.decimal_comma ? ',' : '.';
    const char group = style.decimal_comma ? '.' : ',';
    const std::size_t point = text.find(decimal);
    std::string_view integer = text.substr(0, point);
    std::string_view fraction =
        point == std::string_view::npos ? std::string_view() : text.substr(point + 1);
    if (fraction.find(decimal) != std::string_view::npos ||
        fraction.find(group) != std::string_view::npos)
    {
        return fail(AmountFault::Grouping);
    }
    // "1234,50" read with a decimal point (or "1234.50" with a decimal comma): the other
    // convention, never silently taken for thousands.
    const std::size_t last_group = integer.rfind(group);
    if (point == std::string_view::npos && last_group != std::string_view::npos &&
        integer.size() - last_group - 1 <= 2)
    {
        return fail(AmountFault::WrongDecimalMark);
    }
    Pence pounds = 0;
    if (!ReadPounds(integer, group, pounds, out.fault))
    {
        return out;
    }
    if (point != std::string_view::npos && fraction.empty())
    {
        return fail(AmountFault::NotANumber);
    }
    Pence pence = 0;
    for (std::size_t i = 0; i < fraction.size(); ++i)
    {
        if (!IsDigit(fraction[i]))
        {
            return fail(AmountFault::NotANumber);
        }
        if (i >= 2 && fraction[i] != '0')
        {
            return fail(AmountFault::SubPenny);
        }
        if (i < 2)
        {
            pence = pence * 10 + (fraction[i] - '0');
        }
    }
    pence *= fraction.size() == 1 ? 10 : 1;
    const Pence total = pounds * 100 + pence;
    if (total > kMaxAmountPence)
    {
        return fail(AmountFault::TooLarge);
    }
    out.pence = total;
    return out;
}

ParsedAmount ParseAmountNumber(std::string_view stored)
{
    ParsedAmount out;
    const auto number = imports::DecimalText::Parse(stored);
    if (!number)
    {
        out.fault = AmountFault::NotANumber;
        return out;
    }
    if (number->negative && !number->IsZero())
    {
        out.fault = AmountFault::Negative;
        return out;
    }
    // Excel shows and compares 15 significant digits: 1234.4999999999998 is its 1234.5.
    const imports::Scaled pence =
        number->RoundedToSignificant(15).ScaledToInteger(2, kMaxAmountPence);
    switch (pence.fault)
    {
    case imports::ScaleFault::None:
        out.pence = pence.value;
        break;
    case imports::ScaleFault::Fraction:
        out.fault = AmountFault::SubPenny;
        break;
    case imports::ScaleFault::TooLarge:
        out.fault = AmountFault::TooLarge;
        break;
    }
    return out;
}

std::string ExplainAmountFault(AmountFault fault)
{
    switch (fault)
    {
    case AmountFault::None:
        return "is an amount";
    case AmountFault::Empty:
        return "is empty";
    case AmountFault::Negative:
        return "is negative; amounts of money here are never below £0";
    case AmountFault::Formula:
        return "starts like a spreadsheet formula (=, + or @); CoScore never calculates formulas";
    case AmountFault::NotFinite:
        return "is not a number";
    case AmountFault::Exponent:
        return "is written with an exponent (like 1E3)";
    case AmountFault::Hex:
        return "is written in hexadecimal";
    case AmountFault::NonAsciiDigits:
        return "uses digits of another script; only 0–9 are read";
    case AmountFault::LetterForDigit:
        return "has a letter (O, o, l or I) where a digit should be";
    case AmountFault::SubPenny:
        return "has fractions of a penny (more than two decimal places)";
    case AmountFault::Grouping:
        return "has thousands separators in the wrong places";
    case AmountFault::WrongDecimalMark:
        return "uses a decimal mark CoScore was not told to expect (1234,50 against 1234.50)";
    case AmountFault::TooLarge:
        return "is larger than £100,000,000,000";
    case AmountFault::NotANumber:
        return "is not an amount of money";
    }
    return "is not an amount of money";
}

std::string FormatAmountPlain(Pence pence)
{
    const bool negative = pence < 0;
    const std::uint64_t magnitude =
        negative ? 0 - static_cast<std::uint64_t>(pence) : static_cast<std::uint64_t>(pence);
    std::string cents = std::to_string(magnitude % 100);
    return (negative ? "-" : "") + std::to_string(magnitude / 100) + "." +
           (cents.size() == 1 ? "0" + cents : cents);
}

} // namespace coscore::core
