// SPDX-License-Identifier: MIT
#include "meeting_kit.hpp"

#include <coscore/forms/export_dialog.hpp>
#include <coscore/forms/layout.hpp>
#include <coscore/forms/string_convert.hpp>
#include <coscore/forms/text_scale.hpp>
#include <coscore/scoring/error.hpp>
#include <coscore/scoring/reconcile.hpp>

#include <wx/button.h>
#include <wx/checkbox.h>
#include <wx/filepicker.h>
#include <wx/gauge.h>
#include <wx/sizer.h>
#include <wx/statbox.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>
#include <wx/utils.h>

#include <chrono>
#include <cmath>

namespace coscore::forms
{

namespace
{

constexpr int kGaugeRange = 1000;

wxString OutputLabel(ExportOutput output)
{
    switch (output)
    {
    case ExportOutput::Awards:
        return _("&Award list for Cabinet and finance");
    case ExportOutput::Matrix:
        return _("Scoring &matrix");
    case ExportOutput::Report:
        return _("&Panel report with charts");
    case ExportOutput::Feedback:
        return _("&Feedback sheet for mail merge");
    case ExportOutput::Audit:
        return _("Audit &log");
    case ExportOutput::Csv:
        return _("Every table as &CSV, for other programs");
    }
    return wxString();
}

} // namespace

std::string ExportFileName(ExportOutput output)
{
    switch (output)
    {
    case ExportOutput::Awards:
        return "award_list.xlsx";
    case ExportOutput::Matrix:
        return "scoring_matrix.xlsx";
    case ExportOutput::Report:
        return "panel_report.xlsx";
    case ExportOutput::Feedback:
        return "feedback.xlsx";
    case ExportOutput::Audit:
        return "audit_log.xlsx";
    case ExportOutput::Csv:
        return "csv";
    }
    return {};
}

/// What the worker thread writes from: a snapshot it owns, never the round's connection.
struct ExportDialog::Job
{
    scoring::RoundData round;
    scoring::ReconcileResult result;
    exports::ExportInput input{round, result};
    exports::ExportRequest request;
};

ExportDialog::ExportDialog(wxWindow* parent, core::Workspace& workspace)
    : wxDialog(parent, wxID_ANY, _("Export the round"), wxDefaultPosition, wxDefaultSize,
               wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER),
      m_workspace(workspace)
{
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    const auto add = [sizer](wxWindow* w) { AddBlock(sizer, w); };
    add(MakeText(this, _("Write the award list, reports and feedback for Cabinet, finance and "
                         "applicants. Each file is written completely or not at all.")));
    auto* box = new wxStaticBoxSizer(wxVERTICAL, this, _("What to export"));
    for (std::size_t i = 0; i < kExportOutputCount; ++i)
    {
        const auto output = static_cast<ExportOutput>(i);
        m_outputs[i] =
            new wxCheckBox(box->GetStaticBox(), wxID_ANY,
                           OutputLabel(output) + " (" + ToWx(ExportFileName(output)) + ")");
        m_outputs[i]->SetValue(true);
        box->Add(m_outputs[i], wxSizerFlags().Border(wxALL, Gap(this) / 2));
    }
    sizer->Add(box, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT | wxTOP, BigGap(this)));
    auto* folder_label = new wxStaticText(this, wxID_ANY, _("&Into the folder:"));
    add(folder_label);
    const std::filesystem::path round_folder =
        std::filesystem::path(m_workspace.Path()).parent_path();
    m_folder = new wxDirPickerCtrl(this, wxID_ANY, ToWx(round_folder.string()),
                                   _("Choose the folder for the exports"), wxDefaultPosition,
                                   wxDefaultSize, wxDIRP_USE_TEXTCTRL | wxDIRP_SMALL);
    if (m_folder->GetTextCtrl() != nullptr)
    {
        LinkLabel(folder_label, m_folder->GetTextCtrl());
        SetAccessibleName(m_folder->GetTextCtrl(), _("Export folder"));
    }
    if (m_folder->GetPickerCtrl() != nullptr)
    {
        SetAccessibleName(m_folder->GetPickerCtrl(), _("Choose the export folder"));
    }
    add(m_folder);
    // GTK's picker shows an initial path only when it is set after creation.
    m_folder->SetPath(ToWx(round_folder.string()));
    const std::string marking = m_workspace.GetRoundInfo().protective_marking;
    add(MakeText(this, (marking.empty()
                            ? _("The files carry no protective marking (set one in "
                                "Preferences).")
                            : wxString::Format(_("Every file is marked %s."), ToWx(marking))) +
                           " " + _("Files with these names in the folder are replaced.")));
    m_gauge = new wxGauge(this, wxID_ANY, kGaugeRange);
    SetAccessibleName(m_gauge, _("Export progress"));
    add(m_gauge);
    m_status = MakeText(this, _("Ready."));
    add(m_status);

    auto* buttons = new wxBoxSizer(wxHORIZONTAL);
    m_export = new wxButton(this, wxID_ANY, _("E&xport"));
    m_open = new wxButton(this, wxID_ANY, _("&Open the folder"));
    m_close = new wxButton(this, wxID_CANCEL, _("Close"));
    buttons->Add(m_export);
    buttons->Add(m_open, wxSizerFlags().Border(wxLEFT, Gap(this)));
    buttons->AddStretchSpacer();
    buttons->Add(m_close);
    sizer->Add(buttons, wxSizerFlags().Expand().Border(wxALL, BigGap(this)));
    m_open->Disable();
    m_export->SetDefault();
    SetEscapeId(wxID_CANCEL);
    m_export->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { StartExport(); });
    m_open->Bind(wxEVT_BUTTON,
                 [this](wxCommandEvent&) { wxLaunchDefaultApplication(GetFolder()); });
    m_close->Bind(wxEVT_BUTTON, &ExportDialog::OnCloseButton, this);
    Bind(wxEVT_CLOSE_WINDOW, &ExportDialog::OnClose, this);
    SetSizer(sizer);
    FitReadable(this, 70);
}

ExportDialog::~ExportDialog()
{
    // The worker posts back to this dialog: it must be gone before the dialog is.
    m_cancel = true;
    if (m_worker.joinable())
    {
        m_worker.join();
    }
}

void ExportDialog::SetFolder(const wxString& folder)
{
    m_folder->SetPath(folder);
}

wxString ExportDialog::GetFolder() const
{
    return m_folder->GetPath();
}

void ExportDialog::SetOutput(ExportOutput output, bool on)
{
    m_outputs[static_cast<std::size_t>(output)]->SetValue(on);
}

bool ExportDialog::StartExport()
{
    if (m_running)
    {
        return false;
    }
    const std::filesystem::path folder(ToUtf8(GetFolder()));
    if (folder.empty() || !std::filesystem::is_directory(folder))
    {
        SetWrappedLabel(m_status, _("Choose a folder that exists for the files."));
        return false;
    }
    auto job = std::make_unique<Job>();
    const auto chosen = [&](ExportOutput output) -> std::optional<std::filesystem::path>
    {
        if (m_outputs[static_cast<std::size_t>(output)]->GetValue())
        {
            return folder / ExportFileName(output);
        }
        return std::nullopt;
    };
    job->request.awards = chosen(ExportOutput::Awards);
    job->request.matrix = chosen(ExportOutput::Matrix);
    job->request.report = chosen(ExportOutput::Report);
    job->request.feedback = chosen(ExportOutput::Feedback);
    job->request.audit = chosen(ExportOutput::Audit);
    job->request.csv_folder = chosen(ExportOutput::Csv);
    const auto& r = job->request;
    if (!r.awards && !r.matrix && !r.report && !r.feedback && !r.audit && !r.csv_folder)
    {
        SetWrappedLabel(m_status, _("Tick at least one thing to export."));
        return false;
    }
    bool read = false;
    wxString problem;
    try
    {
        // Read on this thread: the round's connection never crosses threads.
        job->round = m_workspace.LoadRound();
        job->result = scoring::Reconcile(job->round);
        for (const core::AuditEntry& e : m_workspace.ListAudit())
        {
            job->input.audit.push_back({e.seq, e.at, e.actor, e.action, e.detail, e.hash_hex});
        }
        const core::VerifyReport verified = m_workspace.Verify();
        if (verified.Ok())
        {
            job->input.audit_head_hex = verified.audit.head_hash_hex;
            job->input.generated_at = std::chrono::time_point_cast<std::chrono::seconds>(
                std::chrono::system_clock::now());
            read = true;
        }
        else
        {
            problem = wxString::Format(
                _("The round file failed its checks (%s), so nothing was exported. Restore the "
                  "latest backup, or ask for help."),
                ToWx(verified.problems.empty() ? verified.audit.problem
                                               : verified.problems.front()));
        }
    }
    catch (const Error& e)
    {
        problem = ToWx(e.what());
    }
    if (!read)
    {
        SetWrappedLabel(m_status, problem);
        return false;
    }
    if (m_worker.joinable())
    {
        m_worker.join();
    }
    m_job = std::move(job);
    m_cancel = false;
    m_written.clear();
    SetRunning(true);
    OnProgress(0.0, _("Starting"));
    m_worker = std::thread(
        [this, job_ptr = m_job.get()]
        {
            exports::ExportOptions options;
            options.progress = [this](double fraction, std::string_view step)
            {
                if (m_observer)
                {
                    m_observer(fraction, step);
                }
                // After "Done" every file is in place: a late Stop must not report a cancel.
                if (m_cancel && step != "Done")
                {
                    return false;
                }
                CallAfter([this, fraction, text = ToWx(step)] { OnProgress(fraction, text); });
                return true;
            };
            exports::ExportReport report;
            wxString error;
            bool cancelled = false;
            try
            {
                report = exports::ExportAll(job_ptr->input, job_ptr->request, options);
            }
            catch (const Cancelled&)
            {
                cancelled = true;
            }
            catch (const std::exception& e)
            {
                error = ToWx(e.what());
            }
            CallAfter([this, report = std::move(report), error, cancelled]() mutable
                      { OnFinished(std::move(report), error, cancelled); });
        });
    return true;
}

void ExportDialog::Cancel()
{
    m_cancel = true;
}

void ExportDialog::OnProgress(double fraction, const wxString& step)
{
    if (!m_running)
    {
        return;
    }
    m_gauge->SetValue(static_cast<int>(std::lround(fraction * kGaugeRange)));
    SetWrappedLabel(m_status, wxString::Format(_("Writing: %s (%d%%)"), step,
                                               static_cast<int>(std::lround(fraction * 100))));
}

void ExportDialog::OnFinished(exports::ExportReport report, wxString error, bool cancelled)
{
    if (m_worker.joinable())
    {
        m_worker.join();
    }
    m_job.reset();
    SetRunning(false);
    if (cancelled)
    {
        m_gauge->SetValue(0);
        SetWrappedLabel(m_status, _("Export stopped. No file was written or replaced."));
        return;
    }
    if (!error.empty())
    {
        m_gauge->SetValue(0);
        SetWrappedLabel(m_status, error);
        return;
    }
    m_written = report.written;
    m_gauge->SetValue(kGaugeRange);
    wxString text =
        wxString::Format(wxPLURAL("Done: wrote %d file into %s.", "Done: wrote %d files into %s.",
                                  static_cast<unsigned>(m_written.size())),
                         static_cast<int>(m_written.size()), GetFolder());
    for (const exports::ExportWarning& warning : report.warnings)
    {
        text << "\n" << _("Note: ") << ToWx(warning.message);
    }
    SetWrappedLabel(m_status, text);
    m_open->Enable();
    m_open->SetFocus();
}

void ExportDialog::SetRunning(bool running)
{
    m_running = running;
    m_export->Enable(!running);
    m_folder->Enable(!running);
    for (wxCheckBox* box : m_outputs)
    {
        box->Enable(!running);
    }
    if (running)
    {
        m_open->Disable();
    }
    m_close->SetLabel(running ? _("&Stop") : _("Close"));
    Layout();
}

void ExportDialog::OnCloseButton(wxCommandEvent& event)
{
    if (m_running)
    {
        Cancel();
        SetWrappedLabel(m_status, _("Stopping..."));
        return;
    }
    event.Skip();
}

void ExportDialog::OnClose(wxCloseEvent& event)
{
    if (m_running && event.CanVeto())
    {
        Cancel();
        event.Veto();
        return;
    }
    event.Skip();
}

void ShowExportDialog(wxWindow* parent, core::Workspace& workspace)
{
    ExportDialog dialog(parent, workspace);
    MatchTextSize(&dialog, parent);
    dialog.ShowModal();
}

} // namespace coscore::forms
