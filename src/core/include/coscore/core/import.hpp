// SPDX-License-Identifier: MIT
// Importing funds, criteria, members, bids, interests and scores from the CSV and XLSX files
// officers have (PRODUCT.md §6, RELIABILITY.md §3): read, map columns, validate everything
// against the round, then write it all in one transaction with one audit entry, or nothing.
// The GUI wizard takes the same steps: PreviewImportFile → PlanImport (the report) → CommitImport.
#pragma once

#include <coscore/core/import_amount.hpp>
#include <coscore/core/import_reader.hpp>
#include <coscore/core/workspace.hpp>

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace coscore::core
{

enum class ImportTable
{
    Funds,
    Criteria,
    Members,
    Bids,
    Interests,
    Scores,
};

/// "funds", "criteria", "members", "bids", "interests", "scores" (the CLI's flag names).
std::string_view ToString(ImportTable table);
std::optional<ImportTable> ParseImportTable(std::string_view text);
/// Every table, in the order an import reads them (each may name rows of the ones before).
const std::vector<ImportTable>& AllImportTables();

/// A column CoScore reads, with the headings it recognises (compared without regard to case,
/// spaces, underscores, hyphens and brackets).
struct ImportField
{
    std::string_view name; ///< "amount_requested"
    bool required = false;
    std::vector<std::string_view> synonyms; ///< "amount", "amount requested (£)", …
    std::string_view description;           ///< for the README and the wizard
};

const std::vector<ImportField>& ImportFields(ImportTable table);

/// The field of `table` a column heading names (its own name or a synonym), if any: how the
/// wizard suggests columns for a file whose header row lacks a column CoScore needs.
std::optional<std::string> FieldForHeading(ImportTable table, std::string_view heading);

enum class Severity
{
    Error,   ///< nothing is imported
    Warning, ///< nothing is imported unless the officer accepts the warnings
    Note,    ///< for information: how the file was read
};

std::string_view ToString(Severity severity);

/// One problem found in an import, where it is and what to do about it.
struct ImportIssue
{
    Severity severity = Severity::Error;
    std::string code;     ///< stable: "csv.unterminated_quote", "bids.duplicate_id", …
    std::string file;     ///< the file's name as the officer gave it
    std::string sheet;    ///< XLSX: the sheet; empty for CSV
    std::int64_t row = 0; ///< CSV line or sheet row; 0 for the whole file
    std::string column;   ///< the column's heading, or its letter when it has none
    std::string cell;     ///< XLSX: "C14"
    std::string message;  ///< what is wrong; text from the file is escaped
    std::string fix;      ///< what to do
};

/// One line for a report or a log:
/// `error: bids.csv, line 14, column "amount_requested": … Fix: …`.
std::string FormatIssue(const ImportIssue& issue);

/// `--map TABLE.FIELD=COLUMN`: the column headed COLUMN holds FIELD.
struct ColumnMapping
{
    ImportTable table = ImportTable::Bids;
    std::string field;
    std::string column;
};

/// Parses "bids.amount_requested=Amount (£)". Throws ImportError ("map.syntax",
/// "map.unknown_table", "map.unknown_field") with a message for the command line.
ColumnMapping ParseColumnMapping(std::string_view text);

struct ImportFile
{
    ImportTable table = ImportTable::Bids;
    std::string path;
    std::string sheet; ///< XLSX: the sheet to read; empty for the first visible one
};

struct ImportOptions
{
    TextEncoding encoding = TextEncoding::Auto;
    /// Read "1.234,50" as £1,234.50 in a semicolon-separated file. Without it such a file is
    /// refused (code "csv.decimal_comma"), never misread.
    bool decimal_comma = false;
    ImportLimits limits;
};

struct ImportRequest
{
    std::vector<ImportFile> files; ///< at most one per table
    std::vector<ColumnMapping> mappings;
    std::string fund; ///< `--fund NAME`: the fund of a bids file without a fund column
    ImportOptions options;
    bool accept_warnings = false;
};

struct ImportCounts
{
    std::int64_t funds = 0;
    std::int64_t criteria = 0;
    std::int64_t members = 0;
    std::int64_t bids = 0;
    std::int64_t interests = 0;
    std::int64_t sheets = 0;
    std::int64_t scores = 0;
};

struct ImportReport
{
    std::vector<ImportIssue> issues;
    ImportCounts counts; ///< what was imported, or would have been
    bool imported = false;

    int Errors() const;
    int Warnings() const;
    /// No errors, and warnings only when they are accepted.
    bool CanImport(bool accept_warnings) const;
    /// Every issue as a printable line, errors first, then warnings, then notes.
    std::vector<std::string> Lines() const;
    /// "Imported 24 bids and 1,080 scores." or "Nothing was imported: 3 errors, 1 warning."
    std::string Summary() const;
};

enum class MatchKind
{
    Missing,
    Name,    ///< the heading is the field's own name
    Synonym, ///< the heading is one of its synonyms
    Mapped,  ///< chosen with --map (or in the wizard)
};

/// How one field of a table was matched to a column of the file.
struct FieldMatch
{
    std::string field;
    MatchKind how = MatchKind::Missing;
    int column = -1; ///< 0-based; -1 when missing
    std::string heading;
};

/// The first rows of a file and how CoScore would read them: the wizard's first page.
struct ImportPreview
{
    FileInfo file;
    struct Row
    {
        std::int64_t number = 0;
        std::vector<std::string> cells;
    };
    std::vector<Row> rows;       ///< as read, the header row included
    std::int64_t header_row = 0; ///< 0 when no header row was found
    std::vector<std::string> headings;
    std::vector<FieldMatch> fields;  ///< one per ImportFields(table), in that order
    bool wide_matrix = false;        ///< scores: one column per member × criterion
    std::vector<ImportIssue> issues; ///< problems found so far (the whole report comes later)
};

/// Reads the first `max_rows` rows of one file and detects its header row and columns. Needs
/// the round for the wide scoring matrix (its headings name members and criteria).
ImportPreview PreviewImportFile(const Workspace& workspace, const ImportFile& file,
                                const ImportRequest& request, std::size_t max_rows = 20);

/// Everything read and checked, ready to write: the report and the rows.
class ImportPlan
{
public:
    ImportPlan();
    ~ImportPlan();
    ImportPlan(ImportPlan&&) noexcept;
    ImportPlan& operator=(ImportPlan&&) noexcept;
    ImportPlan(const ImportPlan&) = delete;
    ImportPlan& operator=(const ImportPlan&) = delete;

    const ImportReport& Report() const;

    struct State;
    explicit ImportPlan(std::unique_ptr<State> state);
    State& Internal() const { return *m_state; }

private:
    std::unique_ptr<State> m_state;
};

/// Reads and checks every file of the request against the round, writing nothing.
ImportPlan PlanImport(const Workspace& workspace, const ImportRequest& request);

/// What planning needs from the round (its rows, keys and last audit entry), read on the thread
/// that owns the workspace. Planning from it reads only the files, so it may run on another
/// thread while the window stays responsive (the workspace itself is not thread-safe).
class ImportStart
{
public:
    ImportStart(ImportStart&&) noexcept;
    ImportStart& operator=(ImportStart&&) noexcept;
    ~ImportStart();

    struct State;
    explicit ImportStart(std::unique_ptr<State> state);
    State& Internal() const { return *m_state; }

private:
    std::unique_ptr<State> m_state;
};

ImportStart StartImport(const Workspace& workspace);

/// Called every few thousand rows while the files are read, with the file (as given) and the
/// rows of it read so far. Returning false stops the reading: PlanImport throws
/// coscore::Cancelled and nothing is written.
using ImportProgress = std::function<bool(const std::string& file, std::int64_t rows)>;

ImportPlan PlanImport(ImportStart start, const ImportRequest& request,
                      const ImportProgress& progress = {});

/// Writes a plan in one transaction with one audit entry, when the report allows it (else
/// writes nothing and returns the report with `imported` false). Throws CommandError when the
/// round changed since the plan was made: plan again.
ImportReport CommitImport(Workspace& workspace, const ImportPlan& plan, bool accept_warnings);

/// Plan and commit in one step (the command line's `import`). A refused import writes nothing
/// but one `import_rejected` audit entry naming the files and the number of problems.
ImportReport ImportFiles(Workspace& workspace, const ImportRequest& request);

} // namespace coscore::core
