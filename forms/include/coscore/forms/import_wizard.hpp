// SPDX-License-Identifier: MIT
// The import wizard (PRODUCT.md §3 step 1): pick a file → check the column mapping → read the
// validation report → import, all or nothing. The same steps as `coscore-cli import`, through
// core's PreviewImportFile → PlanImport → CommitImport.
#pragma once

#include <coscore/core/import.hpp>
#include <coscore/core/workspace.hpp>

#include <wx/dialog.h>

#include <chrono>
#include <memory>
#include <optional>
#include <vector>

class wxButton;
class wxCheckBox;
class wxChoice;
class wxDataViewListCtrl;
class wxFilePickerCtrl;
class wxSimplebook;
class wxStaticText;
class wxTextCtrl;
class wxWindow;

namespace coscore::forms
{

class ImportWizard : public wxDialog
{
public:
    enum class Step
    {
        File,
        Columns,
        Report,
    };

    ImportWizard(wxWindow* parent, core::Workspace& workspace,
                 core::ImportTable table = core::ImportTable::Bids);
    ~ImportWizard() override;

    // What the buttons do (public for the tests, which drive the same paths).
    void SetFile(const wxString& path);
    void SetTable(core::ImportTable table);
    /// The fund of every bid in a bids file without a fund column (the CLI's --fund).
    void SetFundOfEveryBid(const wxString& fund);
    /// Moves on a step; false (with the reason shown on the page) when it cannot.
    bool Next();
    void Back();
    /// Writes the plan; false when the report does not allow it or the round changed.
    bool Import();

    Step GetStep() const { return m_step; }
    const core::ImportPreview* GetPreview() const;
    const core::ImportReport* GetReport() const;
    /// The column chosen for a field on the columns page ("" when "not in the file").
    wxString GetChosenColumn(const std::string& field) const;
    void ChooseColumn(const std::string& field, const wxString& heading);
    wxTextCtrl* GetReportText() const { return m_report_text; }
    wxButton* GetImportButton() const { return m_import; }
    wxCheckBox* GetAcceptWarnings() const { return m_accept; }
    /// How long a check runs before the progress window shows (tests: 0, to always show it).
    void SetProgressDelay(std::chrono::milliseconds delay) { m_progress_delay = delay; }

private:
    wxWindow* BuildFilePage(wxWindow* parent);
    wxWindow* BuildColumnsPage(wxWindow* parent);
    wxWindow* BuildReportPage(wxWindow* parent);
    core::ImportRequest MakeRequest() const;
    bool LoadPreview();
    void ShowPreview();
    bool MakePlan();
    void ShowStep(Step step);
    void UpdateButtons();

    core::Workspace& m_workspace;
    core::ImportTable m_table;
    Step m_step = Step::File;
    std::optional<core::ImportPreview> m_preview;
    std::unique_ptr<core::ImportPlan> m_plan;
    /// Most files are checked in a blink: no progress window flashes up for them.
    std::chrono::milliseconds m_progress_delay{400};

    wxSimplebook* m_book = nullptr;
    wxStaticText* m_title = nullptr;
    // File page
    wxChoice* m_table_choice = nullptr;
    wxFilePickerCtrl* m_picker = nullptr;
    wxChoice* m_fund_choice = nullptr;
    wxTextCtrl* m_sheet = nullptr;
    wxCheckBox* m_windows_1252 = nullptr;
    wxCheckBox* m_decimal_comma = nullptr;
    wxStaticText* m_file_problem = nullptr;
    // Columns page
    wxStaticText* m_file_facts = nullptr;
    wxDataViewListCtrl* m_rows = nullptr;
    wxWindow* m_columns_panel = nullptr;
    std::vector<wxChoice*> m_field_choices;
    wxStaticText* m_columns_problem = nullptr;
    // Report page
    wxStaticText* m_summary = nullptr;
    wxTextCtrl* m_report_text = nullptr;
    wxCheckBox* m_accept = nullptr;
    // Buttons
    wxButton* m_back = nullptr;
    wxButton* m_next = nullptr;
    wxButton* m_import = nullptr;
};

/// Runs the wizard for bids (another table can be chosen on its first page); true when rows
/// were imported.
bool RunImportWizard(wxWindow* parent, core::Workspace& workspace);

} // namespace coscore::forms
