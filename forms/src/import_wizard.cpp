// SPDX-License-Identifier: MIT
#include "meeting_kit.hpp"

#include <coscore/forms/import_wizard.hpp>
#include <coscore/forms/layout.hpp>
#include <coscore/forms/string_convert.hpp>
#include <coscore/forms/text_scale.hpp>
#include <coscore/scoring/error.hpp>

#include <wx/app.h>
#include <wx/busyinfo.h>
#include <wx/button.h>
#include <wx/checkbox.h>
#include <wx/choice.h>
#include <wx/dataview.h>
#include <wx/filename.h>
#include <wx/filepicker.h>
#include <wx/log.h>
#include <wx/numformatter.h>
#include <wx/panel.h>
#include <wx/progdlg.h>
#include <wx/scrolwin.h>
#include <wx/simplebook.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <chrono>
#include <exception>
#include <future>

namespace coscore::forms
{

namespace
{

struct TableChoice
{
    core::ImportTable table;
    const char* label;
};

// Bids first: the wizard opens from the Bids page, and bids are what officers import most.
constexpr std::array<TableChoice, 6> kTables{{
    {core::ImportTable::Bids, wxTRANSLATE("Bids (applications)")},
    {core::ImportTable::Funds, wxTRANSLATE("Funds and budgets")},
    {core::ImportTable::Criteria, wxTRANSLATE("Scoring questions (criteria)")},
    {core::ImportTable::Members, wxTRANSLATE("Panel members")},
    {core::ImportTable::Interests, wxTRANSLATE("Declared interests")},
    {core::ImportTable::Scores, wxTRANSLATE("Scores")},
}};

// The first choice of every column choice: the field is not in the file.
wxString NotInFile()
{
    return _("(not in the file)");
}

wxString Plural(std::int64_t n, const wxString& one, const wxString& many)
{
    return wxString::Format("%lld %s", static_cast<long long>(n), n == 1 ? one : many);
}

/// "24 bids and 1,080 scores": what a plan would import.
wxString CountsText(const core::ImportCounts& c)
{
    std::vector<wxString> parts;
    const auto add = [&](std::int64_t n, const wxString& one, const wxString& many)
    {
        if (n > 0)
        {
            parts.push_back(Plural(n, one, many));
        }
    };
    add(c.funds, _("fund"), _("funds"));
    add(c.criteria, _("question"), _("questions"));
    add(c.members, _("member"), _("members"));
    add(c.bids, _("bid"), _("bids"));
    add(c.interests, _("interest"), _("interests"));
    add(c.scores, _("score"), _("scores"));
    if (parts.empty())
    {
        return _("no rows");
    }
    wxString text = parts.front();
    for (std::size_t i = 1; i < parts.size(); ++i)
    {
        text << (i + 1 == parts.size() ? _(" and ") : ", ") << parts[i];
    }
    return text;
}

wxString FileFacts(const core::ImportPreview& preview)
{
    wxString facts;
    if (preview.file.format == core::FileFormat::Xlsx)
    {
        facts = wxString::Format(_("Read sheet \u201C%s\u201D of an Excel workbook."),
                                 ToWx(preview.file.sheet));
    }
    else
    {
        const wxString separator = preview.file.separator == ';'    ? _("semicolons")
                                   : preview.file.separator == '\t' ? _("tabs")
                                                                    : _("commas");
        facts = wxString::Format(_("Read as a CSV file in %s, separated by %s."),
                                 ToWx(preview.file.encoding), separator);
    }
    if (preview.header_row > 0)
    {
        facts << " "
              << wxString::Format(_("The headings are on row %lld."),
                                  static_cast<long long>(preview.header_row));
    }
    if (preview.wide_matrix)
    {
        facts << " " << _("This is a scoring matrix: one column for each member and question.");
    }
    return facts;
}

/// Takes the first row as the headings and matches each field to the heading that names it.
/// From this many rows a note says that the import is being written.
constexpr std::int64_t kBusyNoteRows = 100'000;

/// Reads and checks the files on a worker thread, so that the window stays responsive; past a
/// moment a progress window shows the rows checked and offers to stop (then this throws
/// coscore::Cancelled). The round is read here first: the workspace belongs to this thread.
core::ImportPlan PlanWithProgress(wxWindow* parent, const core::Workspace& workspace,
                                  const core::ImportRequest& request,
                                  std::chrono::milliseconds delay)
{
    std::atomic<std::int64_t> rows{0};
    std::atomic<bool> stop{false};
    std::future<core::ImportPlan> planning =
        std::async(std::launch::async,
                   [&, start = core::StartImport(workspace)]() mutable
                   {
                       return core::PlanImport(std::move(start), request,
                                               [&](const std::string&, std::int64_t read)
                                               {
                                                   rows = read;
                                                   return !stop.load();
                                               });
                   });
    if (planning.wait_for(delay) != std::future_status::ready)
    {
        const wxString file = request.files.empty()
                                  ? wxString()
                                  : wxFileName(ToWx(request.files[0].path)).GetFullName();
        const auto message = [&]
        {
            return wxString::Format(
                _("Checking %s: %s rows so far\u2026"), file,
                wxNumberFormatter::ToString(static_cast<long>(rows.load()),
                                            wxNumberFormatter::Style_WithThousandsSep));
        };
        wxProgressDialog progress(_("Checking the file"), message(), 100, parent,
                                  wxPD_APP_MODAL | wxPD_CAN_ABORT | wxPD_ELAPSED_TIME);
        // At the wizard's text size. (Not MatchTextSize: that settles a dialog's layout when it
        // is first shown, and this one is on screen from the start.)
        ScaleFonts(&progress, TextScaleOf(parent));
        progress.Fit();
        while (planning.wait_for(std::chrono::milliseconds(100)) != std::future_status::ready)
        {
            const wxString done = message();
            if (!progress.Pulse(done))
            {
                stop = true;
            }
            // Pulse() lets only paint and input events through; calls posted to run "after"
            // (a screen reader's or a test's) run here too rather than after the check.
            wxTheApp->ProcessPendingEvents();
        }
    }
    return planning.get();
}

void SuggestColumns(core::ImportPreview& preview, core::ImportTable table)
{
    const core::ImportPreview::Row& header = preview.rows.front();
    preview.header_row = header.number;
    preview.headings = header.cells;
    for (core::FieldMatch& match : preview.fields)
    {
        for (std::size_t c = 0; c < header.cells.size(); ++c)
        {
            if (core::FieldForHeading(table, header.cells[c]) == match.field)
            {
                match = {match.field, core::MatchKind::Synonym, static_cast<int>(c),
                         header.cells[c]};
            }
        }
    }
    // The reader's "name it with --map" is for the command line; the next page asks instead.
    std::erase_if(preview.issues,
                  [](const core::ImportIssue& i) { return i.code == "header.missing_columns"; });
}

wxString MessageOf(const std::exception& e)
{
    if (const auto* import = dynamic_cast<const core::ImportError*>(&e))
    {
        return ToWx(std::string(import->what()) + " " + import->Fix());
    }
    return ToWx(e.what());
}

} // namespace

ImportWizard::ImportWizard(wxWindow* parent, core::Workspace& workspace, core::ImportTable table)
    : wxDialog(parent, wxID_ANY, _("Import from a spreadsheet"), wxDefaultPosition, wxDefaultSize,
               wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER),
      m_workspace(workspace), m_table(table)
{
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    m_title = MakeHeading(this, wxString(), 1.2);
    AddBlock(sizer, m_title);
    m_book = new wxSimplebook(this);
    m_book->AddPage(BuildFilePage(m_book), wxString());
    m_book->AddPage(BuildColumnsPage(m_book), wxString());
    m_book->AddPage(BuildReportPage(m_book), wxString());
    sizer->Add(m_book, wxSizerFlags(1).Expand().Border(wxLEFT | wxRIGHT, BigGap(this)));

    auto* buttons = new wxBoxSizer(wxHORIZONTAL);
    m_back = new wxButton(this, wxID_BACKWARD, _("< &Back"));
    m_next = new wxButton(this, wxID_FORWARD, _("&Next >"));
    m_import = new wxButton(this, wxID_OK, _("&Import"));
    auto* cancel = new wxButton(this, wxID_CANCEL, _("Cancel"));
    buttons->AddStretchSpacer();
    for (wxButton* b : {m_back, m_next, m_import, cancel})
    {
        buttons->Add(b, wxSizerFlags().Border(wxLEFT, Gap(this)));
    }
    sizer->Add(buttons, wxSizerFlags().Expand().Border(wxALL, BigGap(this)));
    m_back->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { Back(); });
    m_next->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { Next(); });
    // Enter moves on; it never imports (that takes a deliberate press of Import).
    m_next->SetDefault();
    m_import->Bind(wxEVT_BUTTON,
                   [this](wxCommandEvent&)
                   {
                       if (Import())
                       {
                           EndModal(wxID_OK);
                       }
                   });
    SetSizer(sizer);
    SetTable(table);
    ShowStep(Step::File);
    FitReadable(this, 84);
}

ImportWizard::~ImportWizard() = default;

wxWindow* ImportWizard::BuildFilePage(wxWindow* parent)
{
    auto* page = new wxPanel(parent);
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    FormGrid grid(page);
    m_table_choice = grid.Add<wxChoice>(_("&What the file holds:"),
                                        [](wxWindow* p) { return new wxChoice(p, wxID_ANY); });
    for (const TableChoice& t : kTables)
    {
        m_table_choice->Append(wxGetTranslation(t.label));
    }
    m_table_choice->Bind(wxEVT_CHOICE,
                         [this](wxCommandEvent&)
                         {
                             const int i = m_table_choice->GetSelection();
                             SetTable(kTables.at(static_cast<std::size_t>(i)).table);
                         });
    m_picker = grid.Add<wxFilePickerCtrl>(
        _("&File:"),
        [](wxWindow* p)
        {
            return new wxFilePickerCtrl(
                p, wxID_ANY, wxString(), _("Choose the file to import"),
                _("Spreadsheets (*.csv;*.xlsx)|*.csv;*.CSV;*.xlsx;*.XLSX|All files (*)|*"),
                wxDefaultPosition, wxDefaultSize,
                wxFLP_OPEN | wxFLP_FILE_MUST_EXIST | wxFLP_USE_TEXTCTRL);
        });
    // The label names the picker; its text field inside needs the name of its own.
    if (wxTextCtrl* path = m_picker->GetTextCtrl())
    {
        SetAccessibleName(path, _("File to import"));
    }
    m_sheet = grid.Add<wxTextCtrl>(_("Excel &sheet (blank: the first):"),
                                   [](wxWindow* p) { return new wxTextCtrl(p, wxID_ANY); });
    m_fund_choice = grid.Add<wxChoice>(_("F&und of every bid:"),
                                       [](wxWindow* p) { return new wxChoice(p, wxID_ANY); });
    m_fund_choice->Append(_("(named in the file's fund column)"));
    for (const scoring::Fund& fund : m_workspace.ListFunds())
    {
        m_fund_choice->Append(ToWx(fund.name));
    }
    m_fund_choice->SetSelection(0);
    m_windows_1252 =
        new wxCheckBox(page, wxID_ANY, _("The file was saved as \u201CANSI\u201D (&Windows-1252)"));
    grid.AddUnlabelled(m_windows_1252);
    m_decimal_comma =
        new wxCheckBox(page, wxID_ANY, _("Amounts are written with &decimal commas (1.234,50)"));
    grid.AddUnlabelled(m_decimal_comma);
    sizer->Add(grid.GetSizer(), wxSizerFlags().Expand().Border(wxTOP, Gap(this)));
    AddBlock(sizer, MakeText(page, _("CoScore reads CSV files (from a grants portal, or saved "
                                     "from Excel) and Excel workbooks (.xlsx). Nothing in the "
                                     "round changes until you press Import on the last page, "
                                     "and then either every row is imported or none.")));
    m_file_problem = AddProblemText(page, sizer);
    page->SetSizer(sizer);
    return page;
}

wxWindow* ImportWizard::BuildColumnsPage(wxWindow* parent)
{
    auto* page = new wxPanel(parent);
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    m_file_facts = MakeText(page, wxString());
    AddBlock(sizer, m_file_facts);
    auto* rows_label = new wxStaticText(page, wxID_ANY, _("The first &rows of the file:"));
    AddBlock(sizer, rows_label);
    m_rows = new wxDataViewListCtrl(page, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                                    wxDV_ROW_LINES | wxDV_SINGLE | wxDV_VERT_RULES);
    m_rows->SetMinSize(FromDIP(wxSize(480, 150)));
    LinkLabel(rows_label, m_rows);
    SetAccessibleName(m_rows, _("The first rows of the file"));
    sizer->Add(m_rows, wxSizerFlags(1).Expand().Border(wxTOP, Gap(this) / 2));
    AddBlock(sizer, MakeText(page, _("Which column holds what. CoScore has matched the "
                                     "headings it knows; check them, and choose a column for "
                                     "anything it did not find.")));
    auto* scroll = new wxScrolledWindow(page, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                                        wxVSCROLL | wxTAB_TRAVERSAL);
    scroll->SetScrollRate(0, FromDIP(12));
    scroll->SetMinSize(FromDIP(wxSize(480, 200)));
    m_columns_panel = scroll;
    sizer->Add(scroll, wxSizerFlags(1).Expand().Border(wxTOP, Gap(this) / 2));
    m_columns_problem = AddProblemText(page, sizer);
    page->SetSizer(sizer);
    return page;
}

wxWindow* ImportWizard::BuildReportPage(wxWindow* parent)
{
    auto* page = new wxPanel(parent);
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    m_summary = MakeText(page, wxString());
    m_summary->SetFont(m_summary->GetFont().Bold());
    AddBlock(sizer, m_summary);
    auto* label = new wxStaticText(page, wxID_ANY, _("What CoScore &found, row by row:"));
    AddBlock(sizer, label);
    m_report_text = new wxTextCtrl(page, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize,
                                   wxTE_MULTILINE | wxTE_READONLY | wxTE_BESTWRAP);
    m_report_text->SetMinSize(FromDIP(wxSize(480, 220)));
    LinkLabel(label, m_report_text);
    SetAccessibleName(m_report_text, _("What CoScore found, row by row"));
    sizer->Add(m_report_text, wxSizerFlags(1).Expand().Border(wxTOP, Gap(this) / 2));
    m_accept = new wxCheckBox(page, wxID_ANY, _("I have checked the &warnings: import anyway"));
    m_accept->Bind(wxEVT_CHECKBOX, [this](wxCommandEvent&) { UpdateButtons(); });
    AddBlock(sizer, m_accept);
    page->SetSizer(sizer);
    return page;
}

void ImportWizard::SetFile(const wxString& path)
{
    m_picker->SetPath(path);
}

void ImportWizard::SetTable(core::ImportTable table)
{
    m_table = table;
    for (std::size_t i = 0; i < kTables.size(); ++i)
    {
        if (kTables[i].table == table)
        {
            m_table_choice->SetSelection(static_cast<int>(i));
        }
    }
    // Only a bids file can leave its fund to the wizard (the CLI's --fund).
    m_fund_choice->Enable(table == core::ImportTable::Bids);
}

void ImportWizard::SetFundOfEveryBid(const wxString& fund)
{
    const int found = m_fund_choice->FindString(fund, true);
    m_fund_choice->SetSelection(found == wxNOT_FOUND ? 0 : found);
}

core::ImportRequest ImportWizard::MakeRequest() const
{
    core::ImportRequest request;
    request.files.push_back({m_table, ToUtf8(m_picker->GetPath()), ToUtf8(m_sheet->GetValue())});
    if (m_table == core::ImportTable::Bids && m_fund_choice->GetSelection() > 0)
    {
        request.fund = ToUtf8(m_fund_choice->GetStringSelection());
    }
    if (m_windows_1252->GetValue())
    {
        request.options.encoding = core::TextEncoding::Windows1252;
    }
    request.options.decimal_comma = m_decimal_comma->GetValue();
    if (m_preview && m_field_choices.size() == m_preview->fields.size())
    {
        for (std::size_t i = 0; i < m_field_choices.size(); ++i)
        {
            const int chosen = m_field_choices[i]->GetSelection();
            if (chosen > 0)
            {
                request.mappings.push_back(
                    {m_table, m_preview->fields[i].field,
                     ToUtf8(m_field_choices[i]->GetString(static_cast<unsigned>(chosen)))});
            }
        }
    }
    request.accept_warnings = m_accept->GetValue();
    return request;
}

bool ImportWizard::LoadPreview()
{
    if (m_picker->GetPath().empty())
    {
        return ShowProblem(m_file_problem, _("Choose the file to import."), m_picker);
    }
    try
    {
        m_field_choices.clear(); // a new file: CoScore matches its headings afresh
        m_preview.reset();
        const core::ImportRequest request = MakeRequest();
        m_preview = core::PreviewImportFile(m_workspace, request.files.front(), request);
    }
    catch (const std::exception& e)
    {
        return ShowProblem(m_file_problem, MessageOf(e), m_picker);
    }
    // A header row that lacks a column CoScore needs: the officer says on the next page which
    // column holds it. The row most like a header is the first one read.
    if (m_preview->headings.empty() && !m_preview->rows.empty() &&
        std::any_of(m_preview->issues.begin(), m_preview->issues.end(),
                    [](const core::ImportIssue& i) { return i.code == "header.missing_columns"; }))
    {
        SuggestColumns(*m_preview, m_table);
    }
    // A file that could not be read as a table at all stops here, with the readers' own
    // words and fix; problems in its rows are for the next pages.
    if (m_preview->headings.empty())
    {
        wxString problem = _("CoScore found no heading row in this file.");
        for (const core::ImportIssue& issue : m_preview->issues)
        {
            if (issue.severity == core::Severity::Error)
            {
                problem = ToWx(core::FormatIssue(issue));
                break;
            }
        }
        m_preview.reset();
        return ShowProblem(m_file_problem, problem, m_picker);
    }
    SetWrappedLabel(m_file_problem, wxString());
    ShowPreview();
    return true;
}

void ImportWizard::ShowPreview()
{
    const core::ImportPreview& preview = *m_preview;
    wxString facts = FileFacts(preview);
    for (const core::ImportIssue& issue : preview.issues)
    {
        facts << "\n" << ToWx(core::FormatIssue(issue));
    }
    SetWrappedLabel(m_file_facts, facts);

    m_rows->DeleteAllItems();
    m_rows->ClearColumns();
    std::size_t width = 0;
    for (const auto& row : preview.rows)
    {
        width = std::max(width, row.cells.size());
    }
    m_rows->AppendTextColumn(_("Row"), wxDATAVIEW_CELL_INERT, wxCOL_WIDTH_AUTOSIZE, wxALIGN_RIGHT);
    for (std::size_t c = 0; c < width; ++c)
    {
        const wxString heading = c < preview.headings.size() && !preview.headings[c].empty()
                                     ? ToWx(preview.headings[c])
                                     : wxString::Format(_("Column %zu"), c + 1);
        m_rows->AppendTextColumn(heading, wxDATAVIEW_CELL_INERT, wxCOL_WIDTH_AUTOSIZE);
    }
    for (const auto& row : preview.rows)
    {
        wxVector<wxVariant> values;
        values.push_back(wxString::Format("%lld", static_cast<long long>(row.number)));
        for (std::size_t c = 0; c < width; ++c)
        {
            // One line per cell: the preview shows what is there, not how it wraps.
            wxString cell = c < row.cells.size() ? ToWx(row.cells[c]) : wxString();
            cell.Replace("\n", " \u21B5 ");
            values.push_back(cell);
        }
        m_rows->AppendItem(values);
    }

    m_columns_panel->DestroyChildren();
    m_field_choices.clear();
    FormGrid grid(m_columns_panel);
    const auto& fields = core::ImportFields(m_table);
    for (std::size_t i = 0; i < preview.fields.size() && i < fields.size(); ++i)
    {
        const core::ImportField& field = fields[i];
        const wxString label = wxString::Format(field.required ? _("%s (needed):") : _("%s:"),
                                                ToWx(std::string(field.name)));
        auto* choice =
            grid.Add<wxChoice>(label, [](wxWindow* p) { return new wxChoice(p, wxID_ANY); });
        choice->Append(NotInFile());
        for (const std::string& heading : preview.headings)
        {
            if (!heading.empty())
            {
                choice->Append(ToWx(heading));
            }
        }
        const core::FieldMatch& match = preview.fields[i];
        const int found = match.how == core::MatchKind::Missing
                              ? wxNOT_FOUND
                              : choice->FindString(ToWx(match.heading), true);
        choice->SetSelection(found == wxNOT_FOUND ? 0 : found);
        choice->SetToolTip(ToWx(std::string(field.description)));
        m_field_choices.push_back(choice);
    }
    auto* outer = new wxBoxSizer(wxVERTICAL);
    outer->Add(grid.GetSizer(), wxSizerFlags().Expand().Border(wxALL, Gap(this) / 2));
    m_columns_panel->SetSizer(outer, true);
    ScaleFonts(m_columns_panel, TextScaleOf(this));
    m_columns_panel->FitInside();
}

bool ImportWizard::MakePlan()
{
    const core::ImportPreview& preview = *m_preview;
    const auto& fields = core::ImportFields(m_table);
    for (std::size_t i = 0; i < m_field_choices.size() && i < fields.size(); ++i)
    {
        const bool chosen = m_field_choices[i]->GetSelection() > 0;
        const core::FieldMatch& match = preview.fields[i];
        const wxString name = ToWx(std::string(fields[i].name));
        const bool fund_chosen_on_first_page = m_table == core::ImportTable::Bids &&
                                               fields[i].name == "fund" &&
                                               m_fund_choice->GetSelection() > 0;
        if (!chosen && fields[i].required && !preview.wide_matrix && !fund_chosen_on_first_page)
        {
            return ShowProblem(m_columns_problem,
                               wxString::Format(_("Choose the column that holds %s."), name),
                               m_field_choices[i]);
        }
        if (!chosen && match.how != core::MatchKind::Missing)
        {
            // The readers would still find the column by its heading: say so, never ignore it
            // silently.
            return ShowProblem(
                m_columns_problem,
                wxString::Format(_("The column \u201C%s\u201D holds %s. To leave it out, delete "
                                   "or rename that column in the file and choose it again."),
                                 ToWx(match.heading), name),
                m_field_choices[i]);
        }
    }
    try
    {
        m_plan = std::make_unique<core::ImportPlan>(
            PlanWithProgress(this, m_workspace, MakeRequest(), m_progress_delay));
    }
    catch (const Cancelled&)
    {
        return ShowProblem(m_columns_problem,
                           _("You stopped the check, so nothing was imported. Press Next to "
                             "check the file again."),
                           m_next);
    }
    catch (const std::exception& e)
    {
        return ShowProblem(m_columns_problem, MessageOf(e), m_next);
    }
    const core::ImportReport& report = m_plan->Report();
    wxString summary;
    if (report.Errors() > 0)
    {
        summary = wxString::Format(
            _("Nothing can be imported yet: %s to fix in the file. Fix them, save the file, "
              "and press Back to read it again."),
            Plural(report.Errors(), _("problem"), _("problems")));
    }
    else if (report.Warnings() > 0)
    {
        summary = wxString::Format(_("Ready to import %s, with %s to check first."),
                                   CountsText(report.counts),
                                   Plural(report.Warnings(), _("warning"), _("warnings")));
    }
    else
    {
        summary = wxString::Format(_("Ready to import %s. No problems found."),
                                   CountsText(report.counts));
    }
    SetWrappedLabel(m_summary, summary);
    wxString lines;
    // The officer chose the file: the report names it, not the folders it sits in.
    const wxString path = m_picker->GetPath();
    const wxString name = wxFileName(path).GetFullName();
    for (const std::string& line : report.Lines())
    {
        wxString shown = ToWx(line);
        shown.Replace(path, name);
        lines << shown << "\n\n";
    }
    m_report_text->ChangeValue(lines.empty() ? _("No problems found.") : lines);
    m_accept->SetValue(false);
    m_accept->Show(report.Errors() == 0 && report.Warnings() > 0);
    return true;
}

bool ImportWizard::Next()
{
    SetWrappedLabel(m_file_problem, wxString());
    SetWrappedLabel(m_columns_problem, wxString());
    if (m_step == Step::File)
    {
        if (!LoadPreview())
        {
            return false;
        }
        ShowStep(Step::Columns);
        return true;
    }
    if (m_step == Step::Columns)
    {
        if (!MakePlan())
        {
            return false;
        }
        ShowStep(Step::Report);
        return true;
    }
    return false;
}

void ImportWizard::Back()
{
    if (m_step == Step::Report)
    {
        m_plan.reset();
        ShowStep(Step::Columns);
    }
    else if (m_step == Step::Columns)
    {
        ShowStep(Step::File);
    }
}

bool ImportWizard::Import()
{
    if (m_step != Step::Report || !m_plan)
    {
        return false;
    }
    try
    {
        // Writing a large file takes a few seconds, all in one step that cannot stop halfway.
        const wxBusyCursor busy;
        std::unique_ptr<wxBusyInfo> note;
        if (m_plan->Report().counts.scores + m_plan->Report().counts.bids > kBusyNoteRows)
        {
            note = std::make_unique<wxBusyInfo>(
                _("Importing\u2026 A large file takes a few seconds."), this);
        }
        const core::ImportReport report =
            core::CommitImport(m_workspace, *m_plan, m_accept->GetValue());
        if (!report.imported)
        {
            UpdateButtons();
            return false;
        }
        wxLogStatus(ToWx(report.Summary()));
        return true;
    }
    catch (const std::exception& e)
    {
        // The round changed after the check (another window): check again before writing.
        SetWrappedLabel(m_summary,
                        MessageOf(e) + " " + _("Press Back and Next to check the file again."));
        m_plan.reset();
        UpdateButtons();
        return false;
    }
}

const core::ImportPreview* ImportWizard::GetPreview() const
{
    return m_preview ? &*m_preview : nullptr;
}

const core::ImportReport* ImportWizard::GetReport() const
{
    return m_plan ? &m_plan->Report() : nullptr;
}

wxString ImportWizard::GetChosenColumn(const std::string& field) const
{
    if (!m_preview)
    {
        return wxString();
    }
    for (std::size_t i = 0; i < m_field_choices.size(); ++i)
    {
        if (m_preview->fields[i].field == field && m_field_choices[i]->GetSelection() > 0)
        {
            return m_field_choices[i]->GetStringSelection();
        }
    }
    return wxString();
}

void ImportWizard::ChooseColumn(const std::string& field, const wxString& heading)
{
    for (std::size_t i = 0; m_preview && i < m_field_choices.size(); ++i)
    {
        if (m_preview->fields[i].field == field)
        {
            const int found = heading.empty() ? 0 : m_field_choices[i]->FindString(heading, true);
            m_field_choices[i]->SetSelection(found == wxNOT_FOUND ? 0 : found);
        }
    }
}

void ImportWizard::ShowStep(Step step)
{
    m_step = step;
    m_book->ChangeSelection(static_cast<std::size_t>(step));
    static const char* const kTitles[] = {wxTRANSLATE("Step 1 of 3: choose the file"),
                                          wxTRANSLATE("Step 2 of 3: check the columns"),
                                          wxTRANSLATE("Step 3 of 3: check and import")};
    SetWrappedLabel(m_title, wxGetTranslation(kTitles[static_cast<int>(step)]));
    UpdateButtons();
    LayOutAll(this);
    RewrapAll(this);
    // Focus where the step's work is, so that a keyboard user starts in the right place.
    wxWindow* focus = step == Step::File      ? static_cast<wxWindow*>(m_picker)
                      : step == Step::Columns ? static_cast<wxWindow*>(m_rows)
                                              : static_cast<wxWindow*>(m_report_text);
    focus->SetFocus();
}

void ImportWizard::UpdateButtons()
{
    m_back->Enable(m_step != Step::File);
    m_next->Show(m_step != Step::Report);
    m_import->Show(m_step == Step::Report);
    const bool can_import = m_plan != nullptr && m_plan->Report().CanImport(m_accept->GetValue());
    m_import->Enable(can_import);
    Layout();
}

bool RunImportWizard(wxWindow* parent, core::Workspace& workspace)
{
    ImportWizard wizard(parent, workspace);
    MatchTextSize(&wizard, parent);
    return wizard.ShowModal() == wxID_OK;
}

} // namespace coscore::forms
