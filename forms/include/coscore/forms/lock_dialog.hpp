// SPDX-License-Identifier: MIT
// Locking a fund makes its decisions final (status "locked"); only an officer can unlock it, and
// must say why. Both steps are confirmed here and recorded in the audit log by the caller.
#pragma once

#include <wx/dialog.h>

#include <optional>
#include <string>

class wxStaticText;
class wxTextCtrl;

namespace coscore::forms
{

/// What locking a fund will fix in place.
struct LockSummary
{
    wxString fund_name;
    int bids = 0;
    int agreed = 0;   ///< decisions agreed by the panel
    int proposed = 0; ///< decisions still only proposed
    int undecided = 0;
    wxString budget_text; ///< the budget sentence of the meeting page
};

/// "Lock the fund?": what will be final, what is still undecided, and who can unlock.
class LockDialog : public wxDialog
{
public:
    LockDialog(wxWindow* parent, const LockSummary& summary);
};

/// Asks the chair to confirm locking the fund.
bool ConfirmLock(wxWindow* parent, const LockSummary& summary);

/// "Unlock the fund": an officer's reason is required.
class UnlockDialog : public wxDialog
{
public:
    UnlockDialog(wxWindow* parent, const wxString& fund_name);

    bool TransferDataFromWindow() override;
    /// The reason given (valid after TransferDataFromWindow()).
    const std::string& GetValue() const { return m_value; }
    void SetReason(const wxString& reason);
    wxStaticText* GetError() const { return m_error; }

private:
    std::string m_value;
    wxTextCtrl* m_reason = nullptr;
    wxStaticText* m_error = nullptr;
};

/// Asks the officer why the fund is unlocked; empty when cancelled.
std::optional<std::string> AskUnlockReason(wxWindow* parent, const wxString& fund_name);

} // namespace coscore::forms
