// SPDX-License-Identifier: MIT
// The plain-English words the windows use for the round's coded values (PRODUCT.md §5: plain
// English everywhere). Files and the CLI keep the stable codes of scoring/model.hpp.
#pragma once

#include <coscore/scoring/model.hpp>

#include <wx/string.h>

namespace coscore::forms
{

wxString RoleText(scoring::Role role);
wxString ChairText(scoring::ChairRole chair);
/// "Works for or runs the organisation", for the officer's register.
wxString InterestTypeText(scoring::InterestType type);
/// "I work for this organisation, or I am a trustee or on its committee": as a member says it.
wxString InterestTypeFirstPerson(scoring::InterestType type);
/// "May not score or see it", for the register.
wxString InterestRuleText(scoring::InterestRule rule);
/// What the rule means for the member who declared, in the second person.
wxString InterestRuleExplained(scoring::InterestRule rule);
wxString SheetStatusText(scoring::SheetStatus status);
wxString EligibilityText(scoring::Eligibility eligibility);
wxString RankBasisText(scoring::RankBasis basis);
wxString AllocationText(scoring::AllocationRule rule);

} // namespace coscore::forms
