// SPDX-License-Identifier: MIT
// The panel member's scoring page (PRODUCT.md §5): my bids with status and progress, the bid in
// large readable type, each criterion as radio buttons, comments, declare an interest, "I need
// this explained", previous/next, and every change saved at once with a visible "Saved" state.
#pragma once

#include <coscore/core/workspace.hpp>
#include <coscore/forms/command_history.hpp>

#include <wx/panel.h>
#include <wx/timer.h>

#include <optional>
#include <vector>

class wxButton;
class wxCheckBox;
class wxChoice;
class wxDataViewEvent;
class wxDataViewListCtrl;
class wxScrolledWindow;
class wxSimplebook;
class wxStaticText;
class wxTextCtrl;

namespace coscore::forms
{

class CriterionView;

class ScoringPage : public wxPanel
{
public:
    /// `fixed_member`: a member pack opens straight into that member's scoring, with no choice
    /// of who is scoring; otherwise the page asks "Scoring as …".
    ScoringPage(wxWindow* parent, core::Workspace& workspace, CommandHistory& history,
                std::optional<scoring::Key> fixed_member = std::nullopt);
    ~ScoringPage() override;

    /// Who is scoring; every score is recorded in their name. Empty: nobody chosen yet.
    void SetMember(std::optional<scoring::Key> member);
    std::optional<scoring::Key> GetMember() const { return m_member; }
    /// Shows one of the member's bids.
    void ShowBid(scoring::Key bid);
    std::optional<scoring::Key> GetBid() const { return m_bid; }
    /// Saves comments typed but not yet saved (before leaving the bid, undo or close).
    bool FlushNotes();
    /// After a change of text size: the bid's text is shown from its beginning again (GTK
    /// keeps the old pixel offset, which lands in the middle of text twice as tall).
    void ShowReadingPlace();
    /// Moves to the previous (-1) or next (+1) bid in the list.
    void Step(int direction);
    /// Asks which interest, records it and moves on (the "Declare an interest" button).
    void DeclareInterest();
    /// Called whenever the member changes, so the window can remember who was scoring.
    void OnMemberChanged(std::function<void(std::optional<scoring::Key>)> handler)
    {
        m_on_member_changed = std::move(handler);
    }

    // For tests and the window's menus.
    wxChoice* GetMemberChoice() const { return m_member_choice; }
    wxDataViewListCtrl* GetBidList() const { return m_list; }
    wxStaticText* GetProgress() const { return m_progress; }
    wxStaticText* GetSavedState() const { return m_saved; }
    wxTextCtrl* GetBidText() const { return m_text; }
    const std::vector<CriterionView*>& GetCriteria() const { return m_views; }
    wxTextCtrl* GetStrengths() const { return m_strengths; }
    wxTextCtrl* GetConcerns() const { return m_concerns; }
    wxTextCtrl* GetQuestions() const { return m_questions; }
    wxCheckBox* GetNeedsExplaining() const { return m_explain; }
    wxButton* GetDeclareButton() const { return m_declare; }
    wxButton* GetNextButton() const { return m_next; }
    wxButton* GetPreviousButton() const { return m_previous; }

private:
    void BuildContent();
    wxWindow* BuildBidPanel(wxWindow* parent);
    wxWindow* BuildButtonBar(wxWindow* parent);
    void FillMembers();
    void ReloadList();
    void LoadBid();
    void LoadSheet();
    void ShowMessage(const wxString& message);
    void UpdateEditable();
    std::optional<wxString> ReadOnlyReason() const;
    core::Actor MemberActor() const;
    core::SheetNotes NotesInControls() const;
    void RecordScore(scoring::Key criterion, std::optional<int> value);
    void NotesEdited();
    void SetSavedState(const wxString& text);
    void MarkSaved();
    void OnChange(const core::ChangeEvent& event);
    void OnCharHook(wxKeyEvent& event);
    void OnMemberChoice(wxCommandEvent& event);
    void OnBidSelected(wxDataViewEvent& event);

    core::Workspace& m_workspace;
    CommandHistory& m_history;
    std::optional<scoring::Key> m_fixed_member;
    std::optional<scoring::Key> m_member;
    std::optional<scoring::Key> m_bid;
    std::vector<scoring::Member> m_members; ///< the scoring members, as in the choice
    std::vector<scoring::Bid> m_bids;       ///< the member's bids, as in the list
    std::vector<scoring::Fund> m_funds;
    scoring::Key m_view_fund = 0;   ///< the fund whose criteria m_views show
    core::SheetNotes m_saved_notes; ///< the comments as last saved or loaded
    bool m_notes_dirty = false;
    bool m_loading = false; ///< filling controls: their change events are not the member's
    wxTimer m_notes_timer;
    core::Subscription m_subscription;
    std::function<void(std::optional<scoring::Key>)> m_on_member_changed;

    wxChoice* m_member_choice = nullptr;
    wxStaticText* m_member_label = nullptr;
    wxDataViewListCtrl* m_list = nullptr;
    wxStaticText* m_progress = nullptr;
    wxSimplebook* m_book = nullptr;
    wxStaticText* m_message = nullptr;
    wxScrolledWindow* m_scroll = nullptr;
    wxStaticText* m_heading = nullptr;
    wxStaticText* m_facts = nullptr;
    wxStaticText* m_banner = nullptr;
    wxTextCtrl* m_text = nullptr;
    wxSizer* m_criteria_sizer = nullptr;
    std::vector<CriterionView*> m_views;
    wxTextCtrl* m_strengths = nullptr;
    wxTextCtrl* m_concerns = nullptr;
    wxTextCtrl* m_questions = nullptr;
    wxCheckBox* m_explain = nullptr;
    wxButton* m_previous = nullptr;
    wxButton* m_next = nullptr;
    wxButton* m_declare = nullptr;
    wxStaticText* m_saved = nullptr;
};

} // namespace coscore::forms
