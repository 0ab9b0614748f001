// SPDX-License-Identifier: MIT
// Text over Excel's cell limit is cut with a visible marker and a warning naming the bid (the CSV
// keeps it whole); constant-memory workbooks read back exactly like in-memory ones.
#include "fixture.hpp"
#include "readback.hpp"
#include "temp_dir.hpp"

#include <coscore/exports/cell_text.hpp>
#include <coscore/exports/export.hpp>

#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <string>

namespace
{

namespace fs = std::filesystem;

coscore::test::Fixture LongTextFixture()
{
    coscore::scoring::RoundData round = coscore::test::MakeFixtureRound();
    for (auto& decision : round.decisions)
    {
        if (decision.bid == 1005) // INN-005
        {
            decision.reason = std::string(40'000, 'r') + " end of the reason";
        }
    }
    round.bids.at(8).organisation = std::string(33'000, 'o'); // SUS-002
    return coscore::test::MakeFixture(round);
}

} // namespace

BOOST_AUTO_TEST_SUITE(Truncation)

BOOST_AUTO_TEST_CASE(LongTextIsCutWithAMarkerAndAWarningNamingTheBid)
{
    const coscore::test::Fixture fx = LongTextFixture();
    coscore::test::TempDir dir;
    coscore::exports::ExportRequest request;
    request.awards = dir.Path() / "awards.xlsx";
    request.feedback = dir.Path() / "feedback.xlsx";
    request.csv_folder = dir.Path() / "csv";
    const auto report = coscore::exports::ExportAll(fx.Input(), request);

    const auto warned = [&](std::string_view output, std::string_view bid, std::string_view column)
    {
        return std::count_if(report.warnings.begin(), report.warnings.end(),
                             [&](const coscore::exports::ExportWarning& w)
                             {
                                 return w.output == output && w.bid == bid && w.column == column &&
                                        w.message.find(std::string(bid)) != std::string::npos;
                             });
    };
    const bool says_length = std::any_of(
        report.warnings.begin(), report.warnings.end(),
        [](const auto& w) { return w.message.find("has 40018 characters") != std::string::npos; });
    BOOST_TEST(says_length);
    BOOST_TEST(warned("Award list", "INN-005", "Reasons") == 1);
    // The allocation note repeats the reason of a rejection: cut and warned about too.
    BOOST_TEST(warned("Award list", "INN-005", "Notes") == 1);
    BOOST_TEST(warned("Award list", "SUS-002", "Organisation") == 1);
    BOOST_TEST(warned("Feedback sheet", "INN-005", "Reason") == 1);
    BOOST_TEST(warned("Feedback sheet", "SUS-002", "Organisation") == 1);
    // None from the CSV files: they keep the text.
    BOOST_TEST(report.warnings.size() == 5U);

    const auto awards = coscore::test::ReadXlsx(dir.Path() / "awards.xlsx");
    const auto& sheet = awards.Sheet("Innovation Fund");
    const int header = sheet.HeaderRow({"Ref", "Reasons"});
    const int row = sheet.RowWhere(sheet.ColumnOf(header, "Ref"), "INN-005", header);
    const std::string cut = sheet.Text(row, sheet.ColumnOf(header, "Reasons"));
    BOOST_TEST(coscore::exports::Utf16Length(cut) <= coscore::exports::kMaxCellUnits);
    BOOST_TEST(cut.ends_with(coscore::exports::kTruncationMarker));
    BOOST_TEST(cut.starts_with("rrrr"));

    const auto csv =
        coscore::test::ParseCsv(coscore::test::ReadFile(dir.Path() / "csv" / "awards.csv")).rows;
    const auto reasons = static_cast<std::size_t>(
        std::find(csv[0].begin(), csv[0].end(), "Reasons") - csv[0].begin());
    const auto full =
        std::find_if(csv.begin(), csv.end(), [](const auto& r) { return r.at(2) == "INN-005"; });
    BOOST_REQUIRE(full != csv.end());
    BOOST_TEST(full->at(reasons) == std::string(40'000, 'r') + " end of the reason");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(ConstantMemory)

BOOST_AUTO_TEST_CASE(StreamedWorkbooksReadBackExactlyLikeInMemoryOnes)
{
    const coscore::test::Fixture fx = coscore::test::MakeFixture(coscore::test::MakeFixtureRound());
    coscore::test::TempDir dir;
    for (const auto& [name, write] :
         std::vector<std::pair<std::string, decltype(&coscore::exports::WriteAwardList)>>{
             {"awards", coscore::exports::WriteAwardList},
             {"matrix", coscore::exports::WriteScoringMatrix},
             {"report", coscore::exports::WritePanelReport}})
    {
        BOOST_TEST_CONTEXT(name)
        {
            coscore::exports::ExportOptions streamed;
            streamed.memory = coscore::exports::MemoryMode::Constant;
            coscore::exports::ExportOptions in_memory;
            in_memory.memory = coscore::exports::MemoryMode::InMemory;
            write(fx.Input(), dir.Path() / (name + "-streamed.xlsx"), streamed);
            write(fx.Input(), dir.Path() / (name + "-memory.xlsx"), in_memory);
            const auto a = coscore::test::ReadXlsx(dir.Path() / (name + "-streamed.xlsx"));
            const auto b = coscore::test::ReadXlsx(dir.Path() / (name + "-memory.xlsx"));
            BOOST_REQUIRE(a.sheets.size() == b.sheets.size());
            BOOST_TEST(a.charts.size() == b.charts.size());
            for (std::size_t i = 0; i < a.sheets.size(); ++i)
            {
                BOOST_TEST_CONTEXT(b.sheets[i].name)
                {
                    BOOST_TEST(a.sheets[i].name == b.sheets[i].name);
                    const coscore::test::DumpSheet& lean = a.sheets[i];
                    const coscore::test::DumpSheet& full = b.sheets[i];
                    // Streamed criterion sheets leave out the organisation: compare by header.
                    const int lean_header = lean.HeaderRow({"Rank", "Ref"});
                    const int full_header = full.HeaderRow({"Rank", "Ref"});
                    for (const auto& [pos, cell] : full.cells)
                    {
                        int col = pos.second;
                        if (pos.first >= full_header && full_header > 0)
                        {
                            const std::string header = full.Text(full_header, pos.second);
                            if (header == "Organisation" &&
                                lean.ColumnOf(lean_header, "Organisation") == 0)
                            {
                                continue;
                            }
                            col = lean.ColumnOf(lean_header, header);
                        }
                        const auto* other = lean.At(pos.first, col);
                        BOOST_REQUIRE_MESSAGE(other != nullptr,
                                              "R" << pos.first << "C" << pos.second);
                        BOOST_TEST(other->value == cell.value);
                        BOOST_TEST(other->formula == cell.formula);
                    }
                }
            }
            // Streamed sheets write their text in-line, not in the shared-string table.
            const std::string xml = coscore::test::ReadZipPart(
                dir.Path() / (name + "-streamed.xlsx"), "xl/worksheets/sheet1.xml", dir.Path());
            BOOST_TEST(xml.find("t=\"inlineStr\"") != std::string::npos);
        }
    }
}

BOOST_AUTO_TEST_CASE(LargeRoundsAreStreamedAutomatically)
{
    BOOST_TEST(coscore::exports::kConstantMemoryCells == 200'000);
    // 2,000 bids × 16 columns of the award list is past the threshold: the file still reads.
    coscore::scoring::RoundData round = coscore::test::MakeFixtureRound();
    const auto seeds = round.bids;
    for (int i = 0; i < 13'000; ++i)
    {
        coscore::scoring::Bid bid = seeds[static_cast<std::size_t>(i) % seeds.size()];
        bid.key = 20'000 + i;
        bid.ref = "GEN-" + std::to_string(i);
        round.bids.push_back(bid);
    }
    coscore::scoring::ReconcileOptions options;
    options.bootstrap = false;
    options.reliability = false;
    const coscore::scoring::ReconcileResult result = coscore::scoring::Reconcile(round, options);
    coscore::exports::ExportInput input(round, result);
    input.generated_at = coscore::test::kPinnedTime;
    coscore::test::TempDir dir;
    coscore::exports::WriteAwardList(input, dir.Path() / "awards.xlsx");
    const std::string xml = coscore::test::ReadZipPart(dir.Path() / "awards.xlsx",
                                                       "xl/worksheets/sheet2.xml", dir.Path());
    BOOST_TEST(xml.find("t=\"inlineStr\"") != std::string::npos);
    BOOST_TEST(xml.find("GEN-12999") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
