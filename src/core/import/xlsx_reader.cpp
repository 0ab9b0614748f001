// SPDX-License-Identifier: MIT
#include "xlsx_reader.hpp"

#include "decimal_text.hpp"
#include "text_encoding.hpp"
#include "xml_stream.hpp"
#include "zip_archive.hpp"

#include <charconv>
#include <cmath>
#include <cstdio>
#include <deque>
#include <map>
#include <optional>

namespace coscore::core::imports
{

namespace
{

constexpr int kMaxSheetColumns = 16'384; // XFD
constexpr std::int64_t kMaxSheetRows = 1'048'576;
const char* const kResave = "Open the file in Excel or LibreOffice and save it again as an Excel "
                            "workbook (.xlsx), then import that copy.";

[[noreturn]] void Refuse(const char* code, const std::string& message, std::int64_t row = 0,
                         int column = 0, const std::string& cell = {})
{
    throw ImportError(code, message, kResave, row, column, cell);
}

/// Streams one part through an XML handler.
void ParsePart(ZipArchive& zip, const std::string& part, XmlHandler& handler,
               const ImportLimits& limits)
{
    XmlStream stream(handler, part, limits);
    zip.Read(part, [&](std::string_view chunk) { return stream.Feed(chunk); });
    stream.Finish();
}

// ---- Parts and relationships ---------------------------------------------------------------

std::string FolderOf(const std::string& part)
{
    const auto slash = part.rfind('/');
    return slash == std::string::npos ? std::string() : part.substr(0, slash + 1);
}

std::string RelationshipsPartOf(const std::string& part)
{
    const auto slash = part.rfind('/');
    const std::string name = slash == std::string::npos ? part : part.substr(slash + 1);
    return FolderOf(part) + "_rels/" + name + ".rels";
}

int HexValue(char c)
{
    if (c >= '0' && c <= '9')
    {
        return c - '0';
    }
    if (c >= 'a' && c <= 'f')
    {
        return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F')
    {
        return c - 'A' + 10;
    }
    return -1;
}

/// A relationship target made into a part name, relative to its source part; refuses targets
/// that climb out of the package or are not plain paths.
std::string ResolveTarget(const std::string& source, std::string_view target)
{
    std::string decoded;
    for (std::size_t i = 0; i < target.size(); ++i)
    {
        if (target[i] == '%' && i + 2 < target.size() && HexValue(target[i + 1]) >= 0 &&
            HexValue(target[i + 2]) >= 0)
        {
            decoded += static_cast<char>(HexValue(target[i + 1]) * 16 + HexValue(target[i + 2]));
            i += 2;
        }
        else
        {
            decoded += target[i];
        }
    }
    if (decoded.find('\\') != std::string::npos || decoded.find(':') != std::string::npos)
    {
        Refuse("xlsx.bad_relationship", "The spreadsheet links to \"" + EscapeForDisplay(target) +
                                            "\", which is not a part inside the workbook.");
    }
    std::string path = decoded.starts_with('/') ? decoded.substr(1) : FolderOf(source) + decoded;
    std::vector<std::string> segments;
    std::size_t start = 0;
    while (start <= path.size())
    {
        const std::size_t slash = std::min(path.find('/', start), path.size());
        const std::string segment = path.substr(start, slash - start);
        if (segment == "..")
        {
            if (segments.empty())
            {
                Refuse("xlsx.traversal_relationship", "The spreadsheet links to \"" +
                                                          EscapeForDisplay(target) +
                                                          "\", outside the workbook.");
            }
            segments.pop_back();
        }
        else if (!segment.empty() && segment != ".")
        {
            segments.push_back(segment);
        }
        start = slash + 1;
    }
    std::string resolved;
    for (const std::string& s : segments)
    {
        resolved += resolved.empty() ? s : "/" + s;
    }
    return resolved;
}

struct Relationship
{
    std::string type; ///< the last segment of the type URI: "worksheet", "sharedStrings", …
    std::string target;
    bool external = false;
};

class RelationshipsReader : public XmlHandler
{
public:
    explicit RelationshipsReader(std::string source) : m_source(std::move(source)) {}
    void Start(std::string_view name, const char** attributes) override
    {
        if (name != "Relationship")
        {
            return;
        }
        const char* id = Attribute(attributes, "Id");
        const char* type = Attribute(attributes, "Type");
        const char* target = Attribute(attributes, "Target");
        const char* mode = Attribute(attributes, "TargetMode");
        if (id == nullptr || type == nullptr || target == nullptr)
        {
            return;
        }
        Relationship r;
        const std::string_view t(type);
        r.type = std::string(t.substr(t.rfind('/') + 1));
        r.external = mode != nullptr && std::string_view(mode) == "External";
        // External targets are never followed, so they are not resolved either.
        r.target = r.external ? std::string(target) : std::string();
        m_raw.emplace(id, std::make_pair(std::move(r), std::string(target)));
    }
    void End(std::string_view) override {}
    void Text(std::string_view) override {}

    /// The internal target of relationship `id`; refuses external or escaping ones.
    std::optional<Relationship> Get(const std::string& id) const
    {
        const auto it = m_raw.find(id);
        if (it == m_raw.end())
        {
            return std::nullopt;
        }
        Relationship r = it->second.first;
        if (r.external)
        {
            // The target is not quoted: it is the attacker's text (a URL or a path).
            Refuse("xlsx.external_relationship",
                   "The spreadsheet takes part of its content from outside the file, from a "
                   "link CoScore never follows.");
        }
        r.target = ResolveTarget(m_source, it->second.second);
        return r;
    }
    /// The first relationship of this type.
    std::optional<Relationship> OfType(std::string_view type) const
    {
        for (const auto& [id, r] : m_raw)
        {
            if (r.first.type == type)
            {
                return Get(id);
            }
        }
        return std::nullopt;
    }

private:
    std::string m_source;
    std::map<std::string, std::pair<Relationship, std::string>> m_raw;
};

RelationshipsReader ReadRelationships(ZipArchive& zip, const std::string& source,
                                      const ImportLimits& limits)
{
    RelationshipsReader reader(source);
    const std::string part = source.empty() ? "_rels/.rels" : RelationshipsPartOf(source);
    if (zip.Has(part))
    {
        ParsePart(zip, part, reader, limits);
    }
    return reader;
}

// ---- Workbook ------------------------------------------------------------------------------

struct SheetEntry
{
    std::string name;
    std::string relationship;
    bool hidden = false;
};

class WorkbookReader : public XmlHandler
{
public:
    void Start(std::string_view name, const char** attributes) override
    {
        if (name == "sheet")
        {
            const char* sheet_name = Attribute(attributes, "name");
            const char* id = Attribute(attributes, "id");
            const char* state = Attribute(attributes, "state");
            if (sheet_name != nullptr && id != nullptr)
            {
                sheets.push_back(
                    {sheet_name, id, state != nullptr && std::string_view(state) != "visible"});
            }
        }
        else if (name == "workbookPr")
        {
            const char* d = Attribute(attributes, "date1904");
            date1904 =
                d != nullptr && (std::string_view(d) == "1" || std::string_view(d) == "true");
        }
    }
    void End(std::string_view) override {}
    void Text(std::string_view) override {}

    std::vector<SheetEntry> sheets;
    bool date1904 = false;
};

// ---- Text of shared and inline strings -----------------------------------------------------

/// Undoes Office's _xHHHH_ escapes (how a workbook stores characters XML cannot hold).
std::string DecodeEscapes(std::string_view text, const std::string& where)
{
    if (text.find("_x") == std::string_view::npos)
    {
        return std::string(text);
    }
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i)
    {
        if (text[i] == '_' && i + 6 < text.size() && text[i + 1] == 'x' && text[i + 6] == '_' &&
            HexValue(text[i + 2]) >= 0 && HexValue(text[i + 3]) >= 0 &&
            HexValue(text[i + 4]) >= 0 && HexValue(text[i + 5]) >= 0)
        {
            const auto c =
                static_cast<char32_t>(HexValue(text[i + 2]) << 12 | HexValue(text[i + 3]) << 8 |
                                      HexValue(text[i + 4]) << 4 | HexValue(text[i + 5]));
            if (c == 0)
            {
                Refuse("xlsx.nul_character", "Text in " + where + " contains a NUL character.");
            }
            if (c < 0xD800 || c > 0xDFFF)
            {
                AppendUtf8(out, c);
                i += 6;
                continue;
            }
        }
        out += text[i];
    }
    return out;
}

std::int64_t CharCount(std::string_view text)
{
    std::int64_t n = 0;
    for (const char c : text)
    {
        n += (static_cast<unsigned char>(c) & 0xC0u) != 0x80u ? 1 : 0;
    }
    return n;
}

/// Collects the text of one <si> or <is>: direct <t> and the <t> of rich-text runs <r>, but not
/// the phonetic guide <rPh>.
class StringCollector
{
public:
    void Start(std::string_view name)
    {
        m_in_phonetic = m_in_phonetic || name == "rPh";
        m_in_text = name == "t" && !m_in_phonetic;
    }
    void End(std::string_view name)
    {
        m_in_phonetic = m_in_phonetic && name != "rPh";
        m_in_text = m_in_text && name != "t";
    }
    void Text(std::string_view text, const ImportLimits& limits, const std::string& where)
    {
        if (m_in_text)
        {
            m_text.append(text);
            if (static_cast<std::int64_t>(m_text.size()) > 4 * limits.max_cell_chars)
            {
                TooLong(limits, where);
            }
        }
    }
    std::string Take(const ImportLimits& limits, const std::string& where)
    {
        std::string text = DecodeEscapes(m_text, where);
        m_text.clear();
        if (CharCount(text) > limits.max_cell_chars)
        {
            TooLong(limits, where);
        }
        return text;
    }
    void Reset()
    {
        m_text.clear();
        m_in_text = false;
        m_in_phonetic = false;
    }

private:
    [[noreturn]] static void TooLong(const ImportLimits& limits, const std::string& where)
    {
        Refuse("xlsx.string_too_long", "Text in " + where + " is longer than " +
                                           std::to_string(limits.max_cell_chars) +
                                           " characters, which no Excel cell can hold.");
    }
    std::string m_text;
    bool m_in_text = false;
    bool m_in_phonetic = false;
};

/// The shared-string table, in one arena. Its declared count is never trusted or used.
class SharedStringsReader : public XmlHandler
{
public:
    explicit SharedStringsReader(const ImportLimits& limits) : m_limits(limits) {}
    void Start(std::string_view name, const char**) override
    {
        if (name == "si")
        {
            m_in_item = true;
            m_collector.Reset();
        }
        else if (m_in_item)
        {
            m_collector.Start(name);
        }
    }
    void End(std::string_view name) override
    {
        if (name == "si" && m_in_item)
        {
            m_in_item = false;
            const std::string text = m_collector.Take(m_limits, Where());
            m_offsets.push_back({m_arena.size(), text.size()});
            m_arena += text;
        }
        else if (m_in_item)
        {
            m_collector.End(name);
        }
    }
    void Text(std::string_view text) override
    {
        if (m_in_item)
        {
            m_collector.Text(text, m_limits, Where());
        }
    }
    std::size_t Size() const { return m_offsets.size(); }
    std::string_view At(std::size_t i) const
    {
        return std::string_view(m_arena).substr(m_offsets[i].first, m_offsets[i].second);
    }

private:
    std::string Where() const { return "shared string " + std::to_string(m_offsets.size()); }
    const ImportLimits& m_limits;
    StringCollector m_collector;
    bool m_in_item = false;
    std::string m_arena;
    std::vector<std::pair<std::size_t, std::size_t>> m_offsets;
};

// ---- Styles: which cell formats show dates or percentages ----------------------------------

enum class NumberStyle
{
    Plain,
    Date,
    Percent,
};

/// Built-in 9 and 10, or a custom code with % outside quotes and brackets.
bool IsPercentFormat(int format_id, std::string_view code)
{
    if (format_id == 9 || format_id == 10)
    {
        return true;
    }
    bool quoted = false;
    bool bracket = false;
    for (std::size_t i = 0; i < code.size(); ++i)
    {
        const char c = code[i];
        quoted = c == '"' ? !quoted : quoted;
        bracket = !quoted && (c == '[' || (bracket && c != ']'));
        i += !quoted && c == '\\' ? 1U : 0U;
        if (!quoted && !bracket && c == '%')
        {
            return true;
        }
    }
    return false;
}

class StylesReader : public XmlHandler
{
public:
    void Start(std::string_view name, const char** attributes) override
    {
        if (name == "numFmt")
        {
            const char* id = Attribute(attributes, "numFmtId");
            const char* code = Attribute(attributes, "formatCode");
            int value = 0;
            if (id != nullptr && code != nullptr && ParseInt(id, value))
            {
                m_custom[value] = code;
            }
        }
        else if (name == "cellXfs")
        {
            m_in_cell_formats = true;
        }
        else if (name == "xf" && m_in_cell_formats)
        {
            const char* id = Attribute(attributes, "numFmtId");
            int value = 0;
            if (id == nullptr || !ParseInt(id, value))
            {
                value = 0;
            }
            const auto custom = m_custom.find(value);
            const std::string_view code =
                custom == m_custom.end() ? std::string_view() : std::string_view(custom->second);
            kinds.push_back(IsDateFormat(value, code)      ? NumberStyle::Date
                            : IsPercentFormat(value, code) ? NumberStyle::Percent
                                                           : NumberStyle::Plain);
        }
    }
    void End(std::string_view name) override
    {
        m_in_cell_formats = m_in_cell_formats && name != "cellXfs";
    }
    void Text(std::string_view) override {}

    std::vector<NumberStyle> kinds; ///< by cell style index (the s attribute)

private:
    static bool ParseInt(std::string_view text, int& value)
    {
        const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
        return ec == std::errc() && end == text.data() + text.size();
    }
    std::map<int, std::string> m_custom;
    bool m_in_cell_formats = false;
};

// ---- Cells and rows ------------------------------------------------------------------------

struct CellAddress
{
    int column = 0; ///< 1-based
    std::int64_t row = 0;
};

std::optional<CellAddress> ParseCellAddress(std::string_view ref)
{
    CellAddress a;
    std::size_t i = 0;
    for (; i < ref.size() && i < 4 && ref[i] >= 'A' && ref[i] <= 'Z'; ++i)
    {
        a.column = a.column * 26 + (ref[i] - 'A' + 1);
    }
    if (i == 0 || i == ref.size() || ref.size() - i > 8)
    {
        return std::nullopt;
    }
    for (; i < ref.size(); ++i)
    {
        if (ref[i] < '0' || ref[i] > '9')
        {
            return std::nullopt;
        }
        a.row = a.row * 10 + (ref[i] - '0');
    }
    return a;
}

bool IsNumberText(std::string_view v)
{
    std::size_t i = v.starts_with('-') ? 1 : 0;
    const std::size_t digits_start = i;
    while (i < v.size() && v[i] >= '0' && v[i] <= '9')
    {
        ++i;
    }
    bool digits = i > digits_start;
    if (i < v.size() && v[i] == '.')
    {
        const std::size_t fraction = ++i;
        while (i < v.size() && v[i] >= '0' && v[i] <= '9')
        {
            ++i;
        }
        digits = digits || i > fraction;
    }
    if (digits && i < v.size() && (v[i] == 'E' || v[i] == 'e'))
    {
        ++i;
        i += i < v.size() && (v[i] == '+' || v[i] == '-') ? 1U : 0U;
        const std::size_t exponent = i;
        while (i < v.size() && v[i] >= '0' && v[i] <= '9')
        {
            ++i;
        }
        digits = i > exponent;
    }
    return digits && i == v.size();
}

class SheetReader : public XmlHandler
{
public:
    SheetReader(const SharedStringsReader& strings, const std::vector<NumberStyle>& styles,
                const FileInfo& info, const ImportLimits& limits, const RowSink& sink)
        : m_strings(strings), m_styles(styles), m_date1904(info.date1904), m_info(info),
          m_limits(limits), m_sink(sink)
    {
    }
    void SetStream(XmlStream* stream) { m_stream = stream; }
    std::int64_t RowsRead() const { return m_rows_read; }

    void Start(std::string_view name, const char** attributes) override;
    void End(std::string_view name) override;
    void Text(std::string_view text) override
    {
        if (m_in_value)
        {
            m_value.append(text);
            if (static_cast<std::int64_t>(m_value.size()) > 4 * m_limits.max_cell_chars)
            {
                Refuse("xlsx.string_too_long",
                       "Cell " + CellName() + " holds more text than any Excel cell can.", m_row,
                       m_column, CellName());
            }
        }
        else if (m_in_inline)
        {
            m_inline.Text(text, m_limits, "cell " + CellName());
        }
    }

private:
    std::string CellName() const { return ColumnLetters(m_column) + std::to_string(m_row); }
    void StartRow(const char** attributes);
    void StartCell(const char** attributes);
    void EndCell();
    void EndRow();
    std::string_view Store(std::string text)
    {
        if (m_used == m_storage.size())
        {
            m_storage.emplace_back();
        }
        m_storage[m_used] = std::move(text);
        return m_storage[m_used++];
    }
    void Put(CellKind kind, std::string_view text)
    {
        if (m_column > m_limits.max_columns)
        {
            Refuse("xlsx.too_many_columns",
                   "Row " + std::to_string(m_row) + " has data in column " +
                       ColumnLetters(m_column) + ", beyond CoScore's limit of " +
                       std::to_string(m_limits.max_columns) + " columns.",
                   m_row, m_column, CellName());
        }
        m_cells.resize(static_cast<std::size_t>(m_column));
        m_cells.back() = {kind, text};
    }

    const SharedStringsReader& m_strings;
    const std::vector<NumberStyle>& m_styles;
    bool m_date1904;
    const FileInfo& m_info;
    const ImportLimits& m_limits;
    const RowSink& m_sink;
    XmlStream* m_stream = nullptr;

    bool m_in_data = false;
    bool m_in_row = false;
    bool m_in_cell = false;
    bool m_in_value = false;
    bool m_in_inline = false;
    std::int64_t m_row = 0;
    std::int64_t m_rows_read = 0;
    int m_column = 0;
    std::string m_type;
    std::size_t m_style = 0;
    bool m_has_formula = false;
    bool m_has_value = false;
    std::string m_value;
    StringCollector m_inline;
    bool m_has_inline = false;
    std::vector<CellView> m_cells;
    std::deque<std::string> m_storage; // references stay valid as it grows
    std::size_t m_used = 0;
};

void SheetReader::Start(std::string_view name, const char** attributes)
{
    if (name == "sheetData")
    {
        m_in_data = true;
    }
    else if (!m_in_data)
    {
        return;
    }
    else if (name == "row")
    {
        StartRow(attributes);
    }
    else if (name == "c" && m_in_row)
    {
        StartCell(attributes);
    }
    else if (!m_in_cell)
    {
        return;
    }
    else if (name == "v")
    {
        m_in_value = true;
        m_has_value = true;
        m_value.clear();
    }
    else if (name == "f")
    {
        m_has_formula = true;
    }
    else if (name == "is")
    {
        m_in_inline = true;
        m_has_inline = true;
        m_inline.Reset();
    }
    else if (m_in_inline)
    {
        m_inline.Start(name);
    }
}

void SheetReader::End(std::string_view name)
{
    if (!m_in_data)
    {
        return;
    }
    if (name == "sheetData")
    {
        m_in_data = false;
        if (m_stream != nullptr)
        {
            m_stream->Stop(); // merges, print settings and the rest are not needed
        }
    }
    else if (name == "row" && m_in_row)
    {
        EndRow();
    }
    else if (name == "c" && m_in_cell)
    {
        EndCell();
    }
    else if (name == "v")
    {
        m_in_value = false;
    }
    else if (name == "is")
    {
        m_in_inline = false;
    }
    else if (m_in_inline)
    {
        m_inline.End(name);
    }
}

void SheetReader::StartRow(const char** attributes)
{
    std::int64_t number = m_row + 1;
    if (const char* r = Attribute(attributes, "r"); r != nullptr)
    {
        const std::string_view text(r);
        const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), number);
        if (ec != std::errc() || end != text.data() + text.size() || number < 1 ||
            number > kMaxSheetRows)
        {
            Refuse("xlsx.cell_out_of_range",
                   "The sheet has a row numbered \"" + EscapeForDisplay(text) +
                       "\"; Excel's rows run from 1 to 1048576.",
                   m_row + 1);
        }
    }
    if (number <= m_row || number > kMaxSheetRows)
    {
        Refuse("xlsx.rows_out_of_order",
               "Row " + std::to_string(number) + " comes after row " + std::to_string(m_row) +
                   " in the sheet, which Excel never writes.",
               number);
    }
    m_row = number;
    m_column = 0;
    m_in_row = true;
    m_cells.clear();
    m_used = 0;
}

void SheetReader::StartCell(const char** attributes)
{
    int column = m_column + 1;
    if (const char* r = Attribute(attributes, "r"); r != nullptr)
    {
        const auto address = ParseCellAddress(r);
        if (!address)
        {
            Refuse("xlsx.bad_cell_ref",
                   "Row " + std::to_string(m_row) + " has a cell named \"" + EscapeForDisplay(r) +
                       "\", which is not a cell reference.",
                   m_row);
        }
        if (address->column > kMaxSheetColumns || address->row != m_row)
        {
            Refuse("xlsx.cell_out_of_range",
                   "Row " + std::to_string(m_row) + " has a cell named \"" + EscapeForDisplay(r) +
                       "\", outside the row or beyond Excel's last cell XFD1048576.",
                   m_row);
        }
        column = address->column;
    }
    if (column <= m_column || column > kMaxSheetColumns)
    {
        Refuse("xlsx.cells_out_of_order",
               "Row " + std::to_string(m_row) + " lists its cells out of order.", m_row);
    }
    m_column = column;
    m_in_cell = true;
    const char* type = Attribute(attributes, "t");
    m_type = type != nullptr ? type : "n";
    m_style = 0;
    if (const char* s = Attribute(attributes, "s"); s != nullptr)
    {
        const std::string_view text(s);
        std::from_chars(text.data(), text.data() + text.size(), m_style);
    }
    m_has_formula = false;
    m_has_value = false;
    m_has_inline = false;
    m_value.clear();
}

void SheetReader::EndCell()
{
    m_in_cell = false;
    const std::string where = "cell " + CellName();
    if (m_type == "inlineStr")
    {
        if (m_has_inline)
        {
            Put(CellKind::Text, Store(m_inline.Take(m_limits, where)));
        }
        return;
    }
    // openpyxl writes an empty <v/> for a formula it could not calculate.
    if (!m_has_value || m_value.empty())
    {
        if (m_has_formula)
        {
            Put(CellKind::Uncalculated, {});
        }
        return; // a formatted but empty cell
    }
    if (m_type == "s")
    {
        std::size_t index = 0;
        const auto [end, ec] =
            std::from_chars(m_value.data(), m_value.data() + m_value.size(), index);
        if (ec != std::errc() || end != m_value.data() + m_value.size() ||
            index >= m_strings.Size())
        {
            Refuse("xlsx.bad_shared_string",
                   "Cell " + CellName() + " refers to shared string \"" +
                       EscapeForDisplay(m_value) + "\", but the workbook has only " +
                       std::to_string(m_strings.Size()) + ": the file is damaged or forged.",
                   m_row, m_column, CellName());
        }
        Put(CellKind::Text, m_strings.At(index));
    }
    else if (m_type == "str")
    {
        Put(CellKind::Text, Store(DecodeEscapes(m_value, where)));
    }
    else if (m_type == "b")
    {
        if (m_value != "0" && m_value != "1")
        {
            Refuse("xlsx.bad_boolean", "Cell " + CellName() + " holds a broken TRUE/FALSE value.",
                   m_row, m_column, CellName());
        }
        Put(CellKind::Bool, m_value == "1" ? "TRUE" : "FALSE");
    }
    else if (m_type == "e")
    {
        Put(CellKind::Error, Store(EscapeForDisplay(m_value, 16)));
    }
    else if (m_type == "d")
    {
        Put(CellKind::Date, Store(EscapeForDisplay(m_value, 32)));
    }
    else if (m_type == "n")
    {
        if (!IsNumberText(m_value))
        {
            Refuse("xlsx.bad_number",
                   "Cell " + CellName() + " is marked as a number but holds \"" +
                       EscapeForDisplay(m_value) + "\".",
                   m_row, m_column, CellName());
        }
        const NumberStyle style =
            m_style < m_styles.size() ? m_styles[m_style] : NumberStyle::Plain;
        if (style == NumberStyle::Date)
        {
            std::string iso = ExcelSerialToIso(m_value, m_date1904);
            if (iso.empty())
            {
                Refuse("xlsx.bad_date",
                       "Cell " + CellName() + " is formatted as a date but holds " +
                           EscapeForDisplay(m_value) + ", which is no real date.",
                       m_row, m_column, CellName());
            }
            Put(CellKind::Date, Store(std::move(iso)));
        }
        else if (style == NumberStyle::Percent)
        {
            // 0.25 shown as 25%: moved two places exactly, never multiplied as a float.
            auto number = DecimalText::Parse(m_value);
            number->exponent += number->IsZero() ? 0 : 2;
            Put(CellKind::Number, Store(number->ToPlain() + "%"));
        }
        else
        {
            Put(CellKind::Number, Store(m_value));
        }
    }
    else
    {
        Refuse("xlsx.bad_cell_type",
               "Cell " + CellName() + " has the unknown type \"" + EscapeForDisplay(m_type) + "\".",
               m_row, m_column, CellName());
    }
}

void SheetReader::EndRow()
{
    m_in_row = false;
    if (m_cells.empty())
    {
        return;
    }
    if (++m_rows_read > m_limits.max_rows)
    {
        Refuse("xlsx.too_many_rows",
               "The sheet has more than " + std::to_string(m_limits.max_rows) +
                   " rows, CoScore's limit for one import.",
               m_row);
    }
    if (!m_sink(RowView{m_row, m_cells, &m_info}) && m_stream != nullptr)
    {
        m_stream->Stop();
    }
}

/// The workbook's parts, found through its relationships as Office's packaging rules say.
struct Workbook
{
    std::string part;
    WorkbookReader book;
    RelationshipsReader relationships{""};
};

Workbook OpenWorkbook(ZipArchive& zip, const ImportLimits& limits)
{
    const RelationshipsReader root = ReadRelationships(zip, "", limits);
    const auto office = root.OfType("officeDocument");
    if (!office)
    {
        Refuse("xlsx.not_a_workbook",
               "The file is a zip archive but not an Excel workbook (it has no workbook part).");
    }
    Workbook w;
    w.part = office->target;
    ParsePart(zip, w.part, w.book, limits);
    w.relationships = ReadRelationships(zip, w.part, limits);
    return w;
}

std::vector<std::string> VisibleSheets(const Workbook& w)
{
    std::vector<std::string> names;
    for (const SheetEntry& s : w.book.sheets)
    {
        if (!s.hidden)
        {
            names.push_back(s.name);
        }
    }
    return names;
}

const SheetEntry& ChooseSheet(const Workbook& w, const std::string& wanted)
{
    const std::vector<std::string> visible = VisibleSheets(w);
    if (wanted.empty())
    {
        for (const SheetEntry& s : w.book.sheets)
        {
            if (!s.hidden)
            {
                return s;
            }
        }
        Refuse("xlsx.no_sheets", "The workbook has no visible sheet to import.");
    }
    for (const SheetEntry& s : w.book.sheets)
    {
        if (LowerAscii(s.name) == LowerAscii(wanted))
        {
            return s;
        }
    }
    std::string list;
    for (const std::string& name : visible)
    {
        list += (list.empty() ? "\"" : ", \"") + EscapeForDisplay(name) + "\"";
    }
    throw ImportError("xlsx.no_such_sheet",
                      "The workbook has no sheet called \"" + EscapeForDisplay(wanted) +
                          "\". Its sheets are: " + list + ".",
                      "Choose one of those sheets.");
}

} // namespace

std::string ExcelSerialToIso(std::string_view serial, bool date1904)
{
    double value = 0;
    const auto [end, ec] = std::from_chars(serial.data(), serial.data() + serial.size(), value);
    if (ec != std::errc() || end != serial.data() + serial.size() || !(value >= 0) ||
        value >= 2'958'466.0)
    {
        return {};
    }
    auto days = static_cast<std::int64_t>(std::floor(value));
    auto seconds =
        static_cast<std::int64_t>(std::llround((value - static_cast<double>(days)) * 86'400.0));
    if (seconds == 86'400)
    {
        ++days;
        seconds = 0;
    }
    // Days since 1970-01-01. Excel's 1900 system counts a 29 February 1900 that never was.
    std::int64_t unix_days = 0;
    if (date1904)
    {
        unix_days = days - 24'107;
    }
    else if (days == 60)
    {
        return {};
    }
    else
    {
        unix_days = days - (days < 60 ? 25'568 : 25'569);
    }
    // Both are bounded above (serial < 2,958,466 days; seconds < 86,400), so ints print them.
    const int hours = static_cast<int>(seconds / 3600);
    const int minutes = static_cast<int>(seconds / 60 % 60);
    const int secs = static_cast<int>(seconds % 60);
    char text[32];
    if (days == 0 && !date1904)
    {
        std::snprintf(text, sizeof text, "%02d:%02d:%02d", hours, minutes, secs);
        return text;
    }
    // Civil date from days (H. Hinnant's algorithm).
    const std::int64_t z = unix_days + 719'468;
    const std::int64_t era = (z >= 0 ? z : z - 146'096) / 146'097;
    const std::int64_t doe = z - era * 146'097;
    const std::int64_t yoe = (doe - doe / 1460 + doe / 36'524 - doe / 146'096) / 365;
    const std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const std::int64_t mp = (5 * doy + 2) / 153;
    const std::int64_t day = doy - (153 * mp + 2) / 5 + 1;
    const std::int64_t month = mp < 10 ? mp + 3 : mp - 9;
    const std::int64_t year = yoe + era * 400 + (month <= 2 ? 1 : 0);
    const auto y = static_cast<int>(year);
    const auto m = static_cast<int>(month);
    const auto d = static_cast<int>(day);
    if (seconds == 0)
    {
        std::snprintf(text, sizeof text, "%04d-%02d-%02d", y, m, d);
    }
    else
    {
        std::snprintf(text, sizeof text, "%04d-%02d-%02dT%02d:%02d:%02d", y, m, d, hours, minutes,
                      secs);
    }
    return text;
}

bool IsDateFormat(int format_id, std::string_view code)
{
    if ((format_id >= 14 && format_id <= 22) || (format_id >= 45 && format_id <= 47))
    {
        return true;
    }
    if (code.empty())
    {
        return false;
    }
    bool quoted = false;
    bool bracket = false;
    for (std::size_t i = 0; i < code.size(); ++i)
    {
        const char c = code[i];
        if (c == '"')
        {
            quoted = !quoted;
        }
        else if (quoted)
        {
            continue;
        }
        else if (c == '\\' || c == '_' || c == '*')
        {
            ++i; // the next character is shown literally or used as padding
        }
        else if (c == '[')
        {
            bracket = true;
        }
        else if (c == ']')
        {
            bracket = false;
        }
        else if (!bracket && std::string_view("dmyhsDMYHS").find(c) != std::string_view::npos)
        {
            return true;
        }
    }
    return false;
}

std::vector<std::string> XlsxSheets(std::string_view bytes, const ImportLimits& limits)
{
    ZipArchive zip(bytes, limits);
    return VisibleSheets(OpenWorkbook(zip, limits));
}

FileInfo ReadXlsx(std::string_view bytes, const ReadOptions& options, const RowSink& sink)
{
    const ImportLimits& limits = options.limits;
    ZipArchive zip(bytes, limits);
    const Workbook workbook = OpenWorkbook(zip, limits);
    FileInfo info;
    info.format = FileFormat::Xlsx;
    info.encoding = "XLSX";
    info.sheets = VisibleSheets(workbook);
    info.date1904 = workbook.book.date1904;
    const SheetEntry& sheet = ChooseSheet(workbook, options.sheet);
    info.sheet = sheet.name;
    const auto target = workbook.relationships.Get(sheet.relationship);
    if (!target || target->type != "worksheet")
    {
        throw ImportError("xlsx.not_a_worksheet",
                          "The sheet \"" + EscapeForDisplay(sheet.name) +
                              "\" is not a table of cells (it may be a chart).",
                          "Choose a sheet that holds the data.");
    }
    SharedStringsReader strings(limits);
    if (const auto part = workbook.relationships.OfType("sharedStrings"); part)
    {
        ParsePart(zip, part->target, strings, limits);
    }
    StylesReader styles;
    if (const auto part = workbook.relationships.OfType("styles"); part)
    {
        ParsePart(zip, part->target, styles, limits);
    }
    SheetReader reader(strings, styles.kinds, info, limits, sink);
    XmlStream stream(reader, target->target, limits);
    reader.SetStream(&stream);
    zip.Read(target->target, [&](std::string_view chunk) { return stream.Feed(chunk); });
    stream.Finish();
    info.rows_read = reader.RowsRead();
    return info;
}

} // namespace coscore::core::imports
