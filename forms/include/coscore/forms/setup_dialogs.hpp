// SPDX-License-Identifier: MIT
// The officer's setup dialogs. Each edits a copy (STYLE.md §6): the free function shows it and
// returns the edited value, or nothing when cancelled; the caller runs the Workspace command.
// The classes are public so that tests can fill them without showing them modally.
#pragma once

#include <coscore/scoring/model.hpp>

#include <wx/dialog.h>

#include <optional>
#include <vector>

class wxCheckBox;
class wxChoice;
class wxComboBox;
class wxScrolledWindow;
class wxSpinCtrl;
class wxSpinCtrlDouble;
class wxTextCtrl;

namespace coscore::forms
{

class CriterionView;
class FormGrid;

/// A dialog of labelled fields with OK and Cancel. OK closes it only when Check() accepts.
class EditDialog : public wxDialog
{
public:
    EditDialog(wxWindow* parent, const wxString& title);
    ~EditDialog() override;
    bool TransferDataFromWindow() override;

protected:
    /// Whether the fields make a valid value; if not, `problem` says what to do.
    virtual bool Check(wxString* problem) const = 0;
    wxTextCtrl* AddText(const wxString& label, const wxString& value, bool multiline = false);
    wxChoice* AddChoice(const wxString& label, const wxArrayString& items, int selection);
    /// Lays the fields out above `extra` (may be null) and the standard buttons.
    void Finish(wxSizer* extra = nullptr);
    FormGrid& Grid() { return *m_grid; }

private:
    FormGrid* m_grid;
};

/// An EditDialog that reads one value from its fields.
template <typename Value>
class ValueDialog : public EditDialog
{
public:
    using EditDialog::EditDialog;
    /// The edited value; empty (with `problem` saying what to do) when a field is not valid.
    virtual std::optional<Value> Read(wxString* problem = nullptr) const = 0;

protected:
    bool Check(wxString* problem) const override { return Read(problem).has_value(); }
};

class FundDialog : public ValueDialog<scoring::Fund>
{
public:
    FundDialog(wxWindow* parent, const scoring::Fund& fund);
    std::optional<scoring::Fund> Read(wxString* problem = nullptr) const override;

private:
    scoring::Fund m_fund;
    wxTextCtrl* m_name;
    wxTextCtrl* m_budget;
    wxTextCtrl* m_min;
    wxTextCtrl* m_max;
};

class PotDialog : public ValueDialog<scoring::Pot>
{
public:
    PotDialog(wxWindow* parent, const scoring::Pot& pot, const wxArrayString& fields);
    std::optional<scoring::Pot> Read(wxString* problem = nullptr) const override;

private:
    scoring::Pot m_pot;
    wxTextCtrl* m_name;
    wxTextCtrl* m_minimum;
    wxComboBox* m_field;
    wxTextCtrl* m_values;
};

/// A criterion of a scoring form, with a live preview of exactly what members will see.
class CriterionDialog : public ValueDialog<scoring::Criterion>
{
public:
    CriterionDialog(wxWindow* parent, const scoring::Criterion& criterion);
    std::optional<scoring::Criterion> Read(wxString* problem = nullptr) const override;
    /// Sets the descriptor of `level` as if typed (tests).
    void SetDescriptor(int level, const wxString& text);
    CriterionView* GetPreview() const { return m_preview; }

private:
    void RebuildLevels();
    void UpdatePreview();

    scoring::Criterion m_criterion;
    wxTextCtrl* m_ref;
    wxTextCtrl* m_name;
    wxTextCtrl* m_question;
    wxTextCtrl* m_guidance;
    wxTextCtrl* m_easy_read;
    wxSpinCtrlDouble* m_weight;
    wxSpinCtrl* m_min;
    wxSpinCtrl* m_max;
    wxCheckBox* m_has_gate;
    wxSpinCtrl* m_gate;
    wxScrolledWindow* m_levels_panel = nullptr;
    std::vector<wxTextCtrl*> m_levels; ///< one per level of the current scale, lowest first
    wxScrolledWindow* m_preview_panel = nullptr;
    CriterionView* m_preview = nullptr;
};

class MemberDialog : public ValueDialog<scoring::Member>
{
public:
    MemberDialog(wxWindow* parent, const scoring::Member& member);
    std::optional<scoring::Member> Read(wxString* problem = nullptr) const override;

private:
    scoring::Member m_member;
    wxTextCtrl* m_ref;
    wxTextCtrl* m_name;
    wxChoice* m_role;
    wxCheckBox* m_scores;
    wxChoice* m_chair;
};

class BidDialog : public ValueDialog<scoring::Bid>
{
public:
    BidDialog(wxWindow* parent, const scoring::Bid& bid, const std::vector<scoring::Fund>& funds);
    std::optional<scoring::Bid> Read(wxString* problem = nullptr) const override;

private:
    scoring::Bid m_bid;
    std::vector<scoring::Key> m_funds;
    wxTextCtrl* m_ref;
    wxChoice* m_fund;
    wxTextCtrl* m_organisation;
    wxTextCtrl* m_title;
    wxTextCtrl* m_amount;
    wxTextCtrl* m_ward;
    wxTextCtrl* m_summary;
};

struct EligibilityCheck
{
    scoring::Eligibility eligibility = scoring::Eligibility::NotChecked;
    std::string note;
};

class EligibilityDialog : public ValueDialog<EligibilityCheck>
{
public:
    EligibilityDialog(wxWindow* parent, const scoring::Bid& bid);
    std::optional<EligibilityCheck> Read(wxString* problem = nullptr) const override;

private:
    wxChoice* m_eligibility;
    wxTextCtrl* m_note;
};

/// The officer records an interest declared to them (the register).
class RecordInterestDialog : public ValueDialog<scoring::Interest>
{
public:
    RecordInterestDialog(wxWindow* parent, const std::vector<scoring::Member>& members,
                         const std::vector<scoring::Bid>& bids);
    std::optional<scoring::Interest> Read(wxString* problem = nullptr) const override;

private:
    std::vector<scoring::Key> m_members;
    std::vector<scoring::Key> m_bids;
    wxChoice* m_member;
    wxChoice* m_bid;
    wxChoice* m_type;
    wxChoice* m_rule;
    wxTextCtrl* m_note;
};

std::optional<scoring::Fund> EditFund(wxWindow* parent, const scoring::Fund& fund);
std::optional<scoring::Pot> EditPot(wxWindow* parent, const scoring::Pot& pot,
                                    const wxArrayString& fields);
std::optional<scoring::Criterion> EditCriterion(wxWindow* parent,
                                                const scoring::Criterion& criterion);
std::optional<scoring::Member> EditMember(wxWindow* parent, const scoring::Member& member);
std::optional<scoring::Bid> EditBid(wxWindow* parent, const scoring::Bid& bid,
                                    const std::vector<scoring::Fund>& funds);
std::optional<EligibilityCheck> EditEligibility(wxWindow* parent, const scoring::Bid& bid);
std::optional<scoring::Interest> AskRecordInterest(wxWindow* parent,
                                                   const std::vector<scoring::Member>& members,
                                                   const std::vector<scoring::Bid>& bids);

} // namespace coscore::forms
