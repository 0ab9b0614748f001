// SPDX-License-Identifier: MIT
// Reading on a second thread gives exactly what reading in line gives: the same rows, lines and
// file facts, the same stop, the same error after the same rows; and it never hangs.
#include "import/read_ahead.hpp"
#include "import_fixture.hpp"

#include <coscore/core/import_reader.hpp>

#include <boost/test/unit_test.hpp>

#include <stdexcept>
#include <string>
#include <vector>

namespace
{

using namespace coscore::core;
using coscore::test::TempDir;
using coscore::test::WriteFile;

struct Seen
{
    std::vector<std::string> rows; ///< each row's cells joined with '|'
    std::vector<std::int64_t> numbers;
    FileInfo info;
    std::string error_code;
};

/// A sink that records rows and asks to stop after `stop_after` of them (0: never).
RowSink Recorder(Seen& seen, std::size_t stop_after = 0)
{
    return [&seen, stop_after](const RowView& row)
    {
        std::string joined;
        for (const CellView& c : row.cells)
        {
            joined += std::string(c.text) + "|";
        }
        seen.rows.push_back(joined);
        seen.numbers.push_back(row.number);
        return stop_after == 0 || seen.rows.size() < stop_after;
    };
}

/// Reads the file from disk (the read-ahead path for files of 1 MiB and more).
Seen ReadFromDisk(const std::string& path, std::size_t stop_after = 0)
{
    Seen seen;
    try
    {
        seen.info = ReadTableRows(path, {}, Recorder(seen, stop_after));
    }
    catch (const ImportError& e)
    {
        seen.error_code = e.Code();
    }
    return seen;
}

/// Reads the same bytes in line (in memory: never read ahead).
Seen ReadInLine(const std::string& bytes, std::size_t stop_after = 0)
{
    Seen seen;
    try
    {
        seen.info = ReadTableBytes("in-line.csv", bytes, {}, Recorder(seen, stop_after));
    }
    catch (const ImportError& e)
    {
        seen.error_code = e.Code();
    }
    return seen;
}

/// About 3 MiB of CSV with a BOM, quoted commas, quoted line breaks and non-Latin text.
std::string LargeCsv(int rows)
{
    std::string csv = "\xEF\xBB\xBF"
                      "bid_id,organisation,summary\r\n";
    for (int i = 0; i < rows; ++i)
    {
        csv += "B" + std::to_string(i) + ",\"Org, " + std::to_string(i) +
               "\",\"line one\nline two \xE2\x80\x94 \xE6\x97\xA5\xE6\x9C\xAC\"\r\n";
    }
    return csv;
}

void RequireSame(const Seen& ahead, const Seen& in_line)
{
    BOOST_TEST(ahead.rows.size() == in_line.rows.size());
    BOOST_TEST((ahead.rows == in_line.rows));
    BOOST_TEST((ahead.numbers == in_line.numbers));
    BOOST_TEST(ahead.info.encoding == in_line.info.encoding);
    BOOST_TEST(ahead.info.separator == in_line.info.separator);
    BOOST_TEST(ahead.info.rows_read == in_line.info.rows_read);
    BOOST_TEST(ahead.error_code == in_line.error_code);
}

} // namespace

BOOST_AUTO_TEST_SUITE(ReadAhead)

BOOST_AUTO_TEST_CASE(LargeFileGivesTheSameRowsAsReadingInLine)
{
    TempDir dir;
    const std::string bytes = LargeCsv(60'000);
    BOOST_REQUIRE(bytes.size() > 2U << 20);
    WriteFile(dir.File("large.csv"), bytes);
    const Seen ahead = ReadFromDisk(dir.File("large.csv"));
    RequireSame(ahead, ReadInLine(bytes));
    BOOST_TEST(ahead.rows.size() == 60'001U);
    BOOST_TEST(ahead.info.encoding == "UTF-8 with BOM");
}

BOOST_AUTO_TEST_CASE(StoppingEarlyStopsAtTheSameRow)
{
    TempDir dir;
    const std::string bytes = LargeCsv(60'000);
    WriteFile(dir.File("large.csv"), bytes);
    for (const std::size_t stop : {std::size_t{1}, std::size_t{10}, std::size_t{4096},
                                   std::size_t{4097}, std::size_t{30'000}})
    {
        BOOST_TEST_CONTEXT("stop after " << stop)
        {
            const Seen ahead = ReadFromDisk(dir.File("large.csv"), stop);
            RequireSame(ahead, ReadInLine(bytes, stop));
            BOOST_TEST(ahead.rows.size() == stop);
        }
    }
}

BOOST_AUTO_TEST_CASE(AnErrorArrivesAfterEveryRowReadBeforeIt)
{
    TempDir dir;
    // A quote never closed on the last row, and a NUL byte in the middle of the file.
    const std::string open_quote = LargeCsv(40'000) + "B-last,\"never closed\n";
    std::string nul = LargeCsv(40'000);
    nul[nul.size() / 2] = '\0';
    for (const std::string& bytes : {open_quote, nul})
    {
        WriteFile(dir.File("bad.csv"), bytes);
        const Seen ahead = ReadFromDisk(dir.File("bad.csv"));
        BOOST_TEST(!ahead.error_code.empty());
        RequireSame(ahead, ReadInLine(bytes));
        BOOST_TEST(ahead.rows.size() > 1000U);
    }
}

BOOST_AUTO_TEST_CASE(AThrowingSinkStopsTheReaderAndTheErrorReachesTheCaller)
{
    int rows_read = 0;
    const auto endless = [&](const RowSink& sink)
    {
        const std::vector<CellView> cells{{CellKind::Text, "x"}};
        FileInfo info;
        while (sink(RowView{++rows_read, cells, &info}))
        {
        }
        return info;
    };
    int seen = 0;
    BOOST_CHECK_THROW(imports::ReadAhead(endless,
                                         [&](const RowView&)
                                         {
                                             if (++seen == 5000)
                                             {
                                                 throw std::runtime_error("checker failed");
                                             }
                                             return true;
                                         }),
                      std::runtime_error);
    BOOST_TEST(seen == 5000);
    // The reader stops within the few batches it may read ahead of the checker.
    BOOST_TEST(rows_read < 5000 + 6 * 4096);
}

BOOST_AUTO_TEST_CASE(AReaderErrorBeforeAnyRowReachesTheCaller)
{
    const auto failing = [](const RowSink&) -> FileInfo
    { throw ImportError("file.empty", "The file is empty.", "Choose another file."); };
    int seen = 0;
    BOOST_CHECK_THROW(imports::ReadAhead(failing,
                                         [&](const RowView&)
                                         {
                                             ++seen;
                                             return true;
                                         }),
                      ImportError);
    BOOST_TEST(seen == 0);
}

BOOST_AUTO_TEST_SUITE_END()
