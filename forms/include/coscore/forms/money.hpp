// SPDX-License-Identifier: MIT
// Money for display and typing: £1,234.50 in the user's locale grouping. Files never use this.
#pragma once

#include <coscore/scoring/model.hpp>

#include <wx/string.h>

#include <optional>

namespace coscore::forms
{

/// "£1,234.50"; whole pounds drop the pence when `whole_pounds` ("£1,235").
wxString FormatPounds(scoring::Pence pence, bool whole_pounds = false);

/// "1234.5", "1,234.50", "£1,234.50" or "£ 1234" typed into a form, as pence; empty when it is
/// not an amount (negative, more than two decimals, letters, …). Never through a float.
std::optional<scoring::Pence> ParsePounds(const wxString& text);

} // namespace coscore::forms
