// SPDX-License-Identifier: MIT
// The feedback sheet and the audit log read back with openpyxl, and every CSV file checked
// against RFC 4180 and the figures.
#include "written.hpp"

#include <coscore/exports/cell_text.hpp>

#include <boost/test/data/monomorphic.hpp>
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <string>

namespace
{

namespace data = boost::unit_test::data;
using coscore::test::DumpSheet;
using coscore::test::WrittenFixture;

const char* const kCsvFiles[] = {
    "awards.csv",      "awards_summary.csv", "matrix_totals.csv",      "matrix_scores.csv",
    "report_bids.csv", "report_flags.csv",   "report_reliability.csv", "report_voices.csv",
    "feedback.csv",    "audit_log.csv"};

std::size_t ColumnIndex(const std::vector<std::string>& header, std::string_view name)
{
    const auto it = std::find(header.begin(), header.end(), name);
    BOOST_REQUIRE(it != header.end());
    return static_cast<std::size_t>(it - header.begin());
}

} // namespace

BOOST_AUTO_TEST_SUITE(FeedbackSheet)

BOOST_AUTO_TEST_CASE(OneRowPerBidFromTheFirstRowForMailMerge)
{
    const auto& w = WrittenFixture();
    const auto& fx = w.fixture;
    const DumpSheet& sheet = w.Feedback().sheets.at(0);
    BOOST_TEST(sheet.Text(1, 1) == "Reference");
    BOOST_TEST(sheet.LastRow() == 1 + static_cast<int>(fx.round.bids.size()));
    for (const auto& fund : fx.result.funds)
    {
        for (const auto& r : fund.bids)
        {
            const auto& bid = coscore::test::BidOf(fx, r.bid);
            const int row = sheet.RowWhere(1, bid.ref);
            BOOST_TEST_CONTEXT(bid.ref)
            {
                BOOST_REQUIRE(row > 0);
                BOOST_TEST(sheet.At(row, sheet.ColumnOf(1, "Amount awarded"))->Number() ==
                           static_cast<double>(r.award_pence) / 100.0);
                const auto decision =
                    std::find_if(fx.round.decisions.begin(), fx.round.decisions.end(),
                                 [&](const auto& d) { return d.bid == r.bid; });
                if (decision != fx.round.decisions.end())
                {
                    BOOST_TEST(sheet.Text(row, sheet.ColumnOf(1, "Feedback")) ==
                               decision->feedback);
                }
            }
        }
    }
    const int inn4 = sheet.RowWhere(1, "INN-004");
    BOOST_TEST(sheet.Text(inn4, sheet.ColumnOf(1, "Amount awarded text")) == "\xC2\xA3"
                                                                             "10,000.00");
    BOOST_TEST(sheet.Text(inn4, sheet.ColumnOf(1, "Amount requested text")) == "\xC2\xA3"
                                                                               "15,000.00");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(AuditLog)

BOOST_AUTO_TEST_CASE(EveryEntryWithItsHashAndTheChainHead)
{
    const auto& w = WrittenFixture();
    const auto& audit = w.fixture.audit;
    const DumpSheet& sheet = w.Audit().sheets.at(0);
    const int header = sheet.HeaderRow({"Seq", "When (UTC)", "Who", "Action", "Detail", "Hash"});
    BOOST_REQUIRE(header > 0);
    BOOST_TEST(sheet.LastRow() == header + static_cast<int>(audit.size()));
    for (std::size_t i = 0; i < audit.size(); ++i)
    {
        const int row = header + 1 + static_cast<int>(i);
        BOOST_TEST(sheet.At(row, 1)->Number() == static_cast<double>(audit[i].seq));
        BOOST_TEST(sheet.At(row, 2)->kind == 'd');
        BOOST_TEST(sheet.Text(row, 2) + "Z" == audit[i].at);
        BOOST_TEST(sheet.Text(row, 3) == audit[i].actor);
        BOOST_TEST(sheet.Text(row, 5) == audit[i].detail);
        BOOST_TEST(sheet.Text(row, 6) == audit[i].hash_hex);
    }
    bool head = false;
    for (int row = 1; row < header; ++row)
    {
        head =
            head || sheet.Text(row, 1) == std::string("Chain head: ") + coscore::test::kAuditHead;
    }
    BOOST_TEST(head);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(CsvFolder)

BOOST_DATA_TEST_CASE(EveryFileIsUtf8WithBomCrlfAndEveryFieldQuoted, data::make(kCsvFiles), name)
{
    const auto& w = WrittenFixture();
    const auto parse = coscore::test::ParseCsv(coscore::test::ReadFile(w.csv / name));
    BOOST_TEST(parse.error.empty());
    BOOST_TEST(parse.bom);
    BOOST_TEST(parse.crlf_only);
    BOOST_TEST(parse.all_quoted);
    BOOST_REQUIRE(!parse.rows.empty());
    for (const auto& row : parse.rows)
    {
        BOOST_TEST(row.size() == parse.rows.front().size());
    }
}

BOOST_AUTO_TEST_CASE(AwardsCsvCarriesTheExactAmountsAndFigures)
{
    const auto& w = WrittenFixture();
    const auto& fx = w.fixture;
    const auto rows = coscore::test::ParseCsv(coscore::test::ReadFile(w.csv / "awards.csv")).rows;
    const auto& header = rows.at(0);
    const std::size_t ref = ColumnIndex(header, "Ref");
    const std::size_t awarded = ColumnIndex(header, "Awarded");
    const std::size_t mean = ColumnIndex(header, "Mean score");
    BOOST_TEST(rows.size() == fx.round.bids.size() + 1);
    for (const auto& fund : fx.result.funds)
    {
        for (const auto& r : fund.bids)
        {
            const auto& bid = coscore::test::BidOf(fx, r.bid);
            const auto row = std::find_if(rows.begin(), rows.end(),
                                          [&](const auto& x) { return x.at(ref) == bid.ref; });
            BOOST_REQUIRE(row != rows.end());
            const std::string pounds = std::to_string(r.award_pence / 100) + "." +
                                       (r.award_pence % 100 < 10 ? "0" : "") +
                                       std::to_string(r.award_pence % 100);
            BOOST_TEST(row->at(awarded) == pounds);
            if (r.figures.mean)
            {
                // Shortest round-trip text: exactly the double the reconciliation computed.
                BOOST_TEST(coscore::test::ToDouble(row->at(mean)) == *r.figures.mean);
            }
        }
    }
}

BOOST_AUTO_TEST_CASE(MatrixScoresCsvHasEveryScoreRecord)
{
    const auto& w = WrittenFixture();
    const auto rows =
        coscore::test::ParseCsv(coscore::test::ReadFile(w.csv / "matrix_scores.csv")).rows;
    BOOST_TEST(rows.size() == w.fixture.round.scores.size() + 1);
    const std::size_t missing = ColumnIndex(rows.at(0), "Missing");
    const auto interests =
        std::count_if(rows.begin(), rows.end(),
                      [&](const auto& r) { return r.at(missing) == "Interest declared"; });
    BOOST_TEST(interests == 5); // Tom Reilly on the Food Hub: five criteria
}

BOOST_AUTO_TEST_CASE(APathEndingInCsvGetsThatOutputsMainTable)
{
    const auto& fx = WrittenFixture().fixture;
    coscore::test::TempDir dir;
    const auto path = dir.Path() / "Feedback.CSV";
    const auto report = coscore::exports::WriteFeedbackSheet(fx.Input(), path);
    BOOST_TEST(report.written.size() == 1U);
    const auto parse = coscore::test::ParseCsv(coscore::test::ReadFile(path));
    BOOST_TEST(parse.bom);
    BOOST_TEST(parse.rows.at(0).at(0) == "Reference");
    BOOST_TEST(parse.rows.size() == fx.round.bids.size() + 1);
}

BOOST_AUTO_TEST_SUITE_END()
