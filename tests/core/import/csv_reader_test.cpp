// SPDX-License-Identifier: MIT
// The CSV reader: RFC 4180 records, encodings, separators, limits, each fault with its line.
#include <coscore/core/import_reader.hpp>

#include <boost/test/data/monomorphic.hpp>
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <ostream>
#include <string>
#include <vector>

namespace
{

using namespace coscore::core;
namespace data = boost::unit_test::data;

using Rows = std::vector<std::vector<std::string>>;

/// Rows as one printable text: cells in [], one row per line.
std::string Shown(const Rows& rows)
{
    std::string text;
    for (const auto& row : rows)
    {
        for (const std::string& cell : row)
        {
            text += "[" + cell + "]";
        }
        text += "\n";
    }
    return text;
}

struct Read
{
    Rows rows;
    std::vector<std::int64_t> lines;
    FileInfo info;
};

Read ReadCsv(const std::string& bytes, const ReadOptions& options = {})
{
    Read out;
    out.info = ReadTableBytes("test.csv", bytes, options,
                              [&](const RowView& row)
                              {
                                  std::vector<std::string> cells;
                                  for (const CellView& c : row.cells)
                                  {
                                      cells.emplace_back(c.text);
                                  }
                                  out.rows.push_back(std::move(cells));
                                  out.lines.push_back(row.number);
                                  return true;
                              });
    return out;
}

struct GoodCase
{
    const char* name;
    std::string bytes;
    Rows rows;
    std::vector<std::int64_t> lines;
    char separator;

    friend std::ostream& operator<<(std::ostream& os, const GoodCase& c) { return os << c.name; }
};

const std::vector<GoodCase> kGood{
    {"plain LF", "a,b\n1,2\n", {{"a", "b"}, {"1", "2"}}, {1, 2}, ','},
    {"CRLF and no final line break", "a,b\r\n1,2", {{"a", "b"}, {"1", "2"}}, {1, 2}, ','},
    {"old Mac CR line ends", "a,b\r1,2\r", {{"a", "b"}, {"1", "2"}}, {1, 2}, ','},
    {"doubled quotes", "a\n\"say \"\"hi\"\"\"\n", {{"a"}, {"say \"hi\""}}, {1, 2}, ','},
    {"quoted LF, CRLF and CR are data",
     "a,b\n\"1\n2\r\n3\r4\",x\nnext,y\n",
     {{"a", "b"}, {"1\n2\r\n3\r4", "x"}, {"next", "y"}},
     {1, 2, 6},
     ','},
    {"empty fields and a trailing separator", ",a,,\n", {{"", "a", "", ""}}, {1}, ','},
    {"UTF-8 BOM stripped",
     "\xEF\xBB\xBF"
     "a,b\n",
     {{"a", "b"}},
     {1},
     ','},
    {"sep= line honoured", "sep=;\na;b,c\n", {{"a", "b,c"}}, {2}, ';'},
    {"semicolons detected", "a;b;c\n1;2,5;3\n", {{"a", "b", "c"}, {"1", "2,5", "3"}}, {1, 2}, ';'},
    {"tabs detected", "a\tb\n1\t2\n", {{"a", "b"}, {"1", "2"}}, {1, 2}, '\t'},
    {"a quote inside an unquoted field is kept", "5\" screen,x\n", {{"5\" screen", "x"}}, {1}, ','},
    {"UTF-16LE with BOM",
     std::string("\xFF\xFE"
                 "a\0,\0\xA3\0\n\0",
                 10),
     {{"a", "£"}},
     {1},
     ','},
    {"UTF-16BE with BOM", std::string("\xFE\xFF\0a\0,\0b\0\n", 10), {{"a", "b"}}, {1}, ','},
    {"blank lines are rows of one empty field", "a\n\nb\n", {{"a"}, {""}, {"b"}}, {1, 2, 3}, ','},
};

struct BadCase
{
    const char* name;
    std::string bytes;
    const char* code;
    std::int64_t line;

    friend std::ostream& operator<<(std::ostream& os, const BadCase& c) { return os << c.name; }
};

const std::vector<BadCase> kBad{
    {"empty", "", "file.empty", 0},
    {"only a BOM", "\xEF\xBB\xBF", "file.empty", 0},
    {"unterminated quote names its first line", "a\nb\n\"open\nmore\n", "csv.unterminated_quote",
     3},
    {"text after a closing quote", "a\n\"x\"y\n", "csv.text_after_quote", 2},
    {"NUL byte", std::string("a\nb\0c\n", 6), "csv.nul_byte", 2},
    {"Windows-1252 pound sign",
     "a\n\xA3"
     "5\n",
     "csv.windows_1252", 2},
    {"byte undefined in Windows-1252", "a\nb\nc\x81\n", "csv.invalid_utf8", 3},
    {"invalid UTF-8 inside a quoted multi-line field", "a\n\"x\ny\xFF\"\n", "csv.windows_1252", 3},
    {"UTF-16 without its BOM", std::string("a\0,\0b\0\n\0", 8), "csv.utf16_without_bom", 0},
    {"UTF-32", std::string("\xFF\xFE\0\0a\0\0\0", 8), "csv.utf32", 0},
    {"UTF-16 with an unpaired surrogate",
     std::string("\xFF\xFE"
                 "a\0\x00\xD8",
                 6),
     "csv.invalid_utf16", 1},
    {"sep= with an unreadable separator", "sep=#\na#b\n", "csv.bad_sep_line", 1},
};

} // namespace

BOOST_AUTO_TEST_SUITE(CsvReader)

BOOST_DATA_TEST_CASE(ReadsRecordsExactly, data::make(kGood), c)
{
    const Read read = ReadCsv(c.bytes);
    BOOST_TEST(Shown(read.rows) == Shown(c.rows));
    BOOST_TEST(read.lines == c.lines, boost::test_tools::per_element());
    BOOST_TEST(read.info.separator == c.separator);
}

BOOST_DATA_TEST_CASE(RefusesWithItsCodeAndLine, data::make(kBad), c)
{
    try
    {
        ReadCsv(c.bytes);
        BOOST_ERROR("no error for " << c.name);
    }
    catch (const ImportError& e)
    {
        BOOST_TEST(e.Code() == c.code);
        BOOST_TEST(e.Row() == c.line);
        BOOST_TEST(!e.Fix().empty());
    }
}

BOOST_AUTO_TEST_CASE(Windows1252IsDecodedOnlyWhenAsked)
{
    ReadOptions options;
    options.encoding = TextEncoding::Windows1252;
    const Read read = ReadCsv("Caf\xE9,\xA3"
                              "5,\x93quoted\x94\n",
                              options);
    BOOST_TEST(Shown(read.rows) == "[Café][£5][“quoted”]\n");
    BOOST_TEST(read.info.encoding == "Windows-1252");
}

BOOST_AUTO_TEST_CASE(AUtf8FileIsNotReadAsWindows1252EvenWhenAsked)
{
    ReadOptions options;
    options.encoding = TextEncoding::Windows1252;
    BOOST_CHECK_EXCEPTION(ReadCsv("\xEF\xBB\xBF"
                                  "a\n",
                                  options),
                          ImportError,
                          [](const ImportError& e) { return e.Code() == "csv.bom_says_utf8"; });
}

struct LimitCase
{
    const char* name;
    ImportLimits limits;
    std::string bytes;
    const char* code;

    friend std::ostream& operator<<(std::ostream& os, const LimitCase& c) { return os << c.name; }
};

ImportLimits With(std::int64_t ImportLimits::*field, std::int64_t value)
{
    ImportLimits limits;
    limits.*field = value;
    return limits;
}

ImportLimits WithColumns(int columns)
{
    ImportLimits limits;
    limits.max_columns = columns;
    return limits;
}

const std::vector<LimitCase> kLimits{
    {"too many columns", WithColumns(3), "a,b,c,d\n", "csv.too_many_columns"},
    {"a field too long", With(&ImportLimits::max_field_bytes, 4), "abcde\n", "csv.field_too_long"},
    {"a quoted field too long", With(&ImportLimits::max_field_bytes, 4), "\"ab\"\"cd\"\n",
     "csv.field_too_long"},
    {"too many rows", With(&ImportLimits::max_rows, 2), "a\nb\nc\n", "csv.too_many_rows"},
    {"the file too large", With(&ImportLimits::max_file_bytes, 4), "abcdef\n", "file.too_large"},
};

BOOST_DATA_TEST_CASE(EachLimitHasItsNamedError, data::make(kLimits), c)
{
    ReadOptions options;
    options.limits = c.limits;
    BOOST_CHECK_EXCEPTION(ReadCsv(c.bytes, options), ImportError,
                          [&](const ImportError& e) { return e.Code() == c.code; });
}

BOOST_AUTO_TEST_CASE(RecordsAndQuotesAcrossChunkBoundariesAreReadWhole)
{
    // The reader works in 1 MiB chunks: put quotes, doubled quotes, CR LF and multi-byte
    // characters on every offset around the first boundaries.
    std::string bytes = "id,text\n";
    std::vector<std::string> texts;
    for (int i = 0; bytes.size() < (std::size_t{3} << 20); ++i)
    {
        std::string text =
            std::string(static_cast<std::size_t>(i % 977), 'x') + "\"q\"\r\n£é" + std::to_string(i);
        std::string quoted;
        for (const char ch : text)
        {
            quoted += ch == '"' ? "\"\"" : std::string(1, ch);
        }
        bytes += std::to_string(i) + ",\"" + quoted + "\"\r\n";
        texts.push_back(std::move(text));
    }
    const Read read = ReadCsv(bytes);
    BOOST_TEST_REQUIRE(read.rows.size() == texts.size() + 1);
    for (std::size_t i = 0; i < texts.size(); ++i)
    {
        BOOST_TEST_REQUIRE(read.rows[i + 1].at(1) == texts[i]);
    }
}

BOOST_AUTO_TEST_CASE(AReaderCanStopAfterTheRowsItNeeds)
{
    int seen = 0;
    ReadTableBytes("t.csv", "a\nb\nc\nd\n", {},
                   [&](const RowView&)
                   {
                       ++seen;
                       return seen < 2;
                   });
    BOOST_TEST(seen == 2);
}

BOOST_AUTO_TEST_CASE(ColumnLettersCountLikeASpreadsheet)
{
    BOOST_TEST(ColumnLetters(1) == "A");
    BOOST_TEST(ColumnLetters(26) == "Z");
    BOOST_TEST(ColumnLetters(27) == "AA");
    BOOST_TEST(ColumnLetters(16384) == "XFD");
}

BOOST_AUTO_TEST_SUITE_END()
