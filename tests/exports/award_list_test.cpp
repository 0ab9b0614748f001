// SPDX-License-Identifier: MIT
// The award list read back with openpyxl and compared with the reconciliation it was made from.
#include "written.hpp"

#include <coscore/exports/cell_text.hpp>

#include <boost/test/unit_test.hpp>

#include <string>

namespace
{

using coscore::test::Close;
using coscore::test::DumpSheet;
using coscore::test::WrittenFixture;

double Pounds(coscore::scoring::Pence pence)
{
    return static_cast<double>(pence) / 100.0;
}

std::string FundName(const coscore::test::Fixture& fx, coscore::scoring::Key key)
{
    for (const auto& fund : fx.round.funds)
    {
        if (fund.key == key)
        {
            return fund.name;
        }
    }
    return {};
}

} // namespace

BOOST_AUTO_TEST_SUITE(AwardList)

BOOST_AUTO_TEST_CASE(EveryBidIsListedWithTheFiguresOfTheReconciliation)
{
    const auto& w = WrittenFixture();
    const auto& fx = w.fixture;
    for (const auto& fund : fx.result.funds)
    {
        const DumpSheet& sheet = w.Awards().Sheet(FundName(fx, fund.fund));
        const int header = sheet.HeaderRow({"Rank", "Ref", "Requested", "Awarded", "Decision"});
        BOOST_REQUIRE(header > 0);
        const auto col = [&](std::string_view name) { return sheet.ColumnOf(header, name); };
        int row = header;
        for (const auto& result : fund.bids)
        {
            ++row; // rank order: the row below the previous bid
            const auto& bid = coscore::test::BidOf(fx, result.bid);
            BOOST_TEST_CONTEXT(bid.ref)
            {
                BOOST_TEST(sheet.Text(row, col("Ref")) == bid.ref);
                BOOST_TEST(sheet.Text(row, col("Organisation")) == bid.organisation);
                BOOST_TEST(sheet.Text(row, col("Project")) == bid.project_title);
                BOOST_TEST(sheet.Text(row, col("Area")) == bid.ward);
                BOOST_TEST(sheet.At(row, col("Requested"))->Number() ==
                           Pounds(result.requested_pence));
                BOOST_TEST(sheet.At(row, col("Awarded"))->Number() == Pounds(result.award_pence));
                BOOST_TEST(sheet.At(row, col("Awarded"))->format.find("\xC2\xA3") !=
                           std::string::npos);
                const std::string decision =
                    result.decision
                        ? std::string(coscore::scoring::CabinetWording(*result.decision))
                        : "Not yet decided";
                BOOST_TEST(sheet.Text(row, col("Decision")) == decision);
                BOOST_TEST(sheet.At(row, col("n"))->Number() == result.figures.n);
                if (result.figures.mean)
                {
                    BOOST_TEST(
                        Close(sheet.At(row, col("Mean score"))->Number(), *result.figures.mean));
                }
                else
                {
                    BOOST_TEST(sheet.At(row, col("Mean score")) == nullptr);
                }
                if (result.rank > 0)
                {
                    BOOST_TEST(sheet.At(row, col("Rank"))->Number() == result.rank);
                }
                BOOST_TEST(sheet.Text(row, col("Flags")).empty() == result.flags.empty());
            }
        }
    }
}

BOOST_AUTO_TEST_CASE(ConditionsAndReasonsComeFromTheDecisions)
{
    const auto& w = WrittenFixture();
    const DumpSheet& sheet = w.Awards().Sheet("Innovation Fund");
    const int header = sheet.HeaderRow({"Ref", "Conditions", "Reasons"});
    const int conditions_row = sheet.RowWhere(sheet.ColumnOf(header, "Ref"), "INN-002", header);
    BOOST_TEST(sheet.Text(conditions_row, sheet.ColumnOf(header, "Conditions")) ==
               "Safeguarding policy approved by the council before payment");
    BOOST_TEST(sheet.Text(conditions_row, sheet.ColumnOf(header, "Decision")) ==
               "Fund subject to conditions");
    const int reduced_row = sheet.RowWhere(sheet.ColumnOf(header, "Ref"), "INN-004", header);
    BOOST_TEST(sheet.Text(reduced_row, sheet.ColumnOf(header, "Reasons")) ==
               "Equipment costs were above market rates");
    BOOST_TEST(sheet.Text(reduced_row, sheet.ColumnOf(header, "Decision")) ==
               "Fund at a reduced amount");
}

BOOST_AUTO_TEST_CASE(TotalsAndBudgetLineAreFormulasWithCachedValues)
{
    const auto& w = WrittenFixture();
    const auto& fx = w.fixture;
    for (const auto& fund : fx.result.funds)
    {
        const DumpSheet& sheet = w.Awards().Sheet(FundName(fx, fund.fund));
        const int header = sheet.HeaderRow({"Requested", "Awarded"});
        const int awarded = sheet.ColumnOf(header, "Awarded");
        const int label = sheet.ColumnOf(header, "Area");
        const int total = sheet.RowWhere(label, "Total", header);
        const int budget = sheet.RowWhere(label, "Budget", header);
        const int spent = sheet.RowWhere(label, "Spent", header);
        const int remaining = sheet.RowWhere(label, "Remaining", header);
        BOOST_REQUIRE(total > 0);
        BOOST_REQUIRE(remaining > 0);
        coscore::scoring::Pence awards = 0;
        for (const auto& bid : fund.bids)
        {
            awards += bid.award_pence;
        }
        BOOST_TEST(sheet.At(total, awarded)->formula.starts_with("=SUM("));
        BOOST_TEST(sheet.At(total, awarded)->Number() == Pounds(awards));
        BOOST_TEST(sheet.At(budget, awarded)->Number() == Pounds(fund.budget_pence));
        BOOST_TEST(sheet.At(spent, awarded)->formula.starts_with("=SUM("));
        BOOST_TEST(sheet.At(spent, awarded)->Number() == Pounds(fund.spent_pence));
        BOOST_TEST(!sheet.At(remaining, awarded)->formula.empty());
        BOOST_TEST(sheet.At(remaining, awarded)->Number() == Pounds(fund.remaining_pence));
    }
}

BOOST_AUTO_TEST_CASE(SummaryShowsBudgetSpentAndRemainingOfEveryFund)
{
    const auto& w = WrittenFixture();
    const auto& fx = w.fixture;
    const DumpSheet& sheet = w.Awards().Sheet("Summary");
    const int header = sheet.HeaderRow({"Fund", "Budget", "Spent", "Remaining", "Funded"});
    BOOST_REQUIRE(header > 0);
    coscore::scoring::Pence budget = 0;
    for (const auto& fund : fx.result.funds)
    {
        const int row = sheet.RowWhere(1, FundName(fx, fund.fund), header);
        BOOST_REQUIRE(row > 0);
        BOOST_TEST(sheet.At(row, sheet.ColumnOf(header, "Budget"))->Number() ==
                   Pounds(fund.budget_pence));
        BOOST_TEST(sheet.At(row, sheet.ColumnOf(header, "Spent"))->Number() ==
                   Pounds(fund.spent_pence));
        BOOST_TEST(sheet.At(row, sheet.ColumnOf(header, "Remaining"))->Number() ==
                   Pounds(fund.remaining_pence));
        BOOST_TEST(sheet.At(row, sheet.ColumnOf(header, "Funded"))->Number() == fund.funded_count);
        budget += fund.budget_pence;
    }
    const int all = sheet.RowWhere(1, "All funds", header);
    BOOST_TEST(sheet.At(all, sheet.ColumnOf(header, "Budget"))->formula.starts_with("=SUM("));
    BOOST_TEST(sheet.At(all, sheet.ColumnOf(header, "Budget"))->Number() == Pounds(budget));
}

BOOST_AUTO_TEST_CASE(AuditChainHeadAndRankingBasisArePrinted)
{
    const auto& w = WrittenFixture();
    const DumpSheet& sheet = w.Awards().Sheet("Summary");
    bool head = false;
    for (const auto& [pos, cell] : sheet.cells)
    {
        head = head || cell.value == std::string("Audit chain head: ") + coscore::test::kAuditHead;
    }
    BOOST_TEST(head);
}

BOOST_AUTO_TEST_CASE(SheetsArePrintReadyWithFrozenHeaderAndAutofilter)
{
    const auto& w = WrittenFixture();
    for (const DumpSheet& sheet : w.Awards().sheets)
    {
        BOOST_TEST_CONTEXT(sheet.name)
        {
            const int header = sheet.HeaderRow({"Fund"}) > 0 ? sheet.HeaderRow({"Fund", "Budget"})
                                                             : sheet.HeaderRow({"Rank", "Ref"});
            BOOST_REQUIRE(header > 0);
            BOOST_TEST(sheet.meta.at("orientation") == "landscape");
            BOOST_TEST(sheet.meta.at("paper") == "9");
            BOOST_TEST(sheet.meta.at("fit_width") == "1");
            BOOST_TEST(sheet.meta.at("fit_height") == "0");
            BOOST_TEST(sheet.meta.at("freeze") == "A" + std::to_string(header + 1));
            BOOST_TEST(sheet.meta.at("print_title_rows") ==
                       "$" + std::to_string(header) + ":$" + std::to_string(header));
            BOOST_TEST(sheet.meta.at("autofilter").starts_with("A" + std::to_string(header) + ":"));
            BOOST_TEST(sheet.meta.at("header_center").find("OFFICIAL-SENSITIVE") !=
                       std::string::npos);
            BOOST_TEST(sheet.meta.at("footer_center").find("OFFICIAL-SENSITIVE") !=
                       std::string::npos);
            BOOST_TEST(sheet.meta.at("footer_right").find("&P") != std::string::npos);
            BOOST_TEST(sheet.meta.at("header").find("Westbrook Community Grants") !=
                       std::string::npos);
            BOOST_TEST(sheet.Text(1, 1) == "OFFICIAL-SENSITIVE");
        }
    }
}

BOOST_AUTO_TEST_CASE(FlagsAndAwardsHaveConditionalFormats)
{
    const auto& w = WrittenFixture();
    BOOST_TEST(std::stoi(w.Awards().Sheet("Innovation Fund").meta.at("conditional_formats")) >= 2);
}

BOOST_AUTO_TEST_CASE(DocumentPropertiesCarryThePinnedTimeAndTitle)
{
    const auto& w = WrittenFixture();
    BOOST_TEST(w.Awards().properties.at("created") == "2026-03-14T10:00:00");
    BOOST_TEST(w.Awards().properties.at("title") ==
               "Westbrook Community Grants 2026/27 \xE2\x80\x94 award list");
    BOOST_TEST(w.Awards().properties.at("creator") == "CoScore");
}

BOOST_AUTO_TEST_SUITE_END()
