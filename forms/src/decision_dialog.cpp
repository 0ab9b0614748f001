// SPDX-License-Identifier: MIT
#include "meeting_kit.hpp"

#include <coscore/forms/decision_dialog.hpp>
#include <coscore/forms/layout.hpp>
#include <coscore/forms/meeting_model.hpp>
#include <coscore/forms/money.hpp>
#include <coscore/forms/string_convert.hpp>
#include <coscore/forms/text_scale.hpp>

#include <wx/button.h>
#include <wx/radiobut.h>
#include <wx/sizer.h>
#include <wx/statbox.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include <algorithm>
#include <iterator>

namespace coscore::forms
{

using namespace scoring;

namespace
{

constexpr std::array<DecisionKind, 5> kKinds{DecisionKind::FundInFull, DecisionKind::FundReduced,
                                             DecisionKind::FundWithConditions, DecisionKind::Reject,
                                             DecisionKind::Defer};

wxTextCtrl* MultiLine(wxWindow* parent, int lines)
{
    auto* text = new wxTextCtrl(parent, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize,
                                wxTE_MULTILINE);
    text->SetMinSize(wxSize(text->GetCharWidth() * 40, text->GetCharHeight() * lines));
    return text;
}

} // namespace

DecisionContext MakeDecisionContext(const RoundData& round, Key bid)
{
    DecisionContext context;
    if (const Bid* found = FindRoundBid(round, bid))
    {
        context.bid = *found;
        if (const Fund* fund = FindRoundFund(round, found->fund))
        {
            context.fund_name = ToWx(fund->name);
        }
    }
    // Only what the draft reads: the bid's fund, sheets and interests (a round can be large).
    RoundData part;
    if (const Fund* fund = FindRoundFund(round, context.bid.fund))
    {
        part.funds.push_back(*fund);
    }
    std::copy_if(round.sheets.begin(), round.sheets.end(), std::back_inserter(part.sheets),
                 [bid](const ScoreSheet& s) { return s.bid == bid; });
    std::copy_if(round.interests.begin(), round.interests.end(), std::back_inserter(part.interests),
                 [bid](const Interest& i) { return i.bid == bid; });
    context.draft =
        [part = std::move(part), found = context.bid](DecisionKind kind, std::optional<Pence> award)
    { return forms::DraftFeedback(part, found, kind, award); };
    return context;
}

DecisionDialog::DecisionDialog(wxWindow* parent, DecisionContext context, Decision initial)
    : wxDialog(parent, wxID_ANY, _("Decide"), wxDefaultPosition, wxDefaultSize,
               wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER),
      m_context(std::move(context)), m_value(std::move(initial))
{
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    const auto add = [sizer](wxWindow* w) { AddBlock(sizer, w); };
    add(MakeHeading(this, ToWx(m_context.bid.ref + " " + m_context.bid.project_title), 1.15));
    add(MakeText(this,
                 wxString::Format(_("%s asks the %s for %s."), ToWx(m_context.bid.organisation),
                                  m_context.fund_name, MoneyText(m_context.bid.requested_pence))));

    auto* kinds = new wxStaticBoxSizer(wxVERTICAL, this, _("The panel's decision"));
    const std::array<wxString, 5> labels{
        wxString::Format(_("Fund in &full (%s)"), MoneyText(m_context.bid.requested_pence)),
        _("Fund a reduced &amount"), _("Fund with c&onditions"), _("Re&ject"),
        _("&Defer to a later meeting")};
    for (std::size_t i = 0; i < kKinds.size(); ++i)
    {
        m_kinds[i] = new wxRadioButton(kinds->GetStaticBox(), wxID_ANY, labels[i],
                                       wxDefaultPosition, wxDefaultSize, i == 0 ? wxRB_GROUP : 0);
        m_kinds[i]->Bind(wxEVT_RADIOBUTTON, [this](wxCommandEvent&) { UpdateFields(); });
        kinds->Add(m_kinds[i], wxSizerFlags().Border(wxALL, Gap(this) / 2));
    }
    sizer->Add(kinds, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT | wxTOP, BigGap(this)));

    FormGrid grid(this);
    m_award = grid.Add<wxTextCtrl>(_("Reduced a&ward:"),
                                   [](wxWindow* p) { return new wxTextCtrl(p, wxID_ANY); });
    m_conditions =
        grid.Add<wxTextCtrl>(_("&Conditions:"), [](wxWindow* p) { return MultiLine(p, 3); });
    m_reason = grid.Add<wxTextCtrl>(_("&Reason:"), [](wxWindow* p) { return MultiLine(p, 3); });
    sizer->Add(grid.GetSizer(),
               wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT | wxTOP, BigGap(this)));

    auto* status = new wxStaticBoxSizer(wxHORIZONTAL, this, _("Status"));
    m_proposed = new wxRadioButton(status->GetStaticBox(), wxID_ANY, _("&Proposed"),
                                   wxDefaultPosition, wxDefaultSize, wxRB_GROUP);
    m_agreed = new wxRadioButton(status->GetStaticBox(), wxID_ANY, _("A&greed by the panel"));
    status->Add(m_proposed, wxSizerFlags().Border(wxALL, Gap(this) / 2));
    status->Add(m_agreed, wxSizerFlags().Border(wxALL, Gap(this) / 2));
    sizer->Add(status, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT | wxTOP, BigGap(this)));

    auto* feedback_row = new wxBoxSizer(wxHORIZONTAL);
    auto* feedback_label = new wxStaticText(this, wxID_ANY, _("Feedback for the app&licant:"));
    feedback_row->Add(feedback_label, wxSizerFlags(1).CenterVertical());
    auto* draft = new wxButton(this, wxID_ANY, _("Draf&t from members' comments"));
    draft->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { DraftFeedback(); });
    feedback_row->Add(draft);
    sizer->Add(feedback_row,
               wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT | wxTOP, BigGap(this)));
    m_feedback = MultiLine(this, 7);
    m_feedback->Bind(wxEVT_TEXT, [this](wxCommandEvent&) { m_feedback_kept = true; });
    LinkLabel(feedback_label, m_feedback);
    // The draft button between the label and the field would otherwise take the label.
    SetAccessibleName(m_feedback, _("Feedback for the applicant"));
    sizer->Add(m_feedback, wxSizerFlags(1).Expand().Border(wxLEFT | wxRIGHT | wxTOP, BigGap(this)));
    m_error = AddProblemText(this, sizer);
    AddOkCancel(this, sizer, _("&Save decision"));
    SetSizer(sizer);
    FitReadable(this, 70);
}

std::optional<DecisionKind> DecisionDialog::Kind() const
{
    for (std::size_t i = 0; i < kKinds.size(); ++i)
    {
        if (m_kinds[i]->GetValue())
        {
            return kKinds[i];
        }
    }
    return std::nullopt;
}

void DecisionDialog::UpdateFields()
{
    const auto kind = Kind();
    m_award->Enable(kind == DecisionKind::FundReduced);
    m_conditions->Enable(kind == DecisionKind::FundWithConditions);
    Redraft();
}

void DecisionDialog::Redraft()
{
    if (!m_feedback_kept)
    {
        DraftFeedback();
    }
}

bool DecisionDialog::TransferDataToWindow()
{
    SetKind(m_value.kind);
    m_award->ChangeValue(m_value.award_pence ? FormatPounds(*m_value.award_pence) : wxString());
    m_conditions->ChangeValue(ToWx(m_value.conditions));
    m_reason->ChangeValue(ToWx(m_value.reason));
    SetAgreed(m_value.status != DecisionStatus::Proposed);
    m_feedback->ChangeValue(ToWx(m_value.feedback));
    m_feedback_kept = !m_value.feedback.empty();
    Redraft();
    return true;
}

bool DecisionDialog::TransferDataFromWindow()
{
    const auto kind = Kind().value_or(DecisionKind::FundInFull);
    const wxString reason = m_reason->GetValue().Strip(wxString::both);
    const wxString conditions = m_conditions->GetValue().Strip(wxString::both);
    std::optional<Pence> award;
    switch (kind)
    {
    case DecisionKind::FundReduced:
        award = ParsePounds(m_award->GetValue());
        if (!award || *award <= 0 || *award >= m_context.bid.requested_pence)
        {
            return ShowProblem(
                m_error,
                wxString::Format(_("Type the reduced award: more than £0 and less than "
                                   "the %s requested, like 8,500."),
                                 MoneyText(m_context.bid.requested_pence)),
                m_award);
        }
        if (reason.empty())
        {
            return ShowProblem(m_error, _("Please give the reason for the reduced award."),
                               m_reason);
        }
        break;
    case DecisionKind::FundWithConditions:
        if (conditions.empty())
        {
            return ShowProblem(m_error, _("Please write the conditions of the award."),
                               m_conditions);
        }
        break;
    case DecisionKind::Reject:
    case DecisionKind::Defer:
        if (reason.empty())
        {
            return ShowProblem(m_error,
                               _("Please give the reason for the decision: the applicant and the "
                                 "audit log need it."),
                               m_reason);
        }
        break;
    case DecisionKind::FundInFull:
        break;
    }
    m_value.bid = m_context.bid.key;
    m_value.kind = kind;
    m_value.award_pence = award;
    m_value.conditions = kind == DecisionKind::FundWithConditions ? ToUtf8(conditions) : "";
    m_value.reason = ToUtf8(reason);
    m_value.status = m_agreed->GetValue() ? DecisionStatus::Agreed : DecisionStatus::Proposed;
    m_value.feedback = ToUtf8(m_feedback->GetValue().Strip(wxString::both));
    SetWrappedLabel(m_error, wxString());
    return true;
}

void DecisionDialog::SetKind(DecisionKind kind)
{
    for (std::size_t i = 0; i < kKinds.size(); ++i)
    {
        m_kinds[i]->SetValue(kKinds[i] == kind);
    }
    UpdateFields();
}

void DecisionDialog::SetAward(const wxString& amount)
{
    m_award->ChangeValue(amount);
    Redraft();
}

void DecisionDialog::SetConditions(const wxString& conditions)
{
    m_conditions->ChangeValue(conditions);
}

void DecisionDialog::SetReason(const wxString& reason)
{
    m_reason->ChangeValue(reason);
}

void DecisionDialog::SetAgreed(bool agreed)
{
    (agreed ? m_agreed : m_proposed)->SetValue(true);
}

void DecisionDialog::SetFeedback(const wxString& feedback)
{
    m_feedback->ChangeValue(feedback);
    m_feedback_kept = true;
}

void DecisionDialog::DraftFeedback()
{
    if (!m_context.draft)
    {
        return;
    }
    const auto kind = Kind().value_or(DecisionKind::FundInFull);
    m_feedback->ChangeValue(ToWx(m_context.draft(kind, ParsePounds(m_award->GetValue()))));
    m_feedback_kept = false;
}

std::optional<Decision> EditDecision(wxWindow* parent, const DecisionContext& context,
                                     Decision initial)
{
    return EditModally<DecisionDialog>(parent, context, std::move(initial));
}

} // namespace coscore::forms
