// SPDX-License-Identifier: MIT
#include "text.hpp"

#include <array>
#include <charconv>
#include <cmath>

namespace coscore::scoring
{

std::string FormatPoints(double points)
{
    // One decimal is finer than any threshold a policy sets; more would suggest false precision.
    const double rounded = std::round(points * 10.0) / 10.0;
    std::array<char, 32> buffer{};
    const bool whole = std::fabs(rounded - std::round(rounded)) < 1e-9;
    const auto [end, ec] = whole ? std::to_chars(buffer.data(), buffer.data() + buffer.size(),
                                                 std::round(rounded), std::chars_format::fixed, 0)
                                 : std::to_chars(buffer.data(), buffer.data() + buffer.size(),
                                                 rounded, std::chars_format::fixed, 1);
    if (ec != std::errc{})
    {
        return "?";
    }
    std::string text(buffer.data(), end);
    return text == "-0" ? "0" : text;
}

std::string FormatPence(Pence pence)
{
    const bool negative = pence < 0;
    const std::uint64_t magnitude =
        negative ? 0 - static_cast<std::uint64_t>(pence) : static_cast<std::uint64_t>(pence);
    const std::string pounds = std::to_string(magnitude / 100);
    std::string grouped;
    for (std::size_t i = 0; i < pounds.size(); ++i)
    {
        if (i > 0 && (pounds.size() - i) % 3 == 0)
        {
            grouped += ',';
        }
        grouped += pounds[i];
    }
    std::string text = (negative ? "-£" : "£") + grouped;
    const std::uint64_t rest = magnitude % 100;
    if (rest != 0)
    {
        text += '.';
        text += static_cast<char>('0' + rest / 10);
        text += static_cast<char>('0' + rest % 10);
    }
    return text;
}

std::string FormatThreshold(double fraction)
{
    return FormatPoints(fraction * 100.0);
}

std::string JoinNames(const std::vector<std::string_view>& names)
{
    std::string text;
    for (std::size_t i = 0; i < names.size(); ++i)
    {
        if (i > 0)
        {
            text += i + 1 == names.size() ? " and " : ", ";
        }
        text += names[i];
    }
    return text;
}

std::string Folded(std::string_view text)
{
    const auto is_space = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
    while (!text.empty() && is_space(text.front()))
    {
        text.remove_prefix(1);
    }
    while (!text.empty() && is_space(text.back()))
    {
        text.remove_suffix(1);
    }
    std::string folded(text);
    for (char& c : folded)
    {
        if (c >= 'A' && c <= 'Z')
        {
            c = static_cast<char>(c - 'A' + 'a');
        }
    }
    return folded;
}

namespace
{
bool IsDigit(char c)
{
    return c >= '0' && c <= '9';
}
} // namespace

int CompareReferences(std::string_view a, std::string_view b)
{
    std::size_t i = 0;
    std::size_t j = 0;
    while (i < a.size() && j < b.size())
    {
        if (IsDigit(a[i]) && IsDigit(b[j]))
        {
            // Compare digit runs by value: skip leading zeros, then longer is larger.
            std::size_t ai = i;
            std::size_t bj = j;
            while (ai < a.size() && a[ai] == '0')
            {
                ++ai;
            }
            while (bj < b.size() && b[bj] == '0')
            {
                ++bj;
            }
            std::size_t ae = ai;
            std::size_t be = bj;
            while (ae < a.size() && IsDigit(a[ae]))
            {
                ++ae;
            }
            while (be < b.size() && IsDigit(b[be]))
            {
                ++be;
            }
            if (ae - ai != be - bj)
            {
                return ae - ai < be - bj ? -1 : 1;
            }
            const int digits = a.substr(ai, ae - ai).compare(b.substr(bj, be - bj));
            if (digits != 0)
            {
                return digits < 0 ? -1 : 1;
            }
            i = ae;
            j = be;
            continue;
        }
        if (a[i] != b[j])
        {
            return static_cast<unsigned char>(a[i]) < static_cast<unsigned char>(b[j]) ? -1 : 1;
        }
        ++i;
        ++j;
    }
    if (i < a.size() || j < b.size())
    {
        return i < a.size() ? 1 : -1;
    }
    const int bytes = a.compare(b);
    return bytes < 0 ? -1 : (bytes > 0 ? 1 : 0);
}

std::string_view MemberLabel(const Member& member)
{
    return member.name.empty() ? std::string_view(member.ref) : std::string_view(member.name);
}

} // namespace coscore::scoring
