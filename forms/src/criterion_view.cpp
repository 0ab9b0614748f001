// SPDX-License-Identifier: MIT
#include <coscore/forms/criterion_view.hpp>
#include <coscore/forms/layout.hpp>
#include <coscore/forms/string_convert.hpp>

#include <wx/radiobut.h>
#include <wx/sizer.h>
#include <wx/statbox.h>
#include <wx/stattext.h>

#include <algorithm>
#include <cmath>

namespace coscore::forms
{

using namespace scoring;

namespace
{

wxString WeightText(double weight)
{
    if (std::abs(weight - std::round(weight)) < 1e-9)
    {
        return wxString::Format("%d%%", static_cast<int>(std::lround(weight)));
    }
    return wxString::Format("%.1f%%", weight);
}

} // namespace

wxString LevelLabel(const LevelDescriptor& level)
{
    wxString label = wxString::Format("%d", level.level);
    if (!level.text.empty())
    {
        label += wxString::FromUTF8(" \xE2\x80\x94 ") + ToWx(level.text);
    }
    if (!level.easy_read.empty())
    {
        label += "\n" + ToWx(level.easy_read);
    }
    return label;
}

CriterionView::CriterionView(wxWindow* parent, const Criterion& criterion, int position, int count)
    : wxPanel(parent), m_criterion(criterion)
{
    const wxString title = wxControl::EscapeMnemonics(
        wxString::Format(_("Question %d of %d: %s (%s of the score)"), position, count,
                         ToWx(criterion.name), WeightText(criterion.weight_percent)));
    auto* box = new wxStaticBoxSizer(wxVERTICAL, this, title);
    wxStaticBox* frame = box->GetStaticBox();
    BoldenTitle(frame);
    const auto add = [&](wxWindow* w, int top)
    { box->Add(w, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT | wxTOP, top)); };
    // The buttons are created before the texts above them: wx makes a text the screen-reader
    // label of the control created next, and "Not scored yet" must be read as itself, not as
    // the guidance. Creation order sets only Tab order; the sizer sets what is seen.
    auto* choices = new wxBoxSizer(wxVERTICAL);
    const auto add_choice = [&](wxWindow* w, int top)
    { choices->Add(w, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT | wxTOP, top)); };
    // GTK always selects one button of a group, so "not scored" is a real, visible choice:
    // a missing score is never shown as a level.
    m_not_scored = new wxRadioButton(frame, wxID_ANY, _("Not scored yet"), wxDefaultPosition,
                                     wxDefaultSize, wxRB_GROUP);
    add_choice(m_not_scored, Gap(this));
    m_not_scored->Bind(wxEVT_RADIOBUTTON, [this](wxCommandEvent&) { Picked(std::nullopt); });
    for (int level = criterion.scale_min; level <= criterion.scale_max; ++level)
    {
        LevelDescriptor descriptor{level, {}, {}};
        for (const LevelDescriptor& d : criterion.descriptors)
        {
            if (d.level == level)
            {
                descriptor = d;
            }
        }
        auto* button = new wxRadioButton(frame, wxID_ANY, wxString());
        KeepWrapped(button, LevelLabel(descriptor));
        add_choice(button, Gap(this) / 2);
        button->Bind(wxEVT_RADIOBUTTON, [this, level](wxCommandEvent&) { Picked(level); });
        m_levels.push_back(button);
    }
    if (!criterion.question.empty())
    {
        auto* question = MakeText(frame, ToWx(criterion.question));
        question->SetFont(question->GetFont().Bold());
        add(question, Gap(this));
    }
    if (!criterion.guidance.empty())
    {
        add(MakeText(frame, ToWx(criterion.guidance)), Gap(this) / 2);
    }
    if (!criterion.easy_read.empty())
    {
        add(MakeText(frame, ToWx(criterion.easy_read)), Gap(this) / 2);
    }
    box->Add(choices, wxSizerFlags().Expand());
    box->AddSpacer(Gap(this));
    SetSizer(box);
}

void CriterionView::SetValue(std::optional<int> value)
{
    if (value && GetLevelButton(*value) != nullptr)
    {
        GetLevelButton(*value)->SetValue(true);
    }
    else
    {
        m_not_scored->SetValue(true);
    }
}

std::optional<int> CriterionView::GetValue() const
{
    for (std::size_t i = 0; i < m_levels.size(); ++i)
    {
        if (m_levels[i]->GetValue())
        {
            return m_criterion.scale_min + static_cast<int>(i);
        }
    }
    return std::nullopt;
}

wxRadioButton* CriterionView::GetLevelButton(int level) const
{
    const int index = level - m_criterion.scale_min;
    if (index < 0 || index >= static_cast<int>(m_levels.size()))
    {
        return nullptr;
    }
    return m_levels[static_cast<std::size_t>(index)];
}

bool CriterionView::PickLevel(int level)
{
    wxRadioButton* button = GetLevelButton(level);
    if (button == nullptr || !button->IsEnabled())
    {
        return false;
    }
    const bool focused = Owns(FindFocus());
    if (!button->GetValue())
    {
        button->SetValue(true);
        Picked(level);
    }
    if (focused)
    {
        button->SetFocus();
    }
    return true;
}

void CriterionView::PickNotScored()
{
    if (m_not_scored->IsEnabled() && !m_not_scored->GetValue())
    {
        m_not_scored->SetValue(true);
        Picked(std::nullopt);
    }
}

void CriterionView::Picked(std::optional<int> value)
{
    if (m_on_picked)
    {
        m_on_picked(value);
    }
}

void CriterionView::SetEditable(bool editable)
{
    m_not_scored->Enable(editable);
    for (wxRadioButton* button : m_levels)
    {
        button->Enable(editable);
    }
}

std::optional<int> CriterionView::LevelForDigit(int digit) const
{
    if (digit >= m_criterion.scale_min && digit <= m_criterion.scale_max)
    {
        return digit;
    }
    if (digit == 0 && m_criterion.scale_min > 0 && m_criterion.scale_max == 10)
    {
        return 10;
    }
    return std::nullopt;
}

bool CriterionView::Owns(const wxWindow* window) const
{
    if (window == nullptr)
    {
        return false;
    }
    if (window == m_not_scored)
    {
        return true;
    }
    return std::find(m_levels.begin(), m_levels.end(), window) != m_levels.end();
}

void CriterionView::FocusChoice()
{
    const auto value = GetValue();
    wxRadioButton* button = value ? GetLevelButton(*value) : nullptr;
    (button != nullptr ? button : m_not_scored)->SetFocus();
}

} // namespace coscore::forms
