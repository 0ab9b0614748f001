// SPDX-License-Identifier: MIT
#include "meeting_kit.hpp"

#include <coscore/forms/budget_bar.hpp>
#include <coscore/forms/layout.hpp>

#include <wx/dc.h>
#include <wx/settings.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

#include <algorithm>

namespace coscore::forms
{

using namespace scoring;

/// The painted bar: pots hatched, the rest of the spend solid, what is left empty. Colours come
/// from the system theme, so high contrast and dark themes keep working.
class BudgetStrip : public PictureWindow
{
public:
    explicit BudgetStrip(wxWindow* parent) : PictureWindow(parent) {}

    void SetFund(const FundResult& fund)
    {
        m_budget = fund.budget_pence;
        m_spent = fund.spent_pence;
        m_pots.clear();
        for (const PotResult& pot : fund.pots)
        {
            m_pots.push_back(pot.spent_pence);
        }
        InvalidateBestSize();
        Refresh();
    }

protected:
    wxSize DoGetBestClientSize() const override
    {
        // As tall as a line and a half of text, so that it grows with the text size.
        return {FromDIP(200), GetCharHeight() * 3 / 2};
    }

    void Draw(wxDC& dc, const wxSize& size) override
    {
        const wxColour back = wxSystemSettings::GetColour(wxSYS_COLOUR_WINDOW);
        const wxColour text = wxSystemSettings::GetColour(wxSYS_COLOUR_WINDOWTEXT);
        const wxColour fill = wxSystemSettings::GetColour(wxSYS_COLOUR_HIGHLIGHT);
        const wxRect frame(0, 0, size.x, size.y);
        dc.SetPen(wxPen(text, FromDIP(1)));
        dc.SetBrush(wxBrush(back));
        dc.DrawRectangle(frame);
        if (m_budget <= 0)
        {
            return;
        }
        const int inner = std::max(0, frame.width - 2);
        const auto width = [&](Pence pence)
        {
            const double share =
                std::clamp(static_cast<double>(pence) / static_cast<double>(m_budget), 0.0, 1.0);
            return static_cast<int>(share * inner);
        };
        int x = 1;
        dc.SetPen(*wxTRANSPARENT_PEN);
        for (Pence pot : m_pots)
        {
            const int w = width(pot);
            dc.SetBrush(wxBrush(fill));
            dc.DrawRectangle(x, 1, w, frame.height - 2);
            dc.SetBrush(wxBrush(back, wxBRUSHSTYLE_BDIAGONAL_HATCH));
            dc.DrawRectangle(x, 1, w, frame.height - 2);
            x += w;
        }
        const int rest = width(m_spent) - (x - 1);
        dc.SetBrush(wxBrush(fill));
        dc.DrawRectangle(x, 1, std::max(0, rest), frame.height - 2);
    }

private:
    Pence m_budget = 0;
    Pence m_spent = 0;
    std::vector<Pence> m_pots;
};

BudgetBar::BudgetBar(wxWindow* parent) : wxPanel(parent)
{
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    m_strip = new BudgetStrip(this);
    sizer->Add(m_strip, wxSizerFlags().Expand());
    m_text = MakeText(this, wxString());
    sizer->Add(m_text, wxSizerFlags().Expand().Border(wxTOP, Gap(this) / 2));
    SetSizer(sizer);
}

void BudgetBar::SetBudget(const FundResult& fund, const wxString& text)
{
    m_strip->SetFund(fund);
    m_plain = text;
    SetWrappedLabel(m_text, text);
    SetAccessibleName(m_strip, text);
    Layout();
}

wxString BudgetBar::GetText() const
{
    return m_plain;
}

} // namespace coscore::forms
