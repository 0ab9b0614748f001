// SPDX-License-Identifier: MIT
#include <coscore/forms/money.hpp>
#include <coscore/forms/string_convert.hpp>

#include <wx/numformatter.h>

#include <charconv>
#include <string>

namespace coscore::forms
{

wxString FormatPounds(scoring::Pence pence, bool whole_pounds)
{
    const bool negative = pence < 0;
    const scoring::Pence abs = negative ? -pence : pence;
    wxString text = wxNumberFormatter::ToString(static_cast<long>(abs / 100),
                                                wxNumberFormatter::Style_WithThousandsSep);
    if (!whole_pounds)
    {
        text += wxString::Format(".%02d", static_cast<int>(abs % 100));
    }
    // The pound sign comes from UTF-8 explicitly: a narrow literal depends on the C locale.
    return wxString::FromUTF8(negative ? "-\xC2\xA3" : "\xC2\xA3") + text;
}

std::optional<scoring::Pence> ParsePounds(const wxString& text)
{
    std::string s = ToUtf8(text.Strip(wxString::both));
    if (s.rfind("\xC2\xA3", 0) == 0)
    {
        s = s.substr(2);
    }
    const auto start = s.find_first_not_of(' ');
    s = start == std::string::npos ? std::string() : s.substr(start);
    const auto point = s.find('.');
    std::string whole = s.substr(0, point);
    const std::string fraction = point == std::string::npos ? std::string() : s.substr(point + 1);
    // Thousands separators only in groups of three: "1,234" but never "1,23".
    if (whole.find(',') != std::string::npos)
    {
        std::string digits;
        std::size_t group = 0;
        for (std::size_t i = whole.size(); i-- > 0;)
        {
            if (whole[i] == ',')
            {
                if (group != 3 || i == 0)
                {
                    return std::nullopt;
                }
                group = 0;
                continue;
            }
            digits.insert(digits.begin(), whole[i]);
            ++group;
        }
        whole = digits;
    }
    if (whole.empty() || fraction.size() > 2 || (point != std::string::npos && fraction.empty()))
    {
        return std::nullopt;
    }
    for (const char c : whole + fraction)
    {
        if (c < '0' || c > '9')
        {
            return std::nullopt;
        }
    }
    scoring::Pence pounds = 0;
    const auto [end, error] = std::from_chars(whole.data(), whole.data() + whole.size(), pounds);
    if (error != std::errc() || end != whole.data() + whole.size() || pounds > 1'000'000'000'000)
    {
        return std::nullopt;
    }
    scoring::Pence pence = 0;
    if (!fraction.empty())
    {
        std::from_chars(fraction.data(), fraction.data() + fraction.size(), pence);
        pence *= fraction.size() == 1 ? 10 : 1;
    }
    return pounds * 100 + pence;
}

} // namespace coscore::forms
