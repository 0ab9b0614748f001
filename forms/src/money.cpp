// SPDX-License-Identifier: MIT
#include <coscore/forms/money.hpp>

#include <wx/numformatter.h>

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

} // namespace coscore::forms
