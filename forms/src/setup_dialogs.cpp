// SPDX-License-Identifier: MIT
#include <coscore/forms/criterion_view.hpp>
#include <coscore/forms/layout.hpp>
#include <coscore/forms/money.hpp>
#include <coscore/forms/setup_dialogs.hpp>
#include <coscore/forms/string_convert.hpp>
#include <coscore/forms/text_scale.hpp>
#include <coscore/forms/wording.hpp>

#include <wx/checkbox.h>
#include <wx/choice.h>
#include <wx/combobox.h>
#include <wx/log.h>
#include <wx/scrolwin.h>
#include <wx/sizer.h>
#include <wx/spinctrl.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>
#include <wx/tokenzr.h>

#include <array>

namespace coscore::forms
{

using namespace scoring;

namespace
{

constexpr std::array<Role, 5> kRoles{Role::Councillor, Role::PersonUsingServices, Role::Carer,
                                     Role::VoluntarySector, Role::Officer};
constexpr std::array<ChairRole, 4> kChairs{ChairRole::None, ChairRole::Chair, ChairRole::CoChair,
                                           ChairRole::Deputy};
constexpr std::array<Eligibility, 3> kEligibility{Eligibility::NotChecked, Eligibility::Eligible,
                                                  Eligibility::Ineligible};
constexpr std::array<InterestType, 6> kTypes{
    InterestType::EmployeeOrTrustee, InterestType::UsesService, InterestType::Volunteers,
    InterestType::FamilyOrFriend,    InterestType::Financial,   InterestType::Other};
constexpr std::array<InterestRule, 3> kRules{
    InterestRule::NoScoreNoSee, InterestRule::NoScoreMaySpeak, InterestRule::DeclaredMayScore};

template <typename T, std::size_t N, typename Describe>
wxArrayString Words(const std::array<T, N>& values, Describe words)
{
    wxArrayString items;
    for (const T& value : values)
    {
        items.Add(words(value));
    }
    return items;
}

template <typename T, std::size_t N>
int IndexOf(const std::array<T, N>& values, T value)
{
    const auto it = std::find(values.begin(), values.end(), value);
    return it == values.end() ? 0 : static_cast<int>(it - values.begin());
}

template <typename T, std::size_t N>
T Chosen(const std::array<T, N>& values, const wxChoice* choice)
{
    const int index = choice->GetSelection();
    return values[static_cast<std::size_t>(index < 0 ? 0 : index)];
}

// Says what to do about a field that is not valid; the value read is then empty.
std::nullopt_t Fail(wxString* problem, const wxString& text)
{
    if (problem != nullptr)
    {
        *problem = text;
    }
    return std::nullopt;
}

std::string Text(const wxTextCtrl* field)
{
    return ToUtf8(field->GetValue().Strip(wxString::both));
}

// An optional amount: empty text is none; anything else must be an amount.
bool ReadOptionalPounds(const wxTextCtrl* field, std::optional<Pence>& out)
{
    if (field->GetValue().Strip(wxString::both).empty())
    {
        out.reset();
        return true;
    }
    out = ParsePounds(field->GetValue());
    return out.has_value();
}

wxString PoundsOrEmpty(const std::optional<Pence>& pence)
{
    return pence ? FormatPounds(*pence) : wxString();
}

wxString NotAnAmount(const wxString& what)
{
    return wxString::Format(_("%s is not an amount of money. Type it like 1,250 or 1250.50."),
                            what);
}

template <typename Dialog, typename... Args>
auto ShowAndRead(wxWindow* parent, Args&&... args)
{
    Dialog dialog(parent, std::forward<Args>(args)...);
    MatchTextSize(&dialog, parent);
    return dialog.ShowModal() == wxID_OK ? dialog.Read(nullptr) : std::nullopt;
}

} // namespace

// ---- EditDialog ---------------------------------------------------------------------------

EditDialog::EditDialog(wxWindow* parent, const wxString& title)
    : wxDialog(parent, wxID_ANY, title, wxDefaultPosition, wxDefaultSize,
               wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER),
      m_grid(new FormGrid(this))
{
}

EditDialog::~EditDialog()
{
    delete m_grid;
}

wxTextCtrl* EditDialog::AddText(const wxString& label, const wxString& value, bool multiline)
{
    return m_grid->Add<wxTextCtrl>(
        label,
        [&](wxWindow* parent)
        {
            auto* field = new wxTextCtrl(parent, wxID_ANY, value, wxDefaultPosition, wxDefaultSize,
                                         multiline ? wxTE_MULTILINE : 0);
            field->SetMinSize(
                wxSize(field->GetCharWidth() * 40, multiline ? field->GetCharHeight() * 5 : -1));
            return field;
        });
}

wxChoice* EditDialog::AddChoice(const wxString& label, const wxArrayString& items, int selection)
{
    return m_grid->Add<wxChoice>(label,
                                 [&](wxWindow* parent)
                                 {
                                     auto* choice = new wxChoice(
                                         parent, wxID_ANY, wxDefaultPosition, wxDefaultSize, items);
                                     choice->SetSelection(selection);
                                     return choice;
                                 });
}

void EditDialog::Finish(wxSizer* extra)
{
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    auto* body = new wxBoxSizer(wxHORIZONTAL);
    body->Add(m_grid->GetSizer(), wxSizerFlags(1).Expand());
    if (extra != nullptr)
    {
        body->Add(extra, wxSizerFlags(1).Expand().Border(wxLEFT, BigGap(this)));
    }
    sizer->Add(body, wxSizerFlags(1).Expand().Border(wxALL, BigGap(this)));
    sizer->Add(CreateStdDialogButtonSizer(wxOK | wxCANCEL),
               wxSizerFlags().Expand().Border(wxALL, Gap(this)));
    SetSizer(sizer);
    FitReadable(this, 50);
}

bool EditDialog::TransferDataFromWindow()
{
    wxString problem;
    if (Check(&problem))
    {
        return true;
    }
    wxLogError("%s", problem);
    return false;
}

// ---- FundDialog ---------------------------------------------------------------------------

FundDialog::FundDialog(wxWindow* parent, const Fund& fund)
    : ValueDialog(parent, fund.key == 0 ? _("Add a fund") : _("Change the fund")), m_fund(fund)
{
    m_name = AddText(_("&Name:"), ToWx(fund.name));
    m_budget = AddText(_("&Budget:"), fund.key == 0 ? wxString() : FormatPounds(fund.budget_pence));
    m_min = AddText(_("&Smallest award (optional):"), PoundsOrEmpty(fund.min_award_pence));
    m_max = AddText(_("&Largest award (optional):"), PoundsOrEmpty(fund.max_award_pence));
    Finish();
}

std::optional<Fund> FundDialog::Read(wxString* problem) const
{
    Fund fund = m_fund;
    fund.name = Text(m_name);
    if (fund.name.empty())
    {
        return Fail(problem, _("Please give the fund a name."));
    }
    const auto budget = ParsePounds(m_budget->GetValue());
    if (!budget)
    {
        return Fail(problem, NotAnAmount(_("The budget")));
    }
    fund.budget_pence = *budget;
    if (!ReadOptionalPounds(m_min, fund.min_award_pence))
    {
        return Fail(problem, NotAnAmount(_("The smallest award")));
    }
    if (!ReadOptionalPounds(m_max, fund.max_award_pence))
    {
        return Fail(problem, NotAnAmount(_("The largest award")));
    }
    return fund;
}

// ---- PotDialog ----------------------------------------------------------------------------

PotDialog::PotDialog(wxWindow* parent, const Pot& pot, const wxArrayString& fields)
    : ValueDialog(parent, _("Add a ring-fenced pot")), m_pot(pot)
{
    m_name = AddText(_("&Name:"), ToWx(pot.name));
    m_minimum =
        AddText(_("&At least:"), pot.key == 0 ? wxString() : FormatPounds(pot.minimum_pence));
    m_field =
        Grid().Add<wxComboBox>(_("For bids whose &field:"),
                               [&](wxWindow* p) {
                                   return new wxComboBox(p, wxID_ANY, ToWx(pot.field),
                                                         wxDefaultPosition, wxDefaultSize, fields);
                               });
    wxString values;
    for (const std::string& v : pot.values)
    {
        values << ToWx(v) << "\n";
    }
    m_values = AddText(_("&Is one of (one per line):"), values.Trim(), true);
    Finish();
}

std::optional<Pot> PotDialog::Read(wxString* problem) const
{
    Pot pot = m_pot;
    pot.name = Text(m_name);
    pot.field = ToUtf8(m_field->GetValue().Strip(wxString::both));
    const auto minimum = ParsePounds(m_minimum->GetValue());
    pot.values.clear();
    wxStringTokenizer lines(m_values->GetValue(), "\n");
    while (lines.HasMoreTokens())
    {
        const wxString value = lines.GetNextToken().Strip(wxString::both);
        if (!value.empty())
        {
            pot.values.push_back(ToUtf8(value));
        }
    }
    if (pot.name.empty())
    {
        return Fail(problem, _("Please give the pot a name."));
    }
    if (!minimum)
    {
        return Fail(problem, NotAnAmount(_("The amount")));
    }
    if (pot.field.empty() || pot.values.empty())
    {
        return Fail(problem,
                    _("Please say which bids the pot is for: a field, and at least one value."));
    }
    pot.minimum_pence = *minimum;
    return pot;
}

// ---- CriterionDialog ------------------------------------------------------------------------

CriterionDialog::CriterionDialog(wxWindow* parent, const Criterion& criterion)
    : ValueDialog(parent, criterion.key == 0 ? _("Add a question") : _("Change the question")),
      m_criterion(criterion)
{
    m_ref = AddText(_("Short &id:"), ToWx(criterion.ref));
    m_name = AddText(_("&Name:"), ToWx(criterion.name));
    m_question = AddText(_("&Question members answer:"), ToWx(criterion.question), true);
    m_guidance = AddText(_("&Guidance:"), ToWx(criterion.guidance), true);
    m_easy_read = AddText(_("&Easy-read wording (optional):"), ToWx(criterion.easy_read), true);
    m_weight = Grid().Add<wxSpinCtrlDouble>(
        _("&Weight (%):"),
        [&](wxWindow* p)
        {
            return new wxSpinCtrlDouble(p, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize,
                                        wxSP_ARROW_KEYS, 0, 100, criterion.weight_percent, 0.5);
        });
    const auto spin = [](int value, int lo, int hi)
    {
        return [=](wxWindow* p)
        {
            return new wxSpinCtrl(p, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize,
                                  wxSP_ARROW_KEYS, lo, hi, value);
        };
    };
    m_min = Grid().Add<wxSpinCtrl>(_("Scale &from:"), spin(criterion.scale_min, 0, 99));
    m_max = Grid().Add<wxSpinCtrl>(_("Scale &to:"), spin(criterion.scale_max, 1, 100));
    m_has_gate = new wxCheckBox(this, wxID_ANY, _("Bids must reach a &minimum here to be funded"));
    m_has_gate->SetValue(criterion.gate.has_value());
    Grid().AddUnlabelled(m_has_gate);
    m_gate = Grid().Add<wxSpinCtrl>(_("Minimum (panel &median):"),
                                    spin(criterion.gate.value_or(criterion.scale_min), 0, 100));

    m_levels_panel = new wxScrolledWindow(this, wxID_ANY);
    m_levels_panel->SetScrollRate(0, FromDIP(12));
    m_levels_panel->SetMinSize(FromDIP(wxSize(360, 220)));
    auto* levels_label = new wxStaticText(this, wxID_ANY, _("What each level means:"));
    Grid().AddUnlabelled(levels_label);
    Grid().AddUnlabelled(m_levels_panel);

    auto* right = new wxBoxSizer(wxVERTICAL);
    right->Add(MakeHeading(this, _("What members will see"), 1.1), wxSizerFlags().Expand());
    m_preview_panel = new wxScrolledWindow(this, wxID_ANY);
    m_preview_panel->SetScrollRate(0, FromDIP(12));
    m_preview_panel->SetMinSize(FromDIP(wxSize(520, 480)));
    m_preview_panel->SetSizer(new wxBoxSizer(wxVERTICAL));
    right->Add(m_preview_panel, wxSizerFlags(1).Expand().Border(wxTOP, Gap(this)));
    RebuildLevels();
    Finish(right);

    for (wxTextCtrl* field : {m_ref, m_name, m_question, m_guidance, m_easy_read})
    {
        field->Bind(wxEVT_TEXT, [this](wxCommandEvent&) { UpdatePreview(); });
    }
    m_weight->Bind(wxEVT_SPINCTRLDOUBLE, [this](wxSpinDoubleEvent&) { UpdatePreview(); });
    for (wxSpinCtrl* scale : {m_min, m_max})
    {
        scale->Bind(wxEVT_SPINCTRL,
                    [this](wxSpinEvent&)
                    {
                        RebuildLevels();
                        Layout();
                    });
    }
    m_gate->Enable(m_has_gate->GetValue());
    m_has_gate->Bind(wxEVT_CHECKBOX,
                     [this](wxCommandEvent&) { m_gate->Enable(m_has_gate->GetValue()); });
}

void CriterionDialog::RebuildLevels()
{
    // Keep what was typed for levels that stay on the scale.
    std::vector<LevelDescriptor> typed = m_criterion.descriptors;
    for (std::size_t i = 0; i < m_levels.size(); ++i)
    {
        const int level = m_criterion.scale_min + static_cast<int>(i);
        std::erase_if(typed, [level](const LevelDescriptor& d) { return d.level == level; });
        typed.push_back({level, ToUtf8(m_levels[i]->GetValue()), {}});
    }
    m_criterion.descriptors = typed;
    m_criterion.scale_min = m_min->GetValue();
    m_criterion.scale_max = std::max(m_max->GetValue(), m_criterion.scale_min + 1);
    m_levels_panel->DestroyChildren();
    m_levels.clear();
    FormGrid grid(m_levels_panel);
    for (int level = m_criterion.scale_min; level <= m_criterion.scale_max; ++level)
    {
        wxString text;
        for (const LevelDescriptor& d : m_criterion.descriptors)
        {
            if (d.level == level)
            {
                text = ToWx(d.text);
            }
        }
        auto* field = grid.Add<wxTextCtrl>(wxString::Format(_("Level %d:"), level), [&](wxWindow* p)
                                           { return new wxTextCtrl(p, wxID_ANY, text); });
        field->Bind(wxEVT_TEXT, [this](wxCommandEvent&) { UpdatePreview(); });
        m_levels.push_back(field);
    }
    m_levels_panel->SetSizer(grid.GetSizer(), true);
    m_levels_panel->FitInside();
    UpdatePreview();
}

void CriterionDialog::SetDescriptor(int level, const wxString& text)
{
    const int index = level - m_criterion.scale_min;
    if (index >= 0 && index < static_cast<int>(m_levels.size()))
    {
        m_levels[static_cast<std::size_t>(index)]->SetValue(text); // fires the preview update
    }
}

std::optional<Criterion> CriterionDialog::Read(wxString* problem) const
{
    Criterion c = m_criterion;
    c.ref = Text(m_ref);
    c.name = Text(m_name);
    c.question = Text(m_question);
    c.guidance = Text(m_guidance);
    c.easy_read = Text(m_easy_read);
    c.weight_percent = m_weight->GetValue();
    c.scale_min = m_min->GetValue();
    c.scale_max = m_max->GetValue();
    c.gate = m_has_gate->GetValue() ? std::optional<int>(m_gate->GetValue()) : std::nullopt;
    c.descriptors.clear();
    for (std::size_t i = 0; i < m_levels.size(); ++i)
    {
        c.descriptors.push_back({c.scale_min + static_cast<int>(i),
                                 ToUtf8(m_levels[i]->GetValue().Strip(wxString::both)),
                                 {}});
    }
    if (c.name.empty() || c.ref.empty())
    {
        return Fail(problem, _("Please give the question a name and a short id."));
    }
    if (c.scale_max <= c.scale_min)
    {
        return Fail(problem, _("The scale must run from a lower to a higher number."));
    }
    if (c.gate && (*c.gate < c.scale_min || *c.gate > c.scale_max))
    {
        return Fail(problem, _("The minimum must be a level on the scale."));
    }
    for (const LevelDescriptor& d : c.descriptors)
    {
        if (d.text.empty())
        {
            return Fail(problem,
                        wxString::Format(_("Please say what level %d means: members choose a "
                                           "level by its description."),
                                         d.level));
        }
    }
    return c;
}

void CriterionDialog::UpdatePreview()
{
    Criterion c = m_criterion;
    c.ref = Text(m_ref);
    c.name = Text(m_name);
    c.question = Text(m_question);
    c.guidance = Text(m_guidance);
    c.easy_read = Text(m_easy_read);
    c.weight_percent = m_weight->GetValue();
    c.descriptors.clear();
    for (std::size_t i = 0; i < m_levels.size(); ++i)
    {
        c.descriptors.push_back(
            {c.scale_min + static_cast<int>(i), ToUtf8(m_levels[i]->GetValue()), {}});
    }
    m_preview_panel->GetSizer()->Clear(true);
    m_preview = new CriterionView(m_preview_panel, c, 1, 1);
    m_preview_panel->GetSizer()->Add(m_preview, wxSizerFlags().Expand());
    m_preview_panel->FitInside();
    m_preview_panel->Layout();
}

// ---- MemberDialog ---------------------------------------------------------------------------

MemberDialog::MemberDialog(wxWindow* parent, const Member& member)
    : ValueDialog(parent, member.key == 0 ? _("Add a panel member") : _("Change the member")),
      m_member(member)
{
    m_ref = AddText(_("&Id:"), ToWx(member.ref));
    m_name = AddText(_("&Name:"), ToWx(member.name));
    m_role = AddChoice(_("&Role:"), Words(kRoles, RoleText), IndexOf(kRoles, member.role));
    m_scores = new wxCheckBox(this, wxID_ANY, _("&Scores bids (officers usually advise only)"));
    m_scores->SetValue(member.scores);
    Grid().AddUnlabelled(m_scores);
    m_chair = AddChoice(_("C&hairs the panel:"), Words(kChairs, ChairText),
                        IndexOf(kChairs, member.chair));
    Finish();
}

std::optional<Member> MemberDialog::Read(wxString* problem) const
{
    Member m = m_member;
    m.ref = Text(m_ref);
    m.name = Text(m_name);
    m.role = Chosen(kRoles, m_role);
    m.scores = m_scores->GetValue();
    m.chair = Chosen(kChairs, m_chair);
    if (m.ref.empty() || m.name.empty())
    {
        return Fail(problem, _("Please give the member an id and a name."));
    }
    return m;
}

// ---- BidDialog ------------------------------------------------------------------------------

BidDialog::BidDialog(wxWindow* parent, const Bid& bid, const std::vector<Fund>& funds)
    : ValueDialog(parent, bid.key == 0 ? _("Add a bid") : _("Change the bid")), m_bid(bid)
{
    wxArrayString names;
    int selection = 0;
    for (const Fund& f : funds)
    {
        if (f.key == bid.fund)
        {
            selection = static_cast<int>(m_funds.size());
        }
        m_funds.push_back(f.key);
        names.Add(ToWx(f.name));
    }
    m_ref = AddText(_("&Reference:"), ToWx(bid.ref));
    m_fund = AddChoice(_("&Fund:"), names, selection);
    m_organisation = AddText(_("&Organisation:"), ToWx(bid.organisation));
    m_title = AddText(_("&Project:"), ToWx(bid.project_title));
    m_amount = AddText(_("&Amount requested:"),
                       bid.key == 0 ? wxString() : FormatPounds(bid.requested_pence));
    m_ward = AddText(_("Area or &ward:"), ToWx(bid.ward));
    m_summary = AddText(_("&Summary:"), ToWx(bid.summary), true);
    Finish();
}

std::optional<Bid> BidDialog::Read(wxString* problem) const
{
    Bid b = m_bid;
    b.ref = Text(m_ref);
    b.organisation = Text(m_organisation);
    b.project_title = Text(m_title);
    b.ward = Text(m_ward);
    b.summary = Text(m_summary);
    const int fund = m_fund->GetSelection();
    if (fund < 0)
    {
        return Fail(problem,
                    _("Please choose the fund the bid is for. Add a fund first if there is none."));
    }
    b.fund = m_funds[static_cast<std::size_t>(fund)];
    if (b.ref.empty())
    {
        return Fail(problem, _("Please give the bid a reference."));
    }
    const auto amount = ParsePounds(m_amount->GetValue());
    if (!amount)
    {
        return Fail(problem, NotAnAmount(_("The amount requested")));
    }
    b.requested_pence = *amount;
    return b;
}

// ---- EligibilityDialog --------------------------------------------------------------------

EligibilityDialog::EligibilityDialog(wxWindow* parent, const Bid& bid)
    : ValueDialog(parent, wxString::Format(_("Eligibility of %s"), ToWx(bid.ref)))
{
    m_eligibility = AddChoice(_("&Eligibility:"), Words(kEligibility, EligibilityText),
                              IndexOf(kEligibility, bid.eligibility));
    m_note = AddText(_("&Note (needed when not eligible):"), ToWx(bid.eligibility_note), true);
    Finish();
}

std::optional<EligibilityCheck> EligibilityDialog::Read(wxString* problem) const
{
    EligibilityCheck check{Chosen(kEligibility, m_eligibility), Text(m_note)};
    if (check.eligibility == Eligibility::Ineligible && check.note.empty())
    {
        return Fail(problem,
                    _("Please note why the bid is not eligible: the applicant will be told."));
    }
    return check;
}

// ---- RecordInterestDialog -----------------------------------------------------------------

RecordInterestDialog::RecordInterestDialog(wxWindow* parent, const std::vector<Member>& members,
                                           const std::vector<Bid>& bids)
    : ValueDialog(parent, _("Record an interest"))
{
    wxArrayString member_names;
    for (const Member& m : members)
    {
        m_members.push_back(m.key);
        member_names.Add(ToWx(m.name));
    }
    wxArrayString bid_names;
    for (const Bid& b : bids)
    {
        m_bids.push_back(b.key);
        bid_names.Add(ToWx(b.ref + " " + b.organisation));
    }
    m_member = AddChoice(_("&Member:"), member_names, -1);
    m_bid = AddChoice(_("&Bid:"), bid_names, -1);
    m_type = AddChoice(_("&Interest:"), Words(kTypes, InterestTypeText), -1);
    m_rule = AddChoice(_("&Rule:"), Words(kRules, InterestRuleText), -1);
    m_note = AddText(_("&How and when it was declared:"), wxString(), true);
    m_type->Bind(wxEVT_CHOICE,
                 [this](wxCommandEvent&) {
                     m_rule->SetSelection(IndexOf(kRules, DefaultRuleFor(Chosen(kTypes, m_type))));
                 });
    Finish();
}

std::optional<Interest> RecordInterestDialog::Read(wxString* problem) const
{
    if (m_member->GetSelection() < 0 || m_bid->GetSelection() < 0 || m_type->GetSelection() < 0 ||
        m_rule->GetSelection() < 0)
    {
        return Fail(problem, _("Please choose the member, the bid, the interest and the rule."));
    }
    Interest interest;
    interest.member = m_members[static_cast<std::size_t>(m_member->GetSelection())];
    interest.bid = m_bids[static_cast<std::size_t>(m_bid->GetSelection())];
    interest.type = Chosen(kTypes, m_type);
    interest.rule = Chosen(kRules, m_rule);
    interest.note = Text(m_note);
    return interest;
}

// ---- Free functions -----------------------------------------------------------------------

std::optional<Fund> EditFund(wxWindow* parent, const Fund& fund)
{
    return ShowAndRead<FundDialog>(parent, fund);
}

std::optional<Pot> EditPot(wxWindow* parent, const Pot& pot, const wxArrayString& fields)
{
    return ShowAndRead<PotDialog>(parent, pot, fields);
}

std::optional<Criterion> EditCriterion(wxWindow* parent, const Criterion& criterion)
{
    return ShowAndRead<CriterionDialog>(parent, criterion);
}

std::optional<Member> EditMember(wxWindow* parent, const Member& member)
{
    return ShowAndRead<MemberDialog>(parent, member);
}

std::optional<Bid> EditBid(wxWindow* parent, const Bid& bid, const std::vector<Fund>& funds)
{
    return ShowAndRead<BidDialog>(parent, bid, funds);
}

std::optional<EligibilityCheck> EditEligibility(wxWindow* parent, const Bid& bid)
{
    return ShowAndRead<EligibilityDialog>(parent, bid);
}

std::optional<Interest> AskRecordInterest(wxWindow* parent, const std::vector<Member>& members,
                                          const std::vector<Bid>& bids)
{
    return ShowAndRead<RecordInterestDialog>(parent, members, bids);
}

} // namespace coscore::forms
