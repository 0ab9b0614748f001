// SPDX-License-Identifier: MIT
// What the import's steps share: headings compared as people write them, and a log of issues
// that names file, row, column and cell, and stays small however bad a file is.
#pragma once

#include <coscore/core/import.hpp>
#include <coscore/scoring/error.hpp>

#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace coscore::core::imports
{

/// "Amount Requested (£)" → "amount requested £": lower case, _ - . / as spaces, brackets,
/// colons, stars and question marks dropped, invisible characters dropped, spaces collapsed.
std::string NormaliseHeading(std::string_view heading);

/// The index of `field` in ImportFields(table), or -1.
int FieldIndex(ImportTable table, std::string_view field);

/// Collects issues; after kMaxPerCode of one code in one file it only counts, so that a
/// million bad rows make a short report.
class IssueLog
{
public:
    static constexpr int kMaxPerCode = 50;

    void Add(ImportIssue issue);
    /// Appends "…and N more like this" lines; call once at the end.
    std::vector<ImportIssue> Finish();

private:
    std::vector<ImportIssue> m_issues;
    std::map<std::pair<std::string, std::string>, std::pair<int, ImportIssue>> m_counts;
};

/// One file being read: names its rows, columns and cells in issues.
class SourceContext
{
public:
    SourceContext(IssueLog& log, std::string file, ImportTable table)
        : m_log(log), m_file(std::move(file)), m_table(table)
    {
    }
    void SetFormat(const FileInfo& info)
    {
        m_format = info.format;
        m_separator = info.separator;
        m_sheet = info.format == FileFormat::Xlsx ? info.sheet : std::string();
    }
    void SetHeadings(std::vector<std::string> headings) { m_headings = std::move(headings); }

    /// `column` is 0-based, or -1 when the issue is about the whole row (or file, row 0).
    void Report(Severity severity, std::string code, std::int64_t row, int column,
                std::string message, std::string fix) const;
    void Error(std::string code, std::int64_t row, int column, std::string message,
               std::string fix) const
    {
        Report(Severity::Error, std::move(code), row, column, std::move(message), std::move(fix));
    }
    void Warning(std::string code, std::int64_t row, int column, std::string message,
                 std::string fix) const
    {
        Report(Severity::Warning, std::move(code), row, column, std::move(message), std::move(fix));
    }

    /// "bids.csv line 14" / "Sheet1 row 14": for messages that point at another row.
    std::string RowName(std::int64_t row) const;
    /// The column's heading, or its letter.
    std::string ColumnName(int column) const;
    const std::string& File() const { return m_file; }
    ImportTable Table() const { return m_table; }

    void SetProgress(ImportProgress progress) { m_progress = std::move(progress); }
    /// Counts one row read; every few thousand rows tells the progress callback, and throws
    /// coscore::Cancelled when it asks to stop.
    void CountRow()
    {
        constexpr std::int64_t kRowsPerReport = 16384;
        if (++m_rows % kRowsPerReport == 0 && m_progress && !m_progress(m_file, m_rows))
        {
            throw Cancelled();
        }
    }
    FileFormat Format() const { return m_format; }
    char Separator() const { return m_separator; }

private:
    IssueLog& m_log;
    std::string m_file;
    ImportTable m_table;
    ImportProgress m_progress;
    std::int64_t m_rows = 0;
    FileFormat m_format = FileFormat::Csv;
    char m_separator = ',';
    std::string m_sheet;
    std::vector<std::string> m_headings;
};

/// Whether a spreadsheet could take `text` for a formula: it starts with = + - @ TAB CR or LF,
/// perhaps after "'" prefixes. CoScore's CSV writer puts one more "'" before such a text and
/// StoredText takes exactly that one off, so every text survives the round trip.
bool NeedsFormulaGuard(std::string_view text);

/// A cell's text as CoScore stores it: surrounding spaces trimmed, and the "'" that CoScore's
/// own exports put before a text that NeedsFormulaGuard (so it never runs as a formula) taken off
/// again. Only that prefix is taken off: a "'" before anything else is kept.
std::string_view StoredText(std::string_view text);

} // namespace coscore::core::imports
