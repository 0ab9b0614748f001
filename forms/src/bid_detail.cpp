// SPDX-License-Identifier: MIT
#include "meeting_kit.hpp"

#include <coscore/forms/bid_detail.hpp>
#include <coscore/forms/layout.hpp>
#include <coscore/forms/meeting_model.hpp>
#include <coscore/forms/string_convert.hpp>
#include <coscore/forms/wording.hpp>

#include <wx/dataview.h>
#include <wx/dc.h>
#include <wx/settings.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include <algorithm>
#include <array>
#include <map>
#include <tuple>

namespace coscore::forms
{

using namespace scoring;

namespace
{

wxString MissingText(MissingReason reason)
{
    switch (reason)
    {
    case MissingReason::Interest:
        return _("declared an interest");
    case MissingReason::Absent:
        return _("absent");
    case MissingReason::Abstained:
        return _("abstained");
    case MissingReason::NotYet:
    case MissingReason::None:
        break;
    }
    return _("not scored");
}

/// The latest moderation of each (member, criterion) cell of a bid.
std::map<std::pair<Key, Key>, const ModeratedScore*> LatestModerations(const RoundData& round,
                                                                       Key bid)
{
    std::map<std::pair<Key, Key>, const ModeratedScore*> latest;
    for (const ModeratedScore& m : round.moderated)
    {
        if (m.bid == bid)
        {
            latest[{m.member, m.criterion}] = &m;
        }
    }
    return latest;
}

std::optional<int> IndependentScore(const RoundData& round, Key bid, Key member, Key criterion)
{
    const auto it = std::lower_bound(round.scores.begin(), round.scores.end(),
                                     std::tuple{bid, member, criterion},
                                     [](const Score& s, const std::tuple<Key, Key, Key>& key) {
                                         return std::tuple{s.bid, s.member, s.criterion} < key;
                                     });
    if (it != round.scores.end() && it->bid == bid && it->member == member &&
        it->criterion == criterion && it->value)
    {
        return *it->value;
    }
    return std::nullopt;
}

wxString ScoreText(std::optional<int> value)
{
    return value ? wxString::Format("%d", *value) : wxString("—");
}

} // namespace

/// A dot for each member's total on a 0–100 line, one lane per voice, the median marked. Only a
/// picture of the text beside it.
class ScoreChart : public PictureWindow
{
public:
    explicit ScoreChart(wxWindow* parent) : PictureWindow(parent) {}

    void SetPoints(std::vector<ChartPoint> points, std::optional<double> median)
    {
        m_points = std::move(points);
        m_median = median;
        Refresh();
    }

protected:
    wxSize DoGetBestClientSize() const override
    {
        return {GetCharWidth() * 50, GetCharHeight() * (kVoiceCount + 2)};
    }

    void Draw(wxDC& dc, const wxSize& size) override
    {
        const wxColour text = wxSystemSettings::GetColour(wxSYS_COLOUR_WINDOWTEXT);
        const wxColour fill = wxSystemSettings::GetColour(wxSYS_COLOUR_HIGHLIGHT);
        const int line = GetCharHeight();
        int label_width = 0;
        for (Voice voice : kVoices)
        {
            label_width = std::max(label_width, dc.GetTextExtent(VoiceText(voice)).x);
        }
        const int left = label_width + GetCharWidth() * 2;
        const int right = size.x - GetCharWidth() * 2;
        if (right <= left)
        {
            return;
        }
        const auto x_of = [&](double total)
        { return left + static_cast<int>((right - left) * std::clamp(total, 0.0, 100.0) / 100.0); };
        dc.SetPen(wxPen(text, FromDIP(1)));
        const int axis = line * kVoiceCount + line / 2;
        dc.DrawLine(left, axis, right, axis);
        for (int tick = 0; tick <= 100; tick += 25)
        {
            const wxString label = wxString::Format("%d", tick);
            const int x = x_of(tick);
            dc.DrawLine(x, axis, x, axis + line / 4);
            dc.DrawText(label, x - dc.GetTextExtent(label).x / 2, axis + line / 4);
        }
        const int radius = std::max(3, line / 3);
        for (std::size_t lane = 0; lane < kVoices.size(); ++lane)
        {
            const int y = static_cast<int>(lane) * line + line / 2;
            dc.DrawText(VoiceText(kVoices[lane]), 0, y - line / 2);
            dc.SetBrush(wxBrush(fill));
            for (const ChartPoint& p : m_points)
            {
                if (p.voice == kVoices[lane])
                {
                    dc.DrawCircle(x_of(p.total), y, radius);
                }
            }
        }
        if (m_median)
        {
            dc.SetPen(wxPen(text, FromDIP(2), wxPENSTYLE_SHORT_DASH));
            const int x = x_of(*m_median);
            dc.DrawLine(x, 0, x, axis);
        }
    }

private:
    std::vector<ChartPoint> m_points;
    std::optional<double> m_median;
};

wxString ChartText(const std::vector<ChartPoint>& points, std::optional<double> median,
                   std::optional<double> mean)
{
    if (points.empty())
    {
        return _("No member has scored this bid yet.");
    }
    wxString text = wxString::Format(wxPLURAL("Total of %d member, out of 100.",
                                              "Totals of %d members, out of 100.",
                                              static_cast<unsigned>(points.size())),
                                     static_cast<int>(points.size()));
    for (Voice voice : kVoices)
    {
        std::vector<double> totals;
        for (const ChartPoint& p : points)
        {
            if (p.voice == voice)
            {
                totals.push_back(p.total);
            }
        }
        if (totals.empty())
        {
            continue;
        }
        std::sort(totals.begin(), totals.end());
        text << " " << VoiceText(voice) << ": ";
        for (std::size_t i = 0; i < totals.size(); ++i)
        {
            text << (i > 0 ? ", " : "") << PointsText(totals[i]);
        }
        text << ".";
    }
    text << " "
         << wxString::Format(_("Median %s (the dashed line), mean %s."), PointsText(median),
                             PointsText(mean));
    return text;
}

BidDetailPanel::BidDetailPanel(wxWindow* parent)
    : wxScrolledWindow(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxVSCROLL)
{
    SetScrollRate(0, FromDIP(12));
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    const auto add = [&](wxWindow* w, int proportion = 0) {
        sizer->Add(w,
                   wxSizerFlags(proportion).Expand().Border(wxLEFT | wxRIGHT | wxTOP, Gap(this)));
    };
    const auto label = [&](const wxString& text)
    {
        auto* l = new wxStaticText(this, wxID_ANY, text);
        l->SetFont(l->GetFont().Bold());
        add(l);
        return l;
    };
    m_heading = MakeHeading(this, _("Choose a bid in the list to see its scores."), 1.2);
    add(m_heading);
    m_notice = MakeText(this, wxString());
    m_notice->SetFont(m_notice->GetFont().Bold());
    add(m_notice);
    m_figures = MakeText(this, wxString());
    add(m_figures);
    m_flags = MakeText(this, wxString());
    add(m_flags);
    m_scores_label = label(_("Scores by member"));
    m_scores = new wxDataViewListCtrl(this, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                                      wxDV_ROW_LINES | wxDV_SINGLE | wxDV_VERT_RULES);
    SetAccessibleName(m_scores, _("Scores by member"));
    add(m_scores);
    m_chart_label = label(_("Spread of totals"));
    m_chart = new ScoreChart(this);
    add(m_chart);
    m_chart_text = MakeText(this, wxString());
    add(m_chart_text);
    m_explain_label = label(_("Needs explaining"));
    m_explain = MakeText(this, wxString());
    add(m_explain);
    m_comments_label = new wxStaticText(this, wxID_ANY, _("Members' comments"));
    m_comments_label->SetFont(m_comments_label->GetFont().Bold());
    add(m_comments_label);
    m_comments = new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize,
                                wxTE_MULTILINE | wxTE_READONLY | wxTE_BESTWRAP);
    m_comments->SetMinSize(wxSize(-1, m_comments->GetCharHeight() * 8));
    LinkLabel(m_comments_label, m_comments);
    SetAccessibleName(m_comments, _("Members' comments"));
    add(m_comments);
    m_history_label = label(_("Moderation history"));
    m_history = MakeList(this, _("Moderation history"),
                         {{_("When")},
                          {_("Member")},
                          {_("Criterion")},
                          {_("Independent"), true},
                          {_("Moderated"), true},
                          {_("Reason")},
                          {_("Recorded by")}});
    add(m_history);
    sizer->AddSpacer(Gap(this));
    SetSizer(sizer);
    ShowParts(false);
}

void BidDetailPanel::ShowParts(bool show)
{
    for (wxWindow* w : std::initializer_list<wxWindow*>{
             m_figures, m_flags, m_scores_label, m_scores, m_chart_label, m_chart, m_chart_text,
             m_explain_label, m_explain, m_comments_label, m_comments, m_history_label, m_history})
    {
        w->Show(show);
    }
}

void BidDetailPanel::BuildScoreColumns(const Fund& fund)
{
    if (m_columns_fund == fund.key && m_scores->GetColumnCount() > 0)
    {
        return;
    }
    m_scores->DeleteAllItems();
    m_scores->ClearColumns();
    const auto column = [this](const wxString& title, bool right)
    {
        m_scores->AppendTextColumn(title, wxDATAVIEW_CELL_INERT, wxCOL_WIDTH_AUTOSIZE,
                                   right ? wxALIGN_RIGHT : wxALIGN_LEFT, wxDATAVIEW_COL_RESIZABLE);
    };
    column(_("Member"), false);
    column(_("Voice"), false);
    for (const Criterion& c : fund.criteria)
    {
        column(ToWx(c.name), true);
    }
    column(_("Total"), true);
    m_columns_fund = fund.key;
}

void BidDetailPanel::FillScores(const RoundData& round, const BidResult& result, const Fund& fund)
{
    BuildScoreColumns(fund);
    m_scores->DeleteAllItems();
    const auto moderations = LatestModerations(round, result.bid);
    std::vector<ChartPoint> points;
    for (const MemberTotal& total : result.members)
    {
        const Member* member = FindRoundMember(round, total.member);
        if (member == nullptr)
        {
            continue;
        }
        const Interest* interest = FindInterest(round, member->key, result.bid);
        const bool barred = interest != nullptr && BarsScoring(interest->rule);
        wxVector<wxVariant> row;
        wxString name = ToWx(member->name);
        if (interest != nullptr && !barred)
        {
            name << " " << _("(declared a minor interest)");
        }
        row.push_back(name);
        row.push_back(VoiceText(VoiceOf(member->role)));
        for (const Criterion& c : fund.criteria)
        {
            if (barred)
            {
                row.push_back(_("declared an interest"));
                continue;
            }
            const auto independent = IndependentScore(round, result.bid, member->key, c.key);
            const auto moderated = moderations.find({member->key, c.key});
            if (moderated != moderations.end() && moderated->second->value)
            {
                row.push_back(wxString::Format(_("%s \u2192 %d (moderated)"),
                                               ScoreText(independent), *moderated->second->value));
            }
            else if (independent)
            {
                row.push_back(ScoreText(independent));
            }
            else
            {
                const auto score = std::find_if(round.scores.begin(), round.scores.end(),
                                                [&](const Score& s) {
                                                    return s.bid == result.bid &&
                                                           s.member == member->key &&
                                                           s.criterion == c.key;
                                                });
                row.push_back(MissingText(score != round.scores.end() ? score->missing
                                                                      : MissingReason::NotYet));
            }
        }
        if (barred || total.missing == MissingReason::Interest)
        {
            row.push_back(_("declared an interest"));
        }
        else if (total.total)
        {
            wxString text = PointsText(total.total);
            if (total.moderated)
            {
                text << " " << _("(moderated)");
            }
            if (total.incomplete)
            {
                text << " " << _("(incomplete)");
            }
            row.push_back(text);
            points.push_back({VoiceOf(member->role), *total.total});
        }
        else
        {
            row.push_back(MissingText(total.missing));
        }
        m_scores->AppendItem(row);
    }
    m_scores->SetMinSize(wxSize(-1, m_scores->GetCharHeight() *
                                        static_cast<int>(3 + result.members.size()) * 3 / 2));
    m_chart->SetPoints(points, result.figures.median);
    SetWrappedLabel(m_chart_text, ChartText(points, result.figures.median, result.figures.mean));
}

void BidDetailPanel::FillComments(const RoundData& round, Key bid)
{
    wxString comments;
    wxString explain;
    for (const ScoreSheet& sheet : round.sheets)
    {
        const Interest* interest = FindInterest(round, sheet.member, sheet.bid);
        const Member* member = FindRoundMember(round, sheet.member);
        if (sheet.bid != bid || member == nullptr ||
            (interest != nullptr && BarsScoring(interest->rule)))
        {
            continue;
        }
        const wxString who = ToWx(member->name) + " (" + RoleText(member->role) + ")";
        if (!sheet.strengths.empty() || !sheet.concerns.empty() || !sheet.questions.empty())
        {
            comments << (comments.empty() ? "" : "\n\n") << who;
            if (!sheet.strengths.empty())
            {
                comments << "\n" << _("Strengths: ") << ToWx(sheet.strengths);
            }
            if (!sheet.concerns.empty())
            {
                comments << "\n" << _("Concerns: ") << ToWx(sheet.concerns);
            }
            if (!sheet.questions.empty())
            {
                comments << "\n" << _("Questions for the meeting: ") << ToWx(sheet.questions);
            }
        }
        if (sheet.needs_explaining)
        {
            explain << (explain.empty() ? "" : "\n")
                    << wxString::Format(_("%s asked for this bid to be explained"), who);
            explain << (sheet.questions.empty() ? wxString(".")
                                                : ": \u201C" + ToWx(sheet.questions) + "\u201D");
        }
    }
    m_comments->ChangeValue(comments.empty() ? _("No comments.") : comments);
    SetWrappedLabel(m_explain, explain.empty() ? _("Nobody asked for an explanation.") : explain);
}

void BidDetailPanel::FillHistory(const RoundData& round, Key bid)
{
    m_history->DeleteAllItems();
    std::map<Key, wxString> criteria;
    if (const Bid* found = FindRoundBid(round, bid))
    {
        if (const Fund* fund = FindRoundFund(round, found->fund))
        {
            for (const Criterion& c : fund->criteria)
            {
                criteria[c.key] = ToWx(c.name);
            }
        }
    }
    int rows = 0;
    for (const ModeratedScore& m : round.moderated)
    {
        if (m.bid != bid)
        {
            continue;
        }
        const Member* member = FindRoundMember(round, m.member);
        const wxString criterion = criteria[m.criterion];
        wxVector<wxVariant> row;
        row.push_back(ToWx(m.recorded_at));
        row.push_back(member != nullptr ? ToWx(member->name) : wxString());
        row.push_back(criterion);
        row.push_back(ScoreText(IndependentScore(round, bid, m.member, m.criterion)));
        row.push_back(m.value ? ScoreText(m.value) : _("withdrawn"));
        row.push_back(ToWx(m.reason));
        row.push_back(ToWx(m.recorded_by));
        m_history->AppendItem(row);
        ++rows;
    }
    if (rows == 0)
    {
        wxVector<wxVariant> row(7, wxVariant(wxString()));
        row[0] = _("No moderated scores for this bid.");
        m_history->AppendItem(row);
        rows = 1;
    }
    m_history->SetMinSize(wxSize(-1, m_history->GetCharHeight() * (rows + 2) * 3 / 2));
}

void BidDetailPanel::ShowBid(const RoundData& round, const ReconcileResult& result,
                             std::optional<Key> bid, std::optional<Key> viewer)
{
    const Bid* found = bid ? FindRoundBid(round, *bid) : nullptr;
    const BidResult* figures = bid ? FindBidResult(result, *bid) : nullptr;
    const Fund* fund = found != nullptr ? FindRoundFund(round, found->fund) : nullptr;
    SetWrappedLabel(m_notice, wxString());
    m_notice->Hide();
    if (found == nullptr || figures == nullptr || fund == nullptr)
    {
        SetWrappedLabel(m_heading, _("Choose a bid in the list to see its scores."));
        ShowParts(false);
        Layout();
        return;
    }
    SetWrappedLabel(m_heading, ToWx(found->ref + " " + found->project_title + " (" +
                                    found->organisation + ")"));
    if (HiddenFrom(round, found->key, viewer))
    {
        SetWrappedLabel(
            m_notice,
            _("You declared an interest in this bid, so its scores and comments are hidden from "
              "you. Hand this item to the deputy chair, or choose who is chairing above."));
        ShowParts(false);
        m_notice->Show();
        Layout();
        FitInside();
        return;
    }
    ShowParts(true);
    SetWrappedLabel(
        m_figures,
        wxString::Format(
            _("Rank %s. Mean %s, median %s from %d members; SD %s; range %s. Requested %s."),
            RankText(*figures), PointsText(figures->figures.mean),
            PointsText(figures->figures.median), figures->figures.n,
            PointsText(figures->figures.sd), PointsText(figures->figures.range),
            MoneyText(found->requested_pence)) +
            " " +
            (figures->funded
                 ? wxString::Format(_("Funded: %s, running total %s."),
                                    MoneyText(figures->award_pence),
                                    MoneyText(figures->cumulative_pence))
                 : wxString::Format(_("Not funded: %s."), figures->allocation_note.empty()
                                                              ? _("below the funding line")
                                                              : ToWx(figures->allocation_note))));
    wxString flags;
    for (const Flag& flag : figures->flags)
    {
        flags << (flags.empty() ? "" : "\n") << "\u2022 " << ToWx(flag.text);
    }
    SetWrappedLabel(m_flags,
                    flags.empty() ? _("No flags: the panel broadly agrees on this bid.") : flags);
    FillScores(round, *figures, *fund);
    FillComments(round, found->key);
    FillHistory(round, found->key);
    Layout();
    FitInside();
}

} // namespace coscore::forms
