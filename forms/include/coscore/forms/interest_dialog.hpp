// SPDX-License-Identifier: MIT
// "Declare an interest": a member says how they are connected to a bid; the rule that follows
// is explained before they confirm. Declarations are kept on the record and cannot be withdrawn.
#pragma once

#include <coscore/scoring/model.hpp>

#include <wx/dialog.h>

#include <optional>
#include <vector>

class wxRadioButton;
class wxStaticText;
class wxTextCtrl;

namespace coscore::forms
{

class DeclareInterestDialog : public wxDialog
{
public:
    DeclareInterestDialog(wxWindow* parent, const scoring::Bid& bid);

    void SetType(scoring::InterestType type);
    /// Empty until the member picks one: nothing is pre-selected for them.
    std::optional<scoring::InterestType> GetType() const;
    void SetNote(const wxString& note);
    /// The interest as the member declared it (rule by type; time set when recorded); call
    /// only when GetType() has a value.
    scoring::Interest GetInterest(scoring::Key member) const;

private:
    void UpdateRule();

    scoring::Key m_bid;
    wxRadioButton* m_none = nullptr; ///< hidden: GTK always selects one button of a group
    std::vector<wxRadioButton*> m_types;
    wxStaticText* m_rule = nullptr;
    wxTextCtrl* m_note = nullptr;
};

/// Asks the member how they are connected to `bid`; empty when they cancel.
std::optional<scoring::Interest> AskInterest(wxWindow* parent, const scoring::Bid& bid,
                                             scoring::Key member);

} // namespace coscore::forms
