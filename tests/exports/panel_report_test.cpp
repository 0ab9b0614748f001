// SPDX-License-Identifier: MIT
// The panel report read back with openpyxl: figures, voices, reliability and flags as the
// reconciliation has them, and native charts with titles.
#include "written.hpp"

#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <string>

namespace
{

using coscore::test::Close;
using coscore::test::DumpSheet;
using coscore::test::WrittenFixture;

const std::string& RefOf(const coscore::test::Fixture& fx, coscore::scoring::Key key)
{
    return coscore::test::BidOf(fx, key).ref;
}

void CheckOptional(const DumpSheet& sheet, int row, int col, const std::optional<double>& value)
{
    const auto* cell = sheet.At(row, col);
    if (value)
    {
        BOOST_REQUIRE(cell != nullptr);
        BOOST_TEST(Close(cell->Number(), *value));
    }
    else
    {
        BOOST_TEST(cell == nullptr); // never 0 for "not defined"
    }
}

} // namespace

BOOST_AUTO_TEST_SUITE(PanelReport)

BOOST_AUTO_TEST_CASE(HasAtLeastThreeNativeChartsEachWithATitle)
{
    const auto& w = WrittenFixture();
    const auto& charts = w.Report().charts;
    BOOST_TEST(charts.size() >= 3U);
    std::vector<std::string> titles;
    for (const auto& [part, title] : charts)
    {
        BOOST_TEST(!title.empty());
        titles.push_back(title);
    }
    const auto has = [&](std::string_view start)
    {
        return std::any_of(titles.begin(), titles.end(),
                           [&](const std::string& t) { return t.starts_with(start); });
    };
    BOOST_TEST(has("Budget use per fund"));
    BOOST_TEST(has("Score spread per bid \xE2\x80\x94 Innovation Fund"));
    BOOST_TEST(has("Score spread per bid \xE2\x80\x94 Sustainability Fund"));
    BOOST_TEST(has("Mean total by voice per bid"));
    BOOST_TEST(has("Mean member total by voice, all bids"));
}

BOOST_AUTO_TEST_CASE(BidFiguresAreTheReconciliationsFigures)
{
    const auto& w = WrittenFixture();
    const auto& fx = w.fixture;
    const DumpSheet& sheet = w.Report().Sheet("Bid figures");
    const int header = sheet.HeaderRow({"Ref", "n", "Mean", "Median", "SD", "IQR", "Z-mean"});
    BOOST_REQUIRE(header > 0);
    const auto col = [&](std::string_view name) { return sheet.ColumnOf(header, name); };
    for (const auto& fund : fx.result.funds)
    {
        for (const auto& r : fund.bids)
        {
            const int row = sheet.RowWhere(col("Ref"), RefOf(fx, r.bid), header);
            BOOST_TEST_CONTEXT(RefOf(fx, r.bid))
            {
                BOOST_REQUIRE(row > 0);
                BOOST_TEST(sheet.At(row, col("n"))->Number() == r.figures.n);
                CheckOptional(sheet, row, col("Mean"), r.figures.mean);
                CheckOptional(sheet, row, col("Median"), r.figures.median);
                CheckOptional(sheet, row, col("Olympic mean"), r.figures.olympic);
                CheckOptional(sheet, row, col("SD"), r.figures.sd);
                CheckOptional(sheet, row, col("Lowest"), r.figures.min);
                CheckOptional(sheet, row, col("Highest"), r.figures.max);
                CheckOptional(sheet, row, col("Range"), r.figures.range);
                CheckOptional(sheet, row, col("IQR"), r.figures.iqr);
                CheckOptional(sheet, row, col("Z-mean"), r.zmean);
                CheckOptional(sheet, row, col("Adjusted"), r.adjusted);
                BOOST_TEST(sheet.At(row, col("Flags"))->Number() ==
                           static_cast<double>(r.flags.size()));
            }
        }
    }
}

BOOST_AUTO_TEST_CASE(RankingShowsRawAndAdjustedRanksAndUncertainty)
{
    const auto& w = WrittenFixture();
    const auto& fx = w.fixture;
    const DumpSheet& sheet = w.Report().Sheet("Ranking");
    const int header = sheet.HeaderRow(
        {"Ref", "Rank by mean", "Rank adjusted for leniency", "50% rank interval", "P(funded)"});
    BOOST_REQUIRE(header > 0);
    const auto col = [&](std::string_view name) { return sheet.ColumnOf(header, name); };
    for (const auto& fund : fx.result.funds)
    {
        for (const auto& r : fund.bids)
        {
            const int row = sheet.RowWhere(col("Ref"), RefOf(fx, r.bid), header);
            BOOST_TEST(sheet.At(row, col("Rank by mean"))->Number() == r.raw_rank);
            BOOST_TEST(sheet.At(row, col("Rank adjusted for leniency"))->Number() ==
                       r.adjusted_rank);
            CheckOptional(sheet, row, col("P(funded)"), r.p_funded);
            CheckOptional(sheet, row, col("Median rank (bootstrap)"), r.median_rank);
            if (r.rank_ci50)
            {
                const std::string expected = r.rank_ci50->lo == r.rank_ci50->hi
                                                 ? std::to_string(r.rank_ci50->lo)
                                                 : std::to_string(r.rank_ci50->lo) +
                                                       "\xE2\x80\x93" +
                                                       std::to_string(r.rank_ci50->hi);
                BOOST_TEST(sheet.Text(row, col("50% rank interval")) == expected);
            }
            BOOST_TEST(sheet.Text(row, col("Funded")) == (r.funded ? "Yes" : "No"));
        }
    }
}

BOOST_AUTO_TEST_CASE(VoicesAndEqualVoiceMatchTheReconciliation)
{
    const auto& w = WrittenFixture();
    const auto& fx = w.fixture;
    const DumpSheet& voices = w.Report().Sheet("Voices");
    const int header = voices.HeaderRow({"Ref", "Lived experience: mean", "Councillors: mean"});
    BOOST_REQUIRE(header > 0);
    for (const auto& fund : fx.result.funds)
    {
        for (const auto& r : fund.bids)
        {
            const int row =
                voices.RowWhere(voices.ColumnOf(header, "Ref"), RefOf(fx, r.bid), header);
            for (const auto& v : r.voices)
            {
                const std::string name(coscore::scoring::DisplayName(v.voice));
                CheckOptional(voices, row, voices.ColumnOf(header, name + ": mean"), v.mean);
                BOOST_TEST(voices.At(row, voices.ColumnOf(header, name + ": n"))->Number() == v.n);
            }
        }
    }
    const DumpSheet& equal = w.Report().Sheet("Equal voice");
    const int eh = equal.HeaderRow({"Voice", "Scoring members", "Mean total given"});
    for (const auto& v : fx.result.equal_voice.voices)
    {
        const int row = equal.RowWhere(1, std::string(coscore::scoring::DisplayName(v.voice)), eh);
        BOOST_REQUIRE(row > 0);
        BOOST_TEST(equal.At(row, equal.ColumnOf(eh, "Scoring members"))->Number() == v.members);
        CheckOptional(equal, row, equal.ColumnOf(eh, "Mean total given"), v.mean_total);
        CheckOptional(equal, row, equal.ColumnOf(eh, "Mean leniency (points)"), v.mean_leniency);
    }
}

BOOST_AUTO_TEST_CASE(ReliabilityFiguresAreTheReconciliations)
{
    const auto& w = WrittenFixture();
    const auto& rel = w.fixture.result.reliability;
    const DumpSheet& sheet = w.Report().Sheet("Reliability");
    const int header = sheet.HeaderRow({"Scope", "Measure", "Value"});
    BOOST_REQUIRE(header > 0);
    const auto value_of = [&](std::string_view measure)
    {
        for (int row = header + 1; row <= sheet.LastRow(); ++row)
        {
            if (sheet.Text(row, 1) == "All bids" && sheet.Text(row, 2) == measure)
            {
                return sheet.At(row, 3);
            }
        }
        return static_cast<const coscore::test::DumpCell*>(nullptr);
    };
    BOOST_TEST(value_of("Bids (units)")->Number() == rel.units);
    BOOST_TEST(value_of("Members (raters)")->Number() == rel.raters);
    if (rel.alpha.interval)
    {
        BOOST_TEST(
            Close(value_of("Krippendorff's alpha, interval")->Number(), *rel.alpha.interval));
    }
    for (const auto& icc : rel.icc)
    {
        BOOST_TEST(Close(value_of(icc.name)->Number(), icc.value));
    }
    if (rel.icc.empty())
    {
        // No number for what was not computed, and a note that says why.
        BOOST_TEST(value_of("ICC") == nullptr);
        const int row = sheet.RowWhere(2, "ICC", header);
        BOOST_TEST(sheet.Text(row, sheet.ColumnOf(header, "Note")).starts_with("Not computed"));
    }
}

BOOST_AUTO_TEST_CASE(EveryFlagIsListedWithItsReason)
{
    const auto& w = WrittenFixture();
    const auto& fx = w.fixture;
    const DumpSheet& sheet = w.Report().Sheet("Flags");
    const int header = sheet.HeaderRow({"Ref", "Flag", "Why"});
    std::size_t flags = 0;
    for (const auto& fund : fx.result.funds)
    {
        for (const auto& r : fund.bids)
        {
            int after = header;
            for (const auto& flag : r.flags)
            {
                const int row =
                    sheet.RowWhere(sheet.ColumnOf(header, "Ref"), RefOf(fx, r.bid), after);
                BOOST_REQUIRE(row > 0);
                BOOST_TEST(sheet.Text(row, sheet.ColumnOf(header, "Why")) == flag.text);
                after = row;
                ++flags;
            }
        }
    }
    BOOST_TEST(flags >= 2U); // the fixture has a question and an incomplete sheet at least
    BOOST_TEST(sheet.LastRow() == header + static_cast<int>(flags));
}

BOOST_AUTO_TEST_CASE(SummaryTotalsAreFormulasOverTheFunds)
{
    const auto& w = WrittenFixture();
    const DumpSheet& sheet = w.Report().Sheet("Summary");
    const int header = sheet.HeaderRow({"Fund", "Budget", "Spent"});
    const int all = sheet.RowWhere(1, "All funds", header);
    BOOST_REQUIRE(all > 0);
    BOOST_TEST(sheet.At(all, 2)->formula.starts_with("=SUM("));
    BOOST_TEST(sheet.At(all, 2)->Number() == 100'000.0);
}

BOOST_AUTO_TEST_SUITE_END()
