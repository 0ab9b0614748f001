// SPDX-License-Identifier: MIT
// The one owning adapter over libxlsxwriter: workbook, sheets, formats made once, charts. Every
// lxw_error becomes an ExportError; user text only ever reaches a cell through WriteText, and a
// formula is only ever built here from cell coordinates, so no text can become a formula.
#pragma once

#include <cstdint>
#include <ctime>
#include <deque>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

// libxlsxwriter's types, declared so that xlsxwriter.h stays inside xlsx_writer.cpp.
struct lxw_workbook;
struct lxw_worksheet;
struct lxw_format;

namespace coscore::exports::detail
{

/// Every cell format of every export, made once per workbook.
enum class Style : std::uint8_t
{
    Default,
    Title,   ///< the sheet's title line
    Heading, ///< a section heading above a small table
    Note,    ///< an explanatory line under the title
    Label,   ///< the label of a key–value line
    Marking, ///< the protective marking on the sheet itself
    Header,  ///< a table's column header
    Text,
    Wrap,  ///< long text, wrapped in a fixed-width column
    Muted, ///< "Interest declared", "Not yet decided": says why a value is missing
    MutedWrap,
    Mono,           ///< hashes
    Money,          ///< GBP
    Count,          ///< whole numbers
    Score,          ///< totals and means, one decimal
    Decimal,        ///< two decimals
    Ratio,          ///< reliability figures, three decimals
    Percent,        ///< probabilities
    DateTime,       ///< dd/mm/yyyy hh:mm:ss
    Moderated,      ///< a total that uses a score changed in the meeting
    ModeratedCount, ///< a criterion score changed in the meeting
    Incomplete,     ///< a total from an incomplete sheet
    IncompleteCount,
    TotalLabel,
    TotalMoney,
    TotalCount, ///< the last style (kStyleCount)
};

inline constexpr std::size_t kStyleCount = static_cast<std::size_t>(Style::TotalCount) + 1;

/// Conditional formats that set the eye on what matters (also said in words in the cells).
enum class Highlight : std::uint8_t
{
    AmberIfText,     ///< a flags cell that has text
    GreenIfPositive, ///< an award above zero
    AmberIfPositive, ///< a count of flags above zero
};

struct CellRef
{
    int row = 0;
    int col = 0;
};

/// A libxlsxwriter-free calendar time (UTC).
struct DateTime
{
    int year = 1970;
    int month = 1;
    int day = 1;
    int hour = 0;
    int minute = 0;
    int second = 0;
};

/// Print set-up of a sheet: landscape A4, fit to one page wide, header and footer.
struct PageSetup
{
    std::string title;     ///< round title: header left
    std::string marking;   ///< protective marking: header and footer centre, when not empty
    std::string generated; ///< "Generated 14 March 2026 10:00 UTC": footer left
    int repeat_row = -1;   ///< the column-header row printed on every page
    bool landscape = true;
};

struct DocumentInfo
{
    std::string title;
    std::string subject;
    std::string author;
    std::string company;
    std::string category;
    std::string keywords;
    std::string comments;
    std::string status;
    std::time_t created = 0; ///< pinned so the same input gives the same file
    std::vector<std::pair<std::string, std::string>> custom; ///< custom text properties
};

enum class ChartKind : std::uint8_t
{
    StackedBar,   ///< horizontal, stacked
    ClusteredBar, ///< horizontal, side by side
    StackedColumn,
    ClusteredColumn,
};

/// One series: values in column `col`, rows `first_row`..`last_row` of the data sheet.
struct ChartSeries
{
    std::string name;
    int col = 0;
    bool hidden = false;                ///< no fill, no border, not in the legend (a float base)
    std::optional<std::uint32_t> color; ///< 0xRRGGBB
};

struct ChartSpec
{
    ChartKind kind = ChartKind::ClusteredColumn;
    std::string title;
    std::string category_title;
    std::string value_title;
    std::string description; ///< alternative text for screen readers
    std::string data_sheet;  ///< a sheet of this workbook, by its final name
    int first_row = 0;       ///< data rows (categories and values)
    int last_row = 0;
    int category_col = 0;
    std::vector<ChartSeries> series;
    std::optional<double> value_min;
    std::optional<double> value_max;
    std::string value_format;        ///< number format of the value axis
    bool reverse_categories = false; ///< first category on top (horizontal bars)
    bool legend = true;              ///< false when the axis title explains the colours
    double width_scale = 1.0;
    double height_scale = 1.0;
};

class XlsxWorkbook;

/// A worksheet of an XlsxWorkbook; lives as long as the workbook.
class XlsxSheet
{
public:
    const std::string& Name() const { return m_name; }

    /// Writes text, guarded and cut to the cell limit (cell_text.hpp). Returns the length before
    /// the cut, in UTF-16 units, when the text was cut.
    std::optional<std::size_t> WriteText(int row, int col, std::string_view text,
                                         Style style = Style::Text);
    /// A NaN or infinite value leaves a blank cell, as the CSV leaves an empty field.
    void WriteNumber(int row, int col, double value, Style style);
    void WriteBlank(int row, int col, Style style);
    void WriteDateTime(int row, int col, const DateTime& when, Style style = Style::DateTime);

    /// `=SUM(col first_row:last_row)` of this sheet, with its value cached for readers that do
    /// not calculate. An empty range writes the cached value's formula over nothing.
    void WriteSum(int row, int col, int first_row, int last_row, int source_col, double cached,
                  Style style);
    /// `=a-b` of two cells of this sheet, with its value cached.
    void WriteDifference(int row, int col, CellRef a, CellRef b, double cached, Style style);

    void SetColumnWidth(int col, double width);
    /// The width set for a column, or 0 when none was set yet.
    double ColumnWidth(int col) const;
    void SetRowHeight(int row, double height);
    void FreezeRows(int rows);
    void AutoFilter(int first_row, int first_col, int last_row, int last_col);
    void AddHighlight(int first_row, int first_col, int last_row, int last_col, Highlight rule);
    void SetupPrint(const PageSetup& setup);
    void PageBreakBefore(const std::vector<int>& rows);
    void InsertChart(int row, int col, const ChartSpec& spec);
    void Activate();

    /// The lowest row written so far (-1 before the first). In constant-memory mode rows above
    /// it are on disk already: ranges (autofilter) must be set before writing past them.
    int LastRowWritten() const { return m_last_row; }

private:
    friend class XlsxWorkbook;
    XlsxSheet(XlsxWorkbook& book, lxw_worksheet* sheet, std::string name);

    void Check(int code, std::string_view action) const;
    void CheckCell(int code, int row, int col);
    const char* Terminated(std::string_view text);

    XlsxWorkbook* m_book = nullptr;
    lxw_worksheet* m_sheet = nullptr;
    std::string m_name;
    std::string m_buffer; ///< NUL-terminated copy of text passed to the C API
    std::vector<int> m_breaks;
    int m_last_row = -1;
    std::vector<double> m_widths; ///< by column; 0 = not set
};

/// An xlsx file being built. Nothing is written to disk until Close(); destroying an unclosed
/// workbook frees it and writes nothing.
///
/// Threads: one thread at a time, except that the cells, row heights and column widths of
/// different sheets of a constant-memory workbook may be written on different threads at once
/// (each sheet, and its XlsxTable, on one thread; no AddSheet, SetDocument or Close meanwhile).
/// libxlsxwriter keeps nothing shared on that path but the numbering of formats, which such a
/// workbook does for all its formats when it is made.
class XlsxWorkbook
{
public:
    /// `path` is where libxlsxwriter writes (a temporary name); `target` names the file in
    /// messages. `temp_folder` holds constant-memory row data; empty = the system's. With
    /// `threads` > 1 a constant-memory workbook is zipped two sheets at a time where the
    /// library allows it (the pinned build); the file is the same.
    XlsxWorkbook(const std::filesystem::path& path, std::filesystem::path target,
                 bool constant_memory, const std::filesystem::path& temp_folder, int threads = 1);
    ~XlsxWorkbook();
    XlsxWorkbook(const XlsxWorkbook&) = delete;
    XlsxWorkbook& operator=(const XlsxWorkbook&) = delete;

    bool IsConstantMemory() const { return m_constant_memory; }

    /// Adds a sheet named as close to `wanted` as Excel allows (31 characters, no []:*?/\,
    /// unique ignoring case).
    XlsxSheet& AddSheet(std::string_view wanted);

    void SetDocument(const DocumentInfo& info);

    /// Writes the file. Throws ExportError naming the target when anything fails.
    void Close();

    /// An ExportError for a failed libxlsxwriter call, naming the file.
    [[noreturn]] void Fail(int code, std::string_view action) const;

private:
    friend class XlsxSheet;
    /// Style::Default is no format at all: such cells carry no style attribute (lean XML).
    lxw_format* Format(Style style) const
    {
        return style == Style::Default ? nullptr : m_formats[static_cast<std::size_t>(style)];
    }
    lxw_format* HighlightFormat(Highlight rule) const
    {
        return m_highlights[static_cast<std::size_t>(rule)];
    }
    void MakeFormats();
    void NumberFormats();
    std::string UniqueSheetName(std::string_view wanted) const;

    lxw_workbook* m_book = nullptr; ///< null once closed or freed
    std::filesystem::path m_target;
    bool m_constant_memory = false;
    std::string m_temp_folder;
    std::vector<lxw_format*> m_formats;    ///< by Style
    std::vector<lxw_format*> m_highlights; ///< by Highlight
    std::deque<XlsxSheet> m_sheets;        ///< stable addresses
};

/// Excel's name for a column: 0 → "A", 27 → "AB".
std::string ColumnName(int col);

} // namespace coscore::exports::detail
