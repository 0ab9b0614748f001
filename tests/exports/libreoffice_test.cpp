// SPDX-License-Identifier: MIT
// Every export opened by LibreOffice headless (a second, independent reader) and its values
// compared with the reconciliation; formulas are only ever our totals.
#include "written.hpp"

#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <cmath>
#include <memory>
#include <regex>
#include <string>

namespace
{

using coscore::test::Close;
using coscore::test::CsvRows;
using coscore::test::WrittenFixture;

/// The conversions of every xlsx of the fixture, once per run (LibreOffice takes seconds).
struct Converted
{
    coscore::test::TempDir work;
    std::map<std::string, std::map<std::string, CsvRows>> values;
    std::map<std::string, std::map<std::string, CsvRows>> formulas;
};

const Converted& Conversions()
{
    static const std::unique_ptr<Converted> converted = []
    {
        auto c = std::make_unique<Converted>();
        const auto& w = WrittenFixture();
        const std::vector<std::filesystem::path> files{w.awards, w.matrix, w.report_file,
                                                       w.feedback, w.audit};
        c->values = coscore::test::ConvertWithLibreOffice(files, c->work.Path(), false);
        c->formulas = coscore::test::ConvertWithLibreOffice(files, c->work.Path(), true);
        return c;
    }();
    return *converted;
}

/// Row and column of the first cell reading `text`, searching from the top.
std::pair<std::size_t, std::size_t> Find(const CsvRows& rows, std::string_view text)
{
    for (std::size_t r = 0; r < rows.size(); ++r)
    {
        for (std::size_t c = 0; c < rows[r].size(); ++c)
        {
            if (rows[r][c] == text)
            {
                return {r, c};
            }
        }
    }
    BOOST_FAIL("no cell reads '" << text << "'");
    return {0, 0};
}

std::size_t ColumnIn(const std::vector<std::string>& row, std::string_view header)
{
    for (std::size_t c = 0; c < row.size(); ++c)
    {
        if (row[c] == header)
        {
            return c;
        }
    }
    BOOST_FAIL("no column '" << header << "'");
    return 0;
}

/// The row whose column `ref_col` holds the bid's reference.
const std::vector<std::string>& RowOfBid(const CsvRows& rows, std::size_t ref_col,
                                         const coscore::test::Fixture& fx,
                                         coscore::scoring::Key bid)
{
    const std::string& ref = coscore::test::BidOf(fx, bid).ref;
    const auto row =
        std::find_if(rows.begin(), rows.end(), [&](const auto& x) { return x.at(ref_col) == ref; });
    BOOST_REQUIRE_MESSAGE(row != rows.end(), "no row for " << ref);
    return *row;
}

} // namespace

BOOST_AUTO_TEST_SUITE(LibreOffice)

BOOST_AUTO_TEST_CASE(EveryExportOpensWithEverySheet)
{
    const auto& w = WrittenFixture();
    const auto& c = Conversions();
    const std::vector<std::pair<std::string, const coscore::test::XlsxDump*>> files{
        {"awards.xlsx", &w.Awards()},
        {"matrix.xlsx", &w.Matrix()},
        {"report.xlsx", &w.Report()},
        {"feedback.xlsx", &w.Feedback()},
        {"audit.xlsx", &w.Audit()}};
    for (const auto& [name, dump] : files)
    {
        BOOST_TEST_CONTEXT(name)
        {
            BOOST_REQUIRE(c.values.count(name) == 1U);
            BOOST_TEST(c.values.at(name).size() == dump->sheets.size());
            for (const auto& sheet : dump->sheets)
            {
                BOOST_TEST(c.values.at(name).count(sheet.name) == 1U, sheet.name);
            }
        }
    }
}

BOOST_AUTO_TEST_CASE(AwardListValuesMatchTheReconciliation)
{
    const auto& w = WrittenFixture();
    const auto& fx = w.fixture;
    for (const auto& fund : fx.result.funds)
    {
        const std::string name = fund.fund == 1 ? "Innovation Fund" : "Sustainability Fund";
        const CsvRows& rows = Conversions().values.at("awards.xlsx").at(name);
        const auto [header, first] = Find(rows, "Rank");
        const std::size_t ref = ColumnIn(rows[header], "Ref");
        const std::size_t awarded = ColumnIn(rows[header], "Awarded");
        const std::size_t mean = ColumnIn(rows[header], "Mean score");
        for (std::size_t i = 0; i < fund.bids.size(); ++i)
        {
            const auto& r = fund.bids[i];
            const auto& row = rows.at(header + 1 + i);
            BOOST_TEST(row.at(ref) == coscore::test::BidOf(fx, r.bid).ref);
            BOOST_TEST(coscore::test::ToDouble(row.at(awarded)) ==
                       static_cast<double>(r.award_pence) / 100.0);
            if (r.figures.mean)
            {
                BOOST_TEST(std::abs(coscore::test::ToDouble(row.at(mean)) - *r.figures.mean) <
                           1e-9);
            }
        }
        // LibreOffice's own value of the Remaining formula.
        const auto [remaining_row, label] = Find(rows, "Remaining");
        BOOST_TEST(coscore::test::ToDouble(rows[remaining_row].at(awarded)) ==
                   static_cast<double>(fund.remaining_pence) / 100.0);
    }
}

BOOST_AUTO_TEST_CASE(MatrixTotalsMatchTheMemberTotals)
{
    const auto& fx = WrittenFixture().fixture;
    const CsvRows& rows = Conversions().values.at("matrix.xlsx").at("Totals");
    const auto [header, first] = Find(rows, "Organisation");
    const std::size_t ref = ColumnIn(rows[header], "Ref");
    for (const auto& fund : fx.result.funds)
    {
        for (const auto& r : fund.bids)
        {
            const auto& row = RowOfBid(rows, ref, fx, r.bid);
            for (const auto& total : r.members)
            {
                const std::size_t col =
                    ColumnIn(rows[header], coscore::test::MemberOf(fx, total.member).name);
                if (total.total)
                {
                    BOOST_TEST(std::abs(coscore::test::ToDouble(row.at(col)) - *total.total) <
                               1e-9);
                }
                else if (total.missing == coscore::scoring::MissingReason::Interest)
                {
                    BOOST_TEST(row.at(col) == "Interest declared");
                }
            }
        }
    }
}

BOOST_AUTO_TEST_CASE(ReportFiguresMatchTheReconciliation)
{
    const auto& fx = WrittenFixture().fixture;
    const CsvRows& rows = Conversions().values.at("report.xlsx").at("Bid figures");
    const auto [header, first] = Find(rows, "Olympic mean");
    const std::size_t ref = ColumnIn(rows[header], "Ref");
    const std::size_t sd = ColumnIn(rows[header], "SD");
    for (const auto& fund : fx.result.funds)
    {
        for (const auto& r : fund.bids)
        {
            const auto& row = RowOfBid(rows, ref, fx, r.bid);
            if (r.figures.sd)
            {
                BOOST_TEST(std::abs(coscore::test::ToDouble(row.at(sd)) - *r.figures.sd) < 1e-9);
            }
        }
    }
}

BOOST_AUTO_TEST_CASE(TheOnlyFormulasAreOurTotals)
{
    // A formula is SUM over a column range or the difference of two cells: never any text.
    const std::regex ours(R"(=SUM\([A-Z]+[0-9]+:[A-Z]+[0-9]+\)|=[A-Z]+[0-9]+-[A-Z]+[0-9]+)");
    std::size_t formulas = 0;
    for (const auto& [file, sheets] : Conversions().formulas)
    {
        for (const auto& [sheet, rows] : sheets)
        {
            for (const auto& row : rows)
            {
                for (const auto& cell : row)
                {
                    if (cell.starts_with("="))
                    {
                        BOOST_TEST(std::regex_match(cell, ours),
                                   file << "/" << sheet << ": " << cell);
                        ++formulas;
                    }
                }
            }
        }
    }
    BOOST_TEST(formulas >= 10U); // the totals are there, so the check above means something
}

BOOST_AUTO_TEST_SUITE_END()
