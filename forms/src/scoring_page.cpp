// SPDX-License-Identifier: MIT
#include <coscore/forms/criterion_view.hpp>
#include <coscore/forms/interest_dialog.hpp>
#include <coscore/forms/layout.hpp>
#include <coscore/forms/money.hpp>
#include <coscore/forms/run_guarded.hpp>
#include <coscore/forms/scoring_page.hpp>
#include <coscore/forms/string_convert.hpp>
#include <coscore/forms/text_scale.hpp>
#include <coscore/forms/wording.hpp>

#include <wx/button.h>
#include <wx/checkbox.h>
#include <wx/choice.h>
#include <wx/dataview.h>
#include <wx/datetime.h>
#include <wx/scrolwin.h>
#include <wx/simplebook.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>
#include <wx/wrapsizer.h>

#include <algorithm>
#include <map>

namespace coscore::forms
{

using namespace scoring;

namespace
{

// How long typing may pause before the comments are saved. Short enough that nothing typed is
// at risk; long enough that the audit log records thoughts, not keystrokes.
constexpr int kNotesDelayMs = 1200;

// The bid's text: larger than the rest of the page (PRODUCT.md §5, "large readable type").
constexpr double kBidTextScale = 1.25;

bool Settled(SheetStatus status)
{
    return status == SheetStatus::Complete || status == SheetStatus::Submitted;
}

wxString BidText(const Bid& bid)
{
    wxString text;
    if (!bid.summary.empty())
    {
        text << _("Summary") << "\n" << ToWx(bid.summary) << "\n";
    }
    for (const ApplicationField& field : bid.fields)
    {
        text << "\n" << ToWx(field.name) << "\n" << ToWx(field.value) << "\n";
    }
    return text.Trim();
}

wxTextCtrl* AddNotesField(wxWindow* parent, wxSizer* sizer, const wxString& label)
{
    auto* text = new wxStaticText(parent, wxID_ANY, label);
    sizer->Add(text, wxSizerFlags().Border(wxTOP, Gap(parent)));
    auto* field = new wxTextCtrl(parent, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize,
                                 wxTE_MULTILINE | wxTE_BESTWRAP);
    field->SetMinSize(wxSize(-1, field->GetCharHeight() * 4));
    LinkLabel(text, field);
    sizer->Add(field, wxSizerFlags().Expand().Border(wxTOP, Gap(parent) / 2));
    return field;
}

} // namespace

ScoringPage::ScoringPage(wxWindow* parent, core::Workspace& workspace, CommandHistory& history,
                         std::optional<Key> fixed_member)
    : wxPanel(parent), m_workspace(workspace), m_history(history), m_fixed_member(fixed_member),
      m_notes_timer(this)
{
    BuildContent();
    FillMembers();
    Bind(wxEVT_TIMER, [this](wxTimerEvent&) { FlushNotes(); });
    Bind(wxEVT_CHAR_HOOK, &ScoringPage::OnCharHook, this);
    m_subscription =
        m_workspace.Subscribe([this](const core::ChangeEvent& event) { OnChange(event); });
    SetMember(fixed_member);
}

ScoringPage::~ScoringPage()
{
    m_notes_timer.Stop();
}

void ScoringPage::BuildContent()
{
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    auto* who = new wxBoxSizer(wxHORIZONTAL);
    if (m_fixed_member)
    {
        m_member_label = new wxStaticText(this, wxID_ANY, wxString());
        m_member_label->SetFont(m_member_label->GetFont().Bold());
        who->Add(m_member_label, wxSizerFlags().Center());
    }
    else
    {
        auto* label = new wxStaticText(this, wxID_ANY, _("Scoring &as:"));
        who->Add(label, wxSizerFlags().Center().Border(wxRIGHT, Gap(this)));
        m_member_choice = new wxChoice(this, wxID_ANY);
        LinkLabel(label, m_member_choice);
        m_member_choice->Bind(wxEVT_CHOICE, &ScoringPage::OnMemberChoice, this);
        who->Add(m_member_choice, wxSizerFlags().Center());
    }
    sizer->Add(who, wxSizerFlags().Expand().Border(wxALL, Gap(this)));

    auto* body = new wxBoxSizer(wxHORIZONTAL);
    auto* left = new wxBoxSizer(wxVERTICAL);
    auto* list_label = new wxStaticText(this, wxID_ANY, _("&My bids"));
    list_label->SetFont(list_label->GetFont().Bold());
    left->Add(list_label);
    // Status first: it is short, so it never scrolls out of sight behind a long title.
    m_list = MakeList(this, _("My bids"), {{_("Status")}, {_("Bid")}});
    // Wide enough for a reference, most of a title and the status, at any text size.
    m_list->SetMinSize(wxSize(m_list->GetCharWidth() * 44, -1));
    LinkLabel(list_label, m_list);
    // Created after the list (shown above it) so that it is not taken as the list's label.
    m_progress = new wxStaticText(this, wxID_ANY, wxString());
    left->Add(m_progress, wxSizerFlags().Border(wxTOP | wxBOTTOM, Gap(this) / 2));
    m_list->Bind(wxEVT_DATAVIEW_SELECTION_CHANGED, &ScoringPage::OnBidSelected, this);
    left->Add(m_list, wxSizerFlags(1).Expand());
    body->Add(left, wxSizerFlags(2).Expand().Border(wxLEFT | wxBOTTOM, Gap(this)));

    auto* right = new wxBoxSizer(wxVERTICAL);
    m_book = new wxSimplebook(this);
    auto* message_page = new wxPanel(m_book);
    auto* message_sizer = new wxBoxSizer(wxVERTICAL);
    m_message = MakeText(message_page, wxString());
    m_message->SetFont(m_message->GetFont().Scaled(1.2F));
    message_sizer->Add(m_message, wxSizerFlags().Expand().Border(wxALL, BigGap(this)));
    message_page->SetSizer(message_sizer);
    m_book->AddPage(message_page, wxString());
    m_book->AddPage(BuildBidPanel(m_book), wxString());
    right->Add(m_book, wxSizerFlags(1).Expand());
    right->Add(BuildButtonBar(this), wxSizerFlags().Expand().Border(wxTOP, Gap(this)));
    body->Add(right, wxSizerFlags(5).Expand().Border(wxLEFT | wxRIGHT | wxBOTTOM, Gap(this)));
    sizer->Add(body, wxSizerFlags(1).Expand());
    SetSizer(sizer);
}

wxWindow* ScoringPage::BuildBidPanel(wxWindow* parent)
{
    m_scroll = new wxScrolledWindow(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                                    wxVSCROLL | wxTAB_TRAVERSAL);
    m_scroll->SetScrollRate(0, FromDIP(16));
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    const auto add = [&](wxWindow* w, int border = 0)
    { sizer->Add(w, wxSizerFlags().Expand().Border(wxTOP, border)); };
    m_heading = MakeHeading(m_scroll, wxString(), 1.4);
    add(m_heading);
    m_facts = MakeText(m_scroll, wxString());
    add(m_facts, Gap(this) / 2);
    m_banner = MakeText(m_scroll, wxString());
    m_banner->SetFont(m_banner->GetFont().Bold());
    add(m_banner, Gap(this));

    auto* text_label = new wxStaticText(m_scroll, wxID_ANY, _("About this &bid"));
    text_label->SetFont(text_label->GetFont().Bold());
    add(text_label, BigGap(this));
    m_text = new wxTextCtrl(m_scroll, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize,
                            wxTE_MULTILINE | wxTE_READONLY | wxTE_BESTWRAP | wxTE_RICH2);
    m_text->SetFont(m_text->GetFont().Scaled(static_cast<float>(kBidTextScale)));
    m_text->SetMinSize(wxSize(-1, m_text->GetCharHeight() * 14));
    LinkLabel(text_label, m_text);
    add(m_text, Gap(this) / 2);

    add(MakeHeading(m_scroll, _("Your scores"), 1.15), BigGap(this));
    add(MakeText(m_scroll,
                 _("Choose one answer for each question. You can use the mouse, or press Tab to "
                   "reach a question and a number key to pick that level. Each choice is saved "
                   "at once.")),
        Gap(this) / 2);
    m_criteria_sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(m_criteria_sizer, wxSizerFlags().Expand());

    add(MakeHeading(m_scroll, _("Your comments"), 1.15), BigGap(this));
    add(MakeText(m_scroll, _("The panel sees these in the meeting. They are saved as you type.")),
        Gap(this) / 2);
    m_strengths = AddNotesField(m_scroll, sizer, _("&Strengths:"));
    m_concerns = AddNotesField(m_scroll, sizer, _("Con&cerns:"));
    m_questions = AddNotesField(m_scroll, sizer, _("&Questions for the meeting:"));
    for (wxTextCtrl* field : {m_strengths, m_concerns, m_questions})
    {
        field->Bind(wxEVT_TEXT, [this](wxCommandEvent&) { NotesEdited(); });
        field->Bind(wxEVT_KILL_FOCUS,
                    [this](wxFocusEvent& event)
                    {
                        FlushNotes();
                        event.Skip();
                    });
    }
    m_explain = new wxCheckBox(m_scroll, wxID_ANY, _("I need this e&xplained"));
    m_explain->Bind(wxEVT_CHECKBOX,
                    [this](wxCommandEvent&)
                    {
                        m_notes_dirty = true;
                        FlushNotes();
                    });
    add(m_explain, BigGap(this));
    // Created after the check box, so that it is not read as the box's label.
    add(MakeText(m_scroll, _("Tick this if you want someone to explain this bid to the panel "
                             "at the meeting.")),
        Gap(this) / 2);
    sizer->AddSpacer(BigGap(this));

    auto* outer = new wxBoxSizer(wxVERTICAL);
    outer->Add(sizer, wxSizerFlags(1).Expand().Border(wxLEFT | wxRIGHT, BigGap(this)));
    m_scroll->SetSizer(outer);
    return m_scroll;
}

wxWindow* ScoringPage::BuildButtonBar(wxWindow* parent)
{
    auto* bar = new wxPanel(parent);
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    // Buttons first: a text created just before a button would become its screen-reader label.
    m_previous = new wxButton(bar, wxID_BACKWARD, _("&Previous bid"));
    m_next = new wxButton(bar, wxID_FORWARD, _("&Next bid"));
    m_declare = new wxButton(bar, wxID_ANY, _("&Declare an interest..."));
    m_previous->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { Step(-1); });
    m_next->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { Step(+1); });
    m_declare->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { DeclareInterest(); });
    // The saved state has a line of its own, so that it is never squeezed at large text.
    m_saved = MakeText(bar, wxString());
    m_saved->SetFont(m_saved->GetFont().Bold());
    sizer->Add(m_saved, wxSizerFlags().Expand().Border(wxBOTTOM, Gap(this) / 2));
    auto* buttons = new wxWrapSizer(wxHORIZONTAL);
    for (wxButton* button : {m_previous, m_next, m_declare})
    {
        buttons->Add(button, wxSizerFlags().Border(wxRIGHT | wxBOTTOM, Gap(this)));
    }
    sizer->Add(buttons, wxSizerFlags().Expand());
    bar->SetSizer(sizer);
    return bar;
}

void ScoringPage::FillMembers()
{
    m_members.clear();
    for (const Member& m : m_workspace.ListMembers())
    {
        if (m.scores)
        {
            m_members.push_back(m);
        }
    }
    if (m_member_choice == nullptr)
    {
        return;
    }
    m_member_choice->Clear();
    m_member_choice->Append(_("Choose your name"));
    for (const Member& m : m_members)
    {
        m_member_choice->Append(ToWx(m.name) + " (" + RoleText(m.role) + ")");
    }
    int selection = 0;
    for (std::size_t i = 0; i < m_members.size(); ++i)
    {
        if (m_member && m_members[i].key == *m_member)
        {
            selection = static_cast<int>(i) + 1;
        }
    }
    m_member_choice->SetSelection(selection);
}

void ScoringPage::SetMember(std::optional<Key> member)
{
    FlushNotes();
    if (member && std::none_of(m_members.begin(), m_members.end(),
                               [&](const Member& m) { return m.key == *member; }))
    {
        member.reset(); // not a scoring member (any more)
    }
    m_member = member;
    m_bid.reset();
    FillMembers();
    if (m_member_label != nullptr && m_member)
    {
        const auto who = m_workspace.FindMember(*m_member);
        m_member_label->SetLabelText(wxString::Format(_("Scoring as %s"), ToWx(who->name)));
    }
    ReloadList();
    // Start where there is work to do: the first bid not yet scored.
    for (const Bid& bid : m_bids)
    {
        if (!m_bid && m_member)
        {
            const auto sheet = m_workspace.GetSheet(bid.key, *m_member).sheet;
            if (!Settled(sheet.status))
            {
                m_bid = bid.key;
            }
        }
    }
    if (!m_bid && !m_bids.empty())
    {
        m_bid = m_bids.front().key;
    }
    LoadBid();
    if (m_on_member_changed)
    {
        m_on_member_changed(m_member);
    }
}

void ScoringPage::ShowBid(Key bid)
{
    if (m_bid == bid)
    {
        return;
    }
    FlushNotes();
    m_bid = bid;
    LoadBid();
}

void ScoringPage::ReloadList()
{
    m_bids.clear();
    if (!m_member)
    {
        m_list->DeleteAllItems();
        m_progress->SetLabelText(wxString());
        return;
    }
    m_bids = m_workspace.ListBidsForMember(*m_member);
    m_funds = m_workspace.ListFunds();
    std::map<Key, SheetStatus> status;
    for (const ScoreSheet& sheet : m_workspace.ListSheetsForMember(*m_member))
    {
        status[sheet.bid] = sheet.status;
    }
    bool same_rows = static_cast<std::size_t>(m_list->GetItemCount()) == m_bids.size();
    for (std::size_t i = 0; same_rows && i < m_bids.size(); ++i)
    {
        const auto item = m_list->RowToItem(static_cast<int>(i));
        same_rows = static_cast<Key>(m_list->GetItemData(item)) == m_bids[i].key;
    }
    int scored = 0;
    m_loading = true;
    std::vector<ListRow> rows;
    for (std::size_t i = 0; i < m_bids.size(); ++i)
    {
        const Bid& bid = m_bids[i];
        const SheetStatus s =
            status.count(bid.key) != 0 ? status[bid.key] : SheetStatus::NotStarted;
        scored += Settled(s) ? 1 : 0;
        const wxString name = ToWx(bid.ref + " " + bid.project_title);
        if (same_rows)
        {
            // The same bids: change the texts in place, keeping the selection and scroll.
            m_list->SetTextValue(SheetStatusText(s), static_cast<unsigned>(i), 0);
            m_list->SetTextValue(name, static_cast<unsigned>(i), 1);
        }
        else
        {
            wxVector<wxVariant> cells;
            cells.push_back(SheetStatusText(s));
            cells.push_back(name);
            rows.push_back({cells, static_cast<wxUIntPtr>(bid.key)});
        }
    }
    if (!same_rows)
    {
        ReplaceRows(m_list, rows);
    }
    m_loading = false;
    m_progress->SetLabelText(
        wxString::Format(wxPLURAL("%d of %d bid scored", "%d of %d bids scored",
                                  static_cast<unsigned>(m_bids.size())),
                         scored, static_cast<int>(m_bids.size())));
    Layout();
}

void ScoringPage::ShowMessage(const wxString& message)
{
    SetWrappedLabel(m_message, message);
    m_book->ChangeSelection(0);
    m_message->GetParent()->Layout();
    UpdateEditable();
}

void ScoringPage::LoadBid()
{
    m_notes_timer.Stop();
    m_notes_dirty = false;
    if (!m_member)
    {
        ShowMessage(m_member_choice != nullptr
                        ? _("Who is scoring? Choose your name in \"Scoring as\" above to see the "
                            "bids you are asked to score.")
                        : _("There is nobody to score as in this file."));
        return;
    }
    if (m_bids.empty())
    {
        ShowMessage(
            _("You have no bids to score. Bids you declared an interest in are not shown."));
        return;
    }
    const auto it = std::find_if(m_bids.begin(), m_bids.end(),
                                 [this](const Bid& b) { return m_bid && b.key == *m_bid; });
    if (it == m_bids.end())
    {
        m_bid = m_bids.front().key;
        LoadBid();
        return;
    }
    const Bid& bid = *it;
    const auto fund = std::find_if(m_funds.begin(), m_funds.end(),
                                   [&](const Fund& f) { return f.key == bid.fund; });
    m_loading = true;
    SetWrappedLabel(m_heading, ToWx(bid.ref + " " + bid.project_title));
    wxString facts = ToWx(bid.organisation);
    facts << "  \u00B7  " << wxString::Format(_("asks for %s"), FormatPounds(bid.requested_pence));
    if (fund != m_funds.end())
    {
        facts << _(" from the ") << ToWx(fund->name);
    }
    if (!bid.ward.empty())
    {
        facts << "  \u00B7  " << wxString::Format(_("Area: %s"), ToWx(bid.ward));
    }
    SetWrappedLabel(m_facts, facts);
    m_text->ChangeValue(BidText(bid));
    m_text->SetInsertionPoint(0);
    m_text->ShowPosition(0);
    if (fund != m_funds.end() && (bid.fund != m_view_fund || m_views.empty()))
    {
        m_criteria_sizer->Clear(true);
        m_views.clear();
        int position = 1;
        const int count = static_cast<int>(fund->criteria.size());
        for (const Criterion& c : fund->criteria)
        {
            auto* view = new CriterionView(m_scroll, c, position++, count);
            const Key criterion = c.key;
            view->OnPicked([this, criterion](std::optional<int> value)
                           { RecordScore(criterion, value); });
            m_criteria_sizer->Add(view, wxSizerFlags().Expand().Border(wxTOP, Gap(this)));
            m_views.push_back(view);
        }
        m_view_fund = bid.fund;
        // New windows start at the system font: bring them to the page's text size.
        for (CriterionView* view : m_views)
        {
            ScaleFonts(view, TextScaleOf(this));
        }
    }
    for (int row = 0; row < static_cast<int>(m_list->GetItemCount()); ++row)
    {
        const wxDataViewItem item = m_list->RowToItem(row);
        if (static_cast<Key>(m_list->GetItemData(item)) == bid.key)
        {
            m_list->Select(item);
            m_list->EnsureVisible(item);
        }
    }
    m_loading = false;
    LoadSheet();
    m_book->ChangeSelection(1);
    m_scroll->Scroll(0, 0);
    m_scroll->FitInside();
    m_scroll->Layout();
    SetSavedState(_("Every change is saved at once."));
}

void ScoringPage::LoadSheet()
{
    if (!m_member || !m_bid)
    {
        return;
    }
    const core::SheetView view = m_workspace.GetSheet(*m_bid, *m_member);
    m_loading = true;
    for (std::size_t i = 0; i < m_views.size() && i < view.scores.size(); ++i)
    {
        const Score& s = view.scores[i];
        m_views[i]->SetValue(s.value ? std::optional<int>(*s.value) : std::nullopt);
    }
    core::SheetNotes notes;
    notes.bid = *m_bid;
    notes.member = *m_member;
    notes.strengths = view.sheet.strengths;
    notes.concerns = view.sheet.concerns;
    notes.questions = view.sheet.questions;
    notes.needs_explaining = view.sheet.needs_explaining;
    notes.supported_by = view.sheet.supported_by;
    if (!m_notes_dirty)
    {
        m_strengths->ChangeValue(ToWx(notes.strengths));
        m_concerns->ChangeValue(ToWx(notes.concerns));
        m_questions->ChangeValue(ToWx(notes.questions));
        m_explain->SetValue(notes.needs_explaining);
        m_saved_notes = notes;
    }
    m_loading = false;
    UpdateEditable();
}

std::optional<wxString> ScoringPage::ReadOnlyReason() const
{
    if (m_workspace.IsReadOnly())
    {
        return _("This round is open read-only: you can read everything, but not change it.");
    }
    if (!m_member || !m_bid)
    {
        return wxString();
    }
    const auto bid = std::find_if(m_bids.begin(), m_bids.end(),
                                  [this](const Bid& b) { return b.key == *m_bid; });
    if (bid != m_bids.end() && m_workspace.IsFundLocked(bid->fund))
    {
        return _("Decisions on this fund are final, so its scores can no longer change.");
    }
    if (m_workspace.GetSheet(*m_bid, *m_member).sheet.status == SheetStatus::Submitted)
    {
        return _("You have submitted your scores for this bid. They are kept as your "
                 "independent scores; any change is made in the meeting, with a reason.");
    }
    return std::nullopt;
}

void ScoringPage::UpdateEditable()
{
    const auto reason = ReadOnlyReason();
    const bool editable = !reason.has_value();
    const bool showing_bid = m_member && m_bid && !m_bids.empty();
    for (CriterionView* view : m_views)
    {
        view->SetEditable(editable);
    }
    for (wxTextCtrl* field : {m_strengths, m_concerns, m_questions})
    {
        field->SetEditable(editable);
    }
    m_explain->Enable(editable);
    m_declare->Enable(showing_bid && !m_workspace.IsReadOnly());
    const auto index = std::find_if(m_bids.begin(), m_bids.end(),
                                    [this](const Bid& b) { return m_bid && b.key == *m_bid; }) -
                       m_bids.begin();
    m_previous->Enable(showing_bid && index > 0);
    m_next->Enable(showing_bid && index + 1 < static_cast<std::ptrdiff_t>(m_bids.size()));
    SetWrappedLabel(m_banner, reason.value_or(wxString()));
    m_banner->Show(reason.has_value() && !reason->empty());
    m_scroll->Layout();
}

core::Actor ScoringPage::MemberActor() const
{
    const auto who = m_workspace.FindMember(*m_member);
    return {who ? who->ref : std::to_string(*m_member), false};
}

core::SheetNotes ScoringPage::NotesInControls() const
{
    core::SheetNotes notes = m_saved_notes;
    notes.strengths = ToUtf8(m_strengths->GetValue());
    notes.concerns = ToUtf8(m_concerns->GetValue());
    notes.questions = ToUtf8(m_questions->GetValue());
    notes.needs_explaining = m_explain->GetValue();
    return notes;
}

void ScoringPage::RecordScore(Key criterion, std::optional<int> value)
{
    if (m_loading || !m_member || !m_bid)
    {
        return;
    }
    FlushNotes();
    const Key bid = *m_bid;
    const Key member = *m_member;
    const auto sheet = m_workspace.GetSheet(bid, member);
    std::optional<int> old_value;
    MissingReason old_missing = MissingReason::NotYet;
    std::string name;
    for (std::size_t i = 0; i < sheet.scores.size(); ++i)
    {
        if (sheet.scores[i].criterion == criterion)
        {
            if (sheet.scores[i].value)
            {
                old_value = *sheet.scores[i].value;
            }
            old_missing = sheet.scores[i].missing;
            name = i < m_views.size() ? m_views[i]->GetCriterion().name : std::string();
        }
    }
    const bool ok = m_history.Submit(
        MemberActor(), wxString::Format(_("Score: %s"), ToWx(name)),
        [=](core::Workspace& ws) { ws.RecordScore(bid, member, criterion, value); },
        [=](core::Workspace& ws)
        {
            ws.RecordScore(bid, member, criterion, old_value,
                           old_missing == MissingReason::None ? MissingReason::NotYet
                                                              : old_missing);
        });
    if (ok)
    {
        MarkSaved();
    }
    else
    {
        SetSavedState(_("Not saved: see the message"));
        LoadSheet(); // show what is really stored
    }
}

void ScoringPage::NotesEdited()
{
    if (m_loading)
    {
        return;
    }
    m_notes_dirty = true;
    SetSavedState(_("Saving when you pause typing..."));
    m_notes_timer.StartOnce(kNotesDelayMs);
}

bool ScoringPage::FlushNotes()
{
    m_notes_timer.Stop();
    if (!m_notes_dirty || !m_member || !m_bid)
    {
        return true;
    }
    m_notes_dirty = false;
    const core::SheetNotes before = m_saved_notes;
    const core::SheetNotes after = NotesInControls();
    // GTK can report a text change when only the fonts changed (a new text size): an edit
    // that changes nothing is not saved, so it adds no undo step and no audit entry.
    if (after == before)
    {
        MarkSaved();
        return true;
    }
    const bool ok = m_history.Submit(
        MemberActor(), _("Comments"), [=](core::Workspace& ws) { ws.SaveSheetNotes(after); },
        [=](core::Workspace& ws) { ws.SaveSheetNotes(before); });
    if (ok)
    {
        m_saved_notes = after;
        MarkSaved();
    }
    else
    {
        SetSavedState(_("Not saved: see the message"));
    }
    return ok;
}

void ScoringPage::SetSavedState(const wxString& text)
{
    SetWrappedLabel(m_saved, text);
    m_saved->GetParent()->Layout();
}

void ScoringPage::MarkSaved()
{
    // Shown only after the commit: "saved" must mean on disk (RELIABILITY.md §1).
    SetSavedState(wxString::Format(_("Saved at %s"), wxDateTime::Now().Format("%H:%M:%S")));
}

void ScoringPage::Step(int direction)
{
    if (!m_bid)
    {
        return;
    }
    const auto it = std::find_if(m_bids.begin(), m_bids.end(),
                                 [this](const Bid& b) { return b.key == *m_bid; });
    const auto index = (it - m_bids.begin()) + direction;
    if (it != m_bids.end() && index >= 0 && index < static_cast<std::ptrdiff_t>(m_bids.size()))
    {
        ShowBid(m_bids[static_cast<std::size_t>(index)].key);
    }
}

void ScoringPage::DeclareInterest()
{
    if (!m_member || !m_bid)
    {
        return;
    }
    FlushNotes();
    const auto bid = m_workspace.FindBid(*m_bid);
    const auto interest = AskInterest(this, *bid, *m_member);
    if (!interest)
    {
        return;
    }
    // The bid that follows becomes the current one if this one leaves the list.
    const auto it = std::find_if(m_bids.begin(), m_bids.end(),
                                 [this](const Bid& b) { return b.key == *m_bid; });
    const auto next =
        it + 1 != m_bids.end()
            ? std::optional<Key>((it + 1)->key)
            : (it != m_bids.begin() ? std::optional<Key>((it - 1)->key) : std::nullopt);
    const Interest declared = *interest;
    if (BarsScoring(declared.rule))
    {
        m_bid = next;
    }
    // Declarations are append-only, so this step cannot be undone.
    if (m_history.Submit(MemberActor(), _("Declare an interest"),
                         [declared](core::Workspace& ws) { ws.DeclareInterest(declared); }))
    {
        SetSavedState(_("Interest recorded"));
    }
    else
    {
        m_bid = declared.bid;
        ReloadList();
        LoadBid();
    }
}

void ScoringPage::OnChange(const core::ChangeEvent& event)
{
    if (event.kind == core::ChangeKind::Members || event.kind == core::ChangeKind::Import)
    {
        FillMembers();
    }
    ReloadList();
    if (!m_member)
    {
        LoadBid();
        return;
    }
    const bool still_listed =
        m_bid &&
        std::any_of(m_bids.begin(), m_bids.end(), [this](const Bid& b) { return b.key == *m_bid; });
    const bool shape_changed =
        event.kind == core::ChangeKind::Criteria || event.kind == core::ChangeKind::Funds ||
        event.kind == core::ChangeKind::Bids || event.kind == core::ChangeKind::Import;
    if (!still_listed || shape_changed || m_book->GetSelection() != 1)
    {
        if (shape_changed)
        {
            m_view_fund = 0; // the form may have changed: build it again
        }
        LoadBid();
        return;
    }
    LoadSheet();
}

void ScoringPage::OnCharHook(wxKeyEvent& event)
{
    const int key = event.GetKeyCode();
    int digit = -1;
    if (key >= '0' && key <= '9')
    {
        digit = key - '0';
    }
    else if (key >= WXK_NUMPAD0 && key <= WXK_NUMPAD9)
    {
        digit = key - WXK_NUMPAD0;
    }
    if (digit >= 0 && event.GetModifiers() == wxMOD_NONE)
    {
        const wxWindow* focus = FindFocus();
        for (CriterionView* view : m_views)
        {
            if (view->Owns(focus))
            {
                if (const auto level = view->LevelForDigit(digit))
                {
                    view->PickLevel(*level);
                }
                return; // a digit on a question never types anywhere else
            }
        }
    }
    event.Skip();
}

void ScoringPage::OnMemberChoice(wxCommandEvent& event)
{
    const int index = event.GetSelection() - 1;
    SetMember(index >= 0 && index < static_cast<int>(m_members.size())
                  ? std::optional<Key>(m_members[static_cast<std::size_t>(index)].key)
                  : std::nullopt);
}

void ScoringPage::OnBidSelected(wxDataViewEvent& event)
{
    if (m_loading || !event.GetItem().IsOk())
    {
        return;
    }
    ShowBid(static_cast<Key>(m_list->GetItemData(event.GetItem())));
}

void ScoringPage::ShowReadingPlace()
{
    // GTK keeps the top line's pixel offset through the re-wrap, which at a larger size lands
    // in the middle of the text; setting the text again starts the view at its beginning.
    m_text->ChangeValue(m_text->GetValue());
    m_text->SetInsertionPoint(0);
    m_text->ShowPosition(0);
}

} // namespace coscore::forms
