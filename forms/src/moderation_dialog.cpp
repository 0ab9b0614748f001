// SPDX-License-Identifier: MIT
#include "meeting_kit.hpp"

#include <coscore/forms/layout.hpp>
#include <coscore/forms/meeting_model.hpp>
#include <coscore/forms/moderation_dialog.hpp>
#include <coscore/forms/string_convert.hpp>
#include <coscore/forms/text_scale.hpp>
#include <coscore/forms/wording.hpp>

#include <wx/button.h>
#include <wx/choice.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include <algorithm>

namespace coscore::forms
{

using namespace scoring;

namespace
{

wxString LevelText(const Criterion& criterion, int level)
{
    for (const LevelDescriptor& d : criterion.descriptors)
    {
        if (d.level == level && !d.text.empty())
        {
            return wxString::Format("%d \u2014 %s", level, ToWx(d.text));
        }
    }
    return wxString::Format("%d", level);
}

} // namespace

ModerationContext MakeModerationContext(const RoundData& round, Key bid)
{
    ModerationContext context;
    if (const Bid* found = FindRoundBid(round, bid))
    {
        context.bid = *found;
        if (const Fund* fund = FindRoundFund(round, found->fund))
        {
            context.fund = *fund;
        }
    }
    for (const Score& s : round.scores)
    {
        if (s.bid == bid)
        {
            context.scores.push_back(s);
        }
    }
    for (const ModeratedScore& m : round.moderated)
    {
        if (m.bid == bid)
        {
            context.moderated.push_back(m);
        }
    }
    for (const Member& member : round.members)
    {
        const Interest* interest = FindInterest(round, member.key, bid);
        const bool scored =
            std::any_of(context.scores.begin(), context.scores.end(),
                        [&](const Score& s) { return s.member == member.key && s.value; });
        if (member.scores && scored && (interest == nullptr || !BarsScoring(interest->rule)))
        {
            context.members.push_back(member);
        }
    }
    return context;
}

ModerationDialog::ModerationDialog(wxWindow* parent, ModerationContext context,
                                   ModeratedScore initial)
    : wxDialog(parent, wxID_ANY, _("Moderate a score"), wxDefaultPosition, wxDefaultSize,
               wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER),
      m_context(std::move(context)), m_value(std::move(initial))
{
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    const auto add = [sizer](wxWindow* w) { AddBlock(sizer, w); };
    add(MakeHeading(this, ToWx(m_context.bid.ref + " " + m_context.bid.project_title), 1.15));
    add(MakeText(this, _("Record the score the member agreed to in discussion. Their independent "
                         "score is kept unchanged beside it, and the reason goes into the audit "
                         "log.")));
    FormGrid grid(this);
    m_member =
        grid.Add<wxChoice>(_("&Member:"), [](wxWindow* p) { return new wxChoice(p, wxID_ANY); });
    for (const Member& m : m_context.members)
    {
        m_member->Append(ToWx(m.name) + " (" + RoleText(m.role).Lower() + ")");
    }
    m_criterion =
        grid.Add<wxChoice>(_("C&riterion:"), [](wxWindow* p) { return new wxChoice(p, wxID_ANY); });
    for (const Criterion& c : m_context.fund.criteria)
    {
        m_criterion->Append(ToWx(c.name));
    }
    m_independent = grid.Add<wxStaticText>(_("Independent score:"),
                                           [](wxWindow* p) { return MakeText(p, wxString()); });
    m_level = grid.Add<wxChoice>(_("Moderated &score:"),
                                 [](wxWindow* p) { return new wxChoice(p, wxID_ANY); });
    m_reason = grid.Add<wxTextCtrl>(
        _("&Why it changed (required):"),
        [](wxWindow* p)
        {
            auto* text = new wxTextCtrl(p, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize,
                                        wxTE_MULTILINE);
            text->SetMinSize(wxSize(text->GetCharWidth() * 40, text->GetCharHeight() * 4));
            return text;
        });
    sizer->Add(grid.GetSizer(), wxSizerFlags(1).Expand().Border(wxALL, BigGap(this)));
    m_error = AddProblemText(this, sizer);
    AddOkCancel(this, sizer, _("Recor&d"));
    m_member->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { ShowCell(); });
    m_criterion->Bind(wxEVT_CHOICE,
                      [this](wxCommandEvent&)
                      {
                          FillLevels();
                          ShowCell();
                      });
    SetSizer(sizer);
    FitReadable(this, 70);
}

std::optional<Key> ModerationDialog::SelectedMember() const
{
    const int at = m_member->GetSelection();
    if (at < 0 || static_cast<std::size_t>(at) >= m_context.members.size())
    {
        return std::nullopt;
    }
    return m_context.members[static_cast<std::size_t>(at)].key;
}

const Criterion* ModerationDialog::SelectedCriterion() const
{
    const int at = m_criterion->GetSelection();
    if (at < 0 || static_cast<std::size_t>(at) >= m_context.fund.criteria.size())
    {
        return nullptr;
    }
    return &m_context.fund.criteria[static_cast<std::size_t>(at)];
}

void ModerationDialog::FillLevels()
{
    m_level->Clear();
    m_level->Append(_("No moderated score (the independent score counts)"));
    if (const Criterion* c = SelectedCriterion())
    {
        for (int level = c->scale_min; level <= c->scale_max; ++level)
        {
            m_level->Append(LevelText(*c, level));
        }
    }
    m_level->SetSelection(0);
}

void ModerationDialog::ShowCell()
{
    const auto member = SelectedMember();
    const Criterion* criterion = SelectedCriterion();
    if (!member || criterion == nullptr)
    {
        SetWrappedLabel(m_independent, _("Choose a member and a criterion."));
        return;
    }
    const auto score = std::find_if(
        m_context.scores.begin(), m_context.scores.end(),
        [&](const Score& s) { return s.member == *member && s.criterion == criterion->key; });
    wxString text = score != m_context.scores.end() && score->value
                        ? LevelText(*criterion, *score->value)
                        : _("not scored");
    std::optional<int> current;
    for (const ModeratedScore& m : m_context.moderated)
    {
        if (m.member == *member && m.criterion == criterion->key)
        {
            current = m.value;
        }
    }
    if (current)
    {
        text << "\n" << wxString::Format(_("Moderated now to %d."), *current);
    }
    SetWrappedLabel(m_independent, text);
    SetModeratedValue(current);
}

bool ModerationDialog::TransferDataToWindow()
{
    const auto member = std::find_if(m_context.members.begin(), m_context.members.end(),
                                     [this](const Member& m) { return m.key == m_value.member; });
    m_member->SetSelection(member != m_context.members.end()
                               ? static_cast<int>(member - m_context.members.begin())
                               : (m_context.members.empty() ? wxNOT_FOUND : 0));
    const auto& criteria = m_context.fund.criteria;
    const auto criterion =
        std::find_if(criteria.begin(), criteria.end(),
                     [this](const Criterion& c) { return c.key == m_value.criterion; });
    m_criterion->SetSelection(criterion != criteria.end()
                                  ? static_cast<int>(criterion - criteria.begin())
                                  : (criteria.empty() ? wxNOT_FOUND : 0));
    FillLevels();
    ShowCell();
    if (m_value.value)
    {
        SetModeratedValue(m_value.value);
    }
    m_reason->ChangeValue(ToWx(m_value.reason));
    return true;
}

bool ModerationDialog::TransferDataFromWindow()
{
    const auto member = SelectedMember();
    const Criterion* criterion = SelectedCriterion();
    if (!member || criterion == nullptr)
    {
        return ShowProblem(m_error, _("Choose the member and the criterion."), m_member);
    }
    std::optional<int> value;
    if (m_level->GetSelection() > 0)
    {
        value = criterion->scale_min + m_level->GetSelection() - 1;
    }
    std::optional<int> current;
    bool moderated = false;
    for (const ModeratedScore& m : m_context.moderated)
    {
        if (m.member == *member && m.criterion == criterion->key)
        {
            current = m.value;
            moderated = true;
        }
    }
    if (!value && (!moderated || !current))
    {
        return ShowProblem(m_error,
                           _("This score is not moderated. Choose the score agreed in discussion."),
                           m_level);
    }
    if (value && current == value)
    {
        return ShowProblem(m_error,
                           _("That is already the moderated score. Choose the score agreed in "
                             "discussion."),
                           m_level);
    }
    const wxString reason = m_reason->GetValue().Strip(wxString::both);
    if (reason.empty())
    {
        return ShowProblem(
            m_error, _("Please say why the score changed: the reason is kept in the audit log."),
            m_reason);
    }
    m_value.bid = m_context.bid.key;
    m_value.member = *member;
    m_value.criterion = criterion->key;
    m_value.value = value;
    m_value.reason = ToUtf8(reason);
    SetWrappedLabel(m_error, wxString());
    return true;
}

void ModerationDialog::SelectMember(Key member)
{
    for (std::size_t i = 0; i < m_context.members.size(); ++i)
    {
        if (m_context.members[i].key == member)
        {
            m_member->SetSelection(static_cast<int>(i));
            ShowCell();
        }
    }
}

void ModerationDialog::SelectCriterion(Key criterion)
{
    for (std::size_t i = 0; i < m_context.fund.criteria.size(); ++i)
    {
        if (m_context.fund.criteria[i].key == criterion)
        {
            m_criterion->SetSelection(static_cast<int>(i));
            FillLevels();
            ShowCell();
        }
    }
}

void ModerationDialog::SetModeratedValue(std::optional<int> value)
{
    const Criterion* criterion = SelectedCriterion();
    if (!value || criterion == nullptr || *value < criterion->scale_min ||
        *value > criterion->scale_max)
    {
        m_level->SetSelection(0);
        return;
    }
    m_level->SetSelection(*value - criterion->scale_min + 1);
}

void ModerationDialog::SetReason(const wxString& reason)
{
    m_reason->ChangeValue(reason);
}

std::optional<ModeratedScore> EditModeratedScore(wxWindow* parent, const ModerationContext& context,
                                                 ModeratedScore initial)
{
    return EditModally<ModerationDialog>(parent, context, std::move(initial));
}

} // namespace coscore::forms
