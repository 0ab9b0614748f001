// SPDX-License-Identifier: MIT
#include <coscore/forms/interest_dialog.hpp>
#include <coscore/forms/layout.hpp>
#include <coscore/forms/string_convert.hpp>
#include <coscore/forms/text_scale.hpp>
#include <coscore/forms/wording.hpp>

#include <wx/button.h>
#include <wx/radiobut.h>
#include <wx/sizer.h>
#include <wx/statbox.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include <array>

namespace coscore::forms
{

using namespace scoring;

namespace
{

constexpr std::array<InterestType, 6> kTypes{
    InterestType::EmployeeOrTrustee, InterestType::UsesService, InterestType::Volunteers,
    InterestType::FamilyOrFriend,    InterestType::Financial,   InterestType::Other};

} // namespace

DeclareInterestDialog::DeclareInterestDialog(wxWindow* parent, const Bid& bid)
    : wxDialog(parent, wxID_ANY, _("Declare an interest"), wxDefaultPosition, wxDefaultSize,
               wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER),
      m_bid(bid.key)
{
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    const auto add = [&](wxWindow* w)
    { sizer->Add(w, wxSizerFlags().Expand().Border(wxALL, Gap(this))); };
    add(MakeHeading(this, ToWx(bid.ref + " " + bid.project_title + " (" + bid.organisation + ")"),
                    1.15));
    add(MakeText(this, _("Declaring an interest keeps the panel's decisions fair. It is kept on "
                         "the record and cannot be taken back; if you declared by mistake, "
                         "tell the grants officer.")));
    auto* box = new wxStaticBoxSizer(wxVERTICAL, this, _("How are you connected to this bid?"));
    m_none = new wxRadioButton(box->GetStaticBox(), wxID_ANY, wxString(), wxDefaultPosition,
                               wxDefaultSize, wxRB_GROUP);
    m_none->Hide();
    for (InterestType type : kTypes)
    {
        auto* button = new wxRadioButton(box->GetStaticBox(), wxID_ANY, wxString());
        KeepWrapped(button, InterestTypeFirstPerson(type));
        button->Bind(wxEVT_RADIOBUTTON, [this](wxCommandEvent&) { UpdateRule(); });
        box->Add(button, wxSizerFlags().Expand().Border(wxALL, Gap(this) / 2));
        m_types.push_back(button);
    }
    sizer->Add(box, wxSizerFlags().Expand().Border(wxALL, Gap(this)));
    m_rule = MakeText(this, wxString());
    m_rule->SetFont(m_rule->GetFont().Bold());
    add(m_rule);
    auto* note_label = new wxStaticText(this, wxID_ANY, _("&Say more, if you wish (optional):"));
    add(note_label);
    m_note = new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize,
                            wxTE_MULTILINE);
    m_note->SetMinSize(wxSize(-1, m_note->GetCharHeight() * 4));
    LinkLabel(note_label, m_note);
    add(m_note);
    auto* buttons = CreateStdDialogButtonSizer(wxOK | wxCANCEL);
    if (auto* ok = FindWindow(wxID_OK))
    {
        ok->SetLabel(_("&Declare"));
    }
    sizer->Add(buttons, wxSizerFlags().Expand().Border(wxALL, Gap(this)));
    SetSizer(sizer);
    UpdateRule();
    FitReadable(this);
}

void DeclareInterestDialog::SetType(InterestType type)
{
    for (std::size_t i = 0; i < kTypes.size(); ++i)
    {
        if (kTypes[i] == type)
        {
            m_types[i]->SetValue(true);
        }
    }
    UpdateRule();
}

std::optional<InterestType> DeclareInterestDialog::GetType() const
{
    for (std::size_t i = 0; i < kTypes.size(); ++i)
    {
        if (m_types[i]->GetValue())
        {
            return kTypes[i];
        }
    }
    return std::nullopt;
}

void DeclareInterestDialog::SetNote(const wxString& note)
{
    m_note->ChangeValue(note);
}

Interest DeclareInterestDialog::GetInterest(Key member) const
{
    Interest interest;
    interest.member = member;
    interest.bid = m_bid;
    interest.type = GetType().value_or(InterestType::Other);
    interest.rule = DefaultRuleFor(interest.type);
    interest.note = ToUtf8(m_note->GetValue().Strip(wxString::both));
    if (interest.note.empty())
    {
        interest.note = "Declared by the member on the scoring page.";
    }
    return interest;
}

void DeclareInterestDialog::UpdateRule()
{
    const auto type = GetType();
    SetWrappedLabel(m_rule, type ? InterestRuleExplained(DefaultRuleFor(*type))
                                 : _("Choose the answer that fits best."));
    if (auto* ok = FindWindow(wxID_OK))
    {
        ok->Enable(type.has_value());
    }
    Layout();
}

std::optional<Interest> AskInterest(wxWindow* parent, const Bid& bid, Key member)
{
    DeclareInterestDialog dialog(parent, bid);
    MatchTextSize(&dialog, parent);
    if (dialog.ShowModal() != wxID_OK || !dialog.GetType())
    {
        return std::nullopt;
    }
    return dialog.GetInterest(member);
}

} // namespace coscore::forms
