// SPDX-License-Identifier: MIT
// A table is written once and lands in an xlsx sheet or a CSV file: columns with a kind, rows
// of cells. The xlsx side adds the craft (formats, widths, frozen header, autofilter, print
// titles) and turns cut text into warnings naming the bid.
#pragma once

#include "csv_writer.hpp"
#include "xlsx_writer.hpp"

#include <coscore/exports/export.hpp>

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace coscore::exports::detail
{

enum class ColumnKind : std::uint8_t
{
    Text,
    Wrap, ///< long text: wrapped in a fixed-width column
    Mono, ///< hashes
    Money,
    Count,
    Score, ///< one decimal
    Decimal,
    Ratio,
    Percent,
    DateTime,
    Plain, ///< a number with no format and no rules: large streamed sheets, kept lean
};

struct Column
{
    std::string header;
    ColumnKind kind = ColumnKind::Text;
    double width = 0.0; ///< in characters; 0 = from the content
};

/// How a cell reads besides its value: muted text says why a value is missing.
enum class Tone : std::uint8_t
{
    Normal,
    Muted,
    Moderated,
    Incomplete,
    Whole, ///< a count in a column of decimals
};

struct Cell
{
    enum class Type : std::uint8_t
    {
        Blank,
        Text,
        Number,
        Pence,
        Timestamp, ///< ISO 8601 text; a date-time cell in xlsx when it parses
    };

    Type type = Type::Blank;
    Tone tone = Tone::Normal;
    std::string_view text;
    double number = 0.0;
    std::int64_t pence = 0;
};

inline Cell BlankCell()
{
    return {};
}
inline Cell TextCell(std::string_view text, Tone tone = Tone::Normal)
{
    return {Cell::Type::Text, tone, text, 0.0, 0};
}
inline Cell TextCell(const char* text, Tone tone = Tone::Normal)
{
    return TextCell(std::string_view(text), tone);
}
/// A cell only views its text: a temporary string would be gone before the row is written.
Cell TextCell(std::string&& text, Tone tone = Tone::Normal) = delete;
Cell TextCell(const std::string&& text, Tone tone = Tone::Normal) = delete;
inline Cell NumberCell(double value, Tone tone = Tone::Normal)
{
    return {Cell::Type::Number, tone, {}, value, 0};
}
/// A blank cell when there is no value (never 0 for missing).
inline Cell NumberCell(std::optional<double> value)
{
    return value ? NumberCell(*value) : BlankCell();
}
inline Cell MoneyCell(std::int64_t pence)
{
    return {Cell::Type::Pence, Tone::Normal, {}, 0.0, pence};
}
inline Cell TimestampCell(std::string_view iso)
{
    return {Cell::Type::Timestamp, Tone::Normal, iso, 0.0, 0};
}

/// Where rows go.
class TableSink
{
public:
    virtual ~TableSink() = default;
    /// One row; `bid_ref` names the bid in warnings about this row (may be empty).
    virtual void Row(std::span<const Cell> cells, std::string_view bid_ref) = 0;
};

/// Collects warnings for one output ("Award list").
struct WarningLog
{
    std::string output;
    std::vector<ExportWarning>* warnings = nullptr;

    void Truncated(std::string_view sheet, std::string_view column, std::string_view bid_ref,
                   std::size_t original_units) const;
};

/// A table in an xlsx sheet: the header row at `header_row`, rows below it.
class XlsxTable final : public TableSink
{
public:
    XlsxTable(XlsxSheet& sheet, int header_row, std::vector<Column> columns, WarningLog log);

    void Row(std::span<const Cell> cells, std::string_view bid_ref) override;

    int HeaderRow() const { return m_header_row; }
    int FirstRow() const { return m_header_row + 1; }
    int LastRow() const { return m_next_row - 1; } ///< < FirstRow() when empty
    int NextRow() const { return m_next_row; }
    /// The column's index, by header.
    int Col(std::string_view header) const;
    XlsxSheet& Sheet() { return m_sheet; }

    /// Column widths from the content seen so far; a table below another one only widens.
    void ApplyWidths();
    /// Widths, frozen header, autofilter, print set-up with the header row on every page.
    /// Call right after the last row, before writing anything below the table (totals):
    /// constant-memory mode has flushed the rows above by then.
    void Finish(const PageSetup& page);

private:
    XlsxSheet& m_sheet;
    int m_header_row = 0;
    int m_next_row = 0;
    std::vector<Column> m_columns;
    std::vector<double> m_widths;
    std::vector<bool> m_used; ///< a column has text somewhere
    bool m_below = false;     ///< below another table of the sheet: shares its columns
    WarningLog m_log;
};

/// A table in a CSV file: the header line, then rows.
class CsvTable final : public TableSink
{
public:
    CsvTable(CsvFile& file, const std::vector<Column>& columns);
    void Row(std::span<const Cell> cells, std::string_view bid_ref) override;

private:
    CsvFile& m_file;
};

/// Parses "YYYY-MM-DDTHH:MM:SS" with an optional fraction and "Z"; empty when it does not.
std::optional<DateTime> ParseIsoDateTime(std::string_view text);

} // namespace coscore::exports::detail
