// SPDX-License-Identifier: MIT
// Independent readers for the export tests: openpyxl (through xlsx_dump.py), LibreOffice
// headless (a private profile per run) and a strict RFC 4180 CSV reader.
#pragma once

#include <filesystem>
#include <initializer_list>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace coscore::test
{

struct DumpCell
{
    char kind = 's'; ///< n number, s string, d date-time, b boolean
    std::string value;
    std::string formula; ///< "=SUM(G7:G13)" for a formula cell, else empty
    std::string format;
    double Number() const;
};

/// One sheet as openpyxl reads it; rows and columns are 1-based, as in openpyxl.
struct DumpSheet
{
    std::string name;
    std::map<std::string, std::string> meta;
    std::map<std::pair<int, int>, DumpCell> cells;

    const DumpCell* At(int row, int col) const;
    std::string Text(int row, int col) const; ///< "" for an empty cell
    /// The first row holding every one of `headers`; 0 when none does.
    int HeaderRow(std::initializer_list<std::string_view> headers) const;
    /// The column of `header` in `row`; 0 when absent.
    int ColumnOf(int row, std::string_view header) const;
    /// The first row below `after` whose cell in `col` reads `text`; 0 when none.
    int RowWhere(int col, std::string_view text, int after = 0) const;
    int LastRow() const;
};

struct XlsxDump
{
    std::vector<DumpSheet> sheets;
    std::map<std::string, std::string> properties;
    std::vector<std::pair<std::string, std::string>> formulas; ///< (part, text) of every <f>
    std::vector<std::pair<std::string, std::string>> charts;   ///< (part, title)

    const DumpSheet* Find(std::string_view name) const;
    const DumpSheet& Sheet(std::string_view name) const; ///< throws when missing
};

/// Reads `file` with openpyxl. Throws std::runtime_error when the reader fails.
XlsxDump ReadXlsx(const std::filesystem::path& file);

using CsvRows = std::vector<std::vector<std::string>>;

/// A strict RFC 4180 reader: returns the records, or an error text.
struct CsvParse
{
    CsvRows rows;
    bool bom = false;
    bool crlf_only = true;  ///< every record ends in CRLF
    bool all_quoted = true; ///< every field is quoted
    std::string error;
};
CsvParse ParseCsv(const std::string& bytes);
std::string ReadFile(const std::filesystem::path& file);
/// Every file and folder below `folder`, relative to it (to prove that nothing was left).
std::vector<std::string> FilesIn(const std::filesystem::path& folder);

/// Converts each xlsx to one CSV per sheet with LibreOffice headless (private profile under
/// `work`): returns, per input file, sheet name → rows. `formulas` writes formulas instead of
/// their values.
std::map<std::string, std::map<std::string, CsvRows>>
ConvertWithLibreOffice(const std::vector<std::filesystem::path>& files,
                       const std::filesystem::path& work, bool formulas = false);

/// Extracts one part of a zip (an xlsx) as bytes, with Python's zipfile.
std::string ReadZipPart(const std::filesystem::path& file, const std::string& part,
                        const std::filesystem::path& work);

/// Runs a shell command; returns its exit status.
int Run(const std::string& command);

/// While armed, no file of this process may grow past `bytes` (RLIMIT_FSIZE, with SIGXFSZ
/// ignored, so such writes fail with EFBIG): a full disk for one file at a time. Disarmed, and
/// the old limit and signal handler back, at the latest when destroyed.
class FileSizeLimit
{
public:
    FileSizeLimit() = default;
    ~FileSizeLimit() { Disarm(); }
    FileSizeLimit(const FileSizeLimit&) = delete;
    FileSizeLimit& operator=(const FileSizeLimit&) = delete;

    void Arm(unsigned long bytes);
    void Disarm();
    bool Armed() const { return m_armed; }

private:
    bool m_armed = false;
    unsigned long m_old_limit = 0;
    void (*m_old_handler)(int) = nullptr;
};

double ToDouble(std::string_view text);

} // namespace coscore::test
