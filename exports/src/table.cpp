// SPDX-License-Identifier: MIT
#include "table.hpp"

#include <coscore/exports/cell_text.hpp>
#include <coscore/scoring/error.hpp>

#include <algorithm>
#include <charconv>
#include <cmath>

namespace coscore::exports::detail
{
namespace
{

constexpr double kMinWidth = 6.0;
constexpr double kMaxTextWidth = 48.0;
constexpr double kWrapWidth = 42.0;
constexpr double kPadding = 2.0;
constexpr double kLineHeight = 15.0;    ///< points, for 11-point type
constexpr double kMaxRowHeight = 409.0; ///< Excel's limit

/// Display width of text in characters, approximated by code points of its first line.
double DisplayWidth(std::string_view text)
{
    const std::size_t newline = text.find('\n');
    if (newline != std::string_view::npos)
    {
        text = text.substr(0, newline);
    }
    std::size_t count = 0;
    for (const char c : text)
    {
        if ((static_cast<unsigned char>(c) & 0xC0U) != 0x80U)
        {
            ++count;
        }
    }
    return static_cast<double>(count);
}

/// A wrapped header is as wide as its longest word.
double HeaderWidth(std::string_view header)
{
    double widest = 0.0;
    std::size_t start = 0;
    while (start <= header.size())
    {
        std::size_t end = header.find(' ', start);
        if (end == std::string_view::npos)
        {
            end = header.size();
        }
        widest = std::max(widest, DisplayWidth(header.substr(start, end - start)));
        start = end + 1;
    }
    return widest + 1.0; // bold type is wider
}

bool IsTextKind(ColumnKind kind)
{
    return kind == ColumnKind::Text || kind == ColumnKind::Wrap || kind == ColumnKind::Mono;
}

double NumberWidth(ColumnKind kind)
{
    switch (kind)
    {
    case ColumnKind::Money:
        return 12.0;
    case ColumnKind::DateTime:
        return 19.0;
    case ColumnKind::Ratio:
    case ColumnKind::Decimal:
        return 7.0;
    default:
        return 5.0;
    }
}

/// Lines one paragraph takes when wrapped greedily at spaces into lines of `usable` widths;
/// a word longer than a line is broken anywhere, as spreadsheets do.
int ParagraphLines(std::string_view paragraph, double usable)
{
    // Proportional type: an average character is narrower than the digit '0' that column
    // widths are counted in.
    constexpr double kCharWidth = 0.9;
    int lines = 1;
    double used = 0.0;
    std::size_t start = 0;
    while (start <= paragraph.size())
    {
        std::size_t end = paragraph.find(' ', start);
        if (end == std::string_view::npos)
        {
            end = paragraph.size();
        }
        double word = DisplayWidth(paragraph.substr(start, end - start)) * kCharWidth;
        const double space = used > 0.0 ? kCharWidth : 0.0;
        if (used + space + word > usable && used > 0.0)
        {
            ++lines;
            used = 0.0;
        }
        else
        {
            used += space;
        }
        while (word > usable)
        {
            ++lines;
            word -= usable;
        }
        used += word;
        start = end + 1;
    }
    return lines;
}

/// Lines `text` takes in a wrapped column `width` characters wide (a little pessimistic: a
/// clipped line hides text, a spare one costs nothing).
int WrappedLines(std::string_view text, double width)
{
    const double usable = std::max(1.0, width - 1.5);
    int lines = 0;
    std::size_t start = 0;
    while (start <= text.size())
    {
        std::size_t end = text.find('\n', start);
        if (end == std::string_view::npos)
        {
            end = text.size();
        }
        lines += ParagraphLines(text.substr(start, end - start), usable);
        start = end + 1;
    }
    return lines;
}

Style NumberStyle(ColumnKind kind, Tone tone)
{
    if (tone == Tone::Whole)
    {
        return Style::Count;
    }
    if (tone == Tone::Moderated || tone == Tone::Incomplete)
    {
        const bool whole = kind == ColumnKind::Count || kind == ColumnKind::Plain;
        if (tone == Tone::Moderated)
        {
            return whole ? Style::ModeratedCount : Style::Moderated;
        }
        return whole ? Style::IncompleteCount : Style::Incomplete;
    }
    switch (kind)
    {
    case ColumnKind::Money:
        return Style::Money;
    case ColumnKind::Count:
        return Style::Count;
    case ColumnKind::Score:
        return Style::Score;
    case ColumnKind::Decimal:
        return Style::Decimal;
    case ColumnKind::Ratio:
        return Style::Ratio;
    case ColumnKind::Percent:
        return Style::Percent;
    case ColumnKind::DateTime:
        return Style::DateTime;
    default:
        return Style::Default;
    }
}

Style TextStyle(ColumnKind kind, Tone tone)
{
    if (tone == Tone::Muted)
    {
        // "Interest declared" in a narrow column of numbers wraps rather than being cut.
        return kind == ColumnKind::Text || kind == ColumnKind::Mono ? Style::Muted
                                                                    : Style::MutedWrap;
    }
    switch (kind)
    {
    case ColumnKind::Wrap:
        return Style::Wrap;
    case ColumnKind::Mono:
        return Style::Mono;
    default:
        return Style::Text;
    }
}

bool ParseInt(std::string_view text, int& value)
{
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    return ec == std::errc() && end == text.data() + text.size();
}

} // namespace

std::optional<DateTime> ParseIsoDateTime(std::string_view text)
{
    // YYYY-MM-DDTHH:MM:SS[.fff][Z]
    if (text.size() < 19 || text[4] != '-' || text[7] != '-' ||
        (text[10] != 'T' && text[10] != ' ') || text[13] != ':' || text[16] != ':')
    {
        return std::nullopt;
    }
    DateTime when;
    if (!ParseInt(text.substr(0, 4), when.year) || !ParseInt(text.substr(5, 2), when.month) ||
        !ParseInt(text.substr(8, 2), when.day) || !ParseInt(text.substr(11, 2), when.hour) ||
        !ParseInt(text.substr(14, 2), when.minute) || !ParseInt(text.substr(17, 2), when.second))
    {
        return std::nullopt;
    }
    std::string_view rest = text.substr(19);
    if (!rest.empty() && rest.front() == '.')
    {
        rest.remove_prefix(1);
        while (!rest.empty() && rest.front() >= '0' && rest.front() <= '9')
        {
            rest.remove_prefix(1);
        }
    }
    if (rest == "Z" || rest == "+00:00")
    {
        rest = {};
    }
    const bool valid = rest.empty() && when.year >= 1900 && when.year <= 9999 && when.month >= 1 &&
                       when.month <= 12 && when.day >= 1 && when.day <= 31 && when.hour <= 23 &&
                       when.minute <= 59 && when.second <= 59;
    if (!valid)
    {
        return std::nullopt;
    }
    return when;
}

void WarningLog::Truncated(std::string_view sheet, std::string_view column,
                           std::string_view bid_ref, std::size_t original_units) const
{
    if (warnings == nullptr)
    {
        return;
    }
    ExportWarning w;
    w.output = output;
    w.sheet = sheet;
    w.bid = bid_ref;
    w.column = column;
    w.message =
        output + ", sheet '" + std::string(sheet) + "', column '" + std::string(column) + "'" +
        (bid_ref.empty() ? "" : ", bid " + std::string(bid_ref)) + ": the text has " +
        std::to_string(original_units) + " characters, more than a spreadsheet cell holds (" +
        std::to_string(kMaxCellUnits) + "). It was cut and marked; the CSV export has it in full.";
    warnings->push_back(std::move(w));
}

// ---------------------------------------------------------------------------------------------
// XlsxTable

XlsxTable::XlsxTable(XlsxSheet& sheet, int header_row, std::vector<Column> columns, WarningLog log)
    : m_sheet(sheet), m_header_row(header_row), m_next_row(header_row + 1),
      m_columns(std::move(columns)), m_log(std::move(log))
{
    // A table below another one starts from the widths the first one set, widened (never
    // narrowed) to its own fixed widths, so that its rows wrap at the real width.
    m_below = m_sheet.ColumnWidth(0) > 0.0;
    m_widths.reserve(m_columns.size());
    m_used.assign(m_columns.size(), false);
    int lines = 1;
    for (std::size_t i = 0; i < m_columns.size(); ++i)
    {
        const Column& column = m_columns[i];
        const int col = static_cast<int>(i);
        m_widths.push_back(std::max(HeaderWidth(column.header),
                                    IsTextKind(column.kind) ? 0.0 : NumberWidth(column.kind)));
        if (m_below && column.width > m_sheet.ColumnWidth(col))
        {
            m_sheet.SetColumnWidth(col, column.width);
        }
        // The narrowest the column can end up: the header wraps at most this much.
        const double set = m_sheet.ColumnWidth(col);
        const double narrowest = set > 0.0 ? set
                                 : column.width > 0.0
                                     ? column.width
                                     : std::max(kMinWidth, m_widths.back() + kPadding);
        lines = std::max(lines, WrappedLines(column.header, narrowest));
    }
    if (lines > 1)
    {
        m_sheet.SetRowHeight(header_row, std::min(kMaxRowHeight, lines * kLineHeight));
    }
    for (std::size_t i = 0; i < m_columns.size(); ++i)
    {
        m_sheet.WriteText(header_row, static_cast<int>(i), m_columns[i].header, Style::Header);
    }
}

int XlsxTable::Col(std::string_view header) const
{
    for (std::size_t i = 0; i < m_columns.size(); ++i)
    {
        if (m_columns[i].header == header)
        {
            return static_cast<int>(i);
        }
    }
    COSCORE_EXPECTS(false && "no such column");
    return -1;
}

void XlsxTable::Row(std::span<const Cell> cells, std::string_view bid_ref)
{
    COSCORE_EXPECTS(cells.size() == m_columns.size());
    const int row = m_next_row++;
    // Row heights are set before the row is written (constant-memory mode streams rows) and
    // explicitly, because not every reader fits wrapped rows by itself.
    int lines = 1;
    for (std::size_t i = 0; i < cells.size(); ++i)
    {
        const ColumnKind kind = m_columns[i].kind;
        const bool wraps =
            kind == ColumnKind::Wrap || (cells[i].tone == Tone::Muted && !IsTextKind(kind));
        if (wraps && cells[i].type == Cell::Type::Text)
        {
            // A table below another one lives with the widths the first one set.
            const double set = m_sheet.ColumnWidth(static_cast<int>(i));
            const double width = set > 0.0                  ? set
                                 : m_columns[i].width > 0.0 ? m_columns[i].width
                                 : kind == ColumnKind::Wrap ? kWrapWidth
                                                            : m_widths[i] + kPadding;
            lines = std::max(lines, WrappedLines(cells[i].text, width));
        }
    }
    if (lines > 1)
    {
        m_sheet.SetRowHeight(row, std::min(kMaxRowHeight, lines * kLineHeight));
    }
    for (std::size_t i = 0; i < cells.size(); ++i)
    {
        const Cell& cell = cells[i];
        const Column& column = m_columns[i];
        const int col = static_cast<int>(i);
        switch (cell.type)
        {
        case Cell::Type::Blank:
            // A ruled blank, so that the table's rules have no holes.
            m_sheet.WriteBlank(row, col,
                               IsTextKind(column.kind) ? TextStyle(column.kind, cell.tone)
                                                       : NumberStyle(column.kind, cell.tone));
            break;
        case Cell::Type::Text:
        {
            const auto cut =
                m_sheet.WriteText(row, col, cell.text, TextStyle(column.kind, cell.tone));
            if (cut)
            {
                m_log.Truncated(m_sheet.Name(), column.header, bid_ref, *cut);
            }
            // Wrapped text sets no width: neither long text nor a muted remark among numbers.
            if (column.kind != ColumnKind::Wrap &&
                !(cell.tone == Tone::Muted && !IsTextKind(column.kind)))
            {
                m_widths[i] = std::max(m_widths[i], DisplayWidth(cell.text));
            }
            m_used[i] = m_used[i] || !cell.text.empty();
            break;
        }
        case Cell::Type::Number:
            m_sheet.WriteNumber(row, col, cell.number, NumberStyle(column.kind, cell.tone));
            break;
        case Cell::Type::Pence:
            m_sheet.WriteNumber(row, col, static_cast<double>(cell.pence) / 100.0,
                                NumberStyle(ColumnKind::Money, cell.tone));
            break;
        case Cell::Type::Timestamp:
            if (const auto when = ParseIsoDateTime(cell.text))
            {
                m_sheet.WriteDateTime(row, col, *when);
            }
            else
            {
                static_cast<void>(m_sheet.WriteText(row, col, cell.text, Style::Text));
                m_widths[i] = std::max(m_widths[i], DisplayWidth(cell.text));
            }
            break;
        }
    }
}

void XlsxTable::ApplyWidths()
{
    for (std::size_t i = 0; i < m_columns.size(); ++i)
    {
        const Column& column = m_columns[i];
        double width = column.width;
        if (column.kind == ColumnKind::Wrap && !m_used[i])
        {
            width = m_widths[i] + kPadding; // nothing to wrap: as narrow as the header allows
        }
        else if (width <= 0.0)
        {
            const double cap = column.kind == ColumnKind::Wrap ? kWrapWidth : kMaxTextWidth;
            width = column.kind == ColumnKind::Wrap ? kWrapWidth
                                                    : std::min(cap, m_widths[i] + kPadding);
        }
        const int col = static_cast<int>(i);
        width = std::max(kMinWidth, width);
        // Below another table, wrapped text already wrapped at the width the sheet had.
        const bool wrapped_here = m_below && column.kind == ColumnKind::Wrap && column.width <= 0.0;
        if (!wrapped_here && (!m_below || width > m_sheet.ColumnWidth(col)))
        {
            m_sheet.SetColumnWidth(col, width);
        }
    }
}

void XlsxTable::Finish(const PageSetup& page)
{
    COSCORE_EXPECTS(m_sheet.LastRowWritten() <= std::max(m_header_row, LastRow()));
    ApplyWidths();
    m_sheet.FreezeRows(m_header_row + 1);
    m_sheet.AutoFilter(m_header_row, 0, std::max(m_header_row, LastRow()),
                       static_cast<int>(m_columns.size()) - 1);
    PageSetup setup = page;
    setup.repeat_row = m_header_row;
    m_sheet.SetupPrint(setup);
}

// ---------------------------------------------------------------------------------------------
// CsvTable

CsvTable::CsvTable(CsvFile& file, const std::vector<Column>& columns) : m_file(file)
{
    for (const Column& column : columns)
    {
        m_file.Text(column.header);
    }
    m_file.EndRecord();
}

void CsvTable::Row(std::span<const Cell> cells, std::string_view /*bid_ref*/)
{
    for (const Cell& cell : cells)
    {
        switch (cell.type)
        {
        case Cell::Type::Blank:
            m_file.Blank();
            break;
        case Cell::Type::Text:
        case Cell::Type::Timestamp:
            m_file.Text(cell.text);
            break;
        case Cell::Type::Number:
            m_file.Number(cell.number);
            break;
        case Cell::Type::Pence:
            m_file.Pence(cell.pence);
            break;
        }
    }
    m_file.EndRecord();
}

} // namespace coscore::exports::detail
