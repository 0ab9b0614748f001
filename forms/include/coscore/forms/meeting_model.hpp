// SPDX-License-Identifier: MIT
// What the chair's meeting page shows of one fund, worked out from a round and its
// reconciliation without any window: the ranked rows with their text and sort keys, the funding
// line, the filters, the budget, the tie at the line and the applicant feedback draft.
#pragma once

#include <coscore/scoring/model.hpp>
#include <coscore/scoring/reconcile.hpp>

#include <wx/string.h>

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace coscore::forms
{

/// The columns of the ranked list, in display order.
enum class MeetingColumn
{
    Rank,
    Bid,
    Organisation,
    Mean,
    Flags,
    Requested,
    Award, ///< the proposed award, or why there is none ("Skipped", "Tied at the line")
    Cumulative,
    Decision,
    N,
    Median,
    Sd,
    LivedExperience,
    Councillors,
    Professionals,
    RankInterval,
};
inline constexpr std::size_t kMeetingColumnCount = 16;

/// The column's heading, in plain English.
wxString MeetingColumnTitle(MeetingColumn column);
/// Whether the column holds numbers (right-aligned, sorted numerically).
bool IsNumericColumn(MeetingColumn column);
/// Whether the column keeps the rank order, so that the funding line row still means something.
bool KeepsRankOrder(MeetingColumn column);

/// One row of the ranked list: a bid, or the funding line between the funded and the rest.
struct MeetingRow
{
    bool is_line = false;
    scoring::Key bid = 0;
    int position = 0; ///< place in rank order; the line's is that of the first bid below it
    std::array<wxString, kMeetingColumnCount> text;
    std::array<std::optional<double>, kMeetingColumnCount> number; ///< numeric sort keys
    bool funded = false;
    bool flagged = false;
    bool near_line = false;
    bool tied_at_line = false;
    bool hidden = false; ///< the viewer declared an interest that hides this bid's figures
};

struct MeetingFilter
{
    bool flagged_only = false;
    bool near_line_only = false;
    bool line_row = true; ///< include the funding line row (only in rank order)
};

/// The tie at the funding line of a fund, for the banner and the tie-break dialog.
struct LineTie
{
    std::vector<scoring::Key> bids; ///< in the provisional (or resolved) order
    bool resolved = false;
    wxString text; ///< one or two sentences for the banner
};

struct MeetingView
{
    scoring::Key fund = 0;
    std::vector<MeetingRow> rows; ///< filtered, in rank order, with the line where it falls
    int bid_count = 0;            ///< before filtering
    int line_position = 0;        ///< bids above the funding line (funded or passed over)
    wxString budget_text;         ///< the budget bar's text equivalent
    std::optional<LineTie> tie;   ///< an unresolved or resolved tie at the line
    bool locked = false;
};

/// Builds the view of `fund`. `viewer` is the member acting as chair, if any: a bid they may
/// not see (a no-score-no-see interest) shows no figures to them.
MeetingView BuildMeetingView(const scoring::RoundData& round,
                             const scoring::ReconcileResult& result, scoring::Key fund,
                             const MeetingFilter& filter, std::optional<scoring::Key> viewer,
                             bool locked);

/// "8=" for a bid tied on 8th place, "8" otherwise, "—" when not ranked.
wxString RankText(const scoring::BidResult& bid);
/// A 0–100 score with one decimal ("57.9"), or "—".
wxString PointsText(std::optional<double> points);
/// The flags in a few words ("Disagreement, Outlier ×2, Voices differ"): range, IQR and SD
/// are one disagreement; "" when none.
wxString FlagSummary(const std::vector<scoring::Flag>& flags);
/// "In full (agreed)", "Reduced (proposed)", …, or "" when undecided.
wxString DecisionText(std::optional<scoring::DecisionKind> kind,
                      std::optional<scoring::DecisionStatus> status);
/// Why a bid has no award, in a word or two ("Tied at the line", "Skipped", "Passed over").
wxString NoAwardText(const scoring::BidResult& bid, bool tie_open);
/// Plain-English status of a decision: "proposed", "agreed", "locked".
wxString DecisionStatusText(scoring::DecisionStatus status);
/// The budget in one or two sentences: spent, left, bids funded and each pot.
wxString BudgetText(const scoring::FundResult& fund);

/// The fund's result in a reconciliation, or null.
const scoring::FundResult* FindFundResult(const scoring::ReconcileResult& result,
                                          scoring::Key fund);
/// The bid's result in a reconciliation, or null.
const scoring::BidResult* FindBidResult(const scoring::ReconcileResult& result, scoring::Key bid);
/// The tie group at the funding line of a fund, if there is one.
const scoring::TieGroup* FindLineTie(const scoring::FundResult& fund);

/// The voices in the order every table and chart shows them.
inline constexpr std::array<scoring::Voice, scoring::kVoiceCount> kVoices{
    scoring::Voice::LivedExperience, scoring::Voice::Councillors, scoring::Voice::Professionals};
/// "Lived experience", "Councillors", "Professionals".
wxString VoiceText(scoring::Voice voice);

/// The bid, member or fund with this key in the round, or null.
const scoring::Bid* FindRoundBid(const scoring::RoundData& round, scoring::Key bid);
const scoring::Member* FindRoundMember(const scoring::RoundData& round, scoring::Key member);
const scoring::Fund* FindRoundFund(const scoring::RoundData& round, scoring::Key fund);
/// "INN-007", or the key when the bid is unknown.
wxString BidRefText(const scoring::RoundData& round, scoring::Key bid);
/// "INN-007 and INN-011", "INN-001, INN-002 and INN-003".
wxString BidRefsText(const scoring::RoundData& round, const std::vector<scoring::Key>& bids);
/// Money for the meeting: whole pounds when there are no pence ("£12,000", "£12,000.50").
wxString MoneyText(scoring::Pence pence);

/// Whether `member` declared an interest in `bid` that bars them from seeing it.
bool HiddenFrom(const scoring::RoundData& round, scoring::Key bid,
                std::optional<scoring::Key> member);
/// The interest `member` declared in `bid`, if any.
const scoring::Interest* FindInterest(const scoring::RoundData& round, scoring::Key member,
                                      scoring::Key bid);

/// Feedback for the applicant drafted from the members' comments on `bid`: the decision in a
/// sentence, what the panel valued and what concerned it. Members are never named; comments of
/// members with a barring interest are left out.
std::string DraftFeedback(const scoring::RoundData& round, const scoring::Bid& bid,
                          scoring::DecisionKind kind, std::optional<scoring::Pence> award);

} // namespace coscore::forms
