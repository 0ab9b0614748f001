// SPDX-License-Identifier: MIT
// The officer's setup pages (PRODUCT.md §3 step 1, §5): funds and pots, scoring forms with a
// preview of what members see, members, bids (with the import wizard), the interests register,
// the policy and the pre-send checklist. Every edit is an undoable Workspace command.
#pragma once

#include <coscore/core/workspace.hpp>
#include <coscore/forms/command_history.hpp>

#include <wx/panel.h>

#include <functional>
#include <optional>
#include <vector>

class wxBoxSizer;
class wxSizer;
class wxButton;
class wxCheckBox;
class wxChoice;
class wxDataViewListCtrl;
class wxScrolledWindow;
class wxSpinCtrl;
class wxStaticText;

namespace coscore::forms
{

/// A setup page: a heading, what the page is for, and its content below; refilled from the
/// round when something changes (at once when shown, otherwise when next shown).
class SetupPage : public wxPanel
{
public:
    /// Builds and fills the page the first time it is shown, and fills it again if the round
    /// changed while it was hidden. Until the first call the page is empty: no controls.
    void CatchUp();

protected:
    SetupPage(wxWindow* parent, core::Workspace& workspace, CommandHistory* history,
              const wxString& title, const wxString& intro);
    /// Makes the page's controls in Body() (at the first CatchUp()).
    virtual void Build() = 0;
    /// Reads the round and shows it.
    virtual void Fill() = 0;
    /// Fill, then lay the page out again for the new texts.
    void Refill();
    /// Runs an edit as the officer; false (the reason shown) when the round refused it.
    bool Submit(const wxString& name, EditStep redo, EditStep undo = {});
    /// A row of buttons under the content; each runs `action`.
    wxButton* AddButton(wxSizer* row, const wxString& label, std::function<void()> action);
    wxBoxSizer* Body() { return m_body; }
    bool CanEdit() const { return !m_workspace.IsReadOnly(); }

    core::Workspace& m_workspace;

private:
    CommandHistory* m_history;
    wxString m_title;
    wxString m_intro;
    wxBoxSizer* m_body = nullptr; ///< null until built
    bool m_stale = false;
    core::Subscription m_subscription;
};

/// The row of a list that is selected, if any.
std::optional<int> SelectedRow(const wxDataViewListCtrl* list);

class FundsPage : public SetupPage
{
public:
    FundsPage(wxWindow* parent, core::Workspace& workspace, CommandHistory& history);
    wxDataViewListCtrl* GetFundList() const { return m_funds_list; }
    wxDataViewListCtrl* GetPotList() const { return m_pots_list; }
    void AddFund();
    void ChangeFund();
    void AddPot();
    void RemovePot();

protected:
    void Build() override;
    void Fill() override;

private:
    void FillPots();
    std::optional<scoring::Fund> SelectedFund() const;

    std::vector<scoring::Fund> m_funds;
    wxStaticText* m_total = nullptr;
    wxDataViewListCtrl* m_funds_list = nullptr;
    wxDataViewListCtrl* m_pots_list = nullptr;
};

class FormsPage : public SetupPage
{
public:
    FormsPage(wxWindow* parent, core::Workspace& workspace, CommandHistory& history);
    wxChoice* GetFundChoice() const { return m_fund; }
    wxDataViewListCtrl* GetCriteriaList() const { return m_criteria; }
    wxStaticText* GetWeights() const { return m_weights; }
    wxScrolledWindow* GetPreview() const { return m_preview; }
    void AddCriterion();
    void ChangeCriterion();
    void RemoveCriterion();
    void MoveCriterion(int direction);

protected:
    void Build() override;
    void Fill() override;

private:
    std::optional<scoring::Fund> CurrentFund() const;
    std::optional<scoring::Criterion> SelectedCriterion() const;

    std::vector<scoring::Fund> m_funds;
    wxChoice* m_fund = nullptr;
    wxStaticText* m_weights = nullptr;
    wxDataViewListCtrl* m_criteria = nullptr;
    wxScrolledWindow* m_preview = nullptr;
};

class MembersPage : public SetupPage
{
public:
    MembersPage(wxWindow* parent, core::Workspace& workspace, CommandHistory& history);
    wxDataViewListCtrl* GetList() const { return m_list; }
    void AddMember();
    void ChangeMember();
    void RemoveMember();

protected:
    void Build() override;
    void Fill() override;

private:
    std::vector<scoring::Member> m_members;
    wxStaticText* m_summary = nullptr;
    wxDataViewListCtrl* m_list = nullptr;
};

class BidsPage : public SetupPage
{
public:
    BidsPage(wxWindow* parent, core::Workspace& workspace, CommandHistory& history);
    wxDataViewListCtrl* GetList() const { return m_list; }
    void AddBid();
    void ChangeBid();
    void CheckEligibility();
    void RemoveBid();
    void ImportBids();

protected:
    void Build() override;
    void Fill() override;

private:
    std::optional<scoring::Bid> SelectedBid() const;

    std::vector<scoring::Bid> m_bids;
    wxStaticText* m_summary = nullptr;
    wxDataViewListCtrl* m_list = nullptr;
};

class InterestsPage : public SetupPage
{
public:
    InterestsPage(wxWindow* parent, core::Workspace& workspace, CommandHistory& history);
    wxDataViewListCtrl* GetList() const { return m_list; }
    void RecordInterest();

protected:
    void Build() override;
    void Fill() override;

private:
    wxDataViewListCtrl* m_list = nullptr;
};

class PolicyPage : public SetupPage
{
public:
    PolicyPage(wxWindow* parent, core::Workspace& workspace, CommandHistory& history);
    /// The policy as the controls show it.
    scoring::Policy ReadPolicy() const;
    void ShowPolicy(const scoring::Policy& policy);
    /// Saves the controls' policy (the "Save policy" button).
    void SavePolicy();

protected:
    void Build() override;
    void Fill() override;

private:
    scoring::Policy m_policy; ///< as stored
    wxChoice* m_rank_by = nullptr;
    wxChoice* m_allocation = nullptr;
    wxSpinCtrl* m_flag_range = nullptr;
    wxSpinCtrl* m_flag_iqr = nullptr;
    wxSpinCtrl* m_flag_sd = nullptr;
    wxSpinCtrl* m_flag_outlier = nullptr;
    wxSpinCtrl* m_flag_voice_gap = nullptr;
    wxSpinCtrl* m_quorum_n = nullptr;
    wxSpinCtrl* m_quorum_fraction = nullptr;
    wxCheckBox* m_quorum_lived = nullptr;
    wxCheckBox* m_snsf = nullptr;
    wxButton* m_save = nullptr;
};

class ChecklistPage : public SetupPage
{
public:
    ChecklistPage(wxWindow* parent, core::Workspace& workspace);
    wxDataViewListCtrl* GetList() const { return m_list; }

protected:
    void Build() override;
    void Fill() override;

private:
    wxStaticText* m_summary = nullptr;
    wxDataViewListCtrl* m_list = nullptr;
};

} // namespace coscore::forms
