// SPDX-License-Identifier: MIT
// "Decide": the panel's decision on a bid in the categories of a Cabinet report (fund in full,
// reduced with amount and reason, with conditions, reject, defer), its status (proposed or
// agreed; locking is for the whole fund) and the feedback for the applicant, which can be
// drafted from the members' comments.
#pragma once

#include <coscore/scoring/model.hpp>

#include <wx/dialog.h>

#include <array>
#include <functional>
#include <optional>
#include <string>

class wxRadioButton;
class wxStaticText;
class wxTextCtrl;

namespace coscore::forms
{

struct DecisionContext
{
    scoring::Bid bid;
    wxString fund_name;
    /// Drafts the applicant's feedback for a decision from the members' comments.
    std::function<std::string(scoring::DecisionKind, std::optional<scoring::Pence>)> draft;
};

/// The context of `bid` from a round snapshot (drafts with DraftFeedback).
DecisionContext MakeDecisionContext(const scoring::RoundData& round, scoring::Key bid);

class DecisionDialog : public wxDialog
{
public:
    DecisionDialog(wxWindow* parent, DecisionContext context, scoring::Decision initial);

    bool TransferDataToWindow() override;
    bool TransferDataFromWindow() override;
    /// The decision as edited (valid after TransferDataFromWindow()).
    const scoring::Decision& GetValue() const { return m_value; }

    // For tests: what a chair would pick and type.
    void SetKind(scoring::DecisionKind kind);
    void SetAward(const wxString& amount);
    void SetConditions(const wxString& conditions);
    void SetReason(const wxString& reason);
    void SetAgreed(bool agreed);
    void SetFeedback(const wxString& feedback);
    /// Replaces the feedback with a draft from the members' comments (the "Draft" button).
    void DraftFeedback();
    wxTextCtrl* GetFeedback() const { return m_feedback; }
    wxStaticText* GetError() const { return m_error; }

private:
    std::optional<scoring::DecisionKind> Kind() const;
    void UpdateFields();
    /// Drafts the feedback again for the decision as it now stands, unless it was edited.
    void Redraft();

    DecisionContext m_context;
    scoring::Decision m_value;
    bool m_feedback_kept = false; ///< typed or saved feedback is never redrafted by itself
    std::array<wxRadioButton*, 5> m_kinds{};
    wxTextCtrl* m_award = nullptr;
    wxTextCtrl* m_conditions = nullptr;
    wxTextCtrl* m_reason = nullptr;
    wxRadioButton* m_proposed = nullptr;
    wxRadioButton* m_agreed = nullptr;
    wxTextCtrl* m_feedback = nullptr;
    wxStaticText* m_error = nullptr;
};

/// Asks for the decision on the context's bid; empty when cancelled.
std::optional<scoring::Decision> EditDecision(wxWindow* parent, const DecisionContext& context,
                                              scoring::Decision initial);

} // namespace coscore::forms
