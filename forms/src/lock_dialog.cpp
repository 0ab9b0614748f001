// SPDX-License-Identifier: MIT
#include "meeting_kit.hpp"

#include <coscore/forms/layout.hpp>
#include <coscore/forms/lock_dialog.hpp>
#include <coscore/forms/string_convert.hpp>
#include <coscore/forms/text_scale.hpp>

#include <wx/button.h>
#include <wx/intl.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

namespace coscore::forms
{

LockDialog::LockDialog(wxWindow* parent, const LockSummary& summary)
    : wxDialog(parent, wxID_ANY, _("Lock the fund"), wxDefaultPosition, wxDefaultSize,
               wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER)
{
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    const auto add = [sizer](wxWindow* w) { AddBlock(sizer, w); };
    add(MakeHeading(this, wxString::Format(_("Lock the %s?"), summary.fund_name), 1.15));
    wxString text = wxString::Format(
        wxPLURAL("%d bid: %d decision agreed, %d only proposed, %d without a decision.",
                 "%d bids: %d decisions agreed, %d only proposed, %d without a decision.",
                 static_cast<unsigned>(summary.bids)),
        summary.bids, summary.agreed, summary.proposed, summary.undecided);
    add(MakeText(this, text));
    add(MakeText(this, summary.budget_text));
    if (summary.proposed + summary.undecided > 0)
    {
        wxStaticText* warning = MakeText(
            this, _("Not every bid has an agreed decision. Locking makes the decisions and the "
                    "funding line final as they stand now."));
        warning->SetFont(warning->GetFont().Bold());
        add(warning);
    }
    add(MakeText(this, _("Once locked, no score, moderation or decision of this fund can change. "
                         "Only an officer can unlock it, and must give a reason; both steps are "
                         "kept in the audit log.")));
    AddOkCancel(this, sizer, _("&Lock the fund"));
    SetSizer(sizer);
    FitReadable(this, 60);
}

bool ConfirmLock(wxWindow* parent, const LockSummary& summary)
{
    LockDialog dialog(parent, summary);
    MatchTextSize(&dialog, parent);
    return dialog.ShowModal() == wxID_OK;
}

UnlockDialog::UnlockDialog(wxWindow* parent, const wxString& fund_name)
    : wxDialog(parent, wxID_ANY, _("Unlock the fund"), wxDefaultPosition, wxDefaultSize,
               wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER)
{
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    const auto add = [sizer](wxWindow* w) { AddBlock(sizer, w); };
    add(MakeHeading(this, wxString::Format(_("Unlock the %s"), fund_name), 1.15));
    add(MakeText(this, _("Unlocking lets scores, moderations and decisions of this fund change "
                         "again. The decisions go back to \u201Cagreed\u201D. Your reason is kept "
                         "in the audit log.")));
    auto* label = new wxStaticText(this, wxID_ANY, _("&Why is the fund unlocked? (required)"));
    add(label);
    m_reason = new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize,
                              wxTE_MULTILINE);
    m_reason->SetMinSize(wxSize(-1, m_reason->GetCharHeight() * 4));
    LinkLabel(label, m_reason);
    add(m_reason);
    m_error = AddProblemText(this, sizer);
    AddOkCancel(this, sizer, _("&Unlock"));
    SetSizer(sizer);
    FitReadable(this, 60);
}

bool UnlockDialog::TransferDataFromWindow()
{
    const wxString reason = m_reason->GetValue().Strip(wxString::both);
    if (reason.empty())
    {
        return ShowProblem(m_error, _("Please say why the fund is unlocked."), m_reason);
    }
    m_value = ToUtf8(reason);
    return true;
}

void UnlockDialog::SetReason(const wxString& reason)
{
    m_reason->ChangeValue(reason);
}

std::optional<std::string> AskUnlockReason(wxWindow* parent, const wxString& fund_name)
{
    return EditModally<UnlockDialog>(parent, fund_name);
}

} // namespace coscore::forms
