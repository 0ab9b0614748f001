// SPDX-License-Identifier: MIT
#include <coscore/core/demo_round.hpp>
#include <coscore/forms/main_frame.hpp>
#include <coscore/forms/preferences.hpp>
#include <coscore/forms/round_opener.hpp>
#include <coscore/forms/run_guarded.hpp>
#include <coscore/forms/start_frame.hpp>
#include <coscore/forms/string_convert.hpp>

#include <wx/config.h>
#include <wx/filedlg.h>
#include <wx/filehistory.h>
#include <wx/filename.h>
#include <wx/log.h>
#include <wx/msgdlg.h>
#include <wx/stdpaths.h>
#include <wx/textdlg.h>

#include <filesystem>

namespace coscore::forms
{

using namespace scoring;

namespace
{

const wxString kRecentPath = "/RecentRounds";

std::string Canonical(const std::string& path)
{
    std::error_code error;
    const auto canonical = std::filesystem::weakly_canonical(path, error);
    return error ? path : canonical.string();
}

MainFrame* FindFrameFor(const std::string& path)
{
    const std::string wanted = Canonical(path);
    for (MainFrame* frame : OpenMainFrames())
    {
        if (Canonical(frame->GetWorkspace().Path()) == wanted)
        {
            return frame;
        }
    }
    return nullptr;
}

void SaveRecent()
{
    wxConfigBase* config = wxConfigBase::Get();
    config->SetPath(kRecentPath);
    RecentRounds().Save(*config);
    config->SetPath("/");
    config->Flush();
}

// Shows a newly opened round and closes the start window: one window per round.
MainFrame* Present(MainFrame* frame)
{
    frame->Show();
    frame->Raise();
    for (wxWindow* window : wxTopLevelWindows)
    {
        if (auto* start = dynamic_cast<StartFrame*>(window))
        {
            start->Close();
        }
    }
    return frame;
}

wxString DemoPath()
{
    return wxFileName(UserDataFolder(), "demo.coscore").GetFullPath();
}

} // namespace

wxFileHistory& RecentRounds()
{
    static wxFileHistory history(9);
    static const bool loaded = []
    {
        wxConfigBase* config = wxConfigBase::Get();
        config->SetPath(kRecentPath);
        history.Load(*config);
        config->SetPath("/");
        return true;
    }();
    (void)loaded;
    return history;
}

MainFrame* OpenRoundWindow(wxWindow* parent, const std::string& path, bool read_only)
{
    if (MainFrame* existing = FindFrameFor(path))
    {
        existing->Raise();
        return existing;
    }
    std::unique_ptr<core::Workspace> workspace;
    bool offer_read_only = false;
    wxString held_by;
    RunGuarded(parent,
               [&]
               {
                   try
                   {
                       core::OpenOptions options;
                       options.read_only = read_only;
                       workspace = core::Workspace::Open(path, options);
                   }
                   catch (const core::OpenError& e)
                   {
                       if (e.Refusal() != core::OpenRefusal::Locked || read_only)
                       {
                           throw;
                       }
                       offer_read_only = true;
                       held_by = ToWx(e.what());
                   }
               });
    if (offer_read_only)
    {
        // One writer at a time (RELIABILITY.md §1): say who has it; never "open anyway".
        wxMessageDialog ask(parent, held_by, _("This round is in use"),
                            wxOK | wxCANCEL | wxICON_INFORMATION);
        ask.SetExtendedMessage(_("You can open it read-only to read it. Nothing can be changed "
                                 "then; to make changes, close it where it is open first."));
        ask.SetOKCancelLabels(_("Open &read-only"), _("Cancel"));
        if (ask.ShowModal() != wxID_OK)
        {
            return nullptr;
        }
        return OpenRoundWindow(parent, path, true);
    }
    if (!workspace)
    {
        return nullptr;
    }
    auto* frame = new MainFrame(std::move(workspace));
    RecentRounds().AddFileToHistory(ToWx(Canonical(path)));
    SaveRecent();
    return Present(frame);
}

MainFrame* OpenRoundByDialog(wxWindow* parent)
{
    wxFileDialog dialog(parent, _("Open a CoScore round"), wxString(), wxString(),
                        _("CoScore rounds (*.coscore)|*.coscore|All files|*"),
                        wxFD_OPEN | wxFD_FILE_MUST_EXIST);
    if (dialog.ShowModal() != wxID_OK)
    {
        return nullptr;
    }
    return OpenRoundWindow(parent, ToUtf8(dialog.GetPath()));
}

std::optional<Key> FirstMemberWithWork(const core::Workspace& workspace)
{
    for (const Member& m : workspace.ListMembers())
    {
        if (!m.scores)
        {
            continue;
        }
        const auto sheets = workspace.ListSheetsForMember(m.key);
        const auto bids = workspace.ListBidsForMember(m.key);
        const auto settled = std::count_if(sheets.begin(), sheets.end(),
                                           [](const ScoreSheet& s) {
                                               return s.status == SheetStatus::Complete ||
                                                      s.status == SheetStatus::Submitted;
                                           });
        if (static_cast<std::size_t>(settled) < bids.size())
        {
            return m.key;
        }
    }
    return std::nullopt;
}

MainFrame* OpenDemoWindow(wxWindow* parent)
{
    const std::string path = ToUtf8(DemoPath());
    if (MainFrame* existing = FindFrameFor(path))
    {
        existing->Raise();
        return existing;
    }
    MainFrame* frame = nullptr;
    RunGuarded(parent,
               [&]
               {
                   wxFileName::Mkdir(wxFileName(DemoPath()).GetPath(), wxS_DIR_DEFAULT,
                                     wxPATH_MKDIR_FULL);
                   // The demo is a practice space: each opening gives a fresh copy. A journal
                   // left by a crash must go too, or SQLite would replay it into the new file.
                   for (const char* suffix : {"", "-wal", "-shm", "-journal"})
                   {
                       std::filesystem::remove(path + suffix);
                   }
                   auto workspace = core::CreateDemoRound(path);
                   FrameOptions options;
                   options.demo = true;
                   options.scoring_member = FirstMemberWithWork(*workspace);
                   frame = new MainFrame(std::move(workspace), options);
               });
    return frame != nullptr ? Present(frame) : nullptr;
}

MainFrame* NewRoundWindow(wxWindow* parent)
{
    wxTextEntryDialog ask_title(parent,
                                _("What is the round called? For example \"Community Grants "
                                  "2027/28\"."),
                                _("New round"));
    if (ask_title.ShowModal() != wxID_OK || ask_title.GetValue().Strip(wxString::both).empty())
    {
        return nullptr;
    }
    const wxString title = ask_title.GetValue().Strip(wxString::both);
    wxFileDialog ask_file(parent, _("Where should the new round be saved?"), wxString(),
                          wxFileName::FileName(title + ".coscore").GetFullName(),
                          _("CoScore rounds (*.coscore)|*.coscore"), wxFD_SAVE);
    if (ask_file.ShowModal() != wxID_OK)
    {
        return nullptr;
    }
    wxFileName file(ask_file.GetPath());
    if (file.GetExt().empty())
    {
        file.SetExt("coscore");
    }
    if (file.FileExists())
    {
        wxLogError(_("There is already a file called %s. Choose another name: CoScore never "
                     "writes over a file."),
                   file.GetFullName());
        return nullptr;
    }
    MainFrame* frame = nullptr;
    RunGuarded(parent,
               [&]
               {
                   const std::string path = ToUtf8(file.GetFullPath());
                   frame = new MainFrame(core::Workspace::Create(path, ToUtf8(title)));
                   RecentRounds().AddFileToHistory(ToWx(Canonical(path)));
                   SaveRecent();
               });
    return frame != nullptr ? Present(frame) : nullptr;
}

void ShowStartFrame()
{
    for (wxWindow* window : wxTopLevelWindows)
    {
        if (auto* start = dynamic_cast<StartFrame*>(window); start && !start->IsBeingDeleted())
        {
            start->Raise();
            return;
        }
    }
    auto* start = new StartFrame;
    start->Show();
}

void CloseEveryWindow()
{
    const wxWindowList windows = wxTopLevelWindows;
    for (wxWindow* window : windows)
    {
        window->Close();
    }
}

} // namespace coscore::forms
