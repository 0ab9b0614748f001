// SPDX-License-Identifier: MIT
// A fund's budget as a bar (ring-fenced pots, the rest of the spend, what is left) with its text
// equivalent beside it: the bar is only a picture of the sentence below it, never the sole
// carrier of a figure.
#pragma once

#include <coscore/scoring/reconcile.hpp>

#include <wx/panel.h>

#include <vector>

class wxStaticText;

namespace coscore::forms
{

class BudgetStrip;

class BudgetBar : public wxPanel
{
public:
    explicit BudgetBar(wxWindow* parent);

    /// Shows the fund's budget, spend and pots; `text` is the sentence that says the same.
    void SetBudget(const scoring::FundResult& fund, const wxString& text);
    /// The text equivalent, as shown and as a screen reader reads the bar.
    wxString GetText() const;

private:
    BudgetStrip* m_strip = nullptr;
    wxStaticText* m_text = nullptr;
    wxString m_plain; ///< the text before wrapping
};

} // namespace coscore::forms
