// SPDX-License-Identifier: MIT
#include <coscore/forms/string_convert.hpp>
#include <coscore/forms/wording.hpp>

#include <wx/intl.h>

namespace coscore::forms
{

using namespace scoring;

wxString RoleText(Role role)
{
    return wxGetTranslation(ToWx(DisplayName(role)));
}

wxString ChairText(ChairRole chair)
{
    switch (chair)
    {
    case ChairRole::None:
        return _("No");
    case ChairRole::Chair:
        return _("Chair");
    case ChairRole::CoChair:
        return _("Co-chair");
    case ChairRole::Deputy:
        return _("Deputy chair");
    }
    return {};
}

wxString InterestTypeText(InterestType type)
{
    switch (type)
    {
    case InterestType::EmployeeOrTrustee:
        return _("Employee, trustee or committee member");
    case InterestType::UsesService:
        return _("Uses the service");
    case InterestType::Volunteers:
        return _("Volunteers there");
    case InterestType::FamilyOrFriend:
        return _("Family member or friend involved");
    case InterestType::Financial:
        return _("Money could be gained or lost");
    case InterestType::Other:
        return _("Something else");
    }
    return {};
}

wxString InterestTypeFirstPerson(InterestType type)
{
    switch (type)
    {
    case InterestType::EmployeeOrTrustee:
        return _("I work for this organisation, or I am a trustee or on its committee");
    case InterestType::UsesService:
        return _("I use this service, or someone I care for does");
    case InterestType::Volunteers:
        return _("I volunteer for this organisation");
    case InterestType::FamilyOrFriend:
        return _("A family member or close friend is involved in it");
    case InterestType::Financial:
        return _("I, or someone close to me, could gain or lose money from it");
    case InterestType::Other:
        return _("Something else");
    }
    return {};
}

wxString InterestRuleText(InterestRule rule)
{
    switch (rule)
    {
    case InterestRule::NoScoreNoSee:
        return _("May not score it or see its scores");
    case InterestRule::NoScoreMaySpeak:
        return _("May not score it; may speak if invited");
    case InterestRule::DeclaredMayScore:
        return _("Recorded; may still score it");
    }
    return {};
}

wxString InterestRuleExplained(InterestRule rule)
{
    switch (rule)
    {
    case InterestRule::NoScoreNoSee:
        return _("You will not score this bid or see how others scored it. It leaves your list.");
    case InterestRule::NoScoreMaySpeak:
        return _("You will not score this bid, so it leaves your list. In the meeting you may "
                 "speak about it if the chair invites you.");
    case InterestRule::DeclaredMayScore:
        return _("Your interest is recorded and you may still score this bid.");
    }
    return {};
}

wxString SheetStatusText(SheetStatus status)
{
    switch (status)
    {
    case SheetStatus::NotStarted:
        return _("Not started");
    case SheetStatus::InProgress:
        return _("Started");
    case SheetStatus::Complete:
        return _("Scored");
    case SheetStatus::Submitted:
        return _("Submitted");
    }
    return {};
}

wxString EligibilityText(Eligibility eligibility)
{
    switch (eligibility)
    {
    case Eligibility::NotChecked:
        return _("Not checked");
    case Eligibility::Eligible:
        return _("Eligible");
    case Eligibility::Ineligible:
        return _("Not eligible");
    }
    return {};
}

wxString RankBasisText(RankBasis basis)
{
    switch (basis)
    {
    case RankBasis::Mean:
        return _("Mean (average) of the members' totals");
    case RankBasis::Median:
        return _("Median (middle) of the members' totals");
    case RankBasis::Olympic:
        return _("Olympic mean (drop the highest and lowest)");
    case RankBasis::ZMean:
        return _("Mean after evening out each member's scoring habits (z-scores)");
    case RankBasis::Adjusted:
        return _("Mean adjusted for lenient and strict members");
    }
    return {};
}

wxString AllocationText(AllocationRule rule)
{
    switch (rule)
    {
    case AllocationRule::Skip:
        return _("Skip a bid that does not fit and try the next");
    case AllocationRule::Stop:
        return _("Stop at the first bid that does not fit");
    }
    return {};
}

} // namespace coscore::forms
