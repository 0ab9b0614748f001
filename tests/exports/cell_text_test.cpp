// SPDX-License-Identifier: MIT
#include <coscore/exports/cell_text.hpp>

#include <boost/test/data/monomorphic.hpp>
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <ostream>
#include <string>

namespace
{

namespace data = boost::unit_test::data;
using coscore::exports::GuardText;
using coscore::exports::NeedsFormulaGuard;

struct GuardCase
{
    const char* name;
    std::string text;
    std::string guarded;
    bool needs_guard;
};

std::ostream& operator<<(std::ostream& os, const GuardCase& c)
{
    return os << c.name;
}

const GuardCase kGuardCases[] = {
    {"equals", "=1+1", "'=1+1", true},
    {"plus", "+44 1234", "'+44 1234", true},
    {"minus (documented: '-5 trees' too)", "-5 trees", "'-5 trees", true},
    {"at", "@SUM(A1)", "'@SUM(A1)", true},
    {"tab", "\t=1", "'\t=1", true},
    {"carriage return", "\r=1", "'\r=1", true},
    {"line feed", "\n=1", "'\n=1", true},
    {"nul becomes a visible symbol", std::string("\0=1", 3), "'\xE2\x90\x80=1", true},
    {"full-width equals",
     "\xEF\xBC\x9D"
     "1+1",
     "'\xEF\xBC\x9D"
     "1+1",
     true},
    {"full-width plus",
     "\xEF\xBC\x8B"
     "1",
     "'\xEF\xBC\x8B"
     "1",
     true},
    {"apostrophe before a trigger gets one more", "'=1", "''=1", true},
    {"plain text is unchanged", "Hillside Men's Shed", "Hillside Men's Shed", false},
    {"a leading apostrophe alone is unchanged", "'Twas", "'Twas", false},
    {"a space first is not a formula", " =1", " =1", false},
    {"a trigger later is harmless", "Cost = £5", "Cost = £5", false},
    {"empty stays empty", "", "", false},
    {"invalid UTF-8 is replaced, never dropped",
     "a\xFF"
     "b",
     "a\xEF\xBF\xBD"
     "b",
     false},
};

} // namespace

BOOST_AUTO_TEST_SUITE(CellText)

BOOST_DATA_TEST_CASE(GuardPutsOneApostropheBeforeEveryFormulaTrigger, data::make(kGuardCases), c)
{
    BOOST_TEST(GuardText(c.text) == c.guarded);
    BOOST_TEST(NeedsFormulaGuard(c.text) == c.needs_guard);
}

BOOST_AUTO_TEST_CASE(RemovingExactlyOneGuardGivesTheOriginalBack)
{
    for (const char* original : {"=1", "'=1", "''=1", "-2", "'-2", "plain", "'plain"})
    {
        BOOST_TEST_CONTEXT(original)
        {
            std::string guarded = GuardText(original);
            // The re-import rule: a guard followed by a run of apostrophes and a trigger loses one.
            if (guarded.size() > 1 && guarded.front() == '\'' &&
                NeedsFormulaGuard(guarded.substr(1)))
            {
                guarded.erase(0, 1);
            }
            BOOST_TEST(guarded == original);
        }
    }
}

BOOST_AUTO_TEST_CASE(Utf16LengthCountsAstralCharactersTwice)
{
    BOOST_TEST(coscore::exports::Utf16Length("abc") == 3U);
    BOOST_TEST(coscore::exports::Utf16Length("caf\xC3\xA9") == 4U);
    BOOST_TEST(coscore::exports::Utf16Length("\xF0\x9F\x98\x80") == 2U);
}

BOOST_AUTO_TEST_CASE(TextOverTheCellLimitIsCutWithAVisibleMarker)
{
    const std::string text(40'000, 'x');
    const coscore::exports::CellText cell = coscore::exports::PrepareCellText(text);
    BOOST_TEST(cell.truncated);
    BOOST_TEST(cell.original_units == 40'000U);
    BOOST_TEST(coscore::exports::Utf16Length(cell.text) <= coscore::exports::kMaxCellUnits);
    BOOST_TEST(cell.text.ends_with(coscore::exports::kTruncationMarker));
    BOOST_TEST(cell.text.starts_with("xxxx"));
}

BOOST_AUTO_TEST_CASE(TheCutNeverSplitsACharacter)
{
    std::string text;
    for (int i = 0; i < 17'000; ++i)
    {
        text += "\xF0\x9F\x98\x80"; // two UTF-16 units each: 34,000 units
    }
    const coscore::exports::CellText cell = coscore::exports::PrepareCellText(text);
    BOOST_TEST(cell.truncated);
    BOOST_TEST(cell.original_units == 34'000U);
    BOOST_TEST(coscore::exports::Utf16Length(cell.text) <= coscore::exports::kMaxCellUnits);
    const std::string kept =
        cell.text.substr(0, cell.text.size() - coscore::exports::kTruncationMarker.size());
    BOOST_TEST(kept.size() % 4 == 0U);
}

BOOST_AUTO_TEST_CASE(TextAtTheLimitIsKeptWhole)
{
    const std::string text(coscore::exports::kMaxCellUnits, 'y');
    const coscore::exports::CellText cell = coscore::exports::PrepareCellText(text);
    BOOST_TEST(!cell.truncated);
    BOOST_TEST(cell.text == text);
}

BOOST_AUTO_TEST_CASE(EscapeLookAlikesAreEscapedSoExcelShowsThemLiterally)
{
    BOOST_TEST(coscore::exports::PrepareCellText("a_x0041_b").text == "a_x005F_x0041_b");
    BOOST_TEST(coscore::exports::PrepareCellText("snake_case_x").text == "snake_case_x");
}

BOOST_AUTO_TEST_CASE(CellTextIsGuardedLikeCsvText)
{
    BOOST_TEST(coscore::exports::PrepareCellText("=HYPERLINK(\"x\")").text == "'=HYPERLINK(\"x\")");
    BOOST_TEST(coscore::exports::PrepareCellText("Plain").text == "Plain");
}

BOOST_AUTO_TEST_SUITE_END()
