// SPDX-License-Identifier: MIT
// The XLSX cell mapper's date rules (CONVENTIONS.md §10); reading whole workbooks, hostile and
// honest, is covered by the corpus (hostile_import_test.cpp).
#include "import/xlsx_reader.hpp"

#include <boost/test/data/monomorphic.hpp>
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <ostream>
#include <string>
#include <vector>

namespace
{

namespace data = boost::unit_test::data;
using coscore::core::imports::ExcelSerialToIso;
using coscore::core::imports::IsDateFormat;

struct SerialCase
{
    const char* serial;
    bool date1904;
    const char* iso; ///< empty: no real date

    friend std::ostream& operator<<(std::ostream& os, const SerialCase& c)
    {
        return os << c.serial << (c.date1904 ? " (1904)" : " (1900)");
    }
};

const std::vector<SerialCase> kSerials{
    {"1", false, "1900-01-01"},
    {"59", false, "1900-02-28"},
    {"60", false, ""}, // Excel's 29 February 1900, which never was
    {"61", false, "1900-03-01"},
    {"46082", false, "2026-03-01"},
    {"46082.5", false, "2026-03-01T12:00:00"},
    {"46082.999999999", false, "2026-03-02"},
    {"0.75", false, "18:00:00"},
    {"2958465", false, "9999-12-31"},
    {"2958466", false, ""},
    {"-1", false, ""},
    {"x", false, ""},
    {"0", true, "1904-01-01"},
    {"44620", true, "2026-03-01"},
};

struct FormatCase
{
    int id;
    const char* code;
    bool date;

    friend std::ostream& operator<<(std::ostream& os, const FormatCase& c)
    {
        return os << c.id << " \"" << c.code << "\"";
    }
};

const std::vector<FormatCase> kFormats{
    {14, "", true},
    {22, "", true},
    {45, "", true},
    {0, "", false},
    {9, "", false},
    {164, "dd/mm/yyyy;@", true},
    {165, "[$-F800]dddd, mmmm dd, yyyy", true},
    {166, "h:mm AM/PM", true},
    {167, "[$£-809]#,##0.00", false},
    {168, "0.00 \"days\"", false},
    {169, "#,##0_);[Red](#,##0)", false},
    {170, "General", false},
    {171, "0.00E+00", false},
};

} // namespace

BOOST_AUTO_TEST_SUITE(XlsxReader)

BOOST_DATA_TEST_CASE(DateSerialsBecomeIsoDatesWithExcelsCalendarRules, data::make(kSerials), c)
{
    BOOST_TEST(ExcelSerialToIso(c.serial, c.date1904) == c.iso);
}

BOOST_DATA_TEST_CASE(DateFormatsAreToldByIdOrByTheirCode, data::make(kFormats), c)
{
    BOOST_TEST(IsDateFormat(c.id, c.code) == c.date);
}

BOOST_AUTO_TEST_SUITE_END()
