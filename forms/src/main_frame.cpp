// SPDX-License-Identifier: MIT
#include <coscore/forms/main_frame.hpp>
#include <coscore/forms/money.hpp>
#include <coscore/forms/string_convert.hpp>

#include <wx/aboutdlg.h>
#include <wx/dataview.h>
#include <wx/menu.h>
#include <wx/panel.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

#include <map>

#ifndef COSCORE_VERSION
#define COSCORE_VERSION "0.0.0"
#endif

namespace coscore::forms
{

using namespace scoring;

void ShowAbout(wxWindow* parent)
{
    wxAboutDialogInfo info;
    info.SetName("CoScore");
    info.SetVersion(COSCORE_VERSION);
    info.SetDescription(_("Fair, recorded scoring and decisions for co-produced grants panels."));
    info.SetCopyright("(C) 2026 The CoScore developers");
    wxAboutBox(info, parent);
}

MainFrame::MainFrame(std::unique_ptr<core::Workspace> workspace)
    : wxFrame(nullptr, wxID_ANY, "CoScore"), m_workspace(std::move(workspace))
{
    const auto info = m_workspace->GetRoundInfo();
    SetTitle(ToWx(info.title) + (m_workspace->IsReadOnly() ? _(" (read-only)") : wxString()) +
             " — CoScore");
    BuildMenus();
    BuildContent();
    FillBids();
    m_subscription =
        m_workspace->Subscribe([this](const core::ChangeEvent& event) { Refresh(event); });
    SetSize(FromDIP(wxSize(1000, 700)));
}

MainFrame::~MainFrame() = default;

void MainFrame::BuildMenus()
{
    auto* file = new wxMenu;
    file->Append(wxID_CLOSE);
    file->AppendSeparator();
    file->Append(wxID_EXIT);
    auto* help = new wxMenu;
    help->Append(wxID_ABOUT);
    auto* bar = new wxMenuBar;
    bar->Append(file, _("&File"));
    bar->Append(help, _("&Help"));
    SetMenuBar(bar);
    Bind(
        wxEVT_MENU, [this](wxCommandEvent&) { Close(); }, wxID_CLOSE);
    Bind(
        wxEVT_MENU, [this](wxCommandEvent&) { Close(); }, wxID_EXIT);
    Bind(wxEVT_MENU, &MainFrame::OnAbout, this, wxID_ABOUT);
}

void MainFrame::BuildContent()
{
    auto* panel = new wxPanel(this);
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    auto* title = new wxStaticText(panel, wxID_ANY, ToWx(m_workspace->GetRoundInfo().title));
    title->SetFont(title->GetFont().Scaled(1.5f).Bold());
    sizer->Add(title, wxSizerFlags().Border(wxALL, FromDIP(12)));
    m_summary = new wxStaticText(panel, wxID_ANY, wxString());
    sizer->Add(m_summary, wxSizerFlags().Border(wxLEFT | wxRIGHT | wxBOTTOM, FromDIP(12)));
    auto* label = new wxStaticText(panel, wxID_ANY, _("&Bids in this round:"));
    sizer->Add(label, wxSizerFlags().Border(wxLEFT | wxRIGHT, FromDIP(12)));
    m_bids = new wxDataViewListCtrl(panel, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                                    wxDV_ROW_LINES | wxDV_SINGLE);
    m_bids->AppendTextColumn(_("Reference"), wxDATAVIEW_CELL_INERT, wxCOL_WIDTH_AUTOSIZE);
    m_bids->AppendTextColumn(_("Organisation"), wxDATAVIEW_CELL_INERT, wxCOL_WIDTH_AUTOSIZE);
    m_bids->AppendTextColumn(_("Project"), wxDATAVIEW_CELL_INERT, wxCOL_WIDTH_AUTOSIZE);
    m_bids->AppendTextColumn(_("Fund"), wxDATAVIEW_CELL_INERT, wxCOL_WIDTH_AUTOSIZE);
    m_bids->AppendTextColumn(_("Requested"), wxDATAVIEW_CELL_INERT, wxCOL_WIDTH_AUTOSIZE,
                             wxALIGN_RIGHT);
    m_bids->AppendTextColumn(_("Area"), wxDATAVIEW_CELL_INERT, wxCOL_WIDTH_AUTOSIZE);
    sizer->Add(m_bids, wxSizerFlags(1).Expand().Border(wxALL, FromDIP(12)));
    panel->SetSizer(sizer);
}

void MainFrame::FillBids()
{
    const auto funds = m_workspace->ListFunds();
    std::map<Key, wxString> fund_names;
    wxString summary;
    const auto bids = m_workspace->ListBids();
    for (const Fund& f : funds)
    {
        fund_names[f.key] = ToWx(f.name);
        const auto count =
            std::count_if(bids.begin(), bids.end(), [&f](const Bid& b) { return b.fund == f.key; });
        summary += wxString::Format(_("%s: budget %s, %d bids\n"), ToWx(f.name),
                                    FormatPounds(f.budget_pence, true), static_cast<int>(count));
    }
    m_summary->SetLabel(summary.Trim());
    m_bids->DeleteAllItems();
    for (const Bid& b : bids)
    {
        wxVector<wxVariant> row;
        row.push_back(ToWx(b.ref));
        row.push_back(ToWx(b.organisation));
        row.push_back(ToWx(b.project_title));
        row.push_back(fund_names[b.fund]);
        row.push_back(FormatPounds(b.requested_pence));
        row.push_back(ToWx(b.ward));
        m_bids->AppendItem(row);
    }
    Layout();
}

void MainFrame::Refresh(const core::ChangeEvent& /*event*/)
{
    FillBids();
}

void MainFrame::OnAbout(wxCommandEvent& /*event*/)
{
    ShowAbout(this);
}

} // namespace coscore::forms
