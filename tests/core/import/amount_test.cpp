// SPDX-License-Identifier: MIT
// Amounts of money into integer pence under the written en-GB policy (RELIABILITY.md §3).
#include <coscore/core/import_amount.hpp>

#include <boost/test/data/monomorphic.hpp>
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <ostream>
#include <string>
#include <vector>

namespace
{

using namespace coscore::core;
using coscore::scoring::Pence;
namespace data = boost::unit_test::data;

struct AmountCase
{
    const char* text;
    bool decimal_comma;
    Pence pence;
    AmountFault fault;

    friend std::ostream& operator<<(std::ostream& os, const AmountCase& c)
    {
        return os << "\"" << c.text << "\"" << (c.decimal_comma ? " with decimal commas" : "");
    }
};

const std::vector<AmountCase> kTyped{
    {"1234.5", false, 123450, AmountFault::None},
    {"1,234.50", false, 123450, AmountFault::None},
    {"£1,234.50", false, 123450, AmountFault::None},
    {"£ 1234", false, 123400, AmountFault::None},
    {"  0.07 ", false, 7, AmountFault::None},
    {"1234.500", false, 123450, AmountFault::None},
    {"1,234,567.89", false, 123456789, AmountFault::None},
    {"0", false, 0, AmountFault::None},
    {"00012", false, 1200, AmountFault::None},
    {"1.234,50", true, 123450, AmountFault::None},
    {"£1.234,5", true, 123450, AmountFault::None},
    {"99,05", true, 9905, AmountFault::None},
    {"", false, 0, AmountFault::Empty},
    {"   ", false, 0, AmountFault::Empty},
    {"-5", false, 0, AmountFault::Negative},
    {"(5.00)", false, 0, AmountFault::Negative},
    {"£-5", false, 0, AmountFault::Negative},
    {"=1+1", false, 0, AmountFault::Formula},
    {"+5", false, 0, AmountFault::Formula},
    {"@SUM(A1)", false, 0, AmountFault::Formula},
    {"NaN", false, 0, AmountFault::NotFinite},
    {"inf", false, 0, AmountFault::NotFinite},
    {"1e3", false, 0, AmountFault::Exponent},
    {"1.5E2", false, 0, AmountFault::Exponent},
    {"0x10", false, 0, AmountFault::Hex},
    {"١٢٣", false, 0, AmountFault::NonAsciiDigits},
    {"１２３", false, 0, AmountFault::NonAsciiDigits},
    {"12O", false, 0, AmountFault::LetterForDigit},
    {"l00", false, 0, AmountFault::LetterForDigit},
    {"1.234", false, 0, AmountFault::SubPenny},
    {"0.001", false, 0, AmountFault::SubPenny},
    {"1,23", false, 0, AmountFault::WrongDecimalMark},
    {"1234,50", false, 0, AmountFault::WrongDecimalMark},
    {"1234.50", true, 0, AmountFault::WrongDecimalMark},
    {"12,34,567", false, 0, AmountFault::Grouping},
    {"1,2345", false, 0, AmountFault::Grouping},
    {"1,234.5.6", false, 0, AmountFault::Grouping},
    {"1000000000000", false, 0, AmountFault::TooLarge},
    {"99999999999999999999999", false, 0, AmountFault::TooLarge},
    {".5", false, 0, AmountFault::NotANumber},
    {"12.", false, 0, AmountFault::NotANumber},
    {"ten", false, 0, AmountFault::NotANumber},
    {"€5", false, 0, AmountFault::NotANumber},
    {"1 234", false, 0, AmountFault::NotANumber},
};

struct StoredCase
{
    const char* stored;
    Pence pence;
    AmountFault fault;

    friend std::ostream& operator<<(std::ostream& os, const StoredCase& c)
    {
        return os << c.stored;
    }
};

const std::vector<StoredCase> kStored{
    {"1234.5", 123450, AmountFault::None},
    {"1234.4999999999998", 123450, AmountFault::None}, // Excel shows 15 significant digits
    {"0.30000000000000004", 30, AmountFault::None},
    {"1.2345E3", 123450, AmountFault::None},
    {"5E-1", 50, AmountFault::None},
    {"-0", 0, AmountFault::None},
    {"0.001", 0, AmountFault::SubPenny},
    {"1234.567", 0, AmountFault::SubPenny},
    {"-5", 0, AmountFault::Negative},
    {"1E+20", 0, AmountFault::TooLarge},
    {"abc", 0, AmountFault::NotANumber},
    {"1e99999", 0, AmountFault::NotANumber},
};

} // namespace

BOOST_AUTO_TEST_SUITE(Amounts)

BOOST_DATA_TEST_CASE(TypedAmountsBecomePenceOrNameTheirFault, data::make(kTyped), c)
{
    const ParsedAmount parsed = ParseAmountText(c.text, {c.decimal_comma});
    BOOST_TEST(static_cast<int>(parsed.fault) == static_cast<int>(c.fault));
    BOOST_TEST(parsed.pence == c.pence);
    BOOST_TEST(!ExplainAmountFault(parsed.fault).empty());
}

BOOST_DATA_TEST_CASE(StoredNumbersAreReadAsExcelShowsThem, data::make(kStored), c)
{
    const ParsedAmount parsed = ParseAmountNumber(c.stored);
    BOOST_TEST(static_cast<int>(parsed.fault) == static_cast<int>(c.fault));
    BOOST_TEST(parsed.pence == c.pence);
}

BOOST_AUTO_TEST_CASE(ThePlainFormReadsBackToTheSamePence)
{
    for (Pence pence : {Pence{0}, Pence{1}, Pence{9}, Pence{10}, Pence{99}, Pence{100},
                        Pence{123450}, Pence{1'000'000'00}, kMaxAmountPence})
    {
        BOOST_TEST_CONTEXT(pence)
        {
            BOOST_TEST(ParseAmountText(FormatAmountPlain(pence)).pence == pence);
            BOOST_TEST(ParseAmountNumber(FormatAmountPlain(pence)).pence == pence);
        }
    }
    BOOST_TEST(FormatAmountPlain(123405) == "1234.05");
}

BOOST_AUTO_TEST_SUITE_END()
