// SPDX-License-Identifier: MIT
#include <coscore/forms/criterion_view.hpp>
#include <coscore/forms/import_wizard.hpp>
#include <coscore/forms/layout.hpp>
#include <coscore/forms/money.hpp>
#include <coscore/forms/setup_checks.hpp>
#include <coscore/forms/setup_dialogs.hpp>
#include <coscore/forms/setup_pages.hpp>
#include <coscore/forms/string_convert.hpp>
#include <coscore/forms/text_scale.hpp>
#include <coscore/forms/wording.hpp>

#include <wx/button.h>
#include <wx/checkbox.h>
#include <wx/choice.h>
#include <wx/dataview.h>
#include <wx/scrolwin.h>
#include <wx/sizer.h>
#include <wx/spinctrl.h>
#include <wx/stattext.h>
#include <wx/wrapsizer.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <map>
#include <memory>
#include <utility>

namespace coscore::forms
{

using namespace scoring;

namespace
{

wxVector<wxVariant> Cells(std::initializer_list<wxString> cells)
{
    wxVector<wxVariant> row;
    for (const wxString& cell : cells)
    {
        row.push_back(cell);
    }
    return row;
}

/// Rows are gathered and the list filled in one step (ReplaceRows), long or short.
void AddRow(std::vector<ListRow>& rows, std::initializer_list<wxString> cells)
{
    rows.push_back({Cells(cells), 0});
}

wxString OptionalPounds(const std::optional<Pence>& pence)
{
    return pence ? FormatPounds(*pence, true) : _("none");
}

wxString Joined(const std::vector<std::string>& values)
{
    wxString text;
    for (const std::string& v : values)
    {
        text << (text.empty() ? "" : ", ") << ToWx(v);
    }
    return text;
}

void SelectRow(wxDataViewListCtrl* list, std::optional<int> row)
{
    if (row && *row >= 0 && *row < list->GetItemCount())
    {
        list->SelectRow(static_cast<unsigned>(*row));
    }
}

// Buttons flow onto a second line when the text is large, rather than squeezing the page.
wxSizer* ButtonRow()
{
    return new wxWrapSizer(wxHORIZONTAL);
}

/// The steps of adding `row`: a redo adds it again under the key it first got, so that later
/// steps in the history still name it; the undo removes it.
template <typename Row, typename Add, typename Remove>
std::pair<EditStep, EditStep> AddSteps(const Row& row, Add add, Remove remove)
{
    auto key = std::make_shared<Key>(0);
    return {[row, key, add](core::Workspace& ws)
            {
                Row again = row;
                again.key = *key;
                *key = add(ws, again);
            },
            [key, remove](core::Workspace& ws) { remove(ws, *key); }};
}

} // namespace

std::optional<int> SelectedRow(const wxDataViewListCtrl* list)
{
    const int row = list->GetSelectedRow();
    return row == wxNOT_FOUND ? std::nullopt : std::optional<int>(row);
}

// ---- SetupPage ------------------------------------------------------------------------------

SetupPage::SetupPage(wxWindow* parent, core::Workspace& workspace, CommandHistory* history,
                     const wxString& title, const wxString& intro)
    : wxPanel(parent), m_workspace(workspace), m_history(history), m_title(title), m_intro(intro)
{
    m_subscription = m_workspace.Subscribe(
        [this](const core::ChangeEvent&)
        {
            // Hidden pages catch up when shown: a score typed on the scoring page must not
            // refill every list of a 20,000-bid round.
            if (m_body != nullptr && IsShownOnScreen())
            {
                Refill();
            }
            else
            {
                m_stale = true;
            }
        });
}

void SetupPage::CatchUp()
{
    // Built and filled when first shown: a window opens without waiting for the controls of
    // pages nobody has looked at yet, nor for their lists of a 20,000-bid round.
    if (m_body == nullptr)
    {
        auto* outer = new wxBoxSizer(wxVERTICAL);
        outer->Add(MakeHeading(this, m_title, 1.3),
                   wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT | wxTOP, BigGap(this)));
        outer->Add(MakeText(this, m_intro),
                   wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT | wxTOP, Gap(this)));
        m_body = new wxBoxSizer(wxVERTICAL);
        outer->Add(m_body, wxSizerFlags(1).Expand().Border(wxALL, BigGap(this)));
        SetSizer(outer);
        Build();
        // The window's text size was applied before these controls existed.
        ScaleFonts(this, TextScaleOf(this));
        m_stale = true;
    }
    if (m_stale)
    {
        m_stale = false;
        Refill();
    }
}

void SetupPage::Refill()
{
    Fill();
    Layout();
}

bool SetupPage::Submit(const wxString& name, EditStep redo, EditStep undo)
{
    return m_history->Submit(core::CurrentOfficer(), name, std::move(redo), std::move(undo));
}

wxButton* SetupPage::AddButton(wxSizer* row, const wxString& label, std::function<void()> action)
{
    auto* button = new wxButton(this, wxID_ANY, label);
    button->Bind(wxEVT_BUTTON, [action](wxCommandEvent&) { action(); });
    button->Enable(CanEdit());
    row->Add(button, wxSizerFlags().Border(wxRIGHT | wxBOTTOM, Gap(this)));
    return button;
}

// ---- FundsPage ------------------------------------------------------------------------------

FundsPage::FundsPage(wxWindow* parent, core::Workspace& workspace, CommandHistory& history)
    : SetupPage(parent, workspace, &history, _("Funds and budgets"),
                _("Each fund has its own budget and scoring form. A ring-fenced pot keeps part "
                  "of a fund for some bids, such as at least \u00A320,000 for rural villages."))
{
}

void FundsPage::Build()
{
    m_total = new wxStaticText(this, wxID_ANY, wxString());
    Body()->Add(m_total);
    auto* funds_label = new wxStaticText(this, wxID_ANY, _("&Funds"));
    Body()->Add(funds_label, wxSizerFlags().Border(wxTOP, Gap(this)));
    m_funds_list = MakeList(this, _("Funds"),
                            {{_("Fund")},
                             {_("Budget"), true},
                             {_("Smallest award"), true},
                             {_("Largest award"), true},
                             {_("Pots"), true},
                             {_("Bids"), true}});
    LinkLabel(funds_label, m_funds_list);
    m_funds_list->Bind(wxEVT_DATAVIEW_SELECTION_CHANGED, [this](wxDataViewEvent&) { FillPots(); });
    Body()->Add(m_funds_list, wxSizerFlags(1).Expand().Border(wxTOP, Gap(this) / 2));
    auto* row = ButtonRow();
    AddButton(row, _("&Add a fund..."), [this] { AddFund(); });
    AddButton(row, _("&Change the fund..."), [this] { ChangeFund(); });
    Body()->Add(row, wxSizerFlags().Border(wxTOP, Gap(this)));

    auto* pots_label = new wxStaticText(this, wxID_ANY, _("Ring-fenced &pots of the chosen fund"));
    Body()->Add(pots_label, wxSizerFlags().Border(wxTOP, BigGap(this)));
    m_pots_list =
        MakeList(this, _("Ring-fenced pots"),
                 {{_("Pot")}, {_("At least"), true}, {_("For bids whose")}, {_("Is one of")}});
    LinkLabel(pots_label, m_pots_list);
    Body()->Add(m_pots_list, wxSizerFlags(1).Expand().Border(wxTOP, Gap(this) / 2));
    auto* pot_row = ButtonRow();
    AddButton(pot_row, _("Add a p&ot..."), [this] { AddPot(); });
    AddButton(pot_row, _("&Remove the pot"), [this] { RemovePot(); });
    Body()->Add(pot_row, wxSizerFlags().Border(wxTOP, Gap(this)));
}

void FundsPage::Fill()
{
    const auto selected = SelectedRow(m_funds_list);
    m_funds = m_workspace.ListFunds();
    const auto bids = m_workspace.ListBids();
    std::vector<ListRow> rows;
    Pence total = 0;
    for (const Fund& f : m_funds)
    {
        total += f.budget_pence;
        const auto count =
            std::count_if(bids.begin(), bids.end(), [&f](const Bid& b) { return b.fund == f.key; });
        AddRow(rows,
               {ToWx(f.name), FormatPounds(f.budget_pence, true), OptionalPounds(f.min_award_pence),
                OptionalPounds(f.max_award_pence), wxString::Format("%zu", f.pots.size()),
                wxString::Format("%d", static_cast<int>(count))});
    }
    ReplaceRows(m_funds_list, rows);
    m_total->SetLabelText(wxString::Format(
        wxPLURAL("%d fund with a total budget of %s.", "%d funds with a total budget of %s.",
                 static_cast<unsigned>(m_funds.size())),
        static_cast<int>(m_funds.size()), FormatPounds(total, true)));
    SelectRow(m_funds_list, selected ? selected : std::optional<int>(0));
    FillPots();
}

std::optional<Fund> FundsPage::SelectedFund() const
{
    const auto row = SelectedRow(m_funds_list);
    if (!row || *row >= static_cast<int>(m_funds.size()))
    {
        return std::nullopt;
    }
    return m_funds[static_cast<std::size_t>(*row)];
}

void FundsPage::FillPots()
{
    std::vector<ListRow> rows;
    if (const auto fund = SelectedFund())
    {
        for (const Pot& pot : fund->pots)
        {
            AddRow(rows, {ToWx(pot.name), FormatPounds(pot.minimum_pence, true), ToWx(pot.field),
                          Joined(pot.values)});
        }
    }
    ReplaceRows(m_pots_list, rows);
}

void FundsPage::AddFund()
{
    const auto fund = EditFund(this, Fund{});
    if (!fund)
    {
        return;
    }
    auto [redo, undo] = AddSteps(
        *fund, [](core::Workspace& ws, const Fund& r) { return ws.AddFund(r); },
        [](core::Workspace& ws, Key key) { ws.RemoveFund(key); });
    Submit(wxString::Format(_("Add fund %s"), ToWx(fund->name)), redo, undo);
}

void FundsPage::ChangeFund()
{
    const auto before = SelectedFund();
    if (!before)
    {
        return;
    }
    const auto after = EditFund(this, *before);
    if (!after)
    {
        return;
    }
    const auto apply = [](const Fund& from, const Fund& to)
    {
        return [from, to](core::Workspace& ws)
        {
            if (from.name != to.name || from.min_award_pence != to.min_award_pence ||
                from.max_award_pence != to.max_award_pence)
            {
                ws.UpdateFund(to);
            }
            if (from.budget_pence != to.budget_pence)
            {
                ws.SetFundBudget(to.key, to.budget_pence);
            }
        };
    };
    Submit(wxString::Format(_("Change fund %s"), ToWx(before->name)), apply(*before, *after),
           apply(*after, *before));
}

void FundsPage::AddPot()
{
    const auto fund = SelectedFund();
    if (!fund)
    {
        return;
    }
    wxArrayString fields;
    fields.Add("ward");
    for (const Bid& b : m_workspace.ListBids())
    {
        for (const ApplicationField& f : b.fields)
        {
            if (fields.Index(ToWx(f.name)) == wxNOT_FOUND)
            {
                fields.Add(ToWx(f.name));
            }
        }
    }
    const auto pot = EditPot(this, Pot{}, fields);
    if (!pot)
    {
        return;
    }
    const Key fund_key = fund->key;
    auto [redo, undo] = AddSteps(
        *pot, [fund_key](core::Workspace& ws, const Pot& r) { return ws.AddPot(fund_key, r); },
        [](core::Workspace& ws, Key key) { ws.RemovePot(key); });
    Submit(wxString::Format(_("Add pot %s"), ToWx(pot->name)), redo, undo);
}

void FundsPage::RemovePot()
{
    const auto fund = SelectedFund();
    const auto row = SelectedRow(m_pots_list);
    if (!fund || !row || *row >= static_cast<int>(fund->pots.size()))
    {
        return;
    }
    const Pot pot = fund->pots[static_cast<std::size_t>(*row)];
    const Key fund_key = fund->key;
    Submit(
        wxString::Format(_("Remove pot %s"), ToWx(pot.name)),
        [pot](core::Workspace& ws) { ws.RemovePot(pot.key); },
        [pot, fund_key](core::Workspace& ws) { ws.AddPot(fund_key, pot); });
}

// ---- FormsPage ------------------------------------------------------------------------------

FormsPage::FormsPage(wxWindow* parent, core::Workspace& workspace, CommandHistory& history)
    : SetupPage(parent, workspace, &history, _("Scoring forms"),
                _("The questions members answer for each fund. Each level needs a short "
                  "description: members choose a level by what it says. On the right is exactly "
                  "what members will see."))
{
}

void FormsPage::Build()
{
    auto* columns = new wxBoxSizer(wxHORIZONTAL);
    auto* left = new wxBoxSizer(wxVERTICAL);
    auto* fund_row = new wxBoxSizer(wxHORIZONTAL);
    auto* fund_label = new wxStaticText(this, wxID_ANY, _("&Fund:"));
    fund_row->Add(fund_label, wxSizerFlags().Center().Border(wxRIGHT, Gap(this)));
    m_fund = new wxChoice(this, wxID_ANY);
    LinkLabel(fund_label, m_fund);
    m_fund->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { Fill(); });
    fund_row->Add(m_fund, wxSizerFlags(1));
    left->Add(fund_row, wxSizerFlags().Expand());
    m_weights = MakeText(this, wxString());
    m_weights->SetFont(m_weights->GetFont().Bold());
    left->Add(m_weights, wxSizerFlags().Expand().Border(wxTOP, Gap(this)));
    auto* list_label =
        new wxStaticText(this, wxID_ANY, _("&Questions, in the order members see them"));
    left->Add(list_label, wxSizerFlags().Border(wxTOP, Gap(this)));
    m_criteria = MakeList(this, _("Questions"),
                          {{_("Question")}, {_("Weight"), true}, {_("Scale")}, {_("Minimum")}});
    LinkLabel(list_label, m_criteria);
    left->Add(m_criteria, wxSizerFlags(1).Expand().Border(wxTOP, Gap(this) / 2));
    auto* row = ButtonRow();
    AddButton(row, _("&Add a question..."), [this] { AddCriterion(); });
    AddButton(row, _("&Change..."), [this] { ChangeCriterion(); });
    AddButton(row, _("&Remove"), [this] { RemoveCriterion(); });
    AddButton(row, _("Move &up"), [this] { MoveCriterion(-1); });
    AddButton(row, _("Move do&wn"), [this] { MoveCriterion(+1); });
    left->Add(row, wxSizerFlags().Border(wxTOP, Gap(this)));
    columns->Add(left, wxSizerFlags(2).Expand());

    auto* right = new wxBoxSizer(wxVERTICAL);
    right->Add(MakeHeading(this, _("What members will see"), 1.1), wxSizerFlags().Expand());
    m_preview = new wxScrolledWindow(this, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                                     wxVSCROLL | wxTAB_TRAVERSAL | wxBORDER_THEME);
    m_preview->SetScrollRate(0, FromDIP(16));
    m_preview->SetSizer(new wxBoxSizer(wxVERTICAL));
    right->Add(m_preview, wxSizerFlags(1).Expand().Border(wxTOP, Gap(this)));
    columns->Add(right, wxSizerFlags(3).Expand().Border(wxLEFT, BigGap(this)));
    Body()->Add(columns, wxSizerFlags(1).Expand());
}

std::optional<Fund> FormsPage::CurrentFund() const
{
    const int index = m_fund->GetSelection();
    if (index < 0 || index >= static_cast<int>(m_funds.size()))
    {
        return std::nullopt;
    }
    return m_funds[static_cast<std::size_t>(index)];
}

std::optional<Criterion> FormsPage::SelectedCriterion() const
{
    const auto fund = CurrentFund();
    const auto row = SelectedRow(m_criteria);
    if (!fund || !row || *row >= static_cast<int>(fund->criteria.size()))
    {
        return std::nullopt;
    }
    return fund->criteria[static_cast<std::size_t>(*row)];
}

void FormsPage::Fill()
{
    const int fund_index = std::max(0, m_fund->GetSelection());
    const auto selected = SelectedRow(m_criteria);
    m_funds = m_workspace.ListFunds();
    m_fund->Clear();
    for (const Fund& f : m_funds)
    {
        m_fund->Append(ToWx(f.name));
    }
    if (!m_funds.empty())
    {
        m_fund->SetSelection(std::min(fund_index, static_cast<int>(m_funds.size()) - 1));
    }
    m_criteria->DeleteAllItems();
    m_preview->GetSizer()->Clear(true);
    const auto fund = CurrentFund();
    if (!fund)
    {
        SetWrappedLabel(m_weights, _("Add a fund first, on the Funds page."));
        return;
    }
    double weights = 0;
    int position = 1;
    std::vector<ListRow> rows;
    for (const Criterion& c : fund->criteria)
    {
        weights += c.weight_percent;
        AddRow(rows, {ToWx(c.name), wxString::Format("%g%%", c.weight_percent),
                      wxString::Format(_("%d to %d"), c.scale_min, c.scale_max),
                      c.gate ? wxString::Format("%d", *c.gate) : _("none")});
        auto* view =
            new CriterionView(m_preview, c, position++, static_cast<int>(fund->criteria.size()));
        m_preview->GetSizer()->Add(view, wxSizerFlags().Expand().Border(wxALL, Gap(this)));
        ScaleFonts(view, TextScaleOf(this));
    }
    ReplaceRows(m_criteria, rows);
    const bool whole = std::abs(weights - 100.0) < 0.05;
    SetWrappedLabel(
        m_weights,
        fund->criteria.empty()
            ? _("This form has no questions yet.")
            : (whole ? _("The weights add up to 100%.")
                     : wxString::Format(_("The weights add up to %g%%: they should add up to "
                                          "100%%."),
                                        weights)));
    SelectRow(m_criteria, selected);
    m_preview->FitInside();
    Layout();
}

void FormsPage::AddCriterion()
{
    const auto fund = CurrentFund();
    if (!fund)
    {
        return;
    }
    Criterion blank;
    blank.scale_min = 0;
    blank.scale_max = 5;
    const auto criterion = EditCriterion(this, blank);
    if (!criterion)
    {
        return;
    }
    const Key fund_key = fund->key;
    auto [redo, undo] = AddSteps(
        *criterion,
        [fund_key](core::Workspace& ws, const Criterion& r)
        { return ws.AddCriterion(fund_key, r); },
        [](core::Workspace& ws, Key key) { ws.RemoveCriterion(key); });
    Submit(wxString::Format(_("Add question %s"), ToWx(criterion->name)), redo, undo);
}

void FormsPage::ChangeCriterion()
{
    const auto before = SelectedCriterion();
    if (!before)
    {
        return;
    }
    const auto after = EditCriterion(this, *before);
    if (!after)
    {
        return;
    }
    Submit(
        wxString::Format(_("Change question %s"), ToWx(before->name)),
        [c = *after](core::Workspace& ws) { ws.UpdateCriterion(c); },
        [c = *before](core::Workspace& ws) { ws.UpdateCriterion(c); });
}

void FormsPage::RemoveCriterion()
{
    const auto fund = CurrentFund();
    const auto criterion = SelectedCriterion();
    const auto row = SelectedRow(m_criteria);
    if (!fund || !criterion || !row)
    {
        return;
    }
    const Key fund_key = fund->key;
    const int index = *row;
    Submit(
        wxString::Format(_("Remove question %s"), ToWx(criterion->name)),
        [c = *criterion](core::Workspace& ws) { ws.RemoveCriterion(c.key); },
        [c = *criterion, fund_key, index](core::Workspace& ws)
        {
            ws.AddCriterion(fund_key, c);
            ws.MoveCriterion(c.key, index);
        });
}

void FormsPage::MoveCriterion(int direction)
{
    const auto criterion = SelectedCriterion();
    const auto row = SelectedRow(m_criteria);
    if (!criterion || !row)
    {
        return;
    }
    const int from = *row;
    const int to = from + direction;
    if (to < 0 || to >= m_criteria->GetItemCount())
    {
        return;
    }
    const Key key = criterion->key;
    if (Submit(
            wxString::Format(_("Move question %s"), ToWx(criterion->name)),
            [key, to](core::Workspace& ws) { ws.MoveCriterion(key, to); },
            [key, from](core::Workspace& ws) { ws.MoveCriterion(key, from); }))
    {
        SelectRow(m_criteria, to);
    }
}

// ---- MembersPage ----------------------------------------------------------------------------

MembersPage::MembersPage(wxWindow* parent, core::Workspace& workspace, CommandHistory& history)
    : SetupPage(parent, workspace, &history, _("Panel members"),
                _("Everyone on the panel. People who use services and carers form the lived "
                  "experience voice; councillors, and officers and voluntary-sector members as "
                  "professionals, are the others. Officers usually advise and do not score."))
{
}

void MembersPage::Build()
{
    m_summary = new wxStaticText(this, wxID_ANY, wxString());
    Body()->Add(m_summary);
    auto* label = new wxStaticText(this, wxID_ANY, _("&Members"));
    Body()->Add(label, wxSizerFlags().Border(wxTOP, Gap(this)));
    m_list = MakeList(this, _("Members"),
                      {{_("Id")}, {_("Name")}, {_("Role")}, {_("Scores bids")}, {_("Chairs")}});
    LinkLabel(label, m_list);
    Body()->Add(m_list, wxSizerFlags(1).Expand().Border(wxTOP, Gap(this) / 2));
    auto* row = ButtonRow();
    AddButton(row, _("&Add a member..."), [this] { AddMember(); });
    AddButton(row, _("&Change the member..."), [this] { ChangeMember(); });
    AddButton(row, _("&Remove the member"), [this] { RemoveMember(); });
    Body()->Add(row, wxSizerFlags().Border(wxTOP, Gap(this)));
}

void MembersPage::Fill()
{
    const auto selected = SelectedRow(m_list);
    m_members = m_workspace.ListMembers();
    std::vector<ListRow> rows;
    std::map<Voice, int> voices;
    for (const Member& m : m_members)
    {
        voices[VoiceOf(m.role)] += m.scores ? 1 : 0;
        AddRow(rows, {ToWx(m.ref), ToWx(m.name), RoleText(m.role), m.scores ? _("Yes") : _("No"),
                      ChairText(m.chair)});
    }
    ReplaceRows(m_list, rows);
    m_summary->SetLabelText(wxString::Format(
        _("Scoring: %d with lived experience, %d councillors, %d professionals."),
        voices[Voice::LivedExperience], voices[Voice::Councillors], voices[Voice::Professionals]));
    SelectRow(m_list, selected);
}

void MembersPage::AddMember()
{
    Member blank;
    blank.ref = "M" + std::to_string(m_members.size() + 1);
    const auto member = EditMember(this, blank);
    if (!member)
    {
        return;
    }
    auto [redo, undo] = AddSteps(
        *member, [](core::Workspace& ws, const Member& r) { return ws.AddMember(r); },
        [](core::Workspace& ws, Key key) { ws.RemoveMember(key); });
    Submit(wxString::Format(_("Add member %s"), ToWx(member->name)), redo, undo);
}

void MembersPage::ChangeMember()
{
    const auto row = SelectedRow(m_list);
    if (!row)
    {
        return;
    }
    const Member before = m_members[static_cast<std::size_t>(*row)];
    const auto after = EditMember(this, before);
    if (!after)
    {
        return;
    }
    Submit(
        wxString::Format(_("Change member %s"), ToWx(before.name)),
        [m = *after](core::Workspace& ws) { ws.UpdateMember(m); },
        [before](core::Workspace& ws) { ws.UpdateMember(before); });
}

void MembersPage::RemoveMember()
{
    const auto row = SelectedRow(m_list);
    if (!row)
    {
        return;
    }
    const Member member = m_members[static_cast<std::size_t>(*row)];
    Submit(
        wxString::Format(_("Remove member %s"), ToWx(member.name)),
        [member](core::Workspace& ws) { ws.RemoveMember(member.key); },
        [member](core::Workspace& ws) { ws.AddMember(member); });
}

// ---- BidsPage -------------------------------------------------------------------------------

BidsPage::BidsPage(wxWindow* parent, core::Workspace& workspace, CommandHistory& history)
    : SetupPage(parent, workspace, &history, _("Bids"),
                _("The applications the panel scores. Import them from the grants portal's "
                  "spreadsheet (CSV or Excel), or add them one by one. Check each bid's "
                  "eligibility before members get their packs."))
{
}

void BidsPage::Build()
{
    m_summary = new wxStaticText(this, wxID_ANY, wxString());
    Body()->Add(m_summary);
    auto* label = new wxStaticText(this, wxID_ANY, _("&Bids"));
    Body()->Add(label, wxSizerFlags().Border(wxTOP, Gap(this)));
    m_list = MakeList(this, _("Bids"),
                      {{_("Reference")},
                       {_("Organisation")},
                       {_("Project")},
                       {_("Fund")},
                       {_("Requested"), true},
                       {_("Area")},
                       {_("Eligibility")}});
    LinkLabel(label, m_list);
    Body()->Add(m_list, wxSizerFlags(1).Expand().Border(wxTOP, Gap(this) / 2));
    auto* row = ButtonRow();
    AddButton(row, _("&Import bids..."), [this] { ImportBids(); });
    AddButton(row, _("&Add a bid..."), [this] { AddBid(); });
    AddButton(row, _("&Change the bid..."), [this] { ChangeBid(); });
    AddButton(row, _("&Eligibility..."), [this] { CheckEligibility(); });
    AddButton(row, _("&Remove the bid"), [this] { RemoveBid(); });
    Body()->Add(row, wxSizerFlags().Border(wxTOP, Gap(this)));
}

void BidsPage::Fill()
{
    const auto selected = SelectedRow(m_list);
    m_bids = m_workspace.ListBids();
    std::map<Key, wxString> funds;
    for (const Fund& f : m_workspace.ListFunds())
    {
        funds[f.key] = ToWx(f.name);
    }
    std::vector<ListRow> rows;
    Pence total = 0;
    for (const Bid& b : m_bids)
    {
        total += b.requested_pence;
        AddRow(rows, {ToWx(b.ref), ToWx(b.organisation), ToWx(b.project_title), funds[b.fund],
                      FormatPounds(b.requested_pence, true), ToWx(b.ward),
                      EligibilityText(b.eligibility)});
    }
    ReplaceRows(m_list, rows);
    m_summary->SetLabelText(
        wxString::Format(wxPLURAL("%d bid asking for %s in all.", "%d bids asking for %s in all.",
                                  static_cast<unsigned>(m_bids.size())),
                         static_cast<int>(m_bids.size()), FormatPounds(total, true)));
    SelectRow(m_list, selected);
}

std::optional<Bid> BidsPage::SelectedBid() const
{
    const auto row = SelectedRow(m_list);
    if (!row || *row >= static_cast<int>(m_bids.size()))
    {
        return std::nullopt;
    }
    return m_bids[static_cast<std::size_t>(*row)];
}

void BidsPage::AddBid()
{
    const auto funds = m_workspace.ListFunds();
    Bid blank;
    blank.fund = funds.empty() ? 0 : funds.front().key;
    const auto bid = EditBid(this, blank, funds);
    if (!bid)
    {
        return;
    }
    auto [redo, undo] = AddSteps(
        *bid, [](core::Workspace& ws, const Bid& r) { return ws.AddBid(r); },
        [](core::Workspace& ws, Key key) { ws.RemoveBid(key); });
    Submit(wxString::Format(_("Add bid %s"), ToWx(bid->ref)), redo, undo);
}

void BidsPage::ChangeBid()
{
    const auto before = SelectedBid();
    if (!before)
    {
        return;
    }
    const auto after = EditBid(this, *before, m_workspace.ListFunds());
    if (!after)
    {
        return;
    }
    Submit(
        wxString::Format(_("Change bid %s"), ToWx(before->ref)),
        [b = *after](core::Workspace& ws) { ws.UpdateBid(b); },
        [b = *before](core::Workspace& ws) { ws.UpdateBid(b); });
}

void BidsPage::CheckEligibility()
{
    const auto bid = SelectedBid();
    if (!bid)
    {
        return;
    }
    const auto check = EditEligibility(this, *bid);
    if (!check)
    {
        return;
    }
    Submit(
        wxString::Format(_("Eligibility of %s"), ToWx(bid->ref)),
        [key = bid->key, c = *check](core::Workspace& ws)
        { ws.SetEligibility(key, c.eligibility, c.note); },
        [b = *bid](core::Workspace& ws)
        { ws.SetEligibility(b.key, b.eligibility, b.eligibility_note); });
}

void BidsPage::RemoveBid()
{
    const auto bid = SelectedBid();
    if (!bid)
    {
        return;
    }
    Submit(
        wxString::Format(_("Remove bid %s"), ToWx(bid->ref)),
        [b = *bid](core::Workspace& ws) { ws.RemoveBid(b.key); },
        [b = *bid](core::Workspace& ws) { ws.AddBid(b); });
}

void BidsPage::ImportBids()
{
    RunImportWizard(this, m_workspace);
}

// ---- InterestsPage --------------------------------------------------------------------------

InterestsPage::InterestsPage(wxWindow* parent, core::Workspace& workspace, CommandHistory& history)
    : SetupPage(parent, workspace, &history, _("Register of interests"),
                _("Interests members have declared. A declaration is kept on the record and "
                  "cannot be withdrawn. Members can also declare one themselves on the scoring "
                  "page."))
{
}

void InterestsPage::Build()
{
    auto* label = new wxStaticText(this, wxID_ANY, _("&Declared interests"));
    Body()->Add(label);
    m_list = MakeList(
        this, _("Declared interests"),
        {{_("Member")}, {_("Bid")}, {_("Interest")}, {_("Rule")}, {_("Declared")}, {_("How")}});
    LinkLabel(label, m_list);
    Body()->Add(m_list, wxSizerFlags(1).Expand().Border(wxTOP, Gap(this) / 2));
    auto* row = ButtonRow();
    AddButton(row, _("&Record an interest..."), [this] { RecordInterest(); });
    Body()->Add(row, wxSizerFlags().Border(wxTOP, Gap(this)));
}

void InterestsPage::Fill()
{
    std::map<Key, wxString> members;
    for (const Member& m : m_workspace.ListMembers())
    {
        members[m.key] = ToWx(m.name);
    }
    std::map<Key, wxString> bids;
    for (const Bid& b : m_workspace.ListBids())
    {
        bids[b.key] = ToWx(b.ref + " " + b.organisation);
    }
    std::vector<ListRow> rows;
    for (const Interest& i : m_workspace.ListInterests())
    {
        AddRow(rows, {members[i.member], bids[i.bid], InterestTypeText(i.type),
                      InterestRuleText(i.rule), ToWx(i.declared_at.substr(0, 10)), ToWx(i.note)});
    }
    ReplaceRows(m_list, rows);
}

void InterestsPage::RecordInterest()
{
    const auto interest =
        AskRecordInterest(this, m_workspace.ListMembers(), m_workspace.ListBids());
    if (interest)
    {
        Submit(_("Record an interest"),
               [i = *interest](core::Workspace& ws) { ws.DeclareInterest(i); });
    }
}

// ---- PolicyPage -----------------------------------------------------------------------------

namespace
{

constexpr std::array<RankBasis, 5> kBases{RankBasis::Mean, RankBasis::Median, RankBasis::Olympic,
                                          RankBasis::ZMean, RankBasis::Adjusted};
constexpr std::array<AllocationRule, 2> kRules{AllocationRule::Skip, AllocationRule::Stop};

int ToPercent(double fraction)
{
    return static_cast<int>(std::lround(fraction * 100));
}

} // namespace

PolicyPage::PolicyPage(wxWindow* parent, core::Workspace& workspace, CommandHistory& history)
    : SetupPage(parent, workspace, &history, _("Policy"),
                _("How the panel's scores become a ranking and awards, and what the meeting is "
                  "asked to look at. Percentages are of the 0 to 100 total. Agree these before "
                  "scoring starts."))
{
}

void PolicyPage::Build()
{
    auto* scroll = new wxScrolledWindow(this, wxID_ANY);
    scroll->SetScrollRate(0, FromDIP(16));
    FormGrid grid(scroll);
    const auto choice = [](const wxArrayString& items)
    {
        return [items](wxWindow* p)
        { return new wxChoice(p, wxID_ANY, wxDefaultPosition, wxDefaultSize, items); };
    };
    wxArrayString bases;
    for (RankBasis b : kBases)
    {
        bases.Add(RankBasisText(b));
    }
    wxArrayString rules;
    for (AllocationRule r : kRules)
    {
        rules.Add(AllocationText(r));
    }
    const auto spin = [](int lo, int hi)
    {
        return [lo, hi](wxWindow* p)
        {
            return new wxSpinCtrl(p, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize,
                                  wxSP_ARROW_KEYS, lo, hi, lo);
        };
    };
    m_rank_by = grid.Add<wxChoice>(_("&Rank bids by:"), choice(bases));
    m_allocation = grid.Add<wxChoice>(_("When a bid does not &fit the money left:"), choice(rules));
    m_flag_range = grid.Add<wxSpinCtrl>(_("Flag when scores &spread over (%):"), spin(1, 100));
    m_flag_iqr =
        grid.Add<wxSpinCtrl>(_("Flag when the &middle half spreads over (%):"), spin(1, 100));
    m_flag_sd =
        grid.Add<wxSpinCtrl>(_("Flag when the standard &deviation is over (%):"), spin(1, 100));
    m_flag_outlier =
        grid.Add<wxSpinCtrl>(_("Flag one member this far from the &others (%):"), spin(1, 100));
    m_flag_voice_gap = grid.Add<wxSpinCtrl>(_("Flag when &voices differ by (%):"), spin(1, 100));
    m_quorum_n = grid.Add<wxSpinCtrl>(_("Fewest scores for a &quorum:"), spin(1, 50));
    m_quorum_fraction =
        grid.Add<wxSpinCtrl>(_("Share of scoring members for a quorum (%):"), spin(1, 100));
    m_quorum_lived = new wxCheckBox(
        scroll, wxID_ANY, _("A quorum needs a score from someone with &lived experience"));
    grid.AddUnlabelled(m_quorum_lived);
    m_snsf = new wxCheckBox(scroll, wxID_ANY,
                            _("Show the Bayesian ranking and &lottery band (SNSF mode)"));
    grid.AddUnlabelled(m_snsf);
    auto* inner = new wxBoxSizer(wxVERTICAL);
    inner->Add(grid.GetSizer(), wxSizerFlags().Expand().Border(wxALL, Gap(this)));
    scroll->SetSizer(inner);
    Body()->Add(scroll, wxSizerFlags(1).Expand());
    auto* row = ButtonRow();
    m_save = AddButton(row, _("S&ave the policy"), [this] { SavePolicy(); });
    AddButton(row, _("&Put back the saved policy"), [this] { ShowPolicy(m_policy); });
    Body()->Add(row, wxSizerFlags().Border(wxTOP, Gap(this)));
}

void PolicyPage::Fill()
{
    m_policy = m_workspace.GetPolicy();
    ShowPolicy(m_policy);
}

void PolicyPage::ShowPolicy(const Policy& p)
{
    m_rank_by->SetSelection(
        static_cast<int>(std::find(kBases.begin(), kBases.end(), p.rank_by) - kBases.begin()));
    m_allocation->SetSelection(p.allocation == AllocationRule::Skip ? 0 : 1);
    m_flag_range->SetValue(ToPercent(p.flag_range));
    m_flag_iqr->SetValue(ToPercent(p.flag_iqr));
    m_flag_sd->SetValue(ToPercent(p.flag_sd));
    m_flag_outlier->SetValue(ToPercent(p.flag_outlier));
    m_flag_voice_gap->SetValue(ToPercent(p.flag_voice_gap));
    m_quorum_n->SetValue(p.quorum_min_n);
    m_quorum_fraction->SetValue(ToPercent(p.quorum_fraction));
    m_quorum_lived->SetValue(p.quorum_needs_lived_experience);
    m_snsf->SetValue(p.snsf_mode);
}

Policy PolicyPage::ReadPolicy() const
{
    Policy p = m_policy;
    p.rank_by = kBases[static_cast<std::size_t>(std::max(0, m_rank_by->GetSelection()))];
    p.allocation = kRules[static_cast<std::size_t>(std::max(0, m_allocation->GetSelection()))];
    p.flag_range = m_flag_range->GetValue() / 100.0;
    p.flag_iqr = m_flag_iqr->GetValue() / 100.0;
    p.flag_sd = m_flag_sd->GetValue() / 100.0;
    p.flag_outlier = m_flag_outlier->GetValue() / 100.0;
    p.flag_voice_gap = m_flag_voice_gap->GetValue() / 100.0;
    p.quorum_min_n = m_quorum_n->GetValue();
    p.quorum_fraction = m_quorum_fraction->GetValue() / 100.0;
    p.quorum_needs_lived_experience = m_quorum_lived->GetValue();
    p.snsf_mode = m_snsf->GetValue();
    return p;
}

void PolicyPage::SavePolicy()
{
    const Policy before = m_policy;
    const Policy after = ReadPolicy();
    Submit(
        _("Policy"), [after](core::Workspace& ws) { ws.SetPolicy(after); },
        [before](core::Workspace& ws) { ws.SetPolicy(before); });
}

// ---- ChecklistPage --------------------------------------------------------------------------

ChecklistPage::ChecklistPage(wxWindow* parent, core::Workspace& workspace)
    : SetupPage(parent, workspace, nullptr, _("Before sending to members"),
                _("Put right everything marked \"To do\" before members get their bids. The list "
                  "updates as you make changes."))
{
}

void ChecklistPage::Build()
{
    m_summary = new wxStaticText(this, wxID_ANY, wxString());
    m_summary->SetFont(m_summary->GetFont().Bold());
    Body()->Add(m_summary);
    auto* label = new wxStaticText(this, wxID_ANY, _("&Checks"));
    Body()->Add(label, wxSizerFlags().Border(wxTOP, Gap(this)));
    m_list = MakeList(this, _("Checks"), {{_("Status")}, {_("Check")}});
    LinkLabel(label, m_list);
    Body()->Add(m_list, wxSizerFlags(1).Expand().Border(wxTOP, Gap(this) / 2));
}

void ChecklistPage::Fill()
{
    const auto checks = RunSetupChecks(m_workspace.LoadRound());
    std::vector<ListRow> rows;
    int to_do = 0;
    // Things to put right come first: that is what the officer is here for.
    for (const bool ok : {false, true})
    {
        for (const SetupCheck& check : checks)
        {
            if (check.ok == ok)
            {
                to_do += ok ? 0 : 1;
                AddRow(rows, {ok ? _("Done") : _("To do"), check.text});
            }
        }
    }
    ReplaceRows(m_list, rows);
    m_summary->SetLabelText(
        to_do == 0 ? _("Everything is ready to send.")
                   : wxString::Format(wxPLURAL("%d thing to put right.", "%d things to put right.",
                                               static_cast<unsigned>(to_do)),
                                      to_do));
}

} // namespace coscore::forms
