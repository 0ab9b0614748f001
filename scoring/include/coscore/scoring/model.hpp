// SPDX-License-Identifier: MIT
// The domain value types of a grants round (PRODUCT.md §2), shared by core, exports and forms.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace coscore::scoring
{

/// Money is always integer pence; never a floating-point amount.
using Pence = std::int64_t;

/// Row key of an entity in the round file (stable across member packs and returns).
using Key = std::int32_t;

enum class Role
{
    Councillor,
    PersonUsingServices,
    Carer,
    VoluntarySector,
    Officer,
};

/// Roles group into voices for the equal-voice checks.
enum class Voice
{
    LivedExperience,
    Councillors,
    Professionals,
};
inline constexpr int kVoiceCount = 3;

enum class ChairRole
{
    None,
    Chair,
    CoChair,
    Deputy,
};

enum class InterestType
{
    EmployeeOrTrustee,
    UsesService,
    Volunteers,
    FamilyOrFriend,
    Financial,
    Other,
};

enum class InterestRule
{
    NoScoreNoSee,     ///< may neither score nor see the bid's scores or discussion
    NoScoreMaySpeak,  ///< may not score, may speak when invited
    DeclaredMayScore, ///< minor interest, recorded, may score
};

/// Why a criterion has no score. Never stored or counted as 0.
enum class MissingReason
{
    None, ///< the score is present
    NotYet,
    Interest,
    Absent,
    Abstained,
};

enum class SheetStatus
{
    NotStarted,
    InProgress,
    Complete,
    Submitted,
};

enum class Eligibility
{
    NotChecked,
    Eligible,
    Ineligible,
};

/// The categories of a Cabinet report.
enum class DecisionKind
{
    FundInFull,
    FundReduced,
    FundWithConditions,
    Reject,
    Defer,
};

enum class DecisionStatus
{
    Proposed,
    Agreed,
    Locked,
};

enum class RankBasis
{
    Mean,
    Median,
    Olympic,
    ZMean,
    Adjusted,
};

enum class AllocationRule
{
    Skip, ///< a bid that does not fit is skipped and the next one tried (default)
    Stop, ///< payline: allocation stops at the first bid that does not fit
};

/// An interval of ranks, 1 = best, both ends included.
struct RankInterval
{
    int lo = 0;
    int hi = 0;
};

struct RoundInfo
{
    std::string uuid;
    std::string title;
    std::string created_at; ///< ISO 8601 UTC
    std::string protective_marking; ///< e.g. "OFFICIAL-SENSITIVE"; empty for none
};

/// A ring-fenced pot: at least `minimum_pence` of the fund goes to bids matching the rule.
/// The rule matches when the bid's `field` (a column such as "ward" or an application field)
/// equals one of `values`, compared case-insensitively after trimming.
struct Pot
{
    Key key = 0;
    std::string name;
    Pence minimum_pence = 0;
    std::string field;
    std::vector<std::string> values;
};

struct LevelDescriptor
{
    int level = 0;
    std::string text;      ///< "Good: the need is clear and backed by local evidence"
    std::string easy_read; ///< optional easy-read wording
};

struct Criterion
{
    Key key = 0;
    std::string ref; ///< the officer's criterion id, unique within the fund
    std::string name;
    std::string question;
    std::string guidance;
    std::string easy_read;
    double weight_percent = 0.0;
    int scale_min = 0;
    int scale_max = 5;
    std::vector<LevelDescriptor> descriptors; ///< one per level, ascending
    std::optional<int> gate;                  ///< minimum panel median to be fundable

    int Span() const { return scale_max - scale_min; }
};

struct Fund
{
    Key key = 0;
    std::string name;
    Pence budget_pence = 0;
    std::optional<Pence> min_award_pence;
    std::optional<Pence> max_award_pence;
    std::vector<Pot> pots;
    std::vector<Criterion> criteria; ///< the fund's scoring form, in display order
};

struct Member
{
    Key key = 0;
    std::string ref; ///< the officer's member id
    std::string name;
    Role role = Role::PersonUsingServices;
    bool scores = true;
    ChairRole chair = ChairRole::None;
};

struct ApplicationField
{
    std::string name;
    std::string value;
};

struct Bid
{
    Key key = 0;
    std::string ref; ///< the application reference, e.g. "INN-007"
    std::string organisation;
    std::string project_title;
    Key fund = 0;
    Pence requested_pence = 0;
    std::string ward;
    std::string summary;
    std::vector<ApplicationField> fields; ///< further application fields, in order
    Eligibility eligibility = Eligibility::NotChecked;
    std::string eligibility_note;
};

struct Interest
{
    Key member = 0;
    Key bid = 0;
    InterestType type = InterestType::Other;
    InterestRule rule = InterestRule::NoScoreNoSee;
    std::string declared_at; ///< ISO 8601 UTC
    std::string note;        ///< how and where it was declared
};

/// One criterion score of one member on one bid: a value, or missing with a reason.
struct Score
{
    Key bid = 0;
    Key member = 0;
    Key criterion = 0;
    std::optional<std::int16_t> value;
    MissingReason missing = MissingReason::None;
};

/// Everything about a member's sheet for a bid except the criterion scores.
struct ScoreSheet
{
    Key bid = 0;
    Key member = 0;
    SheetStatus status = SheetStatus::NotStarted;
    std::string strengths;
    std::string concerns;
    std::string questions;
    bool needs_explaining = false;
    std::string supported_by; ///< "entered with support from …"
    std::string updated_at;
};

/// A score changed in the meeting; the independent score stays as it was. The latest entry per
/// (bid, member, criterion) applies; an empty value withdraws the moderation.
struct ModeratedScore
{
    Key bid = 0;
    Key member = 0;
    Key criterion = 0;
    std::optional<int> value;
    std::string reason;
    std::string recorded_by;
    std::string recorded_at;
};

struct Decision
{
    Key bid = 0;
    DecisionKind kind = DecisionKind::FundInFull;
    std::optional<Pence> award_pence; ///< set for FundReduced; otherwise the requested amount
    std::string conditions;
    std::string reason;
    std::string feedback; ///< for the applicant
    DecisionStatus status = DecisionStatus::Proposed;
};

/// The recorded resolution of a tie group at the funding line.
struct TieBreak
{
    Key fund = 0;
    std::vector<Key> group; ///< the tied bids
    std::vector<Key> order; ///< the resolved order, best first
    bool by_lottery = false;
    std::uint64_t seed = 0;
    std::string reason; ///< the chair's reason when not by lottery
    std::string recorded_at;
};

/// Thresholds are fractions of the criterion-total span (0–100 points) unless named otherwise.
struct Policy
{
    RankBasis rank_by = RankBasis::Mean;
    AllocationRule allocation = AllocationRule::Skip;
    double flag_range = 0.50;
    double flag_iqr = 0.25;
    double flag_sd = 0.25;
    double flag_outlier = 0.50;
    double flag_voice_gap = 0.20;
    int quorum_min_n = 3;
    double quorum_fraction = 0.5;
    bool quorum_needs_lived_experience = true;
    double ridge_lambda = 1.0;    ///< ridge penalty on member leniency in the adjusted model
    int zmean_min_bids = 8;       ///< every member must have scored this many bids for zmean
    bool snsf_mode = false;       ///< Bayesian ranking and lottery band
    std::uint64_t seed = 20260101; ///< default seed for bootstrap, Bayesian draws and lotteries
    int bootstrap_draws = 2000;
    double near_line_fraction = 0.10; ///< "near the line" filter: within this share of the bids
};

/// A value snapshot of a whole round, as the scoring library and the exports consume it.
struct RoundData
{
    RoundInfo info;
    Policy policy;
    std::vector<Fund> funds;
    std::vector<Member> members;
    std::vector<Bid> bids;
    std::vector<Interest> interests;
    std::vector<ScoreSheet> sheets; ///< sorted by (bid, member)
    std::vector<Score> scores;      ///< independent scores, sorted by (bid, member, criterion)
    std::vector<ModeratedScore> moderated; ///< oldest first; the latest per cell applies
    std::vector<Decision> decisions;
    std::vector<TieBreak> tie_breaks;
};

// Text forms used in files, the CLI and JSON (stable; never renamed).
std::string_view ToString(Role role);
std::string_view ToString(Voice voice);
std::string_view ToString(ChairRole chair);
std::string_view ToString(InterestType type);
std::string_view ToString(InterestRule rule);
std::string_view ToString(MissingReason reason);
std::string_view ToString(SheetStatus status);
std::string_view ToString(Eligibility eligibility);
std::string_view ToString(DecisionKind kind);
std::string_view ToString(DecisionStatus status);
std::string_view ToString(RankBasis basis);
std::string_view ToString(AllocationRule rule);

std::optional<Role> ParseRole(std::string_view text);
std::optional<ChairRole> ParseChairRole(std::string_view text);
std::optional<InterestType> ParseInterestType(std::string_view text);
std::optional<InterestRule> ParseInterestRule(std::string_view text);
std::optional<MissingReason> ParseMissingReason(std::string_view text);
std::optional<SheetStatus> ParseSheetStatus(std::string_view text);
std::optional<Eligibility> ParseEligibility(std::string_view text);
std::optional<DecisionKind> ParseDecisionKind(std::string_view text);
std::optional<DecisionStatus> ParseDecisionStatus(std::string_view text);
std::optional<RankBasis> ParseRankBasis(std::string_view text);
std::optional<AllocationRule> ParseAllocationRule(std::string_view text);

/// The voice a role speaks with in the equal-voice checks.
Voice VoiceOf(Role role);

/// The rule that applies by default to an interest of this type (PRODUCT.md §2).
InterestRule DefaultRuleFor(InterestType type);

/// Whether an interest under this rule stops the member from scoring the bid.
inline bool BarsScoring(InterestRule rule)
{
    return rule != InterestRule::DeclaredMayScore;
}

/// Cabinet wording of a decision: "Fund in full", "Fund at a reduced amount", …
std::string_view CabinetWording(DecisionKind kind);

/// Plain-English names for people: "Person who uses services", "Lived experience", …
std::string_view DisplayName(Role role);
std::string_view DisplayName(Voice voice);

} // namespace coscore::scoring
