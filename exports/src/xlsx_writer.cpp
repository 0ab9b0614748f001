// SPDX-License-Identifier: MIT
// The only translation unit that sees libxlsxwriter (STYLE.md §1, §5.6).
#include "xlsx_writer.hpp"

#include <coscore/exports/cell_text.hpp>
#include <coscore/exports/export_error.hpp>
#include <coscore/scoring/error.hpp>

#include <xlsxwriter.h>

// The pinned libxlsxwriter (cmake/PinnedXlsxWriter.cmake) says so with this definition, and its
// header with LXW_HAS_COMPRESSION_LEVEL: both or neither, or header and library disagree.
#if defined(COSCORE_XLSX_COMPRESSION_LEVEL) && !defined(LXW_HAS_COMPRESSION_LEVEL)
#error "Linked with the pinned libxlsxwriter but compiled with an unpatched xlsxwriter.h"
#endif

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>

namespace coscore::exports::detail
{
namespace
{

constexpr int kMaxSheetNameUnits = 31;
constexpr std::size_t kMaxHeaderFooterBytes = 255;
constexpr std::uint8_t kPaperA4 = 9;
#ifdef COSCORE_XLSX_COMPRESSION_LEVEL
/// zlib's Z_BEST_SPEED, for streamed (large) workbooks: at L (4.5 M cells, 155 MB of sheet XML)
/// deflate at the default level 6 takes 2.3 s, level 1 0.6 s, for a matrix of 26 MB, not 19.
constexpr std::uint8_t kStreamedZipLevel = 1;
#endif

lxw_row_t ToRow(int row)
{
    COSCORE_EXPECTS(row >= 0 && row < LXW_ROW_MAX);
    return static_cast<lxw_row_t>(row);
}

lxw_col_t ToCol(int col)
{
    COSCORE_EXPECTS(col >= 0 && col < LXW_COL_MAX);
    return static_cast<lxw_col_t>(col);
}

std::string CellName(int row, int col)
{
    return ColumnName(col) + std::to_string(row + 1);
}

/// Header and footer text: `&` starts a control code, so a literal one is doubled.
std::string EscapeHeaderText(std::string_view text)
{
    std::string out;
    for (const char c : PlainLine(text))
    {
        if (c == '&')
        {
            out.push_back('&');
        }
        out.push_back(c);
    }
    return out;
}

/// Drops whole UTF-8 characters from the end until `text` has at most `bytes` bytes.
std::string CutUtf8(std::string_view text, std::size_t bytes)
{
    if (text.size() <= bytes)
    {
        return std::string(text);
    }
    std::size_t end = bytes;
    while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0U) == 0x80U)
    {
        --end;
    }
    return std::string(text.substr(0, end));
}

/// Builds "&L<left>&C<centre>&R<right>" within Excel's 255 characters by shortening `left`,
/// the only part of free length (the round title).
std::string HeaderFooter(std::string_view left, std::string_view centre, std::string_view right)
{
    const std::string tail = "&C" + std::string(centre) + "&R" + std::string(right);
    std::string escaped = EscapeHeaderText(left);
    const std::size_t room =
        kMaxHeaderFooterBytes - std::min(kMaxHeaderFooterBytes, tail.size() + 2);
    if (escaped.size() > room)
    {
        escaped = CutUtf8(escaped, room >= 3 ? room - 3 : 0);
        // Never leave half of a doubled ampersand at the end.
        if (!escaped.empty() && escaped.back() == '&' &&
            (escaped.size() < 2 || escaped[escaped.size() - 2] != '&'))
        {
            escaped.pop_back();
        }
        escaped += "\xE2\x80\xA6";
    }
    return "&L" + escaped + tail;
}

/// The styles of cells inside a table (ruled), as against titles and notes around it.
bool IsBodyStyle(Style style)
{
    switch (style)
    {
    case Style::Default:
    case Style::Title:
    case Style::Heading:
    case Style::Note:
    case Style::Label:
    case Style::Marking:
        return false;
    default:
        return true;
    }
}

std::uint8_t ChartType(ChartKind kind)
{
    switch (kind)
    {
    case ChartKind::StackedBar:
        return LXW_CHART_BAR_STACKED;
    case ChartKind::ClusteredBar:
        return LXW_CHART_BAR;
    case ChartKind::StackedColumn:
        return LXW_CHART_COLUMN_STACKED;
    case ChartKind::ClusteredColumn:
        return LXW_CHART_COLUMN;
    }
    return LXW_CHART_COLUMN;
}

/// Chart titles and series names starting with '=' are read by libxlsxwriter as cell
/// references: guard them like any cell text.
std::string ChartText(std::string_view text)
{
    return GuardText(PlainLine(text));
}

} // namespace

std::string ColumnName(int col)
{
    COSCORE_EXPECTS(col >= 0);
    std::string name;
    int n = col + 1;
    while (n > 0)
    {
        const int rem = (n - 1) % 26;
        name.insert(name.begin(), static_cast<char>('A' + rem));
        n = (n - 1) / 26;
    }
    return name;
}

// ---------------------------------------------------------------------------------------------
// XlsxWorkbook

XlsxWorkbook::XlsxWorkbook(const std::filesystem::path& path, std::filesystem::path target,
                           bool constant_memory, const std::filesystem::path& temp_folder,
                           int threads)
    : m_target(std::move(target)), m_constant_memory(constant_memory),
      m_temp_folder(temp_folder.string())
{
    lxw_workbook_options options{};
    options.constant_memory = constant_memory ? LXW_TRUE : LXW_FALSE;
    options.tmpdir = m_temp_folder.empty() ? nullptr : m_temp_folder.data();
    options.use_zip64 = LXW_FALSE;
#ifdef COSCORE_XLSX_COMPRESSION_LEVEL
    // Small workbooks keep zlib's default level (0 here): they take milliseconds either way.
    options.compression_level = constant_memory ? kStreamedZipLevel : 0;
#endif
#ifdef LXW_HAS_PACKAGER_THREADS
    // The pinned build's packager-threads patch: streamed sheets assembled and deflated two at a
    // time at close, zipped in order (the same file). Unused in memory (see the patch).
    options.packager_threads = constant_memory && threads > 1 ? 2 : 0;
#else
    static_cast<void>(threads);
#endif
    const std::string file = path.string();
    m_book = workbook_new_opt(file.c_str(), &options);
    if (m_book == nullptr)
    {
        throw ExportError("Could not start " + m_target.string() +
                              ": out of memory. Close other programs and try again.",
                          LXW_ERROR_MEMORY_MALLOC_FAILED);
    }
    MakeFormats();
    if (m_constant_memory)
    {
        NumberFormats();
    }
}

XlsxWorkbook::~XlsxWorkbook()
{
    // An unclosed workbook was abandoned (an error or a cancel): free it, write nothing.
    if (m_book != nullptr)
    {
        lxw_workbook_free(m_book);
    }
}

void XlsxWorkbook::Fail(int code, std::string_view action) const
{
    std::string message = "Could not write " + m_target.string() + " (" + std::string(action) +
                          "): " + lxw_strerror(static_cast<lxw_error>(code));
    switch (code)
    {
    case LXW_ERROR_CREATING_TMPFILE:
    case LXW_ERROR_READING_TMPFILE:
        message += " The temporary folder " +
                   (m_temp_folder.empty() ? std::string("of the system") : m_temp_folder) +
                   " must exist, be writable and have room; fix that and export again.";
        break;
    case LXW_ERROR_CREATING_XLSX_FILE:
    case LXW_ERROR_ZIP_FILE_OPERATION:
    case LXW_ERROR_ZIP_FILE_ADD:
    case LXW_ERROR_ZIP_CLOSE:
        message += " Check that the folder exists, that you may write to it and that the disk "
                   "is not full, then export again.";
        break;
    case LXW_ERROR_MEMORY_MALLOC_FAILED:
        message += " Close other programs and export again.";
        break;
    default:
        message += " This is a fault in CoScore: please report it with the round file.";
        break;
    }
    throw ExportError(message, code);
}

void XlsxWorkbook::MakeFormats()
{
    constexpr lxw_color_t kInk = 0x1F2937;
    constexpr lxw_color_t kGrey = 0x595959;
    constexpr lxw_color_t kHeaderFill = 0xDDEBF7;
    constexpr lxw_color_t kRule = 0x8EA9DB;
    constexpr lxw_color_t kModeratedInk = 0x1F4E79;
    constexpr lxw_color_t kCellRule = 0xBFBFBF;
    constexpr const char* kMoney = "[$\xC2\xA3-809]#,##0.00";

    m_formats.assign(kStyleCount, nullptr);
    for (std::size_t i = 0; i < m_formats.size(); ++i)
    {
        lxw_format* f = workbook_add_format(m_book);
        if (f == nullptr)
        {
            Fail(LXW_ERROR_MEMORY_MALLOC_FAILED, "making formats");
        }
        m_formats[i] = f;
        const auto style = static_cast<Style>(i);
        if (style != Style::Default)
        {
            format_set_align(f, LXW_ALIGN_VERTICAL_TOP);
        }
        if (IsBodyStyle(style))
        {
            // Light rules round every table cell: tables read on paper without gridlines.
            format_set_border(f, LXW_BORDER_THIN);
            format_set_border_color(f, kCellRule);
        }
        switch (style)
        {
        case Style::Default:
        case Style::Text:
            break;
        case Style::Title:
            format_set_bold(f);
            format_set_font_size(f, 14);
            format_set_font_color(f, kInk);
            break;
        case Style::Heading:
            format_set_bold(f);
            format_set_font_size(f, 12);
            format_set_font_color(f, kInk);
            break;
        case Style::Note:
            format_set_italic(f);
            format_set_font_color(f, kGrey);
            break;
        case Style::Label:
            format_set_bold(f);
            break;
        case Style::Marking:
            format_set_bold(f);
            format_set_font_size(f, 12);
            break;
        case Style::Header:
            format_set_bold(f);
            format_set_text_wrap(f);
            format_set_bg_color(f, kHeaderFill);
            format_set_bottom(f, LXW_BORDER_THIN);
            format_set_bottom_color(f, kRule);
            break;
        case Style::Wrap:
            format_set_text_wrap(f);
            break;
        case Style::Muted:
            format_set_italic(f);
            format_set_font_color(f, kGrey);
            break;
        case Style::MutedWrap:
            format_set_italic(f);
            format_set_font_color(f, kGrey);
            format_set_text_wrap(f);
            break;
        case Style::Mono:
            format_set_font_name(f, "Courier New");
            format_set_font_size(f, 9);
            break;
        case Style::Money:
            format_set_num_format(f, kMoney);
            break;
        case Style::Count:
            format_set_num_format(f, "0");
            break;
        case Style::Score:
            format_set_num_format(f, "0.0");
            break;
        case Style::Decimal:
            format_set_num_format(f, "0.00");
            break;
        case Style::Ratio:
            format_set_num_format(f, "0.000");
            break;
        case Style::Percent:
            format_set_num_format(f, "0%");
            break;
        case Style::DateTime:
            format_set_num_format(f, "dd/mm/yyyy hh:mm:ss");
            format_set_align(f, LXW_ALIGN_LEFT);
            break;
        case Style::Moderated:
        case Style::ModeratedCount:
            format_set_num_format(f, style == Style::Moderated ? "0.0" : "0");
            format_set_bold(f);
            format_set_font_color(f, kModeratedInk);
            format_set_bg_color(f, kHeaderFill);
            break;
        case Style::Incomplete:
        case Style::IncompleteCount:
            format_set_num_format(f, style == Style::Incomplete ? "0.0" : "0");
            format_set_italic(f);
            format_set_font_color(f, kGrey);
            break;
        case Style::TotalLabel:
        case Style::TotalMoney:
        case Style::TotalCount:
            format_set_bold(f);
            format_set_top(f, LXW_BORDER_MEDIUM);
            format_set_top_color(f, kInk);
            if (style != Style::TotalLabel)
            {
                format_set_num_format(f, style == Style::TotalMoney ? kMoney : "0");
            }
            break;
        }
    }

    // Conditional formats carry only font and fill (dxf records).
    const std::array<std::pair<lxw_color_t, lxw_color_t>, 3> highlight_colours{{
        {0xFFEB9C, 0x9C5700}, // Highlight::AmberIfText
        {0xC6EFCE, 0x006100}, // Highlight::GreenIfPositive
        {0xFFEB9C, 0x9C5700}, // Highlight::AmberIfPositive
    }};
    for (const auto& [fill, ink] : highlight_colours)
    {
        lxw_format* f = workbook_add_format(m_book);
        if (f == nullptr)
        {
            Fail(LXW_ERROR_MEMORY_MALLOC_FAILED, "making formats");
        }
        format_set_bg_color(f, fill);
        format_set_font_color(f, ink);
        m_highlights.push_back(f);
    }
}

void XlsxWorkbook::NumberFormats()
{
    // libxlsxwriter gives a format its number (XF index) on first use, inserting it into a hash
    // table the whole workbook shares; after that the format only reads its number. Numbering
    // every cell format now, in Style order, lets threads write the cells of different sheets at
    // once (XlsxWorkbook's thread rule) and numbers them the same however many threads write.
    // Streamed workbooks only: in-memory ones keep numbering by first use (styles.xml and the
    // golden parts unchanged). Unused formats cost a line each in styles.xml.
    for (std::size_t i = 0; i < m_formats.size(); ++i)
    {
        if (static_cast<Style>(i) != Style::Default) // no format at all (Format())
        {
            static_cast<void>(lxw_format_get_xf_index(m_formats[i]));
        }
    }
}

std::string XlsxWorkbook::UniqueSheetName(std::string_view wanted) const
{
    // Excel forbids []:*?/\ and control characters, a leading or trailing apostrophe and
    // "History"; it compares names ignoring case.
    std::string name;
    for (const char c : PlainLine(wanted))
    {
        const bool bad = std::string_view("[]:*?/\\").find(c) != std::string_view::npos;
        name.push_back(bad ? '-' : c);
    }
    while (!name.empty() && (name.front() == '\'' || name.front() == ' '))
    {
        name.erase(name.begin());
    }
    const auto trim_end = [](std::string& s)
    {
        while (!s.empty() && (s.back() == '\'' || s.back() == ' '))
        {
            s.pop_back();
        }
    };
    trim_end(name);
    if (name.empty())
    {
        name = "Sheet";
    }
    const auto cut_to_units = [](std::string s, std::size_t units)
    {
        while (Utf16Length(s) > units)
        {
            s.pop_back();
            while (!s.empty() && (static_cast<unsigned char>(s.back()) & 0xC0U) == 0x80U)
            {
                s.pop_back();
            }
            if (!s.empty() && static_cast<unsigned char>(s.back()) >= 0xC0U)
            {
                s.pop_back();
            }
        }
        return s;
    };
    const auto lower = [](std::string s)
    {
        std::transform(s.begin(), s.end(), s.begin(),
                       [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
        return s;
    };
    const auto taken = [&](const std::string& candidate)
    {
        if (lower(candidate) == "history")
        {
            return true;
        }
        return std::any_of(m_sheets.begin(), m_sheets.end(),
                           [&](const XlsxSheet& s) { return lower(s.Name()) == lower(candidate); });
    };
    std::string base = cut_to_units(name, kMaxSheetNameUnits);
    trim_end(base);
    std::string candidate = base;
    for (int n = 2; taken(candidate); ++n)
    {
        const std::string suffix = " (" + std::to_string(n) + ")";
        std::string shorter = cut_to_units(base, kMaxSheetNameUnits - suffix.size());
        trim_end(shorter);
        candidate = shorter + suffix;
    }
    return candidate;
}

XlsxSheet& XlsxWorkbook::AddSheet(std::string_view wanted)
{
    COSCORE_EXPECTS(m_book != nullptr);
    std::string name = UniqueSheetName(wanted);
    const lxw_error valid = workbook_validate_sheet_name(m_book, name.c_str());
    if (valid != LXW_NO_ERROR)
    {
        Fail(valid, "naming sheet '" + name + "'");
    }
    lxw_worksheet* sheet = workbook_add_worksheet(m_book, name.c_str());
    if (sheet == nullptr)
    {
        // In constant-memory mode each sheet opens a temporary file first.
        Fail(m_constant_memory ? LXW_ERROR_CREATING_TMPFILE : LXW_ERROR_MEMORY_MALLOC_FAILED,
             "adding sheet '" + name + "'");
    }
    m_sheets.push_back(XlsxSheet(*this, sheet, std::move(name)));
    return m_sheets.back();
}

void XlsxWorkbook::SetDocument(const DocumentInfo& info)
{
    // libxlsxwriter takes char* and copies; keep mutable copies for the call.
    std::array<std::string, 8> text{info.title,    info.subject,  info.author,   info.company,
                                    info.category, info.keywords, info.comments, info.status};
    for (std::string& line : text)
    {
        line = PlainLine(line); // the properties are XML text: no control characters
    }
    lxw_doc_properties properties{};
    properties.title = text[0].data();
    properties.subject = text[1].data();
    properties.author = text[2].data();
    properties.company = text[3].data();
    properties.category = text[4].data();
    properties.keywords = text[5].data();
    properties.comments = text[6].data();
    properties.status = text[7].data();
    properties.created = info.created;
    const lxw_error set = workbook_set_properties(m_book, &properties);
    if (set != LXW_NO_ERROR)
    {
        Fail(set, "setting document properties");
    }
    for (const auto& [name, value] : info.custom)
    {
        const std::string clean = PlainLine(value);
        const lxw_error custom =
            workbook_set_custom_property_string(m_book, name.c_str(), clean.c_str());
        if (custom != LXW_NO_ERROR)
        {
            Fail(custom, "setting document property '" + name + "'");
        }
    }
}

void XlsxWorkbook::Close()
{
    COSCORE_EXPECTS(m_book != nullptr);
    lxw_workbook* book = m_book;
    m_book = nullptr; // workbook_close frees the workbook whatever it returns
    const lxw_error closed = workbook_close(book);
    if (closed != LXW_NO_ERROR)
    {
        Fail(closed, "saving the file");
    }
}

// ---------------------------------------------------------------------------------------------
// XlsxSheet

XlsxSheet::XlsxSheet(XlsxWorkbook& book, lxw_worksheet* sheet, std::string name)
    : m_book(&book), m_sheet(sheet), m_name(std::move(name))
{
}

void XlsxSheet::Check(int code, std::string_view action) const
{
    if (code != LXW_NO_ERROR)
    {
        m_book->Fail(code, "sheet '" + m_name + "', " + std::string(action));
    }
}

void XlsxSheet::CheckCell(int code, int row, int col)
{
    m_last_row = std::max(m_last_row, row);
    // Cells are written by the million: build the message only when something failed.
    if (code != LXW_NO_ERROR)
    {
        Check(code, "cell " + CellName(row, col));
    }
}

const char* XlsxSheet::Terminated(std::string_view text)
{
    m_buffer.assign(text);
    return m_buffer.c_str();
}

std::optional<std::size_t> XlsxSheet::WriteText(int row, int col, std::string_view text,
                                                Style style)
{
    lxw_format* format = m_book->Format(style);
    if (text.empty())
    {
        WriteBlank(row, col, style);
        return std::nullopt;
    }
    CellText cell = PrepareCellText(text);
    CheckCell(worksheet_write_string(m_sheet, ToRow(row), ToCol(col), cell.text.c_str(), format),
              row, col);
    if (cell.truncated)
    {
        return cell.original_units;
    }
    return std::nullopt;
}

void XlsxSheet::WriteNumber(int row, int col, double value, Style style)
{
    // No spreadsheet number is NaN or infinite (the pinned library's emyg_dtoa would print a
    // huge number; the system one printed "NAN", which Excel calls a corrupt file): leave the
    // cell blank, as the CSV does.
    if (!std::isfinite(value))
    {
        WriteBlank(row, col, style);
        return;
    }
    CheckCell(worksheet_write_number(m_sheet, ToRow(row), ToCol(col), value, m_book->Format(style)),
              row, col);
}

void XlsxSheet::WriteBlank(int row, int col, Style style)
{
    CheckCell(worksheet_write_blank(m_sheet, ToRow(row), ToCol(col), m_book->Format(style)), row,
              col);
}

void XlsxSheet::WriteDateTime(int row, int col, const DateTime& when, Style style)
{
    lxw_datetime value{when.year, when.month,  when.day,
                       when.hour, when.minute, static_cast<double>(when.second)};
    CheckCell(
        worksheet_write_datetime(m_sheet, ToRow(row), ToCol(col), &value, m_book->Format(style)),
        row, col);
}

void XlsxSheet::WriteSum(int row, int col, int first_row, int last_row, int source_col,
                         double cached, Style style)
{
    if (first_row > last_row)
    {
        WriteNumber(row, col, cached, style);
        return;
    }
    const std::string formula =
        "SUM(" + CellName(first_row, source_col) + ":" + CellName(last_row, source_col) + ")";
    CheckCell(worksheet_write_formula_num(m_sheet, ToRow(row), ToCol(col), formula.c_str(),
                                          m_book->Format(style), cached),
              row, col);
}

void XlsxSheet::WriteDifference(int row, int col, CellRef a, CellRef b, double cached, Style style)
{
    const std::string formula = CellName(a.row, a.col) + "-" + CellName(b.row, b.col);
    CheckCell(worksheet_write_formula_num(m_sheet, ToRow(row), ToCol(col), formula.c_str(),
                                          m_book->Format(style), cached),
              row, col);
}

double XlsxSheet::ColumnWidth(int col) const
{
    const auto at = static_cast<std::size_t>(col);
    return at < m_widths.size() ? m_widths[at] : 0.0;
}

void XlsxSheet::SetColumnWidth(int col, double width)
{
    const auto at = static_cast<std::size_t>(col);
    if (at >= m_widths.size())
    {
        m_widths.resize(at + 1, 0.0);
    }
    m_widths[at] = width;
    Check(worksheet_set_column(m_sheet, ToCol(col), ToCol(col), width, nullptr),
          "width of column " + ColumnName(col));
}

void XlsxSheet::SetRowHeight(int row, double height)
{
    Check(worksheet_set_row(m_sheet, ToRow(row), height, nullptr), "height of a row");
}

void XlsxSheet::FreezeRows(int rows)
{
    worksheet_freeze_panes(m_sheet, ToRow(rows), 0);
}

void XlsxSheet::AutoFilter(int first_row, int first_col, int last_row, int last_col)
{
    Check(worksheet_autofilter(m_sheet, ToRow(first_row), ToCol(first_col), ToRow(last_row),
                               ToCol(last_col)),
          "autofilter");
}

void XlsxSheet::AddHighlight(int first_row, int first_col, int last_row, int last_col,
                             Highlight rule)
{
    if (first_row > last_row)
    {
        return;
    }
    lxw_conditional_format condition{};
    condition.format = m_book->HighlightFormat(rule);
    switch (rule)
    {
    case Highlight::AmberIfText:
        condition.type = LXW_CONDITIONAL_TYPE_NO_BLANKS;
        break;
    case Highlight::GreenIfPositive:
    case Highlight::AmberIfPositive:
        condition.type = LXW_CONDITIONAL_TYPE_CELL;
        condition.criteria = LXW_CONDITIONAL_CRITERIA_GREATER_THAN;
        condition.value = 0;
        break;
    }
    Check(worksheet_conditional_format_range(m_sheet, ToRow(first_row), ToCol(first_col),
                                             ToRow(last_row), ToCol(last_col), &condition),
          "conditional format");
}

void XlsxSheet::SetupPrint(const PageSetup& setup)
{
    if (setup.landscape)
    {
        worksheet_set_landscape(m_sheet);
    }
    worksheet_set_paper(m_sheet, kPaperA4);
    worksheet_set_margins(m_sheet, 0.4, 0.4, 0.75, 0.75);
    worksheet_fit_to_pages(m_sheet, 1, 0);
    if (setup.repeat_row >= 0)
    {
        Check(worksheet_repeat_rows(m_sheet, ToRow(setup.repeat_row), ToRow(setup.repeat_row)),
              "repeated header row");
    }
    const std::string marking = setup.marking.empty() ? "" : "&B" + EscapeHeaderText(setup.marking);
    const std::string header = HeaderFooter(setup.title, marking, "&A");
    const std::string footer = HeaderFooter(setup.generated, marking, "Page &P of &N");
    Check(worksheet_set_header(m_sheet, header.c_str()), "page header");
    Check(worksheet_set_footer(m_sheet, footer.c_str()), "page footer");
}

void XlsxSheet::PageBreakBefore(const std::vector<int>& rows)
{
    if (rows.empty())
    {
        return;
    }
    // libxlsxwriter reads a 0-terminated list and keeps the pointer until close.
    m_breaks.clear();
    for (const int row : rows)
    {
        COSCORE_EXPECTS(row > 0);
        m_breaks.push_back(row);
    }
    m_breaks.push_back(0);
    static_assert(sizeof(int) == sizeof(lxw_row_t));
    Check(worksheet_set_h_pagebreaks(m_sheet, reinterpret_cast<lxw_row_t*>(m_breaks.data())),
          "page breaks");
}

void XlsxSheet::InsertChart(int row, int col, const ChartSpec& spec)
{
    lxw_chart* chart = workbook_add_chart(m_book->m_book, ChartType(spec.kind));
    if (chart == nullptr)
    {
        m_book->Fail(LXW_ERROR_MEMORY_MALLOC_FAILED, "adding a chart");
    }
    const std::string sheet = spec.data_sheet;
    std::vector<std::int16_t> hidden;
    for (std::size_t i = 0; i < spec.series.size(); ++i)
    {
        const ChartSeries& s = spec.series[i];
        lxw_chart_series* series = chart_add_series(chart, nullptr, nullptr);
        if (series == nullptr)
        {
            m_book->Fail(LXW_ERROR_MEMORY_MALLOC_FAILED, "adding a chart series");
        }
        chart_series_set_categories(series, sheet.c_str(), ToRow(spec.first_row),
                                    ToCol(spec.category_col), ToRow(spec.last_row),
                                    ToCol(spec.category_col));
        chart_series_set_values(series, sheet.c_str(), ToRow(spec.first_row), ToCol(s.col),
                                ToRow(spec.last_row), ToCol(s.col));
        const std::string name = ChartText(s.name);
        chart_series_set_name(series, name.c_str());
        if (s.hidden)
        {
            lxw_chart_fill none{};
            none.none = LXW_TRUE;
            lxw_chart_line no_line{};
            no_line.none = LXW_TRUE;
            chart_series_set_fill(series, &none);
            chart_series_set_line(series, &no_line);
            hidden.push_back(static_cast<std::int16_t>(i));
        }
        else if (s.color)
        {
            lxw_chart_fill fill{};
            fill.color = *s.color;
            chart_series_set_fill(series, &fill);
        }
    }
    if (!spec.legend)
    {
        chart_legend_set_position(chart, LXW_CHART_LEGEND_NONE);
    }
    else if (!hidden.empty())
    {
        hidden.push_back(-1);
        Check(chart_legend_delete_series(chart, hidden.data()), "chart legend");
    }
    const std::string title = ChartText(spec.title);
    chart_title_set_name(chart, title.c_str());
    lxw_chart_font title_font{};
    title_font.size = 12;
    title_font.bold = LXW_TRUE;
    chart_title_set_name_font(chart, &title_font);
    // libxlsxwriter swaps the axes of bar charts: there x_axis is the (horizontal) value axis.
    const bool bar = spec.kind == ChartKind::StackedBar || spec.kind == ChartKind::ClusteredBar;
    lxw_chart_axis* category_axis = bar ? chart->y_axis : chart->x_axis;
    lxw_chart_axis* value_axis = bar ? chart->x_axis : chart->y_axis;
    const std::string category_title = ChartText(spec.category_title);
    const std::string value_title = ChartText(spec.value_title);
    if (!category_title.empty())
    {
        chart_axis_set_name(category_axis, category_title.c_str());
    }
    if (!value_title.empty())
    {
        chart_axis_set_name(value_axis, value_title.c_str());
    }
    if (spec.value_min)
    {
        chart_axis_set_min(value_axis, *spec.value_min);
    }
    if (spec.value_max)
    {
        chart_axis_set_max(value_axis, *spec.value_max);
    }
    if (!spec.value_format.empty())
    {
        chart_axis_set_num_format(value_axis, spec.value_format.c_str());
    }
    if (spec.reverse_categories)
    {
        chart_axis_set_reverse(category_axis);
        // Keep the value axis at the bottom when the categories run top to bottom.
        chart_axis_set_crossing_max(category_axis);
    }
    if (spec.legend)
    {
        chart_legend_set_position(chart, LXW_CHART_LEGEND_BOTTOM);
    }
    if (spec.kind == ChartKind::StackedBar || spec.kind == ChartKind::StackedColumn)
    {
        chart_set_series_overlap(chart, 100);
    }
    chart_set_series_gap(chart, 60);

    lxw_chart_options options{};
    options.x_scale = spec.width_scale;
    options.y_scale = spec.height_scale;
    std::string description = spec.description;
    options.description = description.empty() ? nullptr : description.data();
    Check(worksheet_insert_chart_opt(m_sheet, ToRow(row), ToCol(col), chart, &options),
          "inserting a chart");
}

void XlsxSheet::Activate()
{
    worksheet_activate(m_sheet);
}

} // namespace coscore::exports::detail
