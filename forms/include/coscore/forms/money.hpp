// SPDX-License-Identifier: MIT
// Money for display: £1,234.50 in the user's locale grouping. Files never use this.
#pragma once

#include <coscore/scoring/model.hpp>

#include <wx/string.h>

namespace coscore::forms
{

/// "£1,234.50"; whole pounds drop the pence when `whole_pounds` ("£1,235").
wxString FormatPounds(scoring::Pence pence, bool whole_pounds = false);

} // namespace coscore::forms
