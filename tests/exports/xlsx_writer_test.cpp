// SPDX-License-Identifier: MIT
// The xlsx adapter over the libxlsxwriter it was built with (cmake/PinnedXlsxWriter.cmake: the
// pinned 1.1.4 with a zip compression level, threads for packaging and emyg_dtoa, or the
// system's): numbers read back as the very doubles written (to 16 digits with the system's), NaN
// and infinities leave blank cells, streamed workbooks are zipped at the fast level only when the
// library has one, and zipping their sheets on two threads gives the same file as on one.
#include "readback.hpp"
#include "temp_dir.hpp"
#include "xlsx_writer.hpp"

#include <coscore/exports/export_error.hpp>

#include <boost/test/unit_test.hpp>

#include <array>
#include <cstdint>
#include <fstream>
#include <limits>
#include <string>

namespace
{

namespace fs = std::filesystem;
using coscore::exports::detail::Style;
using coscore::exports::detail::XlsxWorkbook;

/// Values a scoring export meets, and some %.16G rounded (0.1 + 0.2, a total of 19.999...).
const std::array<double, 9> kExactValues{
    0.1 + 0.2, 19.999999999999996, 62.166666666666667, 123456.78, -45.5, 1e21, 1e-7, 1.0 / 3.0,
    5000.0};

const std::array<double, 3> kNonFinite{std::numeric_limits<double>::quiet_NaN(),
                                       std::numeric_limits<double>::infinity(),
                                       -std::numeric_limits<double>::infinity()};

void WriteNumbers(const fs::path& file, bool constant_memory, const fs::path& temp)
{
    XlsxWorkbook book(file, file, constant_memory, temp);
    auto& sheet = book.AddSheet("Numbers");
    int row = 0;
    for (const double value : kExactValues)
    {
        sheet.WriteNumber(row++, 0, value, Style::Decimal);
    }
    for (const double value : kNonFinite)
    {
        sheet.WriteNumber(row++, 0, value, Style::Decimal);
    }
    sheet.WriteNumber(row, 0, 1.0, Style::Count); // a last value after the blanks
    book.Close();
}

/// A streamed workbook of several sheets with what CoScore's sheets have: title rows, a header
/// with its own height, numbers, text, blanks, moderated and muted cells, widths, a frozen
/// header and an autofilter. `threads` > 1 zips the sheets two at a time (pinned build).
void WriteSheets(const fs::path& file, const fs::path& temp, int threads, int rows)
{
    XlsxWorkbook book(file, file, true, temp, threads);
    coscore::exports::detail::DocumentInfo info;
    info.title = "Sheets";
    info.created = 1773482400; // pinned, so that two files can be the same
    book.SetDocument(info);
    for (int s = 0; s < 5; ++s)
    {
        auto& sheet = book.AddSheet("Sheet " + std::to_string(s + 1));
        static_cast<void>(
            sheet.WriteText(0, 0, "Criterion " + std::to_string(s + 1), Style::Title));
        static_cast<void>(sheet.WriteText(1, 0, "Scale 1-5", Style::Note));
        sheet.SetRowHeight(3, 30.0);
        for (int col = 0; col < 8; ++col)
        {
            static_cast<void>(
                sheet.WriteText(3, col, "Member " + std::to_string(col), Style::Header));
        }
        for (int row = 4; row < 4 + rows; ++row)
        {
            static_cast<void>(sheet.WriteText(row, 0, "REF-" + std::to_string(row), Style::Text));
            sheet.WriteNumber(row, 1, row % 97, Style::Count);
            for (int col = 2; col < 8; ++col)
            {
                const int kind = (row * 7 + col * 3 + s) % 23;
                if (kind == 0)
                {
                    static_cast<void>(
                        sheet.WriteText(row, col, "Interest declared", Style::MutedWrap));
                }
                else if (kind == 1)
                {
                    sheet.WriteNumber(row, col, 3, Style::ModeratedCount);
                }
                else if (kind != 2)
                {
                    sheet.WriteNumber(row, col, (row + col) % 6, Style::Default);
                }
            }
        }
        for (int col = 0; col < 8; ++col)
        {
            sheet.SetColumnWidth(col, col == 0 ? 12.0 : 9.0);
        }
        sheet.FreezeRows(4);
        sheet.AutoFilter(3, 0, 3 + rows, 7);
    }
    book.Close();
}

/// Python's zipfile: every member's CRC checks (testzip()).
bool ZipTests(const fs::path& file)
{
    return coscore::test::Run(std::string(COSCORE_PYTHON3) +
                              " -c 'import sys, zipfile; "
                              "sys.exit(zipfile.ZipFile(sys.argv[1]).testzip() is not None)' '" +
                              file.string() + "'") == 0;
}

/// General-purpose flags of the first local header: minizip sets bits 1-2 to 0b11 for level 1.
std::uint16_t FirstEntryFlags(const fs::path& file)
{
    std::ifstream in(file, std::ios::binary);
    std::array<unsigned char, 8> head{};
    in.read(reinterpret_cast<char*>(head.data()), head.size());
    BOOST_REQUIRE(in && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4);
    return static_cast<std::uint16_t>(head[6] | (head[7] << 8));
}

} // namespace

BOOST_AUTO_TEST_SUITE(XlsxWriter)

BOOST_AUTO_TEST_CASE(NumbersReadBackExactlyAndNonFiniteOnesAreBlank)
{
    coscore::test::TempDir dir;
    for (const bool streamed : {false, true})
    {
        BOOST_TEST_CONTEXT((streamed ? "streamed" : "in memory"))
        {
            const fs::path file = dir.Path() / (streamed ? "streamed.xlsx" : "memory.xlsx");
            WriteNumbers(file, streamed, dir.Path());
            const auto dump = coscore::test::ReadXlsx(file);
            const auto& sheet = dump.Sheet("Numbers");
            int row = 1; // openpyxl counts from 1
            for (const double value : kExactValues)
            {
                const auto* cell = sheet.At(row++, 1);
                BOOST_REQUIRE(cell != nullptr);
                BOOST_TEST(cell->kind == 'n');
#ifdef COSCORE_XLSX_COMPRESSION_LEVEL
                // The pinned build's emyg_dtoa writes a round-trip text of every double.
                BOOST_TEST(cell->Number() == value, "row " << row - 1 << ": " << cell->value);
#else
                // The system library's "%.16G" rounds to 16 significant digits.
                BOOST_TEST(cell->Number() == value, boost::test_tools::tolerance(1e-15));
#endif
            }
            for (std::size_t i = 0; i < kNonFinite.size(); ++i)
            {
                BOOST_TEST(sheet.Text(row++, 1).empty());
            }
            BOOST_TEST(sheet.Text(row, 1) == "1.0");
        }
    }
}

BOOST_AUTO_TEST_CASE(StreamedWorkbooksAreZippedFastWhenTheLibraryAllowsIt)
{
    coscore::test::TempDir dir;
    WriteNumbers(dir.Path() / "streamed.xlsx", true, dir.Path());
    WriteNumbers(dir.Path() / "memory.xlsx", false, dir.Path());
    constexpr std::uint16_t kLevelBits = 0x6;
    BOOST_TEST((FirstEntryFlags(dir.Path() / "memory.xlsx") & kLevelBits) == 0); // level 6
#ifdef COSCORE_XLSX_COMPRESSION_LEVEL
    BOOST_TEST((FirstEntryFlags(dir.Path() / "streamed.xlsx") & kLevelBits) == kLevelBits);
#else
    BOOST_TEST((FirstEntryFlags(dir.Path() / "streamed.xlsx") & kLevelBits) == 0);
#endif
}

BOOST_AUTO_TEST_CASE(SheetsZippedOnTwoThreadsAreTheSameFileAsOnOne)
{
    coscore::test::TempDir dir;
    const fs::path one = dir.Path() / "one.xlsx";
    const fs::path two = dir.Path() / "two.xlsx";
    WriteSheets(one, dir.Path(), 1, 4'000);
    WriteSheets(two, dir.Path(), 2, 4'000);
    BOOST_TEST(ZipTests(one));
    BOOST_TEST(ZipTests(two));
    for (int s = 1; s <= 5; ++s)
    {
        const std::string part = "xl/worksheets/sheet" + std::to_string(s) + ".xml";
        BOOST_TEST_CONTEXT(part)
        {
            const std::string xml = coscore::test::ReadZipPart(two, part, dir.Path());
            BOOST_TEST(xml.size() > 100'000U);
            BOOST_TEST((xml == coscore::test::ReadZipPart(one, part, dir.Path())));
        }
    }
    // Same deflate stream, CRC, sizes and headers: the same bytes.
    BOOST_TEST((coscore::test::ReadFile(one) == coscore::test::ReadFile(two)));
}

#ifdef COSCORE_XLSX_PACKAGER_THREADS
BOOST_AUTO_TEST_CASE(ASheetThatCannotBeWrittenWholeFailsTheThreadedSave)
{
    // No file may grow past 256 KiB while the workbook is saved (RLIMIT_FSIZE; SIGXFSZ ignored,
    // so writes fail with EFBIG): the packager's thread cannot write a sheet's XML whole. That
    // must come back as LXW_ERROR_CREATING_TMPFILE, not as a cut sheet or a hang. (The
    // one-by-one packager does not notice: libxlsxwriter ignores failed writes to its
    // temporary files.)
    coscore::test::TempDir dir;
    const fs::path file = dir.Path() / "limited.xlsx";
    XlsxWorkbook book(file, file, true, dir.Path(), 2);
    for (int s = 0; s < 4; ++s)
    {
        auto& sheet = book.AddSheet("Sheet " + std::to_string(s + 1));
        for (int row = 0; row < 20'000; ++row)
        {
            sheet.WriteNumber(row, 0, row, Style::Count);
            sheet.WriteNumber(row, 1, row * 0.5, Style::Default);
        }
    }
    int code = 0;
    std::string message;
    {
        coscore::test::FileSizeLimit limit;
        limit.Arm(256 * 1024);
        try
        {
            book.Close();
        }
        catch (const coscore::exports::ExportError& e)
        {
            code = e.LibraryCode();
            message = e.what();
        }
    }
    BOOST_TEST(code != 0);
    BOOST_TEST(message.find("The temporary folder " + dir.Path().string()) != std::string::npos,
               message);
}
#endif

BOOST_AUTO_TEST_SUITE_END()
