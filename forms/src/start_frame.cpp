// SPDX-License-Identifier: MIT
#include <coscore/forms/layout.hpp>
#include <coscore/forms/main_frame.hpp>
#include <coscore/forms/round_opener.hpp>
#include <coscore/forms/start_frame.hpp>
#include <coscore/forms/string_convert.hpp>

#include <wx/button.h>
#include <wx/filehistory.h>
#include <wx/listbox.h>
#include <wx/menu.h>
#include <wx/panel.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

namespace coscore::forms
{

namespace
{

// A large button with a line underneath saying what it is for.
wxButton* AddChoice(wxWindow* parent, wxSizer* sizer, const wxString& label,
                    const wxString& explanation)
{
    auto* button = new wxButton(parent, wxID_ANY, label);
    button->SetFont(button->GetFont().Scaled(1.2F).Bold());
    sizer->Add(button, wxSizerFlags().Border(wxTOP, BigGap(parent)));
    sizer->Add(MakeText(parent, explanation),
               wxSizerFlags().Expand().Border(wxTOP, Gap(parent) / 2));
    return button;
}

} // namespace

StartFrame::StartFrame()
    : wxFrame(nullptr, wxID_ANY, _("Welcome to CoScore"), wxDefaultPosition, wxDefaultSize,
              wxDEFAULT_FRAME_STYLE, "coscore_start")
{
    auto* file = new wxMenu;
    file->Append(wxID_NEW, _("&New round...\tCtrl+N"));
    file->Append(wxID_OPEN, _("&Open...\tCtrl+O"));
    file->AppendSeparator();
    file->Append(wxID_EXIT);
    auto* help = new wxMenu;
    help->Append(wxID_ABOUT);
    auto* bar = new wxMenuBar;
    bar->Append(file, _("&File"));
    bar->Append(help, _("&Help"));
    SetMenuBar(bar);

    auto* panel = new wxPanel(this);
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(MakeHeading(panel, _("Welcome to CoScore"), 1.6), wxSizerFlags().Expand());
    sizer->Add(
        MakeText(panel, _("CoScore helps a grants panel read bids, score them fairly and decide, "
                          "on the record, which to fund.")),
        wxSizerFlags().Expand().Border(wxTOP, Gap(panel)));
    m_demo = AddChoice(panel, sizer, _("Try the &demo round"),
                       _("A practice round with made-up bids. A good place to start: nothing you "
                         "do there matters, and it starts afresh each time."));
    auto* open = AddChoice(panel, sizer, _("&Open a round..."),
                           _("A round file (.coscore) from your grants officer or on this "
                             "computer."));
    auto* create = AddChoice(panel, sizer, _("Start a &new round..."),
                             _("For officers: set up funds, scoring forms, members and bids."));
    auto* recent_label = new wxStaticText(panel, wxID_ANY, _("&Recent rounds"));
    recent_label->SetFont(recent_label->GetFont().Bold());
    sizer->Add(recent_label, wxSizerFlags().Border(wxTOP, BigGap(panel)));
    m_recent = new wxListBox(panel, wxID_ANY);
    m_recent->SetMinSize(wxSize(-1, m_recent->GetCharHeight() * 6));
    LinkLabel(recent_label, m_recent);
    sizer->Add(m_recent, wxSizerFlags(1).Expand().Border(wxTOP, Gap(panel) / 2));
    m_open_recent = new wxButton(panel, wxID_ANY, _("Open the &chosen round"));
    sizer->Add(m_open_recent, wxSizerFlags().Border(wxTOP, Gap(panel)));

    auto* outer = new wxBoxSizer(wxVERTICAL);
    outer->Add(sizer, wxSizerFlags(1).Expand().Border(wxALL, BigGap(panel) * 2));
    panel->SetSizer(outer);
    auto* frame_sizer = new wxBoxSizer(wxVERTICAL);
    frame_sizer->Add(panel, wxSizerFlags(1).Expand());
    SetSizer(frame_sizer);
    FillRecent();

    m_demo->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { OpenDemoWindow(this); });
    open->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { OpenRoundByDialog(this); });
    create->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { NewRoundWindow(this); });
    m_open_recent->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { OpenChosenRecent(); });
    m_recent->Bind(wxEVT_LISTBOX_DCLICK, [this](wxCommandEvent&) { OpenChosenRecent(); });
    Bind(
        wxEVT_MENU, [this](wxCommandEvent&) { NewRoundWindow(this); }, wxID_NEW);
    Bind(
        wxEVT_MENU, [this](wxCommandEvent&) { OpenRoundByDialog(this); }, wxID_OPEN);
    Bind(
        wxEVT_MENU, [](wxCommandEvent&) { CloseEveryWindow(); }, wxID_EXIT);
    Bind(
        wxEVT_MENU, [this](wxCommandEvent&) { ShowAbout(this); }, wxID_ABOUT);
    FitReadable(this, 72);
    m_demo->SetFocus();
}

StartFrame::~StartFrame() = default;

void StartFrame::FillRecent()
{
    m_recent->Clear();
    const wxFileHistory& history = RecentRounds();
    for (size_t i = 0; i < history.GetCount(); ++i)
    {
        m_recent->Append(history.GetHistoryFile(i));
    }
    if (m_recent->IsEmpty())
    {
        m_recent->Append(_("(No rounds opened yet)"));
        m_recent->Disable();
        m_open_recent->Disable();
    }
    else
    {
        m_recent->SetSelection(0);
    }
}

void StartFrame::OpenChosenRecent()
{
    const int chosen = m_recent->GetSelection();
    if (chosen != wxNOT_FOUND && m_recent->IsEnabled())
    {
        OpenRoundWindow(this, ToUtf8(m_recent->GetString(static_cast<unsigned>(chosen))));
    }
}

} // namespace coscore::forms
