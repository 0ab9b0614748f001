// SPDX-License-Identifier: MIT
#include "meeting_kit.hpp"

#include <coscore/forms/layout.hpp>
#include <coscore/forms/meeting_model.hpp>
#include <coscore/forms/string_convert.hpp>
#include <coscore/forms/text_scale.hpp>
#include <coscore/forms/tie_break_dialog.hpp>
#include <coscore/scoring/lottery.hpp>

#include <wx/button.h>
#include <wx/listbox.h>
#include <wx/radiobut.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include <charconv>
#include <random>

namespace coscore::forms
{

using namespace scoring;

namespace
{

std::optional<std::uint64_t> ParseSeed(const wxString& text)
{
    const std::string digits = ToUtf8(text.Strip(wxString::both));
    std::uint64_t seed = 0;
    const char* end = digits.data() + digits.size();
    const auto [at, error] = std::from_chars(digits.data(), end, seed);
    if (digits.empty() || error != std::errc() || at != end)
    {
        return std::nullopt;
    }
    return seed;
}

} // namespace

std::optional<TieBreakContext> MakeTieBreakContext(const RoundData& round,
                                                   const ReconcileResult& result, Key fund)
{
    const FundResult* fr = FindFundResult(result, fund);
    const TieGroup* tie = fr != nullptr ? FindLineTie(*fr) : nullptr;
    if (tie == nullptr)
    {
        return std::nullopt;
    }
    TieBreakContext context;
    context.fund = fund;
    for (Key key : tie->bids)
    {
        const Bid* bid = FindRoundBid(round, key);
        const BidResult* b = FindBidResult(result, key);
        if (bid == nullptr || b == nullptr)
        {
            continue;
        }
        context.bids.push_back(*bid);
        context.figures.push_back(wxString::Format(
            _("%s, %s: mean %s, median %s, %d scores; asks for %s"), ToWx(bid->ref),
            ToWx(bid->organisation), PointsText(b->figures.mean), PointsText(b->figures.median),
            b->figures.n, MoneyText(bid->requested_pence)));
    }
    // A seed nobody in the room could know before the meeting; the chair may say another.
    std::random_device entropy;
    std::uniform_int_distribution<std::uint64_t> six_digits(100000, 999999);
    context.seed = six_digits(entropy);
    return context;
}

TieBreakDialog::TieBreakDialog(wxWindow* parent, TieBreakContext context)
    : wxDialog(parent, wxID_ANY, _("Break the tie at the funding line"), wxDefaultPosition,
               wxDefaultSize, wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER),
      m_context(std::move(context))
{
    for (const Bid& bid : m_context.bids)
    {
        m_chair_order.push_back(bid.key);
    }
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    const auto add = [&](wxWindow* w, int proportion = 0)
    {
        sizer->Add(
            w, wxSizerFlags(proportion).Expand().Border(wxLEFT | wxRIGHT | wxTOP, BigGap(this)));
    };
    add(MakeText(this, _("These bids have the same score, and the money left does not fund them "
                         "all. Decide their order:")));
    wxString figures;
    for (const wxString& line : m_context.figures)
    {
        figures << (figures.empty() ? "" : "\n") << "\u2022 " << line;
    }
    wxStaticText* group = MakeText(this, figures);
    group->SetFont(group->GetFont().Bold());
    add(group);

    m_by_chair = new wxRadioButton(this, wxID_ANY, _("By the &chair's decision, with a reason"),
                                   wxDefaultPosition, wxDefaultSize, wxRB_GROUP);
    add(m_by_chair);
    auto* chair = new wxBoxSizer(wxHORIZONTAL);
    auto* order_label = new wxStaticText(this, wxID_ANY, _("&Order, first funded first:"));
    m_order = new wxListBox(this, wxID_ANY);
    m_order->SetMinSize(
        wxSize(m_order->GetCharWidth() * 40,
               m_order->GetCharHeight() * (static_cast<int>(m_context.bids.size()) + 1) * 3 / 2));
    LinkLabel(order_label, m_order);
    // GTK reads a list box as a table, which needs a name of its own besides its label.
    SetAccessibleName(m_order, _("Order, first funded first"));
    auto* order_column = new wxBoxSizer(wxVERTICAL);
    order_column->Add(order_label);
    order_column->Add(m_order, wxSizerFlags(1).Expand().Border(wxTOP, Gap(this) / 2));
    chair->Add(order_column, wxSizerFlags(1).Expand());
    auto* moves = new wxBoxSizer(wxVERTICAL);
    m_up = new wxButton(this, wxID_ANY, _("Move &up"));
    m_down = new wxButton(this, wxID_ANY, _("Move do&wn"));
    moves->Add(m_up, wxSizerFlags().Expand());
    moves->Add(m_down, wxSizerFlags().Expand().Border(wxTOP, Gap(this) / 2));
    chair->Add(moves, wxSizerFlags().Border(wxLEFT | wxTOP, Gap(this)));
    sizer->Add(chair, wxSizerFlags().Expand().Border(wxLEFT, BigGap(this) * 2));
    auto* reason_label = new wxStaticText(this, wxID_ANY, _("&Reason for the order:"));
    sizer->Add(reason_label, wxSizerFlags().Border(wxLEFT | wxTOP, BigGap(this) * 2));
    m_reason = new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize,
                              wxTE_MULTILINE);
    m_reason->SetMinSize(wxSize(-1, m_reason->GetCharHeight() * 3));
    LinkLabel(reason_label, m_reason);
    sizer->Add(m_reason, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT, BigGap(this) * 2));

    m_by_lottery = new wxRadioButton(this, wxID_ANY, _("By a seeded &lottery"));
    add(m_by_lottery);
    auto* seed_row = new wxBoxSizer(wxHORIZONTAL);
    auto* seed_label = new wxStaticText(this, wxID_ANY, _("&Seed:"));
    m_seed = new wxTextCtrl(this, wxID_ANY);
    m_seed->SetMinSize(wxSize(m_seed->GetCharWidth() * 24, -1));
    LinkLabel(seed_label, m_seed);
    seed_row->Add(seed_label, wxSizerFlags().CenterVertical().Border(wxRIGHT, Gap(this)));
    seed_row->Add(m_seed);
    sizer->Add(seed_row, wxSizerFlags().Border(wxLEFT | wxTOP, BigGap(this) * 2));
    wxStaticText* seed_help =
        MakeText(this, _("Say the seed aloud first (or use one the room chooses). The lottery is "
                         "drawn when you press \u201CDraw and record\u201D: the seed, the order "
                         "drawn and the time are kept in the audit log and shown on the page, "
                         "and anyone can check the draw later with the same seed."));
    sizer->Add(seed_help,
               wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT | wxTOP, BigGap(this) * 2));

    m_error = AddProblemText(this, sizer);
    AddOkCancel(this, sizer, _("&Draw and record"));
    m_by_chair->Bind(wxEVT_RADIOBUTTON, [this](wxCommandEvent&) { UpdateFields(); });
    m_by_lottery->Bind(wxEVT_RADIOBUTTON, [this](wxCommandEvent&) { UpdateFields(); });
    m_up->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { Move(m_order->GetSelection(), -1); });
    m_down->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { Move(m_order->GetSelection(), +1); });
    SetSizer(sizer);
    FitReadable(this, 70);
}

void TieBreakDialog::UpdateFields()
{
    const bool chair = m_by_chair->GetValue();
    m_order->Enable(chair);
    m_up->Enable(chair);
    m_down->Enable(chair);
    m_reason->Enable(chair);
    m_seed->Enable(!chair);
    if (auto* ok = dynamic_cast<wxButton*>(FindWindow(wxID_OK)))
    {
        ok->SetLabel(chair ? _("Recor&d the order") : _("&Draw and record"));
    }
    Layout();
}

bool TieBreakDialog::TransferDataToWindow()
{
    m_order->Clear();
    for (Key key : m_chair_order)
    {
        for (const Bid& bid : m_context.bids)
        {
            if (bid.key == key)
            {
                m_order->Append(ToWx(bid.ref + " " + bid.organisation));
            }
        }
    }
    m_order->SetSelection(0);
    m_seed->ChangeValue(wxString::Format("%llu", static_cast<unsigned long long>(m_context.seed)));
    UpdateFields();
    return true;
}

bool TieBreakDialog::TransferDataFromWindow()
{
    std::vector<Key> group;
    for (const Bid& bid : m_context.bids)
    {
        group.push_back(bid.key);
    }
    if (m_by_lottery->GetValue())
    {
        const auto seed = ParseSeed(m_seed->GetValue());
        if (!seed)
        {
            return ShowProblem(m_error, _("The seed must be a whole number, like 482913."), m_seed);
        }
        m_value = MakeLotteryTieBreak(m_context.fund, group, *seed);
        return true;
    }
    const wxString reason = m_reason->GetValue().Strip(wxString::both);
    if (reason.empty())
    {
        return ShowProblem(
            m_error,
            _("Please give the reason for the chair's order: it is kept in the audit log."),
            m_reason);
    }
    m_value = TieBreak{};
    m_value.fund = m_context.fund;
    m_value.group = group;
    m_value.order = m_chair_order;
    m_value.by_lottery = false;
    m_value.reason = ToUtf8(reason);
    SetWrappedLabel(m_error, wxString());
    return true;
}

void TieBreakDialog::ChooseLottery(bool lottery)
{
    (lottery ? m_by_lottery : m_by_chair)->SetValue(true);
    UpdateFields();
}

void TieBreakDialog::SetSeed(const wxString& seed)
{
    m_seed->ChangeValue(seed);
}

void TieBreakDialog::SetReason(const wxString& reason)
{
    m_reason->ChangeValue(reason);
}

void TieBreakDialog::Move(int index, int direction)
{
    const int target = index + direction;
    if (index < 0 || target < 0 || target >= static_cast<int>(m_chair_order.size()) ||
        index >= static_cast<int>(m_chair_order.size()))
    {
        return;
    }
    std::swap(m_chair_order[static_cast<std::size_t>(index)],
              m_chair_order[static_cast<std::size_t>(target)]);
    const wxString moved = m_order->GetString(static_cast<unsigned>(index));
    m_order->SetString(static_cast<unsigned>(index),
                       m_order->GetString(static_cast<unsigned>(target)));
    m_order->SetString(static_cast<unsigned>(target), moved);
    m_order->SetSelection(target);
}

std::optional<TieBreak> EditTieBreak(wxWindow* parent, const TieBreakContext& context)
{
    return EditModally<TieBreakDialog>(parent, context);
}

} // namespace coscore::forms
