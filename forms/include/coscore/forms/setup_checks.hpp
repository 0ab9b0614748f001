// SPDX-License-Identifier: MIT
// The pre-send checklist (PRODUCT.md §3, step 1): what to put right before members get their
// bids, in plain words ("Weights of the Innovation Fund form add up to 95%").
#pragma once

#include <coscore/scoring/model.hpp>

#include <wx/string.h>

#include <vector>

namespace coscore::forms
{

struct SetupCheck
{
    bool ok = false;
    wxString text; ///< what was checked and what was found; says what to do when not ok
};

/// Every check, in the order of the setup pages.
std::vector<SetupCheck> RunSetupChecks(const scoring::RoundData& round);

} // namespace coscore::forms
