// SPDX-License-Identifier: MIT
#include <coscore/scoring/model.hpp>

#include <array>
#include <utility>

namespace coscore::scoring
{
namespace
{

template <typename Enum, std::size_t N>
using NameTable = std::array<std::pair<Enum, std::string_view>, N>;

template <typename Enum, std::size_t N>
std::string_view NameOf(const NameTable<Enum, N>& table, Enum value)
{
    for (const auto& [e, name] : table)
    {
        if (e == value)
        {
            return name;
        }
    }
    return "unknown";
}

template <typename Enum, std::size_t N>
std::optional<Enum> ValueOf(const NameTable<Enum, N>& table, std::string_view text)
{
    for (const auto& [e, name] : table)
    {
        if (name == text)
        {
            return e;
        }
    }
    return std::nullopt;
}

constexpr NameTable<Role, 5> kRoles{{
    {Role::Councillor, "councillor"},
    {Role::PersonUsingServices, "person_using_services"},
    {Role::Carer, "carer"},
    {Role::VoluntarySector, "voluntary_sector"},
    {Role::Officer, "officer"},
}};
constexpr NameTable<Voice, 3> kVoices{{
    {Voice::LivedExperience, "lived_experience"},
    {Voice::Councillors, "councillors"},
    {Voice::Professionals, "professionals"},
}};
constexpr NameTable<ChairRole, 4> kChairRoles{{
    {ChairRole::None, "none"},
    {ChairRole::Chair, "chair"},
    {ChairRole::CoChair, "co_chair"},
    {ChairRole::Deputy, "deputy"},
}};
constexpr NameTable<InterestType, 6> kInterestTypes{{
    {InterestType::EmployeeOrTrustee, "employee_or_trustee"},
    {InterestType::UsesService, "uses_service"},
    {InterestType::Volunteers, "volunteers"},
    {InterestType::FamilyOrFriend, "family_or_friend"},
    {InterestType::Financial, "financial"},
    {InterestType::Other, "other"},
}};
constexpr NameTable<InterestRule, 3> kInterestRules{{
    {InterestRule::NoScoreNoSee, "no_score_no_see"},
    {InterestRule::NoScoreMaySpeak, "no_score_may_speak"},
    {InterestRule::DeclaredMayScore, "declared_may_score"},
}};
constexpr NameTable<MissingReason, 5> kMissingReasons{{
    {MissingReason::None, "none"},
    {MissingReason::NotYet, "not_yet"},
    {MissingReason::Interest, "interest"},
    {MissingReason::Absent, "absent"},
    {MissingReason::Abstained, "abstained"},
}};
constexpr NameTable<SheetStatus, 4> kSheetStatuses{{
    {SheetStatus::NotStarted, "not_started"},
    {SheetStatus::InProgress, "in_progress"},
    {SheetStatus::Complete, "complete"},
    {SheetStatus::Submitted, "submitted"},
}};
constexpr NameTable<Eligibility, 3> kEligibilities{{
    {Eligibility::NotChecked, "not_checked"},
    {Eligibility::Eligible, "eligible"},
    {Eligibility::Ineligible, "ineligible"},
}};
constexpr NameTable<DecisionKind, 5> kDecisionKinds{{
    {DecisionKind::FundInFull, "fund_in_full"},
    {DecisionKind::FundReduced, "fund_reduced"},
    {DecisionKind::FundWithConditions, "fund_with_conditions"},
    {DecisionKind::Reject, "reject"},
    {DecisionKind::Defer, "defer"},
}};
constexpr NameTable<DecisionStatus, 3> kDecisionStatuses{{
    {DecisionStatus::Proposed, "proposed"},
    {DecisionStatus::Agreed, "agreed"},
    {DecisionStatus::Locked, "locked"},
}};
constexpr NameTable<RankBasis, 5> kRankBases{{
    {RankBasis::Mean, "mean"},
    {RankBasis::Median, "median"},
    {RankBasis::Olympic, "olympic"},
    {RankBasis::ZMean, "zmean"},
    {RankBasis::Adjusted, "adjusted"},
}};
constexpr NameTable<AllocationRule, 2> kAllocationRules{{
    {AllocationRule::Skip, "skip"},
    {AllocationRule::Stop, "stop"},
}};

} // namespace

std::string_view ToString(Role role) { return NameOf(kRoles, role); }
std::string_view ToString(Voice voice) { return NameOf(kVoices, voice); }
std::string_view ToString(ChairRole chair) { return NameOf(kChairRoles, chair); }
std::string_view ToString(InterestType type) { return NameOf(kInterestTypes, type); }
std::string_view ToString(InterestRule rule) { return NameOf(kInterestRules, rule); }
std::string_view ToString(MissingReason reason) { return NameOf(kMissingReasons, reason); }
std::string_view ToString(SheetStatus status) { return NameOf(kSheetStatuses, status); }
std::string_view ToString(Eligibility eligibility) { return NameOf(kEligibilities, eligibility); }
std::string_view ToString(DecisionKind kind) { return NameOf(kDecisionKinds, kind); }
std::string_view ToString(DecisionStatus status) { return NameOf(kDecisionStatuses, status); }
std::string_view ToString(RankBasis basis) { return NameOf(kRankBases, basis); }
std::string_view ToString(AllocationRule rule) { return NameOf(kAllocationRules, rule); }

std::optional<Role> ParseRole(std::string_view text) { return ValueOf(kRoles, text); }
std::optional<ChairRole> ParseChairRole(std::string_view text)
{
    return ValueOf(kChairRoles, text);
}
std::optional<InterestType> ParseInterestType(std::string_view text)
{
    return ValueOf(kInterestTypes, text);
}
std::optional<InterestRule> ParseInterestRule(std::string_view text)
{
    return ValueOf(kInterestRules, text);
}
std::optional<MissingReason> ParseMissingReason(std::string_view text)
{
    return ValueOf(kMissingReasons, text);
}
std::optional<SheetStatus> ParseSheetStatus(std::string_view text)
{
    return ValueOf(kSheetStatuses, text);
}
std::optional<Eligibility> ParseEligibility(std::string_view text)
{
    return ValueOf(kEligibilities, text);
}
std::optional<DecisionKind> ParseDecisionKind(std::string_view text)
{
    return ValueOf(kDecisionKinds, text);
}
std::optional<DecisionStatus> ParseDecisionStatus(std::string_view text)
{
    return ValueOf(kDecisionStatuses, text);
}
std::optional<RankBasis> ParseRankBasis(std::string_view text)
{
    return ValueOf(kRankBases, text);
}
std::optional<AllocationRule> ParseAllocationRule(std::string_view text)
{
    return ValueOf(kAllocationRules, text);
}

Voice VoiceOf(Role role)
{
    switch (role)
    {
    case Role::PersonUsingServices:
    case Role::Carer:
        return Voice::LivedExperience;
    case Role::Councillor:
        return Voice::Councillors;
    case Role::VoluntarySector:
    case Role::Officer:
        return Voice::Professionals;
    }
    return Voice::Professionals;
}

InterestRule DefaultRuleFor(InterestType type)
{
    switch (type)
    {
    case InterestType::EmployeeOrTrustee:
    case InterestType::Financial:
        return InterestRule::NoScoreNoSee;
    case InterestType::UsesService:
    case InterestType::Volunteers:
    case InterestType::FamilyOrFriend:
    case InterestType::Other:
        return InterestRule::NoScoreMaySpeak;
    }
    return InterestRule::NoScoreNoSee;
}

std::string_view CabinetWording(DecisionKind kind)
{
    switch (kind)
    {
    case DecisionKind::FundInFull:
        return "Fund in full";
    case DecisionKind::FundReduced:
        return "Fund at a reduced amount";
    case DecisionKind::FundWithConditions:
        return "Fund subject to conditions";
    case DecisionKind::Reject:
        return "Reject";
    case DecisionKind::Defer:
        return "Defer";
    }
    return "";
}

std::string_view DisplayName(Role role)
{
    switch (role)
    {
    case Role::Councillor:
        return "Councillor";
    case Role::PersonUsingServices:
        return "Person who uses services";
    case Role::Carer:
        return "Unpaid carer";
    case Role::VoluntarySector:
        return "Voluntary sector";
    case Role::Officer:
        return "Council officer";
    }
    return "";
}

std::string_view DisplayName(Voice voice)
{
    switch (voice)
    {
    case Voice::LivedExperience:
        return "Lived experience";
    case Voice::Councillors:
        return "Councillors";
    case Voice::Professionals:
        return "Professionals";
    }
    return "";
}

} // namespace coscore::scoring
