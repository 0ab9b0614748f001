// SPDX-License-Identifier: MIT
// The officer's export (PRODUCT.md §3 step 6, §7): choose the outputs and the folder, watch the
// progress (with a Stop button), then open the folder. The files are written on a worker thread
// from a snapshot read on the UI thread, so the round's connection never crosses threads.
#pragma once

#include <coscore/core/workspace.hpp>
#include <coscore/exports/export.hpp>

#include <wx/dialog.h>

#include <array>
#include <atomic>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

class wxButton;
class wxCheckBox;
class wxDirPickerCtrl;
class wxGauge;
class wxStaticText;

namespace coscore::forms
{

/// The outputs the dialog offers, in order.
enum class ExportOutput
{
    Awards,
    Matrix,
    Report,
    Feedback,
    Audit,
    Csv,
};
inline constexpr std::size_t kExportOutputCount = 6;

/// The file (or folder) name of an output inside the chosen folder: the names `coscore-cli
/// export --all` uses.
std::string ExportFileName(ExportOutput output);

class ExportDialog : public wxDialog
{
public:
    ExportDialog(wxWindow* parent, core::Workspace& workspace);
    ~ExportDialog() override;

    void SetFolder(const wxString& folder);
    wxString GetFolder() const;
    void SetOutput(ExportOutput output, bool on);
    /// Reads the round and starts writing (the Export button); false when nothing was started
    /// (no output chosen, no folder, or the round failed its checks: the reason is shown).
    bool StartExport();
    /// Asks a running export to stop (the Stop button); it leaves no file behind.
    void Cancel();
    bool IsRunning() const { return m_running; }
    /// The files written by the last export that finished.
    const std::vector<std::filesystem::path>& GetWritten() const { return m_written; }
    /// Called on the worker thread at every progress report, before it checks for a stop
    /// (tests use it to stop an export at a known point).
    void SetProgressObserver(std::function<void(double, std::string_view)> observer)
    {
        m_observer = std::move(observer);
    }

    wxStaticText* GetStatus() const { return m_status; }
    wxGauge* GetGauge() const { return m_gauge; }
    wxButton* GetExportButton() const { return m_export; }
    wxButton* GetOpenFolderButton() const { return m_open; }

private:
    struct Job;
    void OnProgress(double fraction, const wxString& step);
    void OnFinished(exports::ExportReport report, wxString error, bool cancelled);
    void SetRunning(bool running);
    void OnCloseButton(wxCommandEvent& event);
    void OnClose(wxCloseEvent& event);

    core::Workspace& m_workspace;
    std::array<wxCheckBox*, kExportOutputCount> m_outputs{};
    wxDirPickerCtrl* m_folder = nullptr;
    wxGauge* m_gauge = nullptr;
    wxStaticText* m_status = nullptr;
    wxButton* m_export = nullptr;
    wxButton* m_open = nullptr;
    wxButton* m_close = nullptr;
    std::unique_ptr<Job> m_job;
    std::thread m_worker;
    std::atomic<bool> m_cancel{false};
    bool m_running = false;
    std::vector<std::filesystem::path> m_written;
    std::function<void(double, std::string_view)> m_observer;
};

/// Shows the export dialog for the open round.
void ShowExportDialog(wxWindow* parent, core::Workspace& workspace);

} // namespace coscore::forms
