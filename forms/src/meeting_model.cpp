// SPDX-License-Identifier: MIT
#include <coscore/forms/meeting_model.hpp>
#include <coscore/forms/money.hpp>
#include <coscore/forms/string_convert.hpp>

#include <wx/intl.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

namespace coscore::forms
{

using namespace scoring;

namespace
{

std::size_t At(MeetingColumn column)
{
    return static_cast<std::size_t>(column);
}

wxString FlagWords(const std::string& code)
{
    static const std::map<std::string, wxString> kWords{
        {"range", _("Disagreement")},
        {"iqr", _("Disagreement")},
        {"sd", _("Disagreement")},
        {"outlier", _("Outlier")},
        {"voice_gap", _("Voices differ")},
        {"quorum", _("Too few scores")},
        {"quorum_voice", _("No lived-experience score")},
        {"needs_explaining", _("Needs explaining")},
        {"incomplete", _("Incomplete sheet")},
        {"gate", _("Fails a gate")},
        {"ineligible", _("Ineligible")},
        {"award_min", _("Below the smallest award")},
        {"award_max", _("Above the largest award")},
    };
    const auto it = kWords.find(code);
    return it != kWords.end() ? it->second : ToWx(code);
}

const TieBreak* FindRecord(const RoundData& round, Key fund, const std::vector<Key>& bids)
{
    std::vector<Key> sorted = bids;
    std::sort(sorted.begin(), sorted.end());
    const TieBreak* found = nullptr;
    for (const TieBreak& record : round.tie_breaks)
    {
        std::vector<Key> group = record.group;
        std::sort(group.begin(), group.end());
        if (record.fund == fund && group == sorted)
        {
            found = &record; // the latest applies
        }
    }
    return found;
}

LineTie DescribeTie(const RoundData& round, const FundResult& fund, const TieGroup& group)
{
    LineTie tie;
    tie.bids = group.bids;
    tie.resolved = group.resolved;
    const BidResult* first = nullptr;
    for (const BidResult& b : fund.bids)
    {
        if (!group.bids.empty() && b.bid == group.bids.front())
        {
            first = &b;
        }
    }
    const wxString score = first != nullptr ? PointsText(first->basis_score) : wxString("—");
    if (group.resolved)
    {
        tie.text = ToWx(group.resolution);
        if (const TieBreak* record = FindRecord(round, fund.fund, group.bids))
        {
            tie.text << " " << wxString::Format(_("Recorded at %s."), ToWx(record->recorded_at));
        }
        return tie;
    }
    tie.text = wxString::Format(_("%s are tied at the funding line on %s points: the money left "
                                  "does not fund them all. Break the tie by a chair's decision "
                                  "with a reason, or by a seeded lottery."),
                                BidRefsText(round, group.bids), score);
    if (!group.resolution.empty() && group.resolution.rfind("A recorded lottery", 0) == 0)
    {
        tie.text << " " << ToWx(group.resolution);
    }
    return tie;
}

void FillBidRow(const BidResult& b, const Bid& bid, bool hidden, bool tie_open, MeetingRow& row)
{
    const auto set = [&row](MeetingColumn c, wxString text, std::optional<double> number = {})
    {
        row.text[At(c)] = std::move(text);
        row.number[At(c)] = number;
    };
    set(MeetingColumn::Rank, RankText(b),
        b.rank > 0 ? std::optional<double>(row.position) : std::nullopt);
    set(MeetingColumn::Bid, ToWx(bid.ref));
    set(MeetingColumn::Organisation, ToWx(bid.organisation));
    set(MeetingColumn::Requested, MoneyText(b.requested_pence),
        static_cast<double>(b.requested_pence));
    set(MeetingColumn::Award, b.funded ? MoneyText(b.award_pence) : NoAwardText(b, tie_open),
        b.funded ? std::optional<double>(static_cast<double>(b.award_pence)) : std::nullopt);
    set(MeetingColumn::Cumulative, b.funded ? MoneyText(b.cumulative_pence) : wxString("—"),
        b.funded ? std::optional<double>(static_cast<double>(b.cumulative_pence)) : std::nullopt);
    set(MeetingColumn::Decision, DecisionText(b.decision, b.decision_status));
    if (hidden)
    {
        // The viewer declared an interest that bars them from this bid: no figure at all.
        set(MeetingColumn::Mean, _("hidden: your interest"));
        return;
    }
    set(MeetingColumn::Mean, PointsText(b.figures.mean), b.figures.mean);
    set(MeetingColumn::Median, PointsText(b.figures.median), b.figures.median);
    set(MeetingColumn::N, wxString::Format("%d", b.figures.n), b.figures.n);
    set(MeetingColumn::Sd, PointsText(b.figures.sd), b.figures.sd);
    const std::array<MeetingColumn, kVoiceCount> voices{
        MeetingColumn::LivedExperience, MeetingColumn::Councillors, MeetingColumn::Professionals};
    for (const VoiceFigures& v : b.voices)
    {
        set(voices[static_cast<std::size_t>(v.voice)], PointsText(v.mean), v.mean);
    }
    set(MeetingColumn::Flags, FlagSummary(b.flags), static_cast<double>(b.flags.size()));
    if (b.rank_ci50)
    {
        const RankInterval& ci = *b.rank_ci50;
        set(MeetingColumn::RankInterval,
            ci.lo == ci.hi ? wxString::Format("%d", ci.lo)
                           : wxString::Format("%d\u2013%d", ci.lo, ci.hi),
            b.median_rank.value_or(ci.lo));
    }
    else
    {
        set(MeetingColumn::RankInterval, "—");
    }
}

} // namespace

wxString MoneyText(Pence pence)
{
    // Whole pounds when there are no pence, so that the list stays narrow on a projector.
    return FormatPounds(pence, pence % 100 == 0);
}

namespace
{

template <typename Row>
const Row* FindByKey(const std::vector<Row>& rows, Key key)
{
    const auto it =
        std::find_if(rows.begin(), rows.end(), [key](const Row& row) { return row.key == key; });
    return it != rows.end() ? &*it : nullptr;
}

} // namespace

wxString VoiceText(Voice voice)
{
    return wxGetTranslation(ToWx(DisplayName(voice)));
}

const Bid* FindRoundBid(const RoundData& round, Key bid)
{
    return FindByKey(round.bids, bid);
}

const Member* FindRoundMember(const RoundData& round, Key member)
{
    return FindByKey(round.members, member);
}

const Fund* FindRoundFund(const RoundData& round, Key fund)
{
    return FindByKey(round.funds, fund);
}

wxString BidRefText(const RoundData& round, Key bid)
{
    const Bid* found = FindRoundBid(round, bid);
    return found != nullptr ? ToWx(found->ref) : wxString::Format("%d", bid);
}

wxString BidRefsText(const RoundData& round, const std::vector<Key>& bids)
{
    wxString text;
    for (std::size_t i = 0; i < bids.size(); ++i)
    {
        if (i > 0)
        {
            text << (i + 1 == bids.size() ? _(" and ") : wxString(", "));
        }
        text << BidRefText(round, bids[i]);
    }
    return text;
}

wxString MeetingColumnTitle(MeetingColumn column)
{
    switch (column)
    {
    case MeetingColumn::Rank:
        return _("Rank");
    case MeetingColumn::Bid:
        return _("Bid");
    case MeetingColumn::Organisation:
        return _("Organisation");
    case MeetingColumn::Mean:
        return _("Mean");
    case MeetingColumn::Median:
        return _("Median");
    case MeetingColumn::N:
        return _("Scores");
    case MeetingColumn::Sd:
        return _("SD");
    case MeetingColumn::LivedExperience:
        return _("Lived exp.");
    case MeetingColumn::Councillors:
        return _("Councillors");
    case MeetingColumn::Professionals:
        return _("Professionals");
    case MeetingColumn::Flags:
        return _("Flags");
    case MeetingColumn::RankInterval:
        return _("Likely rank");
    case MeetingColumn::Requested:
        return _("Requested");
    case MeetingColumn::Award:
        return _("Award");
    case MeetingColumn::Cumulative:
        return _("Running total");
    case MeetingColumn::Decision:
        return _("Decision");
    }
    return wxString();
}

bool IsNumericColumn(MeetingColumn column)
{
    switch (column)
    {
    case MeetingColumn::Bid:
    case MeetingColumn::Organisation:
    case MeetingColumn::Flags:
    case MeetingColumn::Decision:
        return false;
    default:
        return true;
    }
}

bool KeepsRankOrder(MeetingColumn column)
{
    return column == MeetingColumn::Rank || column == MeetingColumn::Cumulative;
}

wxString RankText(const BidResult& bid)
{
    if (bid.rank <= 0)
    {
        return "—";
    }
    return wxString::Format(bid.tied ? "%d=" : "%d", bid.rank);
}

wxString PointsText(std::optional<double> points)
{
    if (!points || !std::isfinite(*points))
    {
        return "—";
    }
    return wxString::FromCDouble(std::round(*points * 10.0) / 10.0, 1);
}

wxString FlagSummary(const std::vector<Flag>& flags)
{
    // Range, IQR and SD all say the panel disagrees: one word for the three.
    std::vector<std::pair<wxString, int>> counted;
    for (const Flag& flag : flags)
    {
        const bool spread = flag.code == "range" || flag.code == "iqr" || flag.code == "sd";
        const wxString words = FlagWords(flag.code);
        auto it = std::find_if(counted.begin(), counted.end(),
                               [&](const auto& c) { return c.first == words; });
        if (it == counted.end())
        {
            counted.emplace_back(words, 1);
        }
        else if (!spread)
        {
            ++it->second;
        }
    }
    wxString text;
    for (const auto& [words, count] : counted)
    {
        if (!text.empty())
        {
            text << ", ";
        }
        text << words;
        if (count > 1)
        {
            text << wxString::Format(" \u00D7%d", count);
        }
    }
    return text;
}

wxString NoAwardText(const BidResult& bid, bool tie_open)
{
    const auto starts = [&bid](const char* prefix)
    { return bid.allocation_note.rfind(prefix, 0) == 0; };
    if (tie_open)
    {
        return _("Tied at the line");
    }
    if (starts("Skipped"))
    {
        return _("Skipped: too big");
    }
    if (starts("Below the payline"))
    {
        return _("Below the line");
    }
    if (starts("Passed over"))
    {
        return _("Passed over");
    }
    return _("Not funded");
}

wxString DecisionStatusText(DecisionStatus status)
{
    switch (status)
    {
    case DecisionStatus::Proposed:
        return _("proposed");
    case DecisionStatus::Agreed:
        return _("agreed");
    case DecisionStatus::Locked:
        return _("locked");
    }
    return wxString();
}

wxString DecisionText(std::optional<DecisionKind> kind, std::optional<DecisionStatus> status)
{
    if (!kind)
    {
        return wxString();
    }
    wxString text;
    switch (*kind)
    {
    case DecisionKind::FundInFull:
        text = _("In full");
        break;
    case DecisionKind::FundReduced:
        text = _("Reduced");
        break;
    case DecisionKind::FundWithConditions:
        text = _("With conditions");
        break;
    case DecisionKind::Reject:
        text = _("Reject");
        break;
    case DecisionKind::Defer:
        text = _("Defer");
        break;
    }
    if (status)
    {
        text << " (" << DecisionStatusText(*status) << ")";
    }
    return text;
}

wxString BudgetText(const FundResult& fund)
{
    wxString text = wxString::Format(wxPLURAL("Budget %s: %s proposed for %d bid, %s left.",
                                              "Budget %s: %s proposed for %d bids, %s left.",
                                              static_cast<unsigned>(fund.funded_count)),
                                     MoneyText(fund.budget_pence), MoneyText(fund.spent_pence),
                                     fund.funded_count, MoneyText(fund.remaining_pence));
    for (const PotResult& pot : fund.pots)
    {
        text << " "
             << wxString::Format(_("%s pot: %s of at least %s (%s)."), ToWx(pot.name),
                                 MoneyText(pot.spent_pence), MoneyText(pot.minimum_pence),
                                 pot.met ? _("met") : _("not met"));
    }
    return text;
}

const FundResult* FindFundResult(const ReconcileResult& result, Key fund)
{
    for (const FundResult& f : result.funds)
    {
        if (f.fund == fund)
        {
            return &f;
        }
    }
    return nullptr;
}

const BidResult* FindBidResult(const ReconcileResult& result, Key bid)
{
    for (const FundResult& f : result.funds)
    {
        for (const BidResult& b : f.bids)
        {
            if (b.bid == bid)
            {
                return &b;
            }
        }
    }
    return nullptr;
}

const TieGroup* FindLineTie(const FundResult& fund)
{
    for (const TieGroup& tie : fund.ties)
    {
        if (tie.at_line)
        {
            return &tie;
        }
    }
    return nullptr;
}

const Interest* FindInterest(const RoundData& round, Key member, Key bid)
{
    for (const Interest& interest : round.interests)
    {
        if (interest.member == member && interest.bid == bid)
        {
            return &interest;
        }
    }
    return nullptr;
}

bool HiddenFrom(const RoundData& round, Key bid, std::optional<Key> member)
{
    if (!member)
    {
        return false;
    }
    const Interest* interest = FindInterest(round, *member, bid);
    return interest != nullptr && interest->rule == InterestRule::NoScoreNoSee;
}

MeetingView BuildMeetingView(const RoundData& round, const ReconcileResult& result, Key fund,
                             const MeetingFilter& filter, std::optional<Key> viewer, bool locked)
{
    MeetingView view;
    view.fund = fund;
    view.locked = locked;
    const FundResult* fr = FindFundResult(result, fund);
    if (fr == nullptr)
    {
        return view;
    }
    view.bid_count = static_cast<int>(fr->bids.size());
    view.budget_text = BudgetText(*fr);
    const TieGroup* tie = FindLineTie(*fr);
    if (tie != nullptr)
    {
        view.tie = DescribeTie(round, *fr, *tie);
    }
    int line = 0;
    for (std::size_t i = 0; i < fr->bids.size(); ++i)
    {
        if (fr->bids[i].funded)
        {
            line = static_cast<int>(i) + 1;
        }
    }
    view.line_position = line;
    const int reach =
        std::max(1, static_cast<int>(std::ceil(round.policy.near_line_fraction * view.bid_count)));
    std::map<Key, const Bid*> bids;
    for (const Bid& b : round.bids)
    {
        bids[b.key] = &b;
    }
    const auto add_line = [&]
    {
        MeetingRow row;
        row.is_line = true;
        row.position = line;
        row.near_line = true;
        // Marked in words and rules as well as colour, so that it shows on any projector.
        row.text[At(MeetingColumn::Organisation)] = wxString::FromUTF8("\u2501\u2501 ") +
                                                    _("FUNDING LINE") +
                                                    wxString::FromUTF8(" \u2501\u2501");
        row.text[At(MeetingColumn::Flags)] = wxString::FromUTF8("\u25B2 ") + _("funded") +
                                             wxString::FromUTF8("   \u25BC ") + _("not funded");
        row.text[At(MeetingColumn::Award)] =
            wxString::Format(_("%s left"), MoneyText(fr->remaining_pence));
        row.number[At(MeetingColumn::Rank)] = line - 0.5;
        row.number[At(MeetingColumn::Cumulative)] = static_cast<double>(fr->spent_pence) + 0.5;
        view.rows.push_back(std::move(row));
    };
    for (std::size_t i = 0; i < fr->bids.size(); ++i)
    {
        if (static_cast<int>(i) == line && filter.line_row)
        {
            add_line();
        }
        const BidResult& b = fr->bids[i];
        MeetingRow row;
        row.bid = b.bid;
        row.position = static_cast<int>(i);
        row.funded = b.funded;
        row.flagged = !b.flags.empty();
        row.tied_at_line = tie != nullptr &&
                           std::find(tie->bids.begin(), tie->bids.end(), b.bid) != tie->bids.end();
        row.near_line =
            row.tied_at_line || (row.position >= line - reach && row.position < line + reach);
        row.hidden = HiddenFrom(round, b.bid, viewer);
        const auto it = bids.find(b.bid);
        if (it == bids.end())
        {
            continue;
        }
        FillBidRow(b, *it->second, row.hidden, row.tied_at_line && tie != nullptr && !tie->resolved,
                   row);
        if ((filter.flagged_only && (!row.flagged || row.hidden)) ||
            (filter.near_line_only && !row.near_line))
        {
            continue;
        }
        view.rows.push_back(std::move(row));
    }
    if (line == static_cast<int>(fr->bids.size()) && filter.line_row)
    {
        add_line();
    }
    return view;
}

std::string DraftFeedback(const RoundData& round, const Bid& bid, DecisionKind kind,
                          std::optional<Pence> award)
{
    const auto fund = std::find_if(round.funds.begin(), round.funds.end(),
                                   [&](const Fund& f) { return f.key == bid.fund; });
    std::string text = "Thank you for your application";
    if (fund != round.funds.end())
    {
        text += " to the " + fund->name;
    }
    text += " for \"" + bid.project_title + "\". ";
    switch (kind)
    {
    case DecisionKind::FundInFull:
        text += "The panel has decided to fund your project in full (" +
                ToUtf8(MoneyText(bid.requested_pence)) + ").";
        break;
    case DecisionKind::FundReduced:
        text += "The panel has decided to fund your project at a reduced amount of " +
                ToUtf8(MoneyText(award.value_or(0))) + ".";
        break;
    case DecisionKind::FundWithConditions:
        text += "The panel has decided to fund your project, with the conditions set out in our "
                "letter.";
        break;
    case DecisionKind::Reject:
        text += "We are sorry that the panel was not able to fund your project this time.";
        break;
    case DecisionKind::Defer:
        text += "The panel has put off its decision on your project until a later meeting.";
        break;
    }
    std::vector<std::string> strengths;
    std::vector<std::string> concerns;
    const auto add = [](std::vector<std::string>& list, const std::string& comment)
    {
        const auto first = comment.find_first_not_of(" \t\r\n");
        if (first == std::string::npos)
        {
            return;
        }
        const std::string trimmed =
            comment.substr(first, comment.find_last_not_of(" \t\r\n") - first + 1);
        if (std::find(list.begin(), list.end(), trimmed) == list.end())
        {
            list.push_back(trimmed);
        }
    };
    for (const ScoreSheet& sheet : round.sheets)
    {
        const Interest* interest = FindInterest(round, sheet.member, sheet.bid);
        if (sheet.bid != bid.key || (interest != nullptr && BarsScoring(interest->rule)))
        {
            continue;
        }
        add(strengths, sheet.strengths);
        add(concerns, sheet.concerns);
    }
    const auto section = [&text](const char* heading, const std::vector<std::string>& list)
    {
        if (list.empty())
        {
            return;
        }
        text += "\n\n";
        text += heading;
        for (const std::string& item : list)
        {
            text += "\n- " + item;
        }
    };
    section("What the panel valued:", strengths);
    section("What the panel was concerned about:", concerns);
    return text;
}

} // namespace coscore::forms
