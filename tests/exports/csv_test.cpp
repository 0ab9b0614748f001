// SPDX-License-Identifier: MIT
#include "csv_writer.hpp"
#include "readback.hpp"
#include "temp_dir.hpp"

#include <boost/test/data/monomorphic.hpp>
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <cstdint>
#include <limits>
#include <ostream>
#include <string>

namespace
{

namespace data = boost::unit_test::data;
using coscore::exports::detail::CsvFile;

struct PenceCase
{
    const char* name;
    std::int64_t pence;
    const char* text;
};

std::ostream& operator<<(std::ostream& os, const PenceCase& c)
{
    return os << c.name;
}

const PenceCase kPenceCases[] = {
    {"zero", 0, "0.00"},
    {"a penny", 1, "0.01"},
    {"pounds and pence", 123456, "1234.56"},
    {"whole pounds", 1'500'000, "15000.00"},
    {"negative pence", -5, "-0.05"},
    {"negative pounds", -250'075, "-2500.75"},
    {"the largest amount", std::numeric_limits<std::int64_t>::max(), "92233720368547758.07"},
    {"the smallest amount", std::numeric_limits<std::int64_t>::min(), "-92233720368547758.08"},
};

} // namespace

BOOST_AUTO_TEST_SUITE(Csv)

BOOST_DATA_TEST_CASE(PenceAreWrittenAsExactPounds, data::make(kPenceCases), c)
{
    BOOST_TEST(coscore::exports::detail::PenceToDecimal(c.pence) == c.text);
}

BOOST_AUTO_TEST_CASE(DoublesReadBackExactly)
{
    for (const double value : {0.0, 62.5, 1.0 / 3.0, -0.125, 100.0, 71.42857142857143})
    {
        const std::string text = coscore::exports::detail::DoubleToText(value);
        BOOST_TEST(coscore::test::ToDouble(text) == value);
    }
}

BOOST_AUTO_TEST_CASE(FilesHaveBomCrlfAndEveryFieldQuoted)
{
    coscore::test::TempDir dir;
    const auto path = dir.Path() / "t.csv";
    CsvFile csv(path, path);
    csv.Text("Ref");
    csv.Text("Note");
    csv.EndRecord();
    csv.Text("INN-001");
    csv.Text("said \"yes\",\r\nthen left");
    csv.Pence(123456);
    csv.Number(62.5);
    csv.Integer(7);
    csv.Blank();
    csv.EndRecord();
    csv.Close();
    const std::string bytes = coscore::test::ReadFile(path);
    BOOST_TEST(
        bytes ==
        "\xEF\xBB\xBF\"Ref\",\"Note\"\r\n"
        "\"INN-001\",\"said \"\"yes\"\",\r\nthen left\",\"1234.56\",\"62.5\",\"7\",\"\"\r\n");
    const coscore::test::CsvParse parse = coscore::test::ParseCsv(bytes);
    BOOST_TEST(parse.error.empty());
    BOOST_TEST(parse.rows.size() == 2U);
    BOOST_TEST(parse.rows[1][1] == "said \"yes\",\r\nthen left");
}

BOOST_AUTO_TEST_CASE(TextFieldsAreGuardedNumbersAreNot)
{
    coscore::test::TempDir dir;
    const auto path = dir.Path() / "t.csv";
    CsvFile csv(path, path);
    csv.Text("-5 trees");
    csv.Text("=1+1");
    csv.Number(-0.5);
    csv.Pence(-100);
    csv.EndRecord();
    csv.Close();
    const coscore::test::CsvParse parse = coscore::test::ParseCsv(coscore::test::ReadFile(path));
    BOOST_TEST(parse.rows.at(0).at(0) == "'-5 trees");
    BOOST_TEST(parse.rows.at(0).at(1) == "'=1+1");
    BOOST_TEST(parse.rows.at(0).at(2) == "-0.5");
    BOOST_TEST(parse.rows.at(0).at(3) == "-1.00");
}

BOOST_AUTO_TEST_SUITE_END()
