// SPDX-License-Identifier: MIT
// The scoring matrix read back with openpyxl: member totals as the reconciliation computed
// them, raw criterion scores, interests shown in words and never as a number.
#include "written.hpp"

#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <string>

namespace
{

using coscore::test::BidOf;
using coscore::test::Close;
using coscore::test::DumpSheet;
using coscore::test::MemberOf;
using coscore::test::WrittenFixture;

} // namespace

BOOST_AUTO_TEST_SUITE(ScoringMatrix)

BOOST_AUTO_TEST_CASE(TotalsAreTheMemberTotalsOfTheReconciliation)
{
    const auto& w = WrittenFixture();
    const auto& fx = w.fixture;
    const DumpSheet& sheet = w.Matrix().Sheet("Totals");
    const int header = sheet.HeaderRow({"Fund", "Rank", "Ref", "n", "Mean"});
    BOOST_REQUIRE(header > 0);
    const int ref_col = sheet.ColumnOf(header, "Ref");
    int checked = 0;
    for (const auto& fund : fx.result.funds)
    {
        for (const auto& result : fund.bids)
        {
            const auto& bid = BidOf(fx, result.bid);
            const int row = sheet.RowWhere(ref_col, bid.ref, header);
            BOOST_REQUIRE(row > 0);
            for (const auto& total : result.members)
            {
                const auto& member = MemberOf(fx, total.member);
                const int col = sheet.ColumnOf(header, member.name);
                BOOST_TEST_CONTEXT(bid.ref << " / " << member.name)
                {
                    BOOST_REQUIRE(col > 0);
                    const auto* cell = sheet.At(row, col);
                    if (total.total)
                    {
                        BOOST_REQUIRE(cell != nullptr);
                        BOOST_TEST(cell->kind == 'n');
                        BOOST_TEST(Close(cell->Number(), *total.total));
                        ++checked;
                    }
                    else if (total.missing == coscore::scoring::MissingReason::Interest)
                    {
                        BOOST_REQUIRE(cell != nullptr);
                        BOOST_TEST(cell->value == "Interest declared");
                    }
                }
            }
            BOOST_TEST(sheet.At(row, sheet.ColumnOf(header, "n"))->Number() == result.figures.n);
            BOOST_TEST(Close(sheet.At(row, sheet.ColumnOf(header, "Mean"))->Number(),
                             result.figures.mean.value()));
        }
    }
    BOOST_TEST(checked > 70);
}

BOOST_AUTO_TEST_CASE(AMemberWithABarringInterestShowsInterestDeclaredInEverySheet)
{
    const auto& w = WrittenFixture();
    int found = 0;
    for (const DumpSheet& sheet : w.Matrix().sheets)
    {
        const int header = sheet.HeaderRow({"Ref", "Tom Reilly"});
        if (header == 0)
        {
            continue;
        }
        const int row = sheet.RowWhere(sheet.ColumnOf(header, "Ref"), "INN-003", header);
        if (row == 0)
        {
            continue;
        }
        BOOST_TEST_CONTEXT(sheet.name)
        {
            const auto* cell = sheet.At(row, sheet.ColumnOf(header, "Tom Reilly"));
            BOOST_REQUIRE(cell != nullptr);
            BOOST_TEST(cell->kind == 's');
            BOOST_TEST(cell->value == "Interest declared");
            ++found;
        }
    }
    BOOST_TEST(found == 6); // the totals sheet and the Innovation Fund's five criteria
}

BOOST_AUTO_TEST_CASE(EachCriterionOfEachFundHasItsOwnSheetOfRawScores)
{
    const auto& w = WrittenFixture();
    const auto& fx = w.fixture;
    const DumpSheet& need = w.Matrix().Sheet("IF Need");
    const DumpSheet& track = w.Matrix().Sheet("SF Track record");
    BOOST_TEST(w.Matrix().sheets.size() == 1U + 5U + 4U + 1U); // totals, criteria, moderation
    const int header = need.HeaderRow({"Ref", "Cllr Ann Hughes"});
    BOOST_REQUIRE(header > 0);
    for (const auto& score : fx.round.scores)
    {
        if (score.criterion != 11 || !score.value)
        {
            continue;
        }
        const int row =
            need.RowWhere(need.ColumnOf(header, "Ref"), BidOf(fx, score.bid).ref, header);
        const int col = need.ColumnOf(header, MemberOf(fx, score.member).name);
        BOOST_TEST(need.At(row, col)->Number() == *score.value);
    }
    BOOST_TEST(track.HeaderRow({"Ref", "Ruth Ellis"}) > 0);
    BOOST_TEST(need.Text(2, 1) == "Innovation Fund \xE2\x80\x94 Need");
}

BOOST_AUTO_TEST_CASE(AModeratedScoreShowsTheValueThatCountsAndIsListedWithItsReason)
{
    const auto& w = WrittenFixture();
    const DumpSheet& impact = w.Matrix().Sheet("IF Impact");
    const int header = impact.HeaderRow({"Ref", "Cllr Ben Okafor"});
    const int row = impact.RowWhere(impact.ColumnOf(header, "Ref"), "INN-002", header);
    BOOST_TEST(impact.At(row, impact.ColumnOf(header, "Cllr Ben Okafor"))->Number() == 5.0);

    const DumpSheet& moderated = w.Matrix().Sheet("Moderated scores");
    const int mh = moderated.HeaderRow({"Ref", "Independent", "Moderated", "Reason"});
    const int mrow = moderated.RowWhere(moderated.ColumnOf(mh, "Ref"), "INN-002", mh);
    BOOST_REQUIRE(mrow > 0);
    BOOST_TEST(moderated.At(mrow, moderated.ColumnOf(mh, "Moderated"))->Number() == 5.0);
    BOOST_TEST(moderated.Text(mrow, moderated.ColumnOf(mh, "Reason")) ==
               "Had missed the letters of support from two schools");
    BOOST_TEST(moderated.At(mrow, moderated.ColumnOf(mh, "Recorded at"))->kind == 'd');
    BOOST_TEST(moderated.Text(mrow, moderated.ColumnOf(mh, "Recorded at")) ==
               "2026-03-10T14:22:05");
}

BOOST_AUTO_TEST_CASE(AbsenceAndUnfinishedScoresAreSaidInWords)
{
    const auto& w = WrittenFixture();
    const DumpSheet& impact = w.Matrix().Sheet("IF Impact");
    const int header = impact.HeaderRow({"Ref", "Dev Patel"});
    const int row = impact.RowWhere(impact.ColumnOf(header, "Ref"), "INN-006", header);
    BOOST_TEST(impact.Text(row, impact.ColumnOf(header, "Dev Patel")) == "Absent");
    const DumpSheet& cost = w.Matrix().Sheet("SF Cost");
    const int ch = cost.HeaderRow({"Ref", "Grace Mensah"});
    const int crow = cost.RowWhere(cost.ColumnOf(ch, "Ref"), "SUS-002", ch);
    BOOST_TEST(cost.Text(crow, cost.ColumnOf(ch, "Grace Mensah")) == "Not yet scored");
}

BOOST_AUTO_TEST_CASE(TheAdvisingOfficerHasNoColumn)
{
    const auto& w = WrittenFixture();
    const DumpSheet& sheet = w.Matrix().Sheet("Totals");
    const int header = sheet.HeaderRow({"Fund", "Ref"});
    BOOST_TEST(sheet.ColumnOf(header, "Sarah Lloyd") == 0);
}

BOOST_AUTO_TEST_SUITE_END()
