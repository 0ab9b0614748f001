// SPDX-License-Identifier: MIT
#include "csv_reader.hpp"

#include "text_encoding.hpp"

#include <algorithm>
#include <array>
#include <cstdio>
#include <cstring>
#include <deque>
#include <memory>
#include <vector>

namespace coscore::core::imports
{

std::size_t MemorySource::Read(char* out, std::size_t size)
{
    const std::size_t n = std::min(size, m_bytes.size() - m_offset);
    std::memcpy(out, m_bytes.data() + m_offset, n);
    m_offset += n;
    return n;
}

namespace
{

using namespace std::string_view_literals;

constexpr std::size_t kChunkBytes = std::size_t{1} << 20;
constexpr std::size_t kSniffBytes = 64 << 10;
const char* const kSaveAsUtf8 = "Save the file from Excel as \"CSV UTF-8 (comma delimited)\".";

std::string Hex(unsigned char b)
{
    char text[4];
    std::snprintf(text, sizeof text, "%02X", b);
    return text;
}

std::int64_t CountLineBreaks(std::string_view text)
{
    std::int64_t breaks = 0;
    for (std::size_t i = 0; i < text.size(); ++i)
    {
        if (text[i] == '\n' || (text[i] == '\r' && (i + 1 == text.size() || text[i + 1] != '\n')))
        {
            ++breaks;
        }
    }
    return breaks;
}

/// Splits RFC 4180 records. Fields point into the caller's buffer, or into the parser's own
/// storage when doubled quotes had to be undone.
class RecordParser
{
public:
    RecordParser(char separator, const ImportLimits& limits, std::int64_t first_line)
        : m_separator(separator), m_limits(limits), m_line(first_line)
    {
        m_stop[static_cast<unsigned char>(separator)] = true;
        m_stop['\r'] = true;
        m_stop['\n'] = true;
    }

    /// Parses the record at the start of `data`; returns its length in bytes, or npos when the
    /// data ends inside it and more is coming.
    std::size_t Parse(std::string_view data, bool at_end);

    const std::vector<CellView>& Cells() const { return m_cells; }
    std::int64_t RecordLine() const { return m_record_line; }
    std::int64_t Line() const { return m_line; }

private:
    std::string_view Unescape(std::string_view raw);
    [[noreturn]] void Refuse(const char* code, const std::string& message, const char* fix,
                             std::int64_t line) const
    {
        throw ImportError(code, message, fix, line, static_cast<int>(m_cells.size()) + 1);
    }

    char m_separator;
    const ImportLimits& m_limits;
    std::array<bool, 256> m_stop{};
    std::int64_t m_line;
    std::int64_t m_record_line = 0;
    std::vector<CellView> m_cells;
    std::deque<std::string> m_unescaped; // references stay valid as it grows
    std::size_t m_unescaped_used = 0;
};

std::string_view RecordParser::Unescape(std::string_view raw)
{
    if (m_unescaped_used == m_unescaped.size())
    {
        m_unescaped.emplace_back();
    }
    std::string& out = m_unescaped[m_unescaped_used++];
    out.clear();
    for (std::size_t i = 0; i < raw.size(); ++i)
    {
        out += raw[i];
        i += raw[i] == '"' ? 1U : 0U; // the first of a doubled quote stands for the pair
    }
    return out;
}

std::size_t RecordParser::Parse(std::string_view d, bool at_end)
{
    m_cells.clear();
    m_unescaped_used = 0;
    std::int64_t line = m_line;
    const std::size_t n = d.size();
    std::size_t i = 0;
    for (;;)
    {
        if (static_cast<std::int64_t>(m_cells.size()) >= m_limits.max_columns)
        {
            Refuse("csv.too_many_columns",
                   "Line " + std::to_string(m_line) + " has more than " +
                       std::to_string(m_limits.max_columns) + " columns, CoScore's limit.",
                   "Remove the columns that are not needed, or check that the file really is "
                   "comma-separated.",
                   m_line);
        }
        std::string_view value;
        if (i < n && d[i] == '"')
        {
            const std::int64_t field_line = line;
            std::size_t from = i + 1;
            std::size_t close = 0;
            bool doubled = false;
            for (;;)
            {
                const void* quote = std::memchr(d.data() + from, '"', n - from);
                if (quote == nullptr)
                {
                    if (!at_end)
                    {
                        return std::string_view::npos;
                    }
                    Refuse("csv.unterminated_quote",
                           "The quoted field starting on line " + std::to_string(field_line) +
                               " never ends: its closing quote (\") is missing.",
                           "Add the missing quote, or save the file again from the program that "
                           "made it.",
                           field_line);
                }
                close = static_cast<std::size_t>(static_cast<const char*>(quote) - d.data());
                if (close + 1 < n && d[close + 1] == '"')
                {
                    doubled = true;
                    from = close + 2;
                    continue;
                }
                if (close + 1 == n && !at_end)
                {
                    return std::string_view::npos; // "" may straddle the chunk boundary
                }
                break;
            }
            const std::string_view raw = d.substr(i + 1, close - i - 1);
            line += CountLineBreaks(raw);
            value = doubled ? Unescape(raw) : raw;
            i = close + 1;
            if (i < n && d[i] != m_separator && d[i] != '\r' && d[i] != '\n')
            {
                Refuse("csv.text_after_quote",
                       "On line " + std::to_string(line) +
                           ", a quoted field is followed by more text before the next "
                           "separator.",
                       "Put the whole field inside the quotes, and write a quote inside it as "
                       "two quotes (\"\").",
                       line);
            }
        }
        else
        {
            std::size_t k = i;
            while (k < n && !m_stop[static_cast<unsigned char>(d[k])])
            {
                ++k;
            }
            if (k == n && !at_end)
            {
                return std::string_view::npos;
            }
            value = d.substr(i, k - i);
            i = k;
        }
        if (static_cast<std::int64_t>(value.size()) > m_limits.max_field_bytes)
        {
            Refuse("csv.field_too_long",
                   "A field on line " + std::to_string(line) + " holds " +
                       std::to_string(value.size()) + " bytes; CoScore accepts at most " +
                       std::to_string(m_limits.max_field_bytes) + " in one field.",
                   "Shorten the text, or check for a missing quote that joined many lines.", line);
        }
        m_cells.push_back({value.empty() ? CellKind::Empty : CellKind::Text, value});
        if (i == n)
        {
            break; // the last record of a file without a final line break
        }
        if (d[i] == m_separator)
        {
            ++i;
            continue;
        }
        if (d[i] == '\r')
        {
            if (i + 1 == n && !at_end)
            {
                return std::string_view::npos; // is it CR LF?
            }
            i += i + 1 < n && d[i + 1] == '\n' ? 2U : 1U;
        }
        else
        {
            ++i;
        }
        ++line;
        break;
    }
    m_record_line = m_line;
    m_line = line;
    return i;
}

/// Reads the source in chunks into one buffer that keeps the unparsed tail.
class ChunkBuffer
{
public:
    ChunkBuffer(ByteSource& source, const ImportLimits& limits) : m_source(source), m_limits(limits)
    {
    }

    /// Reads until the buffer holds at least `wanted` bytes after the start, or the end.
    void Fill(std::size_t wanted)
    {
        if (m_begin > 0)
        {
            m_data.erase(0, m_begin);
            m_begin = 0;
        }
        while (!m_at_end && m_data.size() < wanted)
        {
            // One byte more than is left, so that the read after it sees the end.
            const std::int64_t left = m_source.Remaining();
            const std::size_t chunk =
                left < 0 ? kChunkBytes : std::min(kChunkBytes, static_cast<std::size_t>(left) + 1);
            const std::size_t old = m_data.size();
            m_data.resize(old + chunk);
            const std::size_t got = m_source.Read(m_data.data() + old, chunk);
            m_data.resize(old + got);
            m_total += static_cast<std::int64_t>(got);
            m_at_end = got == 0;
            if (m_total > m_limits.max_file_bytes)
            {
                throw ImportError("file.too_large",
                                  "The file is larger than " +
                                      std::to_string(m_limits.max_file_bytes >> 20) +
                                      " MiB, CoScore's limit for one import.",
                                  "Split the file into smaller files and import them one by one.");
            }
        }
    }
    /// Everything that is left of the source, for the encodings decoded as a whole.
    std::string TakeAll()
    {
        Fill(static_cast<std::size_t>(m_limits.max_file_bytes) + 1);
        std::string all = m_data.substr(m_begin);
        m_data.clear();
        m_begin = 0;
        return all;
    }

    std::string_view Unread() const { return std::string_view(m_data).substr(m_begin); }
    void Consume(std::size_t n) { m_begin += n; }
    bool AtEnd() const { return m_at_end; }

private:
    ByteSource& m_source;
    const ImportLimits& m_limits;
    std::string m_data;
    std::size_t m_begin = 0;
    std::int64_t m_total = 0;
    bool m_at_end = false;
};

bool StartsWith(std::string_view text, std::string_view prefix)
{
    return text.substr(0, prefix.size()) == prefix;
}

/// Excel's first-line hint "sep=;": returns the separator and skips the line, or 0.
char TakeSepLine(ChunkBuffer& buffer)
{
    const std::string_view text = buffer.Unread();
    if (text.size() < 5 || (text.substr(0, 4) != "sep=" && text.substr(0, 4) != "SEP="))
    {
        return 0;
    }
    std::size_t end = 5;
    if (end < text.size() && text[end] != '\r' && text[end] != '\n')
    {
        throw ImportError("csv.bad_sep_line",
                          "The first line starts with \"sep=\" but does not name one separator "
                          "character.",
                          "Delete the first line, or make it sep=, or sep=; exactly.", 1);
    }
    const char separator = text[4];
    if (separator != ',' && separator != ';' && separator != '\t' && separator != '|')
    {
        throw ImportError("csv.bad_sep_line",
                          "The first line asks for the separator \"" +
                              EscapeForDisplay(text.substr(4, 1)) +
                              "\", which CoScore does not read.",
                          "Save the file with commas (or semicolons) between the fields.", 1);
    }
    end += end < text.size() && text[end] == '\r' ? 1U : 0U;
    end += end < text.size() && text[end] == '\n' ? 1U : 0U;
    buffer.Consume(end);
    return separator;
}

/// Commas, semicolons or tabs: whichever separates more fields outside quotes at the start.
char SniffSeparator(std::string_view text)
{
    text = text.substr(0, kSniffBytes);
    std::size_t commas = 0;
    std::size_t semicolons = 0;
    std::size_t tabs = 0;
    bool quoted = false;
    for (const char c : text)
    {
        quoted = c == '"' ? !quoted : quoted;
        if (!quoted)
        {
            commas += c == ',' ? 1 : 0;
            semicolons += c == ';' ? 1 : 0;
            tabs += c == '\t' ? 1 : 0;
        }
    }
    if (semicolons > commas && semicolons >= tabs)
    {
        return ';';
    }
    return tabs > commas ? '\t' : ',';
}

[[noreturn]] void RefuseBadBytes(std::string_view record, std::size_t offset,
                                 std::int64_t first_line)
{
    const std::int64_t line = first_line + CountLineBreaks(record.substr(0, offset));
    const auto b = static_cast<unsigned char>(record[offset]);
    if (b == 0)
    {
        throw ImportError("csv.nul_byte",
                          "Line " + std::to_string(line) +
                              " contains a NUL byte, which never appears in a text file.",
                          std::string("The file may be damaged or not a CSV file. ") + kSaveAsUtf8,
                          line);
    }
    const char32_t in_1252 = Windows1252CodePoint(b);
    if (b >= 0x80 && in_1252 != 0)
    {
        std::string shown;
        AppendUtf8(shown, in_1252);
        throw ImportError("csv.windows_1252",
                          "The file is not UTF-8: line " + std::to_string(line) + " has byte " +
                              Hex(b) + ", which is \"" + shown +
                              "\" in Windows-1252 (\"ANSI\"), the encoding it was probably "
                              "saved in.",
                          std::string(kSaveAsUtf8) +
                              " Or, if it really is Windows-1252, import it again choosing that "
                              "encoding (--encoding windows-1252).",
                          line);
    }
    throw ImportError("csv.invalid_utf8",
                      "Line " + std::to_string(line) + " has byte " + Hex(b) +
                          ", which is not valid UTF-8 text.",
                      kSaveAsUtf8, line);
}

void CheckRecordBytes(std::string_view record, std::int64_t first_line)
{
    const void* nul = std::memchr(record.data(), 0, record.size());
    const std::size_t nul_at =
        nul == nullptr ? std::string_view::npos
                       : static_cast<std::size_t>(static_cast<const char*>(nul) - record.data());
    const std::size_t bad = FindInvalidUtf8(record);
    const std::size_t first = std::min(nul_at, bad);
    if (first != std::string_view::npos)
    {
        RefuseBadBytes(record, first, first_line);
    }
}

/// UTF-16 that lost its BOM shows as every other byte being NUL.
bool LooksLikeUtf16WithoutBom(std::string_view head)
{
    const std::size_t n = std::min<std::size_t>(head.size(), 64) & ~std::size_t{1};
    std::size_t even = 0;
    std::size_t odd = 0;
    for (std::size_t i = 0; i < n; ++i)
    {
        (i % 2 == 0 ? even : odd) += head[i] == '\0' ? 1U : 0U;
    }
    return n >= 4 && (even * 4 >= n * 3 / 2 || odd * 4 >= n * 3 / 2) && (even == 0 || odd == 0);
}

} // namespace

FileInfo ReadCsv(ByteSource& source, std::int64_t total_bytes, const ReadOptions& options,
                 const RowSink& sink)
{
    const ImportLimits& limits = options.limits;
    if (total_bytes > limits.max_file_bytes)
    {
        throw ImportError("file.too_large",
                          "The file is larger than " + std::to_string(limits.max_file_bytes >> 20) +
                              " MiB, CoScore's limit for one import.",
                          "Split the file into smaller files and import them one by one.");
    }
    FileInfo info;
    info.format = FileFormat::Csv;
    info.encoding = "UTF-8";
    ChunkBuffer raw(source, limits);
    raw.Fill(kSniffBytes);
    const std::string_view head = raw.Unread();
    if (head.empty())
    {
        throw ImportError("file.empty", "The file is empty.",
                          "Choose the file that holds the data, and check that it was saved.");
    }
    // Whole-file decodings keep their text here; plain UTF-8 streams from the source.
    std::string decoded;
    std::unique_ptr<MemorySource> decoded_source;
    const auto decode_all = [&](std::string text, std::string name)
    {
        decoded = std::move(text);
        decoded_source = std::make_unique<MemorySource>(decoded);
        info.encoding = std::move(name);
    };
    if (StartsWith(head, "\xFF\xFE\x00\x00"sv) || StartsWith(head, "\x00\x00\xFE\xFF"sv))
    {
        throw ImportError("csv.utf32", "The file is in UTF-32, which CoScore does not read.",
                          kSaveAsUtf8);
    }
    if (StartsWith(head, "\xFF\xFE") || StartsWith(head, "\xFE\xFF"))
    {
        const bool big_endian = head[0] == '\xFE';
        std::string all = raw.TakeAll();
        decode_all(DecodeUtf16(std::string_view(all).substr(2), big_endian),
                   big_endian ? "UTF-16BE" : "UTF-16LE");
    }
    else if (options.encoding == TextEncoding::Windows1252)
    {
        if (StartsWith(head, "\xEF\xBB\xBF"))
        {
            throw ImportError("csv.bom_says_utf8",
                              "You chose Windows-1252, but the file starts with the mark that "
                              "says it is UTF-8.",
                              "Import it again without choosing an encoding.");
        }
        decode_all(DecodeWindows1252(raw.TakeAll()), "Windows-1252");
    }
    else if (StartsWith(head, "\xEF\xBB\xBF"))
    {
        raw.Consume(3);
        info.encoding = "UTF-8 with BOM";
    }
    else if (LooksLikeUtf16WithoutBom(head))
    {
        throw ImportError("csv.utf16_without_bom",
                          "The file looks like UTF-16 text without the byte-order mark that "
                          "says so.",
                          kSaveAsUtf8);
    }
    ChunkBuffer text(decoded_source ? static_cast<ByteSource&>(*decoded_source) : source, limits);
    ChunkBuffer& buffer = decoded_source ? text : raw;
    buffer.Fill(kSniffBytes);
    if (buffer.Unread().empty())
    {
        throw ImportError("file.empty", "The file is empty apart from its encoding mark.",
                          "Choose the file that holds the data, and check that it was saved.");
    }
    std::int64_t first_line = 1;
    if (const char sep = TakeSepLine(buffer); sep != 0)
    {
        info.separator = sep;
        info.had_sep_line = true;
        first_line = 2;
    }
    else
    {
        info.separator = SniffSeparator(buffer.Unread());
    }
    RecordParser parser(info.separator, limits, first_line);
    for (;;)
    {
        if (buffer.Unread().empty())
        {
            if (buffer.AtEnd())
            {
                break;
            }
            buffer.Fill(kChunkBytes);
            continue;
        }
        const std::string_view unread = buffer.Unread();
        const std::size_t length = parser.Parse(unread, buffer.AtEnd());
        if (length == std::string_view::npos)
        {
            if (static_cast<std::int64_t>(unread.size()) > limits.max_record_bytes)
            {
                throw ImportError(
                    "csv.record_too_long",
                    "The row starting on line " + std::to_string(parser.Line()) +
                        " is longer than " + std::to_string(limits.max_record_bytes >> 20) +
                        " MiB, CoScore's limit.",
                    "Check for a quote that is never closed, or split the data.", parser.Line());
            }
            buffer.Fill(unread.size() + kChunkBytes);
            continue;
        }
        CheckRecordBytes(unread.substr(0, length), parser.RecordLine());
        if (++info.rows_read > limits.max_rows)
        {
            throw ImportError("csv.too_many_rows",
                              "The file has more than " + std::to_string(limits.max_rows) +
                                  " rows, CoScore's limit for one import.",
                              "Split the file into smaller files and import them one by one.",
                              parser.RecordLine());
        }
        const bool more = sink(RowView{parser.RecordLine(), parser.Cells(), &info});
        buffer.Consume(length);
        if (!more)
        {
            break;
        }
    }
    return info;
}

} // namespace coscore::core::imports
