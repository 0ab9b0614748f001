// SPDX-License-Identifier: MIT
#include <coscore/forms/bid_detail.hpp>
#include <coscore/forms/budget_bar.hpp>
#include <coscore/forms/decision_dialog.hpp>
#include <coscore/forms/export_dialog.hpp>
#include <coscore/forms/layout.hpp>
#include <coscore/forms/lock_dialog.hpp>
#include <coscore/forms/meeting_page.hpp>
#include <coscore/forms/meeting_panels.hpp>
#include <coscore/forms/moderation_dialog.hpp>
#include <coscore/forms/string_convert.hpp>
#include <coscore/forms/text_scale.hpp>
#include <coscore/forms/tie_break_dialog.hpp>

#include <wx/button.h>
#include <wx/checkbox.h>
#include <wx/choice.h>
#include <wx/dataview.h>
#include <wx/notebook.h>
#include <wx/settings.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/tglbtn.h>
#include <wx/wrapsizer.h>

#ifdef __WXGTK__
#include <gtk/gtk.h>
#endif

#include <algorithm>
#include <array>

namespace coscore::forms
{

using namespace scoring;

namespace
{

// The meeting's own text size on top of the window's, for reading from the back of a room.
constexpr double kProjectorScale = 1.4;

// Columns a projector view leaves out, so that what the room decides on fits the wall without
// scrolling sideways; the details stay one click away in the ordinary view.
constexpr std::array<MeetingColumn, 8> kSecondaryColumns{
    MeetingColumn::Requested,       MeetingColumn::N,
    MeetingColumn::Median,          MeetingColumn::Sd,
    MeetingColumn::LivedExperience, MeetingColumn::Councillors,
    MeetingColumn::Professionals,   MeetingColumn::RankInterval};

// Long text columns keep to about this many characters and end in "…" (fewer on a projector);
// the whole text is in the bid's details and is what a screen reader reads.
constexpr int kOrganisationChars = 26;
constexpr int kFlagsChars = 30;
constexpr int kProjectorTextChars = 20;
// Autosized columns measure every row: nothing for a real round, seconds for 10,000 bids. Past
// this many rows each column is as wide as its heading or its usual content instead.
constexpr std::size_t kMeasuredRows = 500;

int UsualChars(MeetingColumn column)
{
    switch (column)
    {
    case MeetingColumn::Award:
        return 17; // "Skipped: too big", "Tied at the line"
    case MeetingColumn::Decision:
        return 20;
    case MeetingColumn::Requested:
    case MeetingColumn::Cumulative:
    case MeetingColumn::Bid:
        return 11;
    case MeetingColumn::RankInterval:
        return 9;
    default:
        return 6;
    }
}

std::size_t At(MeetingColumn column)
{
    return static_cast<std::size_t>(column);
}

} // namespace

/// The ranked list's rows: text from the MeetingView, numeric sorting, and the funding line
/// row kept where it falls when the list is in rank order.
class MeetingListModel : public wxDataViewIndexListModel
{
public:
    void SetRows(std::vector<MeetingRow> rows)
    {
        m_rows = std::move(rows);
        Reset(static_cast<unsigned>(m_rows.size()));
    }
    const MeetingRow* Row(const wxDataViewItem& item) const
    {
        if (!item.IsOk())
        {
            return nullptr;
        }
        const unsigned row = GetRow(item);
        return row < m_rows.size() ? &m_rows[row] : nullptr;
    }
    wxDataViewItem ItemOf(Key bid) const
    {
        for (std::size_t i = 0; i < m_rows.size(); ++i)
        {
            if (!m_rows[i].is_line && m_rows[i].bid == bid)
            {
                return GetItem(static_cast<unsigned>(i));
            }
        }
        return {};
    }

    void GetValueByRow(wxVariant& variant, unsigned row, unsigned col) const override
    {
        variant =
            row < m_rows.size() && col < kMeetingColumnCount ? m_rows[row].text[col] : wxString();
    }
    bool SetValueByRow(const wxVariant&, unsigned, unsigned) override { return false; }
    bool GetAttrByRow(unsigned row, unsigned, wxDataViewItemAttr& attr) const override
    {
        if (row >= m_rows.size())
        {
            return false;
        }
        const MeetingRow& r = m_rows[row];
        if (r.is_line)
        {
            // The funding line stands out as a band in the theme's tooltip colours (not the
            // selection's, which a selected bid uses).
            attr.SetBold(true);
            attr.SetBackgroundColour(wxSystemSettings::GetColour(wxSYS_COLOUR_INFOBK));
            attr.SetColour(wxSystemSettings::GetColour(wxSYS_COLOUR_INFOTEXT));
            return true;
        }
        if (r.tied_at_line || r.hidden)
        {
            attr.SetItalic(true);
            attr.SetBold(r.tied_at_line);
            return true;
        }
        return false;
    }
    int Compare(const wxDataViewItem& item1, const wxDataViewItem& item2, unsigned column,
                bool ascending) const override
    {
        const MeetingRow* a = Row(item1);
        const MeetingRow* b = Row(item2);
        if (a == nullptr || b == nullptr || column >= kMeetingColumnCount)
        {
            return 0;
        }
        const auto c = static_cast<MeetingColumn>(column);
        // Out of rank order the funding line means nothing: it sinks to the end (the page then
        // removes it).
        if ((a->is_line || b->is_line) && !KeepsRankOrder(c))
        {
            return a->is_line == b->is_line ? 0 : (a->is_line ? 1 : -1);
        }
        int result = 0;
        if (IsNumericColumn(c))
        {
            const auto& x = a->number[column];
            const auto& y = b->number[column];
            if (!x || !y)
            {
                // Rows without a figure go last whichever way the list is sorted.
                if (x.has_value() != y.has_value())
                {
                    return x ? -1 : 1;
                }
            }
            else if (*x != *y)
            {
                result = *x < *y ? -1 : 1;
            }
        }
        else
        {
            result = a->text[column].CmpNoCase(b->text[column]);
        }
        if (result == 0)
        {
            result = a->position == b->position ? (a->is_line   ? -1
                                                   : b->is_line ? 1
                                                                : 0)
                                                : (a->position < b->position ? -1 : 1);
            return result; // ties keep the rank order in both directions
        }
        return ascending ? result : -result;
    }

private:
    std::vector<MeetingRow> m_rows;
};

MeetingPage::MeetingPage(wxWindow* parent, core::Workspace& workspace, CommandHistory& history,
                         MeetingLoad load)
    : wxPanel(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxTAB_TRAVERSAL, "meeting_page"),
      m_workspace(workspace), m_history(history)
{
    m_subscription =
        m_workspace.Subscribe([this](const core::ChangeEvent& event) { OnChange(event); });
    m_stale = true;
    if (load == MeetingLoad::Now)
    {
        CatchUp();
    }
}

MeetingPage::~MeetingPage()
{
    if (m_list != nullptr)
    {
        m_list->AssociateModel(nullptr);
    }
}

// ---- Building ---------------------------------------------------------------------------------

void MeetingPage::BuildContent()
{
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(BuildTopRow(), wxSizerFlags().Expand().Border(wxLEFT | wxTOP, Gap(this)));
    m_budget = new BudgetBar(this);
    sizer->Add(m_budget, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT | wxTOP, Gap(this)));
    m_state = MakeText(this, wxString());
    m_state->SetFont(m_state->GetFont().Bold());
    sizer->Add(m_state, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT | wxTOP, Gap(this)));
    auto* tie_row = new wxBoxSizer(wxHORIZONTAL);
    m_tie_text = MakeText(this, wxString());
    m_tie_text->SetFont(m_tie_text->GetFont().Bold());
    tie_row->Add(m_tie_text, wxSizerFlags(1).CenterVertical());
    m_tie = new wxButton(this, wxID_ANY, _("Break the &tie..."));
    m_tie->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { BreakTie(); });
    tie_row->Add(m_tie, wxSizerFlags().CenterVertical().Border(wxLEFT, Gap(this)));
    sizer->Add(tie_row, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT | wxTOP, Gap(this)));

    m_list = new wxDataViewCtrl(this, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                                wxDV_ROW_LINES | wxDV_SINGLE | wxDV_VERT_RULES);
    m_model = new MeetingListModel;
    m_list->AssociateModel(m_model);
    m_model->DecRef(); // the list owns it now
    for (std::size_t i = 0; i < kMeetingColumnCount; ++i)
    {
        const auto column = static_cast<MeetingColumn>(i);
        wxDataViewColumn* added = m_list->AppendTextColumn(
            MeetingColumnTitle(column), static_cast<unsigned>(i), wxDATAVIEW_CELL_INERT,
            wxCOL_WIDTH_AUTOSIZE, IsNumericColumn(column) ? wxALIGN_RIGHT : wxALIGN_LEFT,
            wxDATAVIEW_COL_RESIZABLE | wxDATAVIEW_COL_SORTABLE);
        // Autosized columns must not shrink into "…"; only the long text columns are cut.
        if (column == MeetingColumn::Organisation || column == MeetingColumn::Flags)
        {
            added->GetRenderer()->EnableEllipsize(wxELLIPSIZE_END);
        }
        else
        {
            added->GetRenderer()->DisableEllipsize();
        }
    }
    SetAccessibleName(m_list, _("Ranked bids"));
    m_list->Bind(wxEVT_DATAVIEW_SELECTION_CHANGED, &MeetingPage::OnSelection, this);
    m_list->Bind(wxEVT_DATAVIEW_COLUMN_SORTED, &MeetingPage::OnSorted, this);
    m_list->Bind(wxEVT_DATAVIEW_ITEM_ACTIVATED,
                 [this](wxDataViewEvent&)
                 {
                     m_details->SetSelection(0);
                     m_detail->SetFocus();
                 });
    sizer->Add(m_list, wxSizerFlags(1).Expand().Border(wxLEFT | wxRIGHT | wxTOP, Gap(this)));
    m_count = MakeText(this, wxString());
    sizer->Add(m_count, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT, Gap(this)));
    sizer->Add(BuildButtonRow(),
               wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT | wxTOP, Gap(this)));
    BuildDetails();
    sizer->Add(m_details, wxSizerFlags(1).Expand().Border(wxALL, Gap(this)));
    SetSizer(sizer);
}

wxSizer* MeetingPage::BuildTopRow()
{
    // The controls wrap onto a second line when the text is large (projector view, 200%).
    auto* row = new wxWrapSizer(wxHORIZONTAL);
    const auto item = wxSizerFlags().CenterVertical().Border(wxRIGHT | wxBOTTOM, BigGap(this));
    const auto labelled = [&](const wxString& text, wxChoice*& choice)
    {
        // A label and its choice stay on one line together.
        auto* pair = new wxBoxSizer(wxHORIZONTAL);
        auto* label = new wxStaticText(this, wxID_ANY, text);
        pair->Add(label, wxSizerFlags().CenterVertical().Border(wxRIGHT, Gap(this) / 2));
        choice = new wxChoice(this, wxID_ANY);
        LinkLabel(label, choice);
        pair->Add(choice, wxSizerFlags().CenterVertical());
        row->Add(pair, item);
    };
    labelled(_("F&und:"), m_fund_choice);
    labelled(_("&Chairing:"), m_actor_choice);
    labelled(_("Sort &by:"), m_sort_choice);
    for (std::size_t i = 0; i < kMeetingColumnCount; ++i)
    {
        m_sort_choice->Append(MeetingColumnTitle(static_cast<MeetingColumn>(i)));
    }
    m_sort_choice->SetSelection(0);
    m_sort_choice->Bind(wxEVT_CHOICE, [this](wxCommandEvent& event)
                        { SortBy(static_cast<MeetingColumn>(event.GetSelection())); });
    m_flagged = new wxCheckBox(this, wxID_ANY, _("Fla&gged only"));
    m_near = new wxCheckBox(this, wxID_ANY, _("&Near the line"));
    row->Add(m_flagged, item);
    row->Add(m_near, item);
    m_projector_button = new wxToggleButton(this, wxID_ANY, _("&Projector view"));
    row->Add(m_projector_button, item);
    m_fund_choice->Bind(wxEVT_CHOICE,
                        [this](wxCommandEvent& event)
                        {
                            const auto& funds = GetRound().funds;
                            const auto at = static_cast<std::size_t>(event.GetSelection());
                            if (at < funds.size())
                            {
                                SetFund(funds[at].key);
                            }
                        });
    m_actor_choice->Bind(wxEVT_CHOICE, [this](wxCommandEvent& event)
                         { SetActor(static_cast<std::size_t>(event.GetSelection())); });
    const auto filter = [this](wxCommandEvent&)
    { SetFilter(m_flagged->GetValue(), m_near->GetValue()); };
    m_flagged->Bind(wxEVT_CHECKBOX, filter);
    m_near->Bind(wxEVT_CHECKBOX, filter);
    m_projector_button->Bind(wxEVT_TOGGLEBUTTON, [this](wxCommandEvent& event)
                             { SetProjectorMode(event.IsChecked()); });
    return row;
}

wxSizer* MeetingPage::BuildButtonRow()
{
    auto* row = new wxBoxSizer(wxHORIZONTAL);
    const auto button = [&](const wxString& label, void (MeetingPage::*action)())
    {
        auto* b = new wxButton(this, wxID_ANY, label);
        b->Bind(wxEVT_BUTTON, [this, action](wxCommandEvent&) { (this->*action)(); });
        row->Add(b, wxSizerFlags().Border(wxRIGHT, Gap(this)));
        return b;
    };
    m_moderate = button(_("M&oderate a score..."), &MeetingPage::ModerateSelected);
    m_decide = button(_("&Decide..."), &MeetingPage::DecideSelected);
    row->AddStretchSpacer();
    m_lock = button(_("&Lock the fund..."), &MeetingPage::LockCurrentFund);
    m_unlock = button(_("Unloc&k the fund..."), &MeetingPage::UnlockCurrentFund);
    m_export = button(_("E&xport..."), &MeetingPage::ExportRound);
    return row;
}

void MeetingPage::BuildDetails()
{
    m_details = new wxNotebook(this, wxID_ANY);
    SetAccessibleName(m_details, _("Details"));
    m_detail = new BidDetailPanel(m_details);
    m_sensitivity = new SensitivityPanel(m_details);
    m_certainty =
        new CertaintyPanel(m_details,
                           [this](bool on)
                           {
                               Policy before = GetRound().policy;
                               Policy after = before;
                               after.snsf_mode = on;
                               Submit(
                                   on ? _("Turn on SNSF mode") : _("Turn off SNSF mode"),
                                   [after](core::Workspace& ws) { ws.SetPolicy(after); },
                                   [before](core::Workspace& ws) { ws.SetPolicy(before); });
                           });
    m_voices = new VoicePanel(m_details);
    m_reliability = new ReliabilityPanel(m_details);
    m_details->AddPage(m_detail, _("Bid"));
    m_details->AddPage(m_sensitivity, _("Raw and adjusted"));
    m_details->AddPage(m_certainty, _("How sure"));
    m_details->AddPage(m_voices, _("Equal voice"));
    m_details->AddPage(m_reliability, _("Reliability"));
}

void MeetingPage::FillFunds()
{
    m_fund_choice->Clear();
    for (const Fund& fund : GetRound().funds)
    {
        m_fund_choice->Append(ToWx(fund.name));
    }
}

void MeetingPage::FillActors()
{
    m_actors.clear();
    m_actor_choice->Clear();
    // Chairs first, then co-chairs and deputies: a conflicted chair hands over to the deputy.
    for (ChairRole role : {ChairRole::Chair, ChairRole::CoChair, ChairRole::Deputy})
    {
        for (const Member& member : GetRound().members)
        {
            if (member.chair != role)
            {
                continue;
            }
            const wxString what = role == ChairRole::Chair     ? _("chair")
                                  : role == ChairRole::CoChair ? _("co-chair")
                                                               : _("deputy chair");
            m_actors.push_back({member.key, ToWx(member.name) + " (" + what + ")"});
        }
    }
    m_actors.push_back({std::nullopt, _("The grants officer")});
    for (const MeetingActor& actor : m_actors)
    {
        m_actor_choice->Append(actor.label);
    }
    m_actor = 0;
    m_actor_choice->SetSelection(0);
}

// ---- State --------------------------------------------------------------------------------------

const Bid* MeetingPage::FindBid(Key bid) const
{
    return FindRoundBid(GetRound(), bid);
}

const Fund* MeetingPage::FindFund(Key fund) const
{
    return FindRoundFund(GetRound(), fund);
}

std::optional<Key> MeetingPage::ActingMember() const
{
    return m_actor < m_actors.size() ? m_actors[m_actor].member : std::nullopt;
}

core::Actor MeetingPage::GetCoreActor() const
{
    const auto member = ActingMember();
    if (!member)
    {
        return core::CurrentOfficer();
    }
    const Member* found = FindRoundMember(GetRound(), *member);
    return {found != nullptr ? found->ref : std::to_string(*member), false};
}

void MeetingPage::SetFund(Key fund)
{
    if (FindFund(fund) == nullptr)
    {
        return;
    }
    if (fund != m_fund)
    {
        m_selected.reset();
    }
    m_fund = fund;
    const auto& funds = GetRound().funds;
    for (std::size_t i = 0; i < funds.size(); ++i)
    {
        if (funds[i].key == fund)
        {
            m_fund_choice->SetSelection(static_cast<int>(i));
        }
    }
    ShowView();
}

void MeetingPage::SetActor(std::size_t index)
{
    if (index >= m_actors.size())
    {
        return;
    }
    m_actor = index;
    m_actor_choice->SetSelection(static_cast<int>(index));
    ShowView();
}

void MeetingPage::SetFilter(bool flagged_only, bool near_line_only)
{
    m_flagged->SetValue(flagged_only);
    m_near->SetValue(near_line_only);
    ShowView();
}

void MeetingPage::SortBy(MeetingColumn column)
{
    const bool ascending = !IsNumericColumn(column) || column == MeetingColumn::Rank ||
                           column == MeetingColumn::RankInterval;
    m_sort = column;
    m_sort_choice->SetSelection(static_cast<int>(At(column)));
#ifdef __WXGTK__
    // wxDataViewColumn::SetSortOrder only moves the arrow on GTK; the model sorts when its
    // sort column is set, as a click on the heading does.
    GtkTreeModel* model = gtk_tree_view_get_model(GTK_TREE_VIEW(m_list->GtkGetTreeView()));
    gtk_tree_sortable_set_sort_column_id(GTK_TREE_SORTABLE(model), static_cast<gint>(At(column)),
                                         ascending ? GTK_SORT_ASCENDING : GTK_SORT_DESCENDING);
#else
    m_list->GetColumn(static_cast<unsigned>(At(column)))->SetSortOrder(ascending);
#endif
    ShowView();
}

std::vector<Key> MeetingPage::GetShownOrder() const
{
    std::vector<Key> order;
    const auto add = [&](const wxDataViewItem& item)
    {
        if (const MeetingRow* row = m_model->Row(item))
        {
            order.push_back(row->is_line ? 0 : row->bid);
        }
    };
#ifdef __WXGTK__
    // The sorted order lives in the tree view's model; each iterator carries its item's id.
    GtkTreeModel* model = gtk_tree_view_get_model(GTK_TREE_VIEW(m_list->GtkGetTreeView()));
    GtkTreeIter iter;
    for (gboolean more = gtk_tree_model_get_iter_first(model, &iter); more;
         more = gtk_tree_model_iter_next(model, &iter))
    {
        add(wxDataViewItem(iter.user_data));
    }
#else
    wxDataViewItemArray items;
    m_model->GetChildren(wxDataViewItem(), items);
    for (const wxDataViewItem& item : items)
    {
        add(item);
    }
#endif
    return order;
}

void MeetingPage::SelectBid(Key bid)
{
    m_selected = bid;
    const wxDataViewItem item = m_model->ItemOf(bid);
    if (item.IsOk())
    {
        m_list->Select(item);
        m_list->EnsureVisible(item);
    }
    else
    {
        m_list->UnselectAll();
    }
    ShowSelectedBid();
    UpdateButtons();
}

void MeetingPage::SetProjectorMode(bool on)
{
    if (on == m_projector)
    {
        return;
    }
    m_projector = on;
    m_projector_button->SetValue(on);
    ScaleFonts(this, on ? kProjectorScale : 1.0 / kProjectorScale);
    m_details->Show(!on);
    UpdateColumns();
    RewrapAll(this);
    Layout();
}

void MeetingPage::UpdateColumns()
{
    std::vector<bool> hidden(kMeetingColumnCount, false);
    if (m_projector)
    {
        for (MeetingColumn column : kSecondaryColumns)
        {
            hidden[At(column)] = true;
        }
    }
    // A voice with no scoring member has no means to show.
    int professionals = 0;
    for (const Member& member : GetRound().members)
    {
        professionals += member.scores && VoiceOf(member.role) == Voice::Professionals ? 1 : 0;
    }
    hidden[At(MeetingColumn::Professionals)] =
        hidden[At(MeetingColumn::Professionals)] || professionals == 0;
    for (std::size_t i = 0; i < kMeetingColumnCount; ++i)
    {
        wxDataViewColumn* column = m_list->GetColumn(static_cast<unsigned>(i));
        if (column->IsHidden() != hidden[i])
        {
            column->SetHidden(hidden[i]);
        }
        // Size again: the text size or the rows may have changed.
        const auto which = static_cast<MeetingColumn>(i);
        column->SetWidth(
            which == MeetingColumn::Organisation
                ? m_list->GetCharWidth() * (m_projector ? kProjectorTextChars : kOrganisationChars)
            : which == MeetingColumn::Flags
                ? m_list->GetCharWidth() * (m_projector ? kProjectorTextChars : kFlagsChars)
            : m_view.rows.size() > kMeasuredRows
                ? m_list->GetCharWidth() *
                      (std::max(UsualChars(which),
                                static_cast<int>(MeetingColumnTitle(which).length())) +
                       2)
                : wxCOL_WIDTH_AUTOSIZE);
    }
}

// ---- Showing
// --------------------------------------------------------------------------------------

void MeetingPage::Reload()
{
    m_reconciler = std::make_unique<Reconciler>(m_workspace.LoadRound());
}

void MeetingPage::ReloadAll()
{
    Reload();
    FillFunds();
    const std::size_t actor = m_actor;
    FillActors();
    m_actor = std::min(actor, m_actors.size() - 1);
    m_actor_choice->SetSelection(static_cast<int>(m_actor));
    if (FindFund(m_fund) == nullptr)
    {
        m_fund = GetRound().funds.empty() ? 0 : GetRound().funds.front().key;
    }
    SetFund(m_fund);
}

void MeetingPage::CatchUp()
{
    if (m_list == nullptr)
    {
        BuildContent();
        // The window's text size was applied before these controls existed.
        ScaleFonts(this, TextScaleOf(this));
    }
    if (m_stale)
    {
        m_stale = false;
        ReloadAll();
    }
}

void MeetingPage::ShowView()
{
    if (m_fund == 0)
    {
        return;
    }
    m_locked = m_workspace.IsFundLocked(m_fund);
    MeetingFilter filter;
    filter.flagged_only = m_flagged->GetValue();
    filter.near_line_only = m_near->GetValue();
    filter.line_row = KeepsRankOrder(m_sort);
    m_view = BuildMeetingView(GetRound(), GetResult(), m_fund, filter, ActingMember(), m_locked);
    // Widths first: a large list must never be measured row by row.
    UpdateColumns();
    m_model->SetRows(m_view.rows);
    if (const FundResult* fr = FindFundResult(GetResult(), m_fund))
    {
        m_budget->SetBudget(*fr, m_view.budget_text);
    }
    int shown = 0;
    for (const MeetingRow& row : m_view.rows)
    {
        shown += row.is_line ? 0 : 1;
    }
    SetWrappedLabel(m_count,
                    shown == m_view.bid_count
                        ? wxString::Format(_("%d bids, best first. Sort by any column by clicking "
                                             "its heading; Enter opens a bid's scores below."),
                                           shown)
                        : wxString::Format(_("Showing %d of %d bids."), shown, m_view.bid_count));
    wxString state;
    if (m_workspace.IsReadOnly())
    {
        state = _("This round is open read-only: nothing can be changed.");
    }
    else if (m_locked)
    {
        state = _("This fund is locked: its decisions are final. Only an officer can unlock it.");
    }
    SetWrappedLabel(m_state, state);
    m_state->Show(!state.empty());
    SetWrappedLabel(m_tie_text, m_view.tie ? m_view.tie->text : wxString());
    m_tie_text->Show(m_view.tie.has_value());
    m_tie->Show(m_view.tie.has_value() && !m_view.tie->resolved);
    if (m_selected)
    {
        const wxDataViewItem item = m_model->ItemOf(*m_selected);
        if (item.IsOk())
        {
            m_list->Select(item);
        }
    }
    m_sensitivity->ShowFund(GetRound(), GetResult(), m_fund);
    m_certainty->ShowFund(GetRound(), GetResult(), m_fund);
    m_voices->ShowFund(GetRound(), GetResult(), m_fund);
    m_reliability->ShowFund(GetRound(), GetResult(), m_fund);
    ShowSelectedBid();
    UpdateButtons();
    Layout();
}

void MeetingPage::ShowSelectedBid()
{
    std::optional<Key> bid = m_selected;
    if (bid)
    {
        const Bid* found = FindBid(*bid);
        if (found == nullptr || found->fund != m_fund)
        {
            bid.reset();
        }
    }
    m_detail->ShowBid(GetRound(), GetResult(), bid, ActingMember());
}

std::optional<wxString> MeetingPage::CannotEdit() const
{
    if (m_workspace.IsReadOnly())
    {
        return _("This round is open read-only.");
    }
    if (m_locked)
    {
        return _("This fund is locked.");
    }
    return std::nullopt;
}

void MeetingPage::UpdateButtons()
{
    const bool editable = !CannotEdit();
    const bool bid = m_selected.has_value() && FindBid(*m_selected) != nullptr &&
                     FindBid(*m_selected)->fund == m_fund &&
                     !HiddenFrom(GetRound(), *m_selected, ActingMember());
    m_moderate->Enable(editable && bid);
    m_decide->Enable(editable && bid);
    m_tie->Enable(editable);
    // Locking with an open tie at the line would fix a funded set that depends on the order of
    // the bids' references.
    const bool open_tie = m_view.tie && !m_view.tie->resolved;
    m_lock->Enable(editable && !open_tie);
    m_lock->SetToolTip(open_tie ? _("Break the tie at the funding line first.") : wxString());
    m_lock->Show(!m_locked);
    m_unlock->Show(m_locked);
    m_unlock->Enable(m_locked && !m_workspace.IsReadOnly() && !ActingMember().has_value());
    m_unlock->SetToolTip(ActingMember() ? _("Only the grants officer can unlock a fund: choose "
                                            "them under \u201CChairing\u201D.")
                                        : wxString());
    m_certainty->GetSnsf()->Enable(!m_workspace.IsReadOnly());
    Layout();
}

// ---- Events
// ---------------------------------------------------------------------------------------

void MeetingPage::OnChange(const core::ChangeEvent& event)
{
    // Hidden, the page catches up when shown: a score typed on the scoring page must not
    // reconcile a 20,000-bid round again.
    if (m_list == nullptr || !IsShownOnScreen())
    {
        m_stale = true;
        return;
    }
    if (m_stale)
    {
        CatchUp();
        return;
    }
    if (event.kind == core::ChangeKind::Moderation && event.ids.size() == 1)
    {
        // One score changed in the meeting: re-reconcile from the kept totals (fast).
        const auto history = m_workspace.ListModerations(event.ids.front());
        if (!history.empty())
        {
            m_reconciler->AddModeratedScore(history.back());
        }
    }
    else if (event.kind == core::ChangeKind::Funds || event.kind == core::ChangeKind::Members ||
             event.kind == core::ChangeKind::Round || event.kind == core::ChangeKind::Import)
    {
        ReloadAll();
        return;
    }
    else
    {
        Reload();
    }
    SetFund(m_fund);
}

void MeetingPage::OnSelection(wxDataViewEvent& event)
{
    const MeetingRow* row = m_model->Row(event.GetItem());
    if (row == nullptr || row->is_line)
    {
        return;
    }
    m_selected = row->bid;
    ShowSelectedBid();
    UpdateButtons();
}

void MeetingPage::OnSorted(wxDataViewEvent& event)
{
    event.Skip();
    if (const wxDataViewColumn* sorted = event.GetDataViewColumn())
    {
        m_sort = static_cast<MeetingColumn>(sorted->GetModelColumn());
        m_sort_choice->SetSelection(static_cast<int>(sorted->GetModelColumn()));
    }
    // The funding line row comes and goes with the rank order; rebuild once sorting is over.
    CallAfter([this] { ShowView(); });
}

// ---- Commands
// ------------------------------------------------------------------------------------

bool MeetingPage::Submit(const wxString& name, EditStep redo, EditStep undo)
{
    return m_history.Submit(GetCoreActor(), name, std::move(redo), std::move(undo));
}

bool MeetingPage::RecordModeration(const ModeratedScore& moderated)
{
    std::optional<int> before;
    bool had = false;
    for (const ModeratedScore& m : GetRound().moderated)
    {
        if (m.bid == moderated.bid && m.member == moderated.member &&
            m.criterion == moderated.criterion)
        {
            before = m.value;
            had = true;
        }
    }
    ModeratedScore back = moderated;
    back.value = had ? before : std::nullopt;
    back.reason = "Undone: " + moderated.reason;
    return Submit(
        wxString::Format(_("Moderate %s"), BidRefText(GetRound(), moderated.bid)),
        [moderated](core::Workspace& ws) { ws.RecordModeratedScore(moderated); },
        [back](core::Workspace& ws) { ws.RecordModeratedScore(back); });
}

bool MeetingPage::RecordDecision(const Decision& decision)
{
    const auto before = m_workspace.GetDecision(decision.bid);
    return Submit(
        wxString::Format(_("Decision on %s"), BidRefText(GetRound(), decision.bid)),
        [decision](core::Workspace& ws) { ws.SetDecision(decision); },
        [before, bid = decision.bid](core::Workspace& ws)
        {
            if (before)
            {
                ws.SetDecision(*before);
            }
            else
            {
                ws.WithdrawDecision(bid);
            }
        });
}

bool MeetingPage::RecordTieBreak(const TieBreak& tie_break)
{
    // Not undoable: a lottery drawn again until it pleases would not be a lottery.
    return Submit(_("Break the tie"),
                  [tie_break](core::Workspace& ws) { ws.RecordTieBreak(tie_break); });
}

bool MeetingPage::LockFund()
{
    // Not undoable: only an officer may unlock, with a reason.
    return Submit(_("Lock the fund"), [fund = m_fund](core::Workspace& ws) { ws.LockFund(fund); });
}

bool MeetingPage::UnlockFund(const std::string& reason)
{
    return Submit(_("Unlock the fund"),
                  [fund = m_fund, reason](core::Workspace& ws) { ws.UnlockFund(fund, reason); });
}

void MeetingPage::ModerateSelected()
{
    if (!m_selected || CannotEdit())
    {
        return;
    }
    ModerationContext context = MakeModerationContext(GetRound(), *m_selected);
    ModeratedScore initial;
    initial.bid = *m_selected;
    if (!context.members.empty())
    {
        initial.member = context.members.front().key;
    }
    if (!context.fund.criteria.empty())
    {
        initial.criterion = context.fund.criteria.front().key;
    }
    if (const auto edited = EditModeratedScore(this, context, initial))
    {
        RecordModeration(*edited);
    }
}

void MeetingPage::DecideSelected()
{
    if (!m_selected || CannotEdit())
    {
        return;
    }
    Decision initial;
    initial.bid = *m_selected;
    if (const auto current = m_workspace.GetDecision(*m_selected))
    {
        initial = *current;
    }
    if (const auto edited =
            EditDecision(this, MakeDecisionContext(GetRound(), *m_selected), initial))
    {
        RecordDecision(*edited);
    }
}

void MeetingPage::BreakTie()
{
    if (CannotEdit())
    {
        return;
    }
    const auto context = MakeTieBreakContext(GetRound(), GetResult(), m_fund);
    if (!context)
    {
        return;
    }
    if (const auto edited = EditTieBreak(this, *context))
    {
        RecordTieBreak(*edited);
    }
}

void MeetingPage::LockCurrentFund()
{
    const Fund* fund = FindFund(m_fund);
    const FundResult* fr = FindFundResult(GetResult(), m_fund);
    if (fund == nullptr || fr == nullptr || CannotEdit())
    {
        return;
    }
    if (m_view.tie && !m_view.tie->resolved)
    {
        return; // the button is disabled: the funded set would depend on reference order
    }
    LockSummary summary;
    summary.fund_name = ToWx(fund->name);
    summary.budget_text = m_view.budget_text;
    for (const BidResult& b : fr->bids)
    {
        ++summary.bids;
        if (!b.decision_status)
        {
            ++summary.undecided;
        }
        else if (*b.decision_status == DecisionStatus::Proposed)
        {
            ++summary.proposed;
        }
        else
        {
            ++summary.agreed;
        }
    }
    if (ConfirmLock(this, summary))
    {
        LockFund();
    }
}

void MeetingPage::UnlockCurrentFund()
{
    const Fund* fund = FindFund(m_fund);
    if (fund == nullptr || !m_locked || ActingMember())
    {
        return;
    }
    if (const auto reason = AskUnlockReason(this, ToWx(fund->name)))
    {
        UnlockFund(*reason);
    }
}

void MeetingPage::ExportRound()
{
    ShowExportDialog(this, m_workspace);
}

} // namespace coscore::forms
