// SPDX-License-Identifier: MIT
// The chair's reconciliation meeting (PRODUCT.md §3 step 5, §5): per fund, the ranked list with
// the funding line, the budget bar, filters, the tie at the line, a bid's drill-down, raw and
// adjusted ranks, how sure the ranking is, equal voice and reliability; moderated scores,
// decisions, tie-breaks, locks and the export, each through the round's undo history.
#pragma once

#include <coscore/core/workspace.hpp>
#include <coscore/forms/command_history.hpp>
#include <coscore/forms/meeting_model.hpp>
#include <coscore/scoring/reconciler.hpp>

#include <wx/panel.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

class wxButton;
class wxCheckBox;
class wxChoice;
class wxDataViewCtrl;
class wxDataViewEvent;
class wxNotebook;
class wxStaticText;
class wxToggleButton;

namespace coscore::forms
{

class BidDetailPanel;
class BudgetBar;
class CertaintyPanel;
class MeetingListModel;
class ReliabilityPanel;
class SensitivityPanel;
class VoicePanel;

/// Who runs the meeting: a chair, co-chair or deputy by member key, or the officer.
struct MeetingActor
{
    std::optional<scoring::Key> member; ///< empty: the officer
    wxString label;
};

/// When the meeting page reads and reconciles the round.
enum class MeetingLoad : std::uint8_t
{
    Now,       ///< in the constructor
    WhenShown, ///< built and loaded at the first CatchUp(): a page of the main window
};

class MeetingPage : public wxPanel
{
public:
    MeetingPage(wxWindow* parent, core::Workspace& workspace, CommandHistory& history,
                MeetingLoad load = MeetingLoad::Now);
    ~MeetingPage() override;

    /// Builds the page and reads and reconciles the round when not yet done, or again when the
    /// round changed while the page was hidden. Until then the page is empty (no controls) and
    /// GetRound() and GetResult() must not be called.
    void CatchUp();

    /// Shows a fund's reconciliation.
    void SetFund(scoring::Key fund);
    scoring::Key GetFund() const { return m_fund; }
    /// Who is acting (index into GetActors()); commands are recorded in their name.
    void SetActor(std::size_t index);
    const std::vector<MeetingActor>& GetActors() const { return m_actors; }
    core::Actor GetCoreActor() const;
    /// Selects a bid's row and shows its drill-down.
    void SelectBid(scoring::Key bid);
    std::optional<scoring::Key> GetSelectedBid() const { return m_selected; }
    void SetFilter(bool flagged_only, bool near_line_only);
    /// Sorts the list by a column (the "Sort by" choice, or a click on a heading): ranks and
    /// text A to Z, figures and money largest first. The funding line row shows only in rank
    /// order.
    void SortBy(MeetingColumn column);
    /// Larger text on this page, the details folded away and the secondary columns hidden, so
    /// the ranked list can be read from the back of a room.
    void SetProjectorMode(bool on);
    bool IsProjectorMode() const { return m_projector; }

    // The buttons: each opens its dialog, then runs the command.
    void ModerateSelected();
    void DecideSelected();
    void BreakTie();
    void LockCurrentFund();
    void UnlockCurrentFund();
    void ExportRound();

    // The commands behind them (the undo history names and reverses each); false when refused.
    bool RecordModeration(const scoring::ModeratedScore& moderated);
    bool RecordDecision(const scoring::Decision& decision);
    bool RecordTieBreak(const scoring::TieBreak& tie_break);
    bool LockFund();
    bool UnlockFund(const std::string& reason);

    // What is shown (tests, the main window's menus).
    const scoring::RoundData& GetRound() const { return m_reconciler->Round(); }
    const scoring::ReconcileResult& GetResult() const { return m_reconciler->Result(); }
    const MeetingView& GetView() const { return m_view; }
    /// The bids as the list shows them now, top to bottom (0 for the funding line row).
    std::vector<scoring::Key> GetShownOrder() const;
    wxDataViewCtrl* GetList() const { return m_list; }
    wxChoice* GetFundChoice() const { return m_fund_choice; }
    wxChoice* GetActorChoice() const { return m_actor_choice; }
    wxChoice* GetSortChoice() const { return m_sort_choice; }
    wxCheckBox* GetFlaggedOnly() const { return m_flagged; }
    wxCheckBox* GetNearLine() const { return m_near; }
    wxStaticText* GetTieText() const { return m_tie_text; }
    wxStaticText* GetStateText() const { return m_state; }
    BudgetBar* GetBudgetBar() const { return m_budget; }
    BidDetailPanel* GetBidDetail() const { return m_detail; }
    SensitivityPanel* GetSensitivity() const { return m_sensitivity; }
    CertaintyPanel* GetCertainty() const { return m_certainty; }
    VoicePanel* GetVoices() const { return m_voices; }
    ReliabilityPanel* GetReliability() const { return m_reliability; }
    wxNotebook* GetDetails() const { return m_details; }
    wxButton* GetModerateButton() const { return m_moderate; }
    wxButton* GetDecideButton() const { return m_decide; }
    wxButton* GetTieButton() const { return m_tie; }
    wxButton* GetLockButton() const { return m_lock; }
    wxButton* GetUnlockButton() const { return m_unlock; }
    wxButton* GetExportButton() const { return m_export; }
    wxToggleButton* GetProjectorButton() const { return m_projector_button; }

private:
    void BuildContent();
    wxSizer* BuildTopRow();
    wxSizer* BuildButtonRow();
    void BuildDetails();
    void FillFunds();
    void FillActors();
    void Reload();
    void ReloadAll();
    void ShowView();
    void UpdateButtons();
    void ShowSelectedBid();
    void UpdateColumns();
    bool Submit(const wxString& name, EditStep redo, EditStep undo = {});
    const scoring::Bid* FindBid(scoring::Key bid) const;
    const scoring::Fund* FindFund(scoring::Key fund) const;
    std::optional<scoring::Key> ActingMember() const;
    std::optional<wxString> CannotEdit() const;
    void OnChange(const core::ChangeEvent& event);
    void OnSelection(wxDataViewEvent& event);
    void OnSorted(wxDataViewEvent& event);

    core::Workspace& m_workspace;
    CommandHistory& m_history;
    core::Subscription m_subscription;
    std::unique_ptr<scoring::Reconciler> m_reconciler;
    MeetingView m_view;
    scoring::Key m_fund = 0;
    MeetingColumn m_sort = MeetingColumn::Rank; ///< the list's order (rank order at first)
    std::optional<scoring::Key> m_selected;
    std::vector<MeetingActor> m_actors;
    std::size_t m_actor = 0;
    bool m_locked = false;
    bool m_projector = false;
    bool m_stale = false; ///< the round changed (or was never read) while the page was hidden

    wxChoice* m_fund_choice = nullptr;
    wxChoice* m_actor_choice = nullptr;
    wxChoice* m_sort_choice = nullptr;
    wxCheckBox* m_flagged = nullptr;
    wxCheckBox* m_near = nullptr;
    wxToggleButton* m_projector_button = nullptr;
    BudgetBar* m_budget = nullptr;
    wxStaticText* m_state = nullptr;
    wxStaticText* m_tie_text = nullptr;
    wxButton* m_tie = nullptr;
    wxDataViewCtrl* m_list = nullptr;
    MeetingListModel* m_model = nullptr; ///< owned by the list (reference counted)
    wxStaticText* m_count = nullptr;
    wxButton* m_moderate = nullptr;
    wxButton* m_decide = nullptr;
    wxButton* m_lock = nullptr;
    wxButton* m_unlock = nullptr;
    wxButton* m_export = nullptr;
    wxNotebook* m_details = nullptr;
    BidDetailPanel* m_detail = nullptr;
    SensitivityPanel* m_sensitivity = nullptr;
    CertaintyPanel* m_certainty = nullptr;
    VoicePanel* m_voices = nullptr;
    ReliabilityPanel* m_reliability = nullptr;
};

} // namespace coscore::forms
