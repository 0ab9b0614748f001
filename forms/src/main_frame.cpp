// SPDX-License-Identifier: MIT
#include <coscore/forms/layout.hpp>
#include <coscore/forms/main_frame.hpp>
#include <coscore/forms/meeting_page.hpp>
#include <coscore/forms/preferences.hpp>
#include <coscore/forms/round_opener.hpp>
#include <coscore/forms/run_guarded.hpp>
#include <coscore/forms/scoring_page.hpp>
#include <coscore/forms/setup_pages.hpp>
#include <coscore/forms/string_convert.hpp>
#include <coscore/forms/text_scale.hpp>

#include <wx/aboutdlg.h>
#include <wx/app.h>
#include <wx/filehistory.h>
#include <wx/log.h>
#include <wx/menu.h>
#include <wx/notebook.h>
#include <wx/persist/toplevel.h>
#include <wx/sizer.h>

#ifndef COSCORE_VERSION
#define COSCORE_VERSION "0.0.0"
#endif

namespace coscore::forms
{

using namespace scoring;

namespace
{

// Backups are written after this much time with changes (RELIABILITY.md §1), and on close.
constexpr int kBackupEveryMs = 10 * 60 * 1000;
constexpr int kBackupsKept = 10;

enum MenuId
{
    kIdOpenDemo = wxID_HIGHEST + 1,
    kIdBackUpNow,
};

} // namespace

void ShowAbout(wxWindow* parent)
{
    wxAboutDialogInfo info;
    info.SetName("CoScore");
    info.SetVersion(COSCORE_VERSION);
    info.SetDescription(_("Fair, recorded scoring and decisions for co-produced grants panels: "
                          "councillors, people who use services and carers deciding together."));
    info.SetCopyright("(C) 2026 The CoScore developers");
    info.SetLicence(_("MIT licence"));
    wxAboutBox(info, parent);
}

std::vector<MainFrame*> OpenMainFrames()
{
    std::vector<MainFrame*> frames;
    for (wxWindow* window : wxTopLevelWindows)
    {
        if (auto* frame = dynamic_cast<MainFrame*>(window);
            frame != nullptr && !frame->IsBeingDeleted())
        {
            frames.push_back(frame);
        }
    }
    return frames;
}

MainFrame::MainFrame(std::unique_ptr<core::Workspace> workspace, FrameOptions options)
    : wxFrame(nullptr, wxID_ANY, "CoScore", wxDefaultPosition, wxDefaultSize, wxDEFAULT_FRAME_STYLE,
              "coscore_round"),
      m_workspace(std::move(workspace)), m_options(options), m_history(*m_workspace),
      m_backup_timer(this)
{
    UpdateTitle();
    BuildMenus();
    BuildPages();
    m_subscription = m_workspace->Subscribe(
        [this](const core::ChangeEvent& event)
        {
            m_changed_since_backup = true;
            if (event.kind == core::ChangeKind::Round)
            {
                UpdateTitle();
            }
        });
    SetSize(FromDIP(wxSize(1200, 860)));
    // The window's size and place are remembered between sessions (wx persistence).
    wxPersistentRegisterAndRestore(this, "main_window");
    Bind(wxEVT_CLOSE_WINDOW, &MainFrame::OnClose, this);
    Bind(wxEVT_CHAR_HOOK, &MainFrame::OnCharHook, this);
    Bind(wxEVT_TIMER, [this](wxTimerEvent&) { BackUpIfChanged(); });
    m_backup_timer.Start(kBackupEveryMs);
    SetTextScale(LoadPreferences().text_scale);
}

MainFrame::~MainFrame()
{
    m_backup_timer.Stop();
    RememberTextScale(this, 1.0);
    if (m_recent != nullptr)
    {
        RecentRounds().RemoveMenu(m_recent);
    }
}

void MainFrame::UpdateTitle()
{
    wxString title = ToWx(m_workspace->GetRoundInfo().title);
    if (m_workspace->IsReadOnly())
    {
        title += _(" (read-only)");
    }
    SetTitle(title + wxString::FromUTF8(" \xE2\x80\x94 CoScore"));
}

void MainFrame::BuildMenus()
{
    auto* file = new wxMenu;
    if (!m_options.pack_member)
    {
        file->Append(wxID_NEW, _("&New round...\tCtrl+N"));
    }
    file->Append(wxID_OPEN, _("&Open...\tCtrl+O"));
    file->Append(kIdOpenDemo, _("Open the &demo round"));
    m_recent = new wxMenu;
    file->AppendSubMenu(m_recent, _("Open &recent"));
    RecentRounds().UseMenu(m_recent);
    RecentRounds().AddFilesToMenu(m_recent);
    file->AppendSeparator();
    file->Append(kIdBackUpNow, _("&Back up now"));
    file->AppendSeparator();
    file->Append(wxID_CLOSE, _("&Close this round\tCtrl+W"));
    file->Append(wxID_EXIT);

    auto* edit = new wxMenu;
    edit->Append(wxID_UNDO);
    edit->Append(wxID_REDO);
    edit->AppendSeparator();
    edit->Append(wxID_PREFERENCES);
    m_history.SetEditMenu(edit);

    auto* view = new wxMenu;
    view->Append(wxID_ZOOM_IN, _("&Larger text\tCtrl++"));
    view->Append(wxID_ZOOM_OUT, _("&Smaller text\tCtrl+-"));
    view->Append(wxID_ZOOM_100, _("&Normal text size\tCtrl+0"));

    auto* help = new wxMenu;
    help->Append(wxID_ABOUT);

    auto* bar = new wxMenuBar;
    bar->Append(file, _("&File"));
    bar->Append(edit, _("&Edit"));
    bar->Append(view, _("&View"));
    bar->Append(help, _("&Help"));
    SetMenuBar(bar);

    Bind(
        wxEVT_MENU, [this](wxCommandEvent&) { NewRoundWindow(this); }, wxID_NEW);
    Bind(
        wxEVT_MENU, [this](wxCommandEvent&) { OpenRoundByDialog(this); }, wxID_OPEN);
    Bind(
        wxEVT_MENU, [this](wxCommandEvent&) { OpenDemoWindow(this); }, kIdOpenDemo);
    Bind(
        wxEVT_MENU,
        [this](wxCommandEvent& event)
        {
            const wxString path =
                RecentRounds().GetHistoryFile(static_cast<size_t>(event.GetId() - wxID_FILE1));
            OpenRoundWindow(this, ToUtf8(path));
        },
        wxID_FILE1, wxID_FILE9);
    Bind(
        wxEVT_MENU,
        [this](wxCommandEvent&)
        {
            m_changed_since_backup = true;
            const std::string path = BackUpIfChanged();
            if (!path.empty())
            {
                wxLogStatus(this, _("Backed up to %s"), ToWx(path));
            }
        },
        kIdBackUpNow);
    Bind(
        wxEVT_MENU,
        [this](wxCommandEvent&)
        {
            m_show_start_after = true;
            Close();
        },
        wxID_CLOSE);
    Bind(
        wxEVT_MENU, [](wxCommandEvent&) { CloseEveryWindow(); }, wxID_EXIT);
    Bind(
        wxEVT_MENU,
        [this](wxCommandEvent&)
        {
            // Comments typed but not yet saved become the step that Undo takes back.
            m_scoring->FlushNotes();
            m_history.Undo();
        },
        wxID_UNDO);
    Bind(
        wxEVT_MENU, [this](wxCommandEvent&) { m_history.Redo(); }, wxID_REDO);
    Bind(
        wxEVT_MENU, [this](wxCommandEvent&) { OnPreferences(); }, wxID_PREFERENCES);
    Bind(
        wxEVT_MENU, [this](wxCommandEvent&) { SetTextScale(NextTextScale(m_text_scale, +1)); },
        wxID_ZOOM_IN);
    Bind(
        wxEVT_MENU, [this](wxCommandEvent&) { SetTextScale(NextTextScale(m_text_scale, -1)); },
        wxID_ZOOM_OUT);
    Bind(
        wxEVT_MENU, [this](wxCommandEvent&) { SetTextScale(1.0); }, wxID_ZOOM_100);
    Bind(
        wxEVT_MENU, [this](wxCommandEvent&) { ShowAbout(this); }, wxID_ABOUT);
    CreateStatusBar();
}

void MainFrame::BuildPages()
{
    auto* panel = new wxPanel(this);
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    m_pages = new wxNotebook(panel, wxID_ANY);
    SetAccessibleName(m_pages, _("Pages"));
    m_scoring = new ScoringPage(m_pages, *m_workspace, m_history, m_options.pack_member);
    m_pages->AddPage(m_scoring, _("Score bids"), true);
    if (!m_options.pack_member)
    {
        m_scoring->SetMember(m_options.scoring_member);
        m_pages->AddPage(new FundsPage(m_pages, *m_workspace, m_history), _("Funds"));
        m_pages->AddPage(new FormsPage(m_pages, *m_workspace, m_history), _("Scoring forms"));
        m_pages->AddPage(new MembersPage(m_pages, *m_workspace, m_history), _("Members"));
        m_pages->AddPage(new BidsPage(m_pages, *m_workspace, m_history), _("Bids"));
        m_pages->AddPage(new InterestsPage(m_pages, *m_workspace, m_history), _("Interests"));
        m_pages->AddPage(new PolicyPage(m_pages, *m_workspace, m_history), _("Policy"));
        m_pages->AddPage(new ChecklistPage(m_pages, *m_workspace), _("Checklist"));
        m_pages->AddPage(new MeetingPage(m_pages, *m_workspace, m_history, MeetingLoad::WhenShown),
                         _("Meeting"));
    }
    sizer->Add(m_pages, wxSizerFlags(1).Expand());
    panel->SetSizer(sizer);
    // Pages other than the first are built and read the round when first shown, and catch up
    // with changes made while they were hidden: a large round opens without waiting for them.
    // A hidden page cannot measure its text: lay it out when it is shown (after a change of
    // text size, and for pages just built or refilled).
    m_pages->Bind(wxEVT_NOTEBOOK_PAGE_CHANGED,
                  [this](wxBookCtrlEvent& event)
                  {
                      event.Skip();
                      wxWindow* page = m_pages->GetCurrentPage();
                      if (auto* setup = dynamic_cast<SetupPage*>(page))
                      {
                          setup->CatchUp();
                      }
                      else if (auto* meeting = dynamic_cast<MeetingPage*>(page))
                      {
                          meeting->CatchUp();
                      }
                      LayOutAll(page);
                      page->CallAfter([page] { LayOutAll(page); });
                  });
    // Comments typed on the scoring page are saved before another page is shown.
    m_pages->Bind(wxEVT_NOTEBOOK_PAGE_CHANGING,
                  [this](wxBookCtrlEvent& event)
                  {
                      m_scoring->FlushNotes();
                      event.Skip();
                  });
}

void MainFrame::AddPage(wxWindow* page, const wxString& title)
{
    m_pages->AddPage(page, title);
    ScaleFonts(page, m_text_scale);
}

void MainFrame::ShowPage(wxWindow* page)
{
    const int index = m_pages->FindPage(page);
    if (index != wxNOT_FOUND)
    {
        m_pages->SetSelection(static_cast<size_t>(index));
    }
}

void MainFrame::SetTextScale(double scale)
{
    scale = std::clamp(scale, kMinTextScale, kMaxTextScale);
    if (std::abs(scale - m_text_scale) > 1e-6)
    {
        ScaleFonts(m_pages, scale / m_text_scale);
        m_text_scale = scale;
        RememberTextScale(this, scale);
        m_pages->GetParent()->Layout();
        LayOutAll(m_pages);
        RewrapAll(m_pages);
        SendSizeEvent();
        // GTK applies the new fonts when it next styles the widgets: measure again then.
        CallAfter(
            [this]
            {
                LayOutAll(m_pages->GetCurrentPage());
                RewrapAll(m_pages->GetCurrentPage());
                m_scoring->ShowReadingPlace();
            });
    }
    Preferences prefs = LoadPreferences();
    if (std::abs(prefs.text_scale - scale) > 1e-6)
    {
        prefs.text_scale = scale;
        SavePreferences(prefs);
    }
    SetStatusText(
        wxString::Format(_("Text size %d%%"), static_cast<int>(std::lround(scale * 100))));
}

std::string MainFrame::BackUpIfChanged()
{
    if (!m_changed_since_backup)
    {
        return {};
    }
    std::string path;
    RunGuarded(this,
               [&]
               {
                   path = m_workspace->RotateBackup(ToUtf8(LoadPreferences().backup_folder),
                                                    kBackupsKept);
                   m_changed_since_backup = false;
               });
    return path;
}

void MainFrame::OnPreferences()
{
    m_scoring->FlushNotes();
    const Preferences before = LoadPreferences();
    const wxString marking = ToWx(m_workspace->GetRoundInfo().protective_marking);
    const auto edited = EditPreferences(this, before, marking, m_workspace->IsReadOnly());
    if (!edited)
    {
        return;
    }
    SavePreferences(edited->preferences);
    SetTextScale(edited->preferences.text_scale);
    if (edited->marking != marking)
    {
        const std::string old_marking = ToUtf8(marking);
        const std::string new_marking = ToUtf8(edited->marking);
        m_history.Submit(
            core::CurrentOfficer(), _("Protective marking"),
            [new_marking](core::Workspace& ws) { ws.SetProtectiveMarking(new_marking); },
            [old_marking](core::Workspace& ws) { ws.SetProtectiveMarking(old_marking); });
    }
}

void MainFrame::OnCharHook(wxKeyEvent& event)
{
    // Ctrl with + or = (same key on UK keyboards), or the keypad's + and −.
    if (event.GetModifiers() == wxMOD_CONTROL ||
        event.GetModifiers() == (wxMOD_CONTROL | wxMOD_SHIFT))
    {
        switch (event.GetKeyCode())
        {
        case '+':
        case '=':
        case WXK_NUMPAD_ADD:
            SetTextScale(NextTextScale(m_text_scale, +1));
            return;
        case '-':
        case WXK_NUMPAD_SUBTRACT:
            SetTextScale(NextTextScale(m_text_scale, -1));
            return;
        case '0':
        case WXK_NUMPAD0:
            SetTextScale(1.0);
            return;
        default:
            break;
        }
    }
    event.Skip();
}

void MainFrame::OnClose(wxCloseEvent& event)
{
    m_scoring->FlushNotes();
    BackUpIfChanged();
    if (m_show_start_after && OpenMainFrames().size() == 1)
    {
        ShowStartFrame();
    }
    event.Skip(); // the default handler destroys the window
}

} // namespace coscore::forms
