// SPDX-License-Identifier: MIT
// One main window per open round: a book of pages (scoring first, then the officer's setup
// pages; the chair's meeting page is the last page), the menus, undo/redo, the text size and
// backups.
#pragma once

#include <coscore/core/workspace.hpp>
#include <coscore/forms/command_history.hpp>

#include <wx/frame.h>
#include <wx/timer.h>

#include <memory>
#include <optional>

class wxMenu;
class wxNotebook;

namespace coscore::forms
{

class ScoringPage;

struct FrameOptions
{
    /// A member pack: only the scoring page, always as this member (no setup pages).
    std::optional<scoring::Key> pack_member;
    /// Who is scoring when the window opens (the demo starts as a member with work to do).
    std::optional<scoring::Key> scoring_member;
    /// The round is the practice demo (said in the title).
    bool demo = false;
};

class MainFrame : public wxFrame
{
public:
    explicit MainFrame(std::unique_ptr<core::Workspace> workspace, FrameOptions options = {});
    ~MainFrame() override;

    core::Workspace& GetWorkspace() { return *m_workspace; }
    CommandHistory& GetHistory() { return m_history; }
    ScoringPage* GetScoringPage() { return m_scoring; }
    wxNotebook* GetPages() { return m_pages; }
    /// Adds a page after the existing ones (the chair's meeting page, issue #8).
    void AddPage(wxWindow* page, const wxString& title);
    /// Shows the page whose window is `page`.
    void ShowPage(wxWindow* page);
    /// The in-app text size (1.0 = the system's), applied to every page.
    void SetTextScale(double scale);
    double GetTextScale() const { return m_text_scale; }
    /// Writes a rotated backup now if anything changed since the last one; the path, or empty.
    std::string BackUpIfChanged();

private:
    void BuildMenus();
    void BuildPages();
    void UpdateTitle();
    void OnClose(wxCloseEvent& event);
    void OnCharHook(wxKeyEvent& event);
    void OnPreferences();

    std::unique_ptr<core::Workspace> m_workspace;
    FrameOptions m_options;
    CommandHistory m_history;
    core::Subscription m_subscription;
    wxNotebook* m_pages = nullptr;
    ScoringPage* m_scoring = nullptr;
    wxMenu* m_recent = nullptr;
    double m_text_scale = 1.0;
    bool m_changed_since_backup = false;
    bool m_show_start_after = false; ///< File > Close of the last round returns to the start
    wxTimer m_backup_timer;
};

/// The About box (also used by the start window).
void ShowAbout(wxWindow* parent);

/// Every open main window.
std::vector<MainFrame*> OpenMainFrames();

} // namespace coscore::forms
