// SPDX-License-Identifier: MIT
// The demo round (PRODUCT.md §9) exported as the CLI does it, opened by LibreOffice and read
// back with openpyxl: what an officer would send to Cabinet. COSCORE_EXPORTS_KEEP=DIR keeps the
// files (to convert to PDF and look at them).
#include "readback.hpp"
#include "temp_dir.hpp"

#include <coscore/core/demo_round.hpp>
#include <coscore/core/workspace.hpp>
#include <coscore/exports/export.hpp>
#include <coscore/scoring/reconcile.hpp>

#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <string>
#include <utility>

namespace
{

namespace fs = std::filesystem;

} // namespace

BOOST_AUTO_TEST_SUITE(DemoRound)

BOOST_AUTO_TEST_CASE(EveryExportOfTheDemoRoundOpensAndCarriesItsFigures)
{
    coscore::test::TempDir dir;
    const auto ws = coscore::core::CreateDemoRound((dir.Path() / "demo.coscore").string());
    const coscore::scoring::RoundData round = ws->LoadRound();
    const coscore::scoring::ReconcileResult result = coscore::scoring::Reconcile(round);
    coscore::exports::ExportInput input(round, result);
    for (const coscore::core::AuditEntry& e : ws->ListAudit())
    {
        coscore::exports::AuditRow row;
        row.seq = e.seq;
        row.at = e.at;
        row.actor = e.actor;
        row.action = e.action;
        row.detail = e.detail;
        row.hash_hex = e.hash_hex;
        input.audit.push_back(row);
    }
    const coscore::core::VerifyReport verified = ws->Verify();
    BOOST_REQUIRE(verified.Ok());
    input.audit_head_hex = verified.audit.head_hash_hex;
    input.protective_marking = "OFFICIAL-SENSITIVE";
    input.generated_at = std::chrono::sys_seconds{std::chrono::seconds{1773482400}};

    const fs::path out = dir.Path() / "out";
    fs::create_directories(out);
    coscore::exports::ExportRequest request;
    request.awards = out / "award_list.xlsx";
    request.matrix = out / "scoring_matrix.xlsx";
    request.report = out / "panel_report.xlsx";
    request.feedback = out / "feedback.xlsx";
    request.audit = out / "audit_log.xlsx";
    request.csv_folder = out / "csv";
    const auto report = coscore::exports::ExportAll(input, request);
    BOOST_TEST(report.written.size() == 15U);
    BOOST_TEST(report.warnings.empty());

    // LibreOffice opens every workbook, every sheet.
    const std::vector<fs::path> workbooks{*request.awards, *request.matrix, *request.report,
                                          *request.feedback, *request.audit};
    const auto converted = coscore::test::ConvertWithLibreOffice(workbooks, dir.Path());
    for (const fs::path& file : workbooks)
    {
        const auto dump = coscore::test::ReadXlsx(file);
        BOOST_TEST(converted.at(file.filename().string()).size() == dump.sheets.size(),
                   file.filename());
    }

    // The award list has every bid with its award, and the chain head.
    const auto awards = coscore::test::ReadXlsx(*request.awards);
    std::size_t bids = 0;
    for (const auto& fund : result.funds)
    {
        const auto name = std::find_if(round.funds.begin(), round.funds.end(),
                                       [&](const auto& f) { return f.key == fund.fund; })
                              ->name;
        const auto& sheet = awards.Sheet(name);
        const int header = sheet.HeaderRow({"Ref", "Awarded"});
        for (std::size_t i = 0; i < fund.bids.size(); ++i)
        {
            const auto* cell =
                sheet.At(header + 1 + static_cast<int>(i), sheet.ColumnOf(header, "Awarded"));
            BOOST_REQUIRE(cell != nullptr);
            BOOST_TEST(cell->Number() == static_cast<double>(fund.bids[i].award_pence) / 100.0);
            ++bids;
        }
    }
    BOOST_TEST(bids == round.bids.size());
    const auto& summary = awards.Sheet("Summary");
    BOOST_TEST(summary.RowWhere(1, "Audit chain head: " + verified.audit.head_hash_hex) > 0);
    BOOST_TEST(coscore::test::ReadXlsx(*request.report).charts.size() >= 3U);

    if (const char* keep = std::getenv("COSCORE_EXPORTS_KEEP"); keep != nullptr && *keep)
    {
        fs::create_directories(fs::path(keep) / "demo");
        fs::copy(out, fs::path(keep) / "demo",
                 fs::copy_options::recursive | fs::copy_options::overwrite_existing);
    }
}

BOOST_AUTO_TEST_CASE(OnlyThePanelReportNeedsTheUncertaintyAndReliabilityFigures)
{
    namespace ex = coscore::exports;
    coscore::test::TempDir dir;
    const auto ws = coscore::core::CreateDemoRound((dir.Path() / "demo.coscore").string());
    const coscore::scoring::RoundData round = ws->LoadRound();
    const auto request_in = [](const fs::path& folder)
    {
        fs::create_directories(folder);
        ex::ExportRequest request;
        request.awards = folder / "award_list.xlsx";
        request.matrix = folder / "scoring_matrix.xlsx";
        request.feedback = folder / "feedback.xlsx";
        request.audit = folder / "audit_log.csv";
        return request;
    };
    const ex::ExportRequest lean = request_in(dir.Path() / "lean");
    BOOST_TEST(!ex::ReconcileOptionsFor(lean).bootstrap);
    BOOST_TEST(!ex::ReconcileOptionsFor(lean).reliability);
    ex::ExportRequest with_report = lean;
    with_report.report = dir.Path() / "panel_report.xlsx";
    BOOST_TEST(ex::ReconcileOptionsFor(with_report).bootstrap);
    BOOST_TEST(ex::ReconcileOptionsFor(with_report).reliability);
    ex::ExportRequest with_csv = lean;
    with_csv.csv_folder = dir.Path() / "csv";
    BOOST_TEST(ex::ReconcileOptionsFor(with_csv).bootstrap);

    // The same bytes as from the full reconciliation (the demo has moderation, decisions and a
    // tie at the line).
    const coscore::scoring::ReconcileResult full = coscore::scoring::Reconcile(round);
    const coscore::scoring::ReconcileResult part =
        coscore::scoring::Reconcile(round, ex::ReconcileOptionsFor(lean));
    BOOST_TEST(full.funds.front().bids.front().p_funded.has_value());
    BOOST_TEST(!part.funds.front().bids.front().p_funded.has_value());
    const ex::ExportRequest whole = request_in(dir.Path() / "full");
    for (const auto& [result, request] : {std::pair{&full, &whole}, std::pair{&part, &lean}})
    {
        ex::ExportInput input(round, *result);
        input.generated_at = std::chrono::sys_seconds{std::chrono::seconds{1773482400}};
        static_cast<void>(ex::ExportAll(input, *request));
    }
    for (const auto* file :
         {"award_list.xlsx", "scoring_matrix.xlsx", "feedback.xlsx", "audit_log.csv"})
    {
        // Parenthesised: a failure names the file instead of printing two binary files.
        BOOST_TEST((coscore::test::ReadFile(dir.Path() / "full" / file) ==
                    coscore::test::ReadFile(dir.Path() / "lean" / file)),
                   file);
    }
}

BOOST_AUTO_TEST_SUITE_END()
