// SPDX-License-Identifier: MIT
#include <coscore/forms/layout.hpp>
#include <coscore/forms/meeting_model.hpp>
#include <coscore/forms/meeting_panels.hpp>
#include <coscore/forms/string_convert.hpp>

#include <wx/checkbox.h>
#include <wx/dataview.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

#include <algorithm>
#include <array>
#include <cmath>

namespace coscore::forms
{

using namespace scoring;

namespace
{

wxString Decimal(double value, int places = 2)
{
    return wxString::FromCDouble(value, places);
}

wxString IntervalText(const std::optional<RankInterval>& interval)
{
    if (!interval)
    {
        return "—";
    }
    return interval->lo == interval->hi
               ? wxString::Format("%d", interval->lo)
               : wxString::Format("%d\u2013%d", interval->lo, interval->hi);
}

wxString SignedPoints(double points)
{
    return (points < 0 ? wxString("\u2212") : wxString("+")) + PointsText(std::abs(points));
}

wxString PercentText(std::optional<double> share)
{
    return share ? wxString::Format("%d%%", static_cast<int>(std::lround(*share * 100.0)))
                 : wxString("—");
}

bool InFund(const FundResult& fund, Key bid)
{
    return std::any_of(fund.bids.begin(), fund.bids.end(),
                       [bid](const BidResult& b) { return b.bid == bid; });
}

std::vector<Key> OnlyInFund(const FundResult& fund, const std::vector<Key>& bids)
{
    std::vector<Key> kept;
    std::copy_if(bids.begin(), bids.end(), std::back_inserter(kept),
                 [&](Key bid) { return InFund(fund, bid); });
    return kept;
}

/// Who speaks with a voice, for a sentence: "members with lived experience", "councillors".
wxString VoiceMembers(Voice voice)
{
    switch (voice)
    {
    case Voice::LivedExperience:
        return _("members with lived experience");
    case Voice::Councillors:
        return _("councillors");
    case Voice::Professionals:
        return _("professionals");
    }
    return wxString();
}

// A list shows all its rows up to this many, and scrolls beyond: a list as tall as 10,000 bids
// would make GTK lay out every row.
constexpr int kMostRowsShown = 30;

void SetRows(wxDataViewListCtrl* list, int rows)
{
    // Nothing is chosen in a list that only shows figures: GTK would highlight the first row.
    list->UnselectAll();
    const int shown = std::clamp(rows, 1, kMostRowsShown);
    list->SetMinSize(wxSize(-1, list->GetCharHeight() * (shown + 2) * 3 / 2));
}

} // namespace

FundPanel::FundPanel(wxWindow* parent)
    : wxScrolledWindow(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxVSCROLL)
{
    SetScrollRate(0, FromDIP(12));
    m_sizer = new wxBoxSizer(wxVERTICAL);
    SetSizer(m_sizer);
}

void FundPanel::Add(wxWindow* window, int proportion)
{
    m_sizer->Add(window,
                 wxSizerFlags(proportion).Expand().Border(wxLEFT | wxRIGHT | wxTOP, Gap(this)));
}

wxStaticText* FundPanel::AddText(const wxString& text, bool bold)
{
    wxStaticText* label = MakeText(this, text);
    if (bold)
    {
        label->SetFont(label->GetFont().Bold());
    }
    Add(label);
    return label;
}

void FundPanel::Relayout()
{
    Layout();
    FitInside();
}

// ---- Raw and adjusted ----------------------------------------------------------------------

SensitivityPanel::SensitivityPanel(wxWindow* parent) : FundPanel(parent)
{
    AddText(_("The ranking by the plain mean (raw) beside the ranking adjusted for members who "
              "score generally higher or lower than the rest (their leniency). Both are always "
              "shown; a bid whose funding changes between them deserves a second look."));
    m_basis = AddText(wxString());
    m_changes = AddText(wxString(), true);
    m_list = MakeList(this, _("Raw and adjusted ranks"),
                      {{_("Bid")},
                       {_("Organisation")},
                       {_("Raw rank"), true},
                       {_("Adjusted rank"), true},
                       {_("Moved")},
                       {_("Mean"), true},
                       {_("Adjusted score"), true},
                       {_("Funding now")}});
    Add(m_list);
}

void SensitivityPanel::ShowFund(const RoundData& round, const ReconcileResult& result, Key fund)
{
    m_list->DeleteAllItems();
    const FundResult* fr = FindFundResult(result, fund);
    if (fr == nullptr)
    {
        return;
    }
    SetWrappedLabel(
        m_basis,
        wxString::Format(_("The fund is ranked by the %s (the round's policy)."),
                         result.basis_used == RankBasis::Mean       ? _("mean")
                         : result.basis_used == RankBasis::Adjusted ? _("adjusted score")
                         : result.basis_used == RankBasis::Median   ? _("median")
                         : result.basis_used == RankBasis::Olympic  ? _("Olympic mean")
                                                                    : _("z-normalised mean")) +
            (result.basis_note.empty() ? wxString() : " " + ToWx(result.basis_note)));
    if (fr->status_changes.empty())
    {
        SetWrappedLabel(m_changes,
                        _("No bid's funding changes between the raw and the adjusted ranking."));
    }
    else
    {
        wxString text =
            wxString::Format(_("Funding changes between the raw and the adjusted ranking for %s."),
                             BidRefsText(round, fr->status_changes));
        for (Key bid : fr->status_changes)
        {
            const BidResult* b = FindBidResult(result, bid);
            if (b == nullptr ||
                (result.basis_used != RankBasis::Mean && result.basis_used != RankBasis::Adjusted))
            {
                continue;
            }
            const bool raw_funded = result.basis_used == RankBasis::Mean ? b->funded : !b->funded;
            text << " "
                 << wxString::Format(raw_funded ? _("%s is funded on the raw ranking, not on the "
                                                    "adjusted one.")
                                                : _("%s is funded on the adjusted ranking, not "
                                                    "on the raw one."),
                                     BidRefText(round, bid));
        }
        SetWrappedLabel(m_changes, text);
    }
    std::vector<ListRow> rows;
    for (const BidResult& b : fr->bids)
    {
        const Bid* bid = FindRoundBid(round, b.bid);
        wxString moved = _("same place");
        if (b.raw_rank > 0 && b.adjusted_rank > 0 && b.raw_rank != b.adjusted_rank)
        {
            moved = b.adjusted_rank < b.raw_rank
                        ? wxString::Format(_("up %d"), b.raw_rank - b.adjusted_rank)
                        : wxString::Format(_("down %d"), b.adjusted_rank - b.raw_rank);
        }
        const bool changes = std::find(fr->status_changes.begin(), fr->status_changes.end(),
                                       b.bid) != fr->status_changes.end();
        wxVector<wxVariant> row;
        row.push_back(BidRefText(round, b.bid));
        row.push_back(bid != nullptr ? ToWx(bid->organisation) : wxString());
        row.push_back(b.raw_rank > 0 ? wxString::Format("%d", b.raw_rank) : wxString("—"));
        row.push_back(b.adjusted_rank > 0 ? wxString::Format("%d", b.adjusted_rank)
                                          : wxString("—"));
        row.push_back(moved);
        row.push_back(PointsText(b.figures.mean));
        row.push_back(PointsText(b.adjusted));
        row.push_back((b.funded ? _("Funded") : _("Not funded")) +
                      (changes ? _(" (changes)") : wxString()));
        rows.push_back({row, 0});
    }
    ReplaceRows(m_list, rows);
    SetRows(m_list, static_cast<int>(fr->bids.size()));
    Relayout();
}

// ---- How sure --------------------------------------------------------------------------------

CertaintyPanel::CertaintyPanel(wxWindow* parent, std::function<void(bool)> set_snsf)
    : FundPanel(parent), m_set_snsf(std::move(set_snsf))
{
    AddText(_("How sure is the ranking? The panel is resampled member by member many times; "
              "\"likely rank\" is where the bid lands in the middle half of those resamples, "
              "\"range\" in 90% of them, and \"chance funded\" how often it falls above the "
              "funding line."));
    m_snsf = new wxCheckBox(this, wxID_ANY,
                            _("&SNSF mode: Bayesian ranking with a lottery band at the funding "
                              "line (Heyard et al. 2022)"));
    m_snsf->Bind(wxEVT_CHECKBOX,
                 [this](wxCommandEvent& event)
                 {
                     if (m_set_snsf)
                     {
                         m_set_snsf(event.IsChecked());
                     }
                 });
    Add(m_snsf);
    m_band = AddText(wxString(), true);
    m_list = new wxDataViewListCtrl(this, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                                    wxDV_ROW_LINES | wxDV_SINGLE | wxDV_VERT_RULES);
    SetAccessibleName(m_list, _("How sure the ranking is"));
    BuildColumns(false);
    Add(m_list);
}

void CertaintyPanel::BuildColumns(bool snsf)
{
    m_list->DeleteAllItems();
    m_list->ClearColumns();
    const auto column = [this](const wxString& title, bool right)
    {
        m_list->AppendTextColumn(title, wxDATAVIEW_CELL_INERT, wxCOL_WIDTH_AUTOSIZE,
                                 right ? wxALIGN_RIGHT : wxALIGN_LEFT, wxDATAVIEW_COL_RESIZABLE);
    };
    column(_("Bid"), false);
    column(_("Rank"), true);
    column(_("Likely rank"), true);
    column(_("Range (90%)"), true);
    column(_("Chance funded"), true);
    if (snsf)
    {
        column(_("Expected rank"), true);
        column(_("50% credible interval"), true);
        column(_("SNSF group"), false);
    }
    m_columns_snsf = snsf;
}

void CertaintyPanel::ShowFund(const RoundData& round, const ReconcileResult& result, Key fund)
{
    const bool snsf = round.policy.snsf_mode;
    m_snsf->SetValue(snsf);
    if (snsf != m_columns_snsf || m_list->GetColumnCount() == 0)
    {
        BuildColumns(snsf);
    }
    m_list->DeleteAllItems();
    const FundResult* fr = FindFundResult(result, fund);
    if (fr == nullptr)
    {
        return;
    }
    const auto group_text = [](const std::string& group)
    {
        return group == "accepted"   ? _("Funded")
               : group == "lottery"  ? _("Lottery band")
               : group == "rejected" ? _("Not funded")
                                     : ToWx(group);
    };
    std::vector<Key> band;
    std::vector<ListRow> rows;
    for (const BidResult& b : fr->bids)
    {
        wxVector<wxVariant> row;
        row.push_back(BidRefText(round, b.bid));
        row.push_back(RankText(b));
        row.push_back(IntervalText(b.rank_ci50));
        row.push_back(IntervalText(b.rank_ci90));
        row.push_back(PercentText(b.p_funded));
        if (snsf)
        {
            const auto it = std::find_if(fr->bayes.begin(), fr->bayes.end(),
                                         [&](const BayesBid& x) { return x.bid == b.bid; });
            if (it != fr->bayes.end())
            {
                row.push_back(Decimal(it->expected_rank, 1));
                row.push_back(IntervalText(it->ci50));
                row.push_back(group_text(it->group));
                if (it->group == "lottery")
                {
                    band.push_back(b.bid);
                }
            }
            else
            {
                row.push_back("—");
                row.push_back("—");
                row.push_back(_("not ranked"));
            }
        }
        rows.push_back({row, 0});
    }
    ReplaceRows(m_list, rows);
    if (!snsf)
    {
        SetWrappedLabel(m_band, _("SNSF mode is off. Turning it on changes the round's policy and "
                                  "is recorded in the audit log."));
    }
    else if (fr->bayes.empty())
    {
        SetWrappedLabel(m_band, _("SNSF mode is on, but no bid in this fund has a Bayesian ranking "
                                  "yet (too few scores)."));
    }
    else
    {
        wxString text =
            band.empty()
                ? _("SNSF mode: no bid's 50% interval contains the funding line, so there is no "
                    "lottery band.")
                : wxString::Format(_("SNSF mode: the lottery band is %s. Their 50%% credible "
                                     "intervals contain the funding line, so the panel cannot "
                                     "tell them apart: the remaining places may be drawn by "
                                     "lottery."),
                                   BidRefsText(round, band));
        if (fr->bayes_mc_error)
        {
            text << " "
                 << wxString::Format(_("Monte-Carlo error of the expected ranks: %s."),
                                     Decimal(*fr->bayes_mc_error, 3));
        }
        SetWrappedLabel(m_band, text);
    }
    SetRows(m_list, static_cast<int>(fr->bids.size()));
    Relayout();
}

// ---- Equal voice -----------------------------------------------------------------------------

VoicePanel::VoicePanel(wxWindow* parent) : FundPanel(parent)
{
    AddText(_("Did every voice count equally? The mean total each voice gave, how generous each "
              "voice is compared with the panel, and what would be funded if only one voice's "
              "scores counted."));
    m_what_if = AddText(wxString(), true);
    m_voices = MakeList(this, _("Voices"),
                        {{_("Voice")},
                         {_("Scoring members"), true},
                         {_("Mean total given"), true},
                         {_("Leniency (points)"), true}});
    Add(m_voices);
    m_bids = MakeList(this, _("Means by voice"),
                      {{_("Bid")},
                       {_("Lived experience"), true},
                       {_("Councillors"), true},
                       {_("Professionals"), true},
                       {_("Gap (lived exp. \u2212 councillors)"), true}});
    Add(m_bids);
}

void VoicePanel::ShowFund(const RoundData& round, const ReconcileResult& result, Key fund)
{
    m_voices->DeleteAllItems();
    m_bids->DeleteAllItems();
    const FundResult* fr = FindFundResult(result, fund);
    if (fr == nullptr)
    {
        return;
    }
    wxString what_if;
    for (const VoiceFundedSet& set : result.equal_voice.voices)
    {
        wxString sentence;
        const std::vector<Key> gained = OnlyInFund(*fr, set.gained);
        const std::vector<Key> lost = OnlyInFund(*fr, set.lost);
        if (set.members == 0)
        {
            sentence = wxString::Format(_("No %s score in this round."), VoiceMembers(set.voice));
        }
        else if (gained.empty() && lost.empty())
        {
            sentence = wxString::Format(_("If only %s had scored, the same bids would be "
                                          "funded."),
                                        VoiceMembers(set.voice));
        }
        else
        {
            sentence = wxString::Format(_("If only %s had scored:"), VoiceMembers(set.voice));
            if (!gained.empty())
            {
                sentence << " "
                         << wxString::Format(_("%s would be funded"), BidRefsText(round, gained));
            }
            if (!lost.empty())
            {
                sentence << (gained.empty() ? " " : _("; "))
                         << wxString::Format(_("%s would not be funded"), BidRefsText(round, lost));
            }
            sentence << ".";
        }
        what_if << (what_if.empty() ? "" : "\n") << sentence;

        wxVector<wxVariant> row;
        row.push_back(VoiceText(set.voice));
        row.push_back(wxString::Format("%d", set.members));
        row.push_back(PointsText(set.mean_total));
        row.push_back(set.mean_leniency ? SignedPoints(*set.mean_leniency) : wxString("—"));
        m_voices->AppendItem(row);
    }
    SetWrappedLabel(m_what_if, what_if);
    std::vector<ListRow> rows;
    for (const BidResult& b : fr->bids)
    {
        wxVector<wxVariant> row;
        row.push_back(BidRefText(round, b.bid));
        for (Voice voice : kVoices)
        {
            const VoiceFigures& v = b.voices[static_cast<std::size_t>(voice)];
            row.push_back(v.mean ? wxString::Format("%s (%d)", PointsText(v.mean), v.n)
                                 : wxString("—"));
        }
        const auto& lived = b.voices[static_cast<std::size_t>(Voice::LivedExperience)].mean;
        const auto& councillors = b.voices[static_cast<std::size_t>(Voice::Councillors)].mean;
        row.push_back(lived && councillors ? SignedPoints(*lived - *councillors) : wxString("—"));
        rows.push_back({row, 0});
    }
    ReplaceRows(m_bids, rows);
    SetRows(m_voices, kVoiceCount);
    SetRows(m_bids, static_cast<int>(fr->bids.size()));
    Relayout();
}

// ---- Reliability -----------------------------------------------------------------------------

wxString AlphaSentence(std::optional<double> alpha)
{
    if (!alpha)
    {
        return _("Krippendorff's alpha: not available (too few bids with two or more totals).");
    }
    wxString meaning;
    if (*alpha >= 0.8)
    {
        meaning = _("members agree well on how strong each bid is.");
    }
    else if (*alpha >= 0.667)
    {
        meaning = _("members agree fairly well on how strong each bid is; treat close calls "
                    "with care.");
    }
    else if (*alpha >= 0.4)
    {
        meaning = _("members agree only moderately on how strong each bid is; the flags show "
                    "where to talk.");
    }
    else
    {
        meaning = _("members agree little on how strong each bid is; the flags show where to "
                    "talk.");
    }
    return wxString::Format(_("Krippendorff's alpha %s (1 is full agreement, 0 no better than "
                              "chance): %s"),
                            Decimal(*alpha), meaning);
}

wxString IccSentence(const std::vector<IccValue>& icc)
{
    const auto single = std::find_if(icc.begin(), icc.end(),
                                     [](const IccValue& v) { return v.name == "ICC(2,1)"; });
    const auto average = std::find_if(icc.begin(), icc.end(),
                                      [](const IccValue& v) { return v.name == "ICC(2,k)"; });
    if (single == icc.end() || average == icc.end())
    {
        return _("ICC: not available, because not every member scored every bid in this fund "
                 "(it needs a complete table).");
    }
    return wxString::Format(
        _("ICC(2,1) %s (95%% interval %s to %s): how closely one member's totals match "
          "another's. ICC(2,k) %s: how far the panel's mean would hold up with a different "
          "panel of the same size."),
        Decimal(single->value), Decimal(single->ci_lo), Decimal(single->ci_hi),
        Decimal(average->value));
}

wxString KendallSentence(const std::optional<KendallW>& w)
{
    if (!w)
    {
        return _("Kendall's W: not available, because not every member scored every bid in "
                 "this fund.");
    }
    return wxString::Format(_("Kendall's W %s (p = %s): how far members put the bids in the "
                              "same order, from 0 (no agreement) to 1 (the same order for "
                              "everyone)."),
                            Decimal(w->w), Decimal(w->p, 3));
}

ReliabilityPanel::ReliabilityPanel(wxWindow* parent) : FundPanel(parent)
{
    AddText(_("How well does the panel agree on this fund's bids? These figures describe the "
              "panel; they are never a reason to discard anyone's scores."));
    m_alpha = AddText(wxString());
    m_icc = AddText(wxString());
    m_kendall = AddText(wxString());
}

void ReliabilityPanel::ShowFund(const RoundData& /*round*/, const ReconcileResult& result, Key fund)
{
    const FundResult* fr = FindFundResult(result, fund);
    if (fr == nullptr)
    {
        return;
    }
    SetWrappedLabel(m_alpha, AlphaSentence(fr->reliability.alpha.interval));
    SetWrappedLabel(m_icc, IccSentence(fr->reliability.icc));
    SetWrappedLabel(m_kendall, KendallSentence(fr->reliability.kendall_w));
    Relayout();
}

} // namespace coscore::forms
