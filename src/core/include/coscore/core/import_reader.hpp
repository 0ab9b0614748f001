// SPDX-License-Identifier: MIT
// Reading the rows of a CSV or XLSX file an officer imports, treating the file as hostile
// (RELIABILITY.md §3): hard limits, strict encodings, and a specific, named error for each fault.
#pragma once

#include <coscore/scoring/error.hpp>

#include <cstdint>
#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace coscore::core
{

/// Hard limits on an imported file. Each breach is refused with its own error code.
struct ImportLimits
{
    std::int64_t max_file_bytes = std::int64_t{256} << 20; ///< the file as stored on disk
    std::int64_t max_rows = 5'000'000;                     ///< records (CSV) or sheet rows
    int max_columns = 2'000;
    std::int64_t max_field_bytes = 65'536;    ///< one CSV field, UTF-8 bytes
    std::int64_t max_record_bytes = 16 << 20; ///< one CSV record, quotes and separators included
    // XLSX: the zip and its XML are hostile too.
    int max_zip_entries = 1'000;
    std::int64_t max_part_bytes = std::int64_t{50} << 20;      ///< inflated bytes of one part
    std::int64_t max_inflated_bytes = std::int64_t{200} << 20; ///< inflated bytes of all parts
    std::int64_t max_ratio = 100;               ///< inflated : compressed, per part …
    std::int64_t ratio_grace_bytes = 100 << 10; ///< … once a part has inflated this much
    int max_xml_depth = 64;
    std::int64_t max_cell_chars = 32'767; ///< Excel's own limit on a cell's text
};

/// How the bytes of a CSV file are decoded. Windows-1252 is never guessed: only when asked.
enum class TextEncoding
{
    Auto,        ///< UTF-8 with or without BOM, or UTF-16 with a BOM; anything else is refused
    Windows1252, ///< the officer said the file is Windows-1252 ("ANSI")
};

struct ReadOptions
{
    TextEncoding encoding = TextEncoding::Auto;
    std::string sheet; ///< XLSX: the sheet to read; empty for the first visible sheet
    ImportLimits limits;
};

enum class FileFormat
{
    Csv,
    Xlsx,
};

/// What a cell held. CSV cells are always Text or Empty.
enum class CellKind
{
    Empty,
    Text,
    Number,       ///< text is the stored number, e.g. "1234.5" or "1.5E-3"
    Bool,         ///< text is "TRUE" or "FALSE"
    Date,         ///< text is ISO 8601: "2026-03-01" or "2026-03-01T14:30:00"
    Error,        ///< text is the spreadsheet's error, e.g. "#N/A"
    Uncalculated, ///< a formula whose result was never saved; text is empty
};

struct CellView
{
    CellKind kind = CellKind::Empty;
    std::string_view text;
};

/// What the reader found out about the file.
struct FileInfo
{
    FileFormat format = FileFormat::Csv;
    std::string encoding;            ///< "UTF-8", "UTF-8 with BOM", "UTF-16LE", "Windows-1252"
    char separator = ',';            ///< CSV
    bool had_sep_line = false;       ///< CSV: the first line was Excel's "sep=;" hint
    std::string sheet;               ///< XLSX: the sheet read
    std::vector<std::string> sheets; ///< XLSX: the visible sheets, in workbook order
    bool date1904 = false;
    std::int64_t rows_read = 0;
};

/// One row as read, before any mapping. Valid only during the callback.
struct RowView
{
    std::int64_t number = 0; ///< CSV: the line the record starts on; XLSX: the sheet's row
    std::span<const CellView> cells;
    const FileInfo* file = nullptr; ///< what is known of the file (format, separator, sheet)
};

/// Return false to stop reading (a preview needs only the first rows).
using RowSink = std::function<bool(const RowView&)>;

/// A file that cannot be read at all, with a stable code ("csv.unterminated_quote"), where it
/// went wrong, what is wrong and what to do. Nothing has been written when this is thrown.
class ImportError : public Error
{
public:
    ImportError(std::string code, const std::string& message, std::string fix, std::int64_t row = 0,
                int column = 0, std::string cell = {})
        : Error(message), m_code(std::move(code)), m_fix(std::move(fix)), m_row(row),
          m_column(column), m_cell(std::move(cell))
    {
    }
    const std::string& Code() const { return m_code; }
    const std::string& Fix() const { return m_fix; }
    std::int64_t Row() const { return m_row; } ///< CSV line or sheet row; 0 for the whole file
    int Column() const { return m_column; }    ///< 1-based; 0 when not about one column
    const std::string& Cell() const { return m_cell; } ///< "C14", or a zip part name

private:
    std::string m_code;
    std::string m_fix;
    std::int64_t m_row;
    int m_column;
    std::string m_cell;
};

/// Reads every row of `path` into `sink`: XLSX when the file is a zip, CSV otherwise (by content,
/// never by name alone). Throws ImportError for a file that cannot be read, within the limits.
FileInfo ReadTableRows(const std::string& path, const ReadOptions& options, const RowSink& sink);

/// The same, over bytes already in memory (`name` is used in messages and to tell the format).
FileInfo ReadTableBytes(std::string_view name, std::string_view bytes, const ReadOptions& options,
                        const RowSink& sink);

/// The visible sheets of an XLSX workbook, in order (for the wizard's choice of sheet).
std::vector<std::string> ListSheets(const std::string& path, const ImportLimits& limits = {});

/// "A", "B", …, "Z", "AA", … for a 1-based column number.
std::string ColumnLetters(int column);

} // namespace coscore::core
