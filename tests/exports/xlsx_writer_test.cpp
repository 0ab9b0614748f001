// SPDX-License-Identifier: MIT
// The xlsx adapter over the libxlsxwriter it was built with (cmake/PinnedXlsxWriter.cmake: the
// pinned 1.1.4 with a zip compression level and emyg_dtoa, or the system's): numbers read back
// as the very doubles written (to 16 digits with the system's), NaN and infinities leave blank
// cells, and streamed workbooks are zipped at the fast level only when the library has one.
#include "readback.hpp"
#include "temp_dir.hpp"
#include "xlsx_writer.hpp"

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

BOOST_AUTO_TEST_SUITE_END()
