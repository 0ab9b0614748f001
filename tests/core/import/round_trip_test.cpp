// SPDX-License-Identifier: MIT
// Import → export (as the same CSV files) → import gives an identical round (RELIABILITY.md §3),
// for a seeded synthetic round with text that tries every escape: quotes, separators, line
// breaks, formula triggers, a "'" before a trigger, bidi controls and non-ASCII letters.
#include "import_fixture.hpp"

#include <coscore/core/import.hpp>
#include <coscore/core/import_writer.hpp>
#include <coscore/scoring/synthetic_round.hpp>

#include <boost/test/unit_test.hpp>

#include <filesystem>

namespace
{

using namespace coscore;
using namespace coscore::core;
using namespace coscore::scoring;

const std::vector<std::string> kTrickyText{
    "=HYPERLINK(\"http://127.0.0.1\",\"x\")",
    "'=already quoted",
    "-5 trees",
    "+44 1234 567890",
    "@mention",
    "Quote \"inside\", comma, and\nline break\r\nand CR\r",
    "\u202eright-to-left\u202c",
    "Café, naïve, Ünïcode ☕",
    "semicolon; tab\there",
};

/// A synthetic round as an officer's files could carry it: no pots (the import format has
/// none), and no score from a member barred by an interest.
RoundData ImportableRound()
{
    RoundData round = GenerateRound(SmallRound(), 20261122);
    for (Fund& f : round.funds)
    {
        f.pots.clear();
        f.criteria.front().descriptors = {{0, "None | nothing", ""}, {5, "Full \\ all", ""}};
        f.criteria.front().question = kTrickyText[0];
    }
    for (Interest& i : round.interests)
    {
        i.declared_at = "2026-10-01T09:00:00Z";
        i.note = kTrickyText[5];
    }
    for (Score& s : round.scores)
    {
        const bool barred =
            std::any_of(round.interests.begin(), round.interests.end(),
                        [&](const Interest& i)
                        { return i.member == s.member && i.bid == s.bid && BarsScoring(i.rule); });
        if (barred)
        {
            s.value.reset();
            s.missing = MissingReason::Interest;
        }
    }
    for (std::size_t b = 0; b < round.bids.size(); ++b)
    {
        Bid& bid = round.bids[b];
        bid.summary = kTrickyText[b % kTrickyText.size()];
        bid.fields = {{"Who benefits", kTrickyText[(b + 1) % kTrickyText.size()]},
                      {"Start", "2026-04-01"}};
    }
    round.sheets.clear();
    ScoreSheet notes;
    notes.bid = round.scores.front().bid;
    notes.member = round.scores.front().member;
    notes.strengths = kTrickyText[3];
    notes.concerns = kTrickyText[5];
    round.sheets.push_back(notes);
    return round;
}

/// Imports the files; the synthetic forms' weights do not sum to 100 and their descriptors
/// leave levels out, which are warnings, accepted here.
ImportReport ImportInto(Workspace& ws, const std::vector<ImportFile>& files)
{
    ImportRequest request;
    request.files = files;
    request.accept_warnings = true;
    return ImportFiles(ws, request);
}

/// Text as an import stores it: ASCII spaces and line breaks trimmed from the ends.
std::string Stored(const std::string& text)
{
    const auto begin = text.find_first_not_of(" \t\r\n");
    const auto end = text.find_last_not_of(" \t\r\n");
    return begin == std::string::npos ? std::string() : text.substr(begin, end - begin + 1);
}

std::string Codes(const ImportReport& report)
{
    std::string text;
    for (const std::string& line : report.Lines())
    {
        text += line + "\n";
    }
    return text;
}

std::unique_ptr<Workspace> NewRound(const std::string& path)
{
    auto ws = Workspace::Create(path, "Round trip");
    ws->SetClock(&test::PinnedTime);
    return ws;
}

} // namespace

BOOST_AUTO_TEST_SUITE(ImportRoundTrip)

BOOST_AUTO_TEST_CASE(ImportExportImportGivesAnIdenticalRound)
{
    test::TempDir dir;
    for (const char* folder : {"first", "second", "third"})
    {
        std::filesystem::create_directory(dir.Path() / folder);
    }
    const RoundData source = ImportableRound();
    const auto files = WriteImportCsv(source, dir.File("first"));
    BOOST_TEST(files.size() == 6U);

    auto a = NewRound(dir.File("a.coscore"));
    const ImportReport first = ImportInto(*a, files);
    BOOST_TEST_REQUIRE(first.imported, Codes(first));
    BOOST_TEST(first.counts.scores == static_cast<std::int64_t>(source.scores.size()));

    const auto exported = WriteImportCsv(a->LoadRound(), dir.File("second"));
    auto b = NewRound(dir.File("b.coscore"));
    const ImportReport second = ImportInto(*b, exported);
    BOOST_TEST_REQUIRE(second.imported, Codes(second));

    a.reset();
    b.reset();
    BOOST_TEST(test::LogicalDump(dir.File("a.coscore"), false) ==
               test::LogicalDump(dir.File("b.coscore"), false));
    // Exporting the re-imported round writes the very same bytes again.
    const auto again = WriteImportCsv(Workspace::Open(dir.File("b.coscore"), {true})->LoadRound(),
                                      dir.File("third"));
    BOOST_TEST_REQUIRE(again.size() == exported.size());
    for (std::size_t i = 0; i < again.size(); ++i)
    {
        BOOST_TEST_CONTEXT(again[i].path)
        {
            BOOST_TEST(test::ReadFile(again[i].path) == test::ReadFile(exported[i].path));
        }
    }
}

BOOST_AUTO_TEST_CASE(TrickyTextSurvivesTheTripExactly)
{
    test::TempDir dir;
    const RoundData source = ImportableRound();
    auto ws = NewRound(dir.File("a.coscore"));
    BOOST_TEST_REQUIRE(ImportInto(*ws, WriteImportCsv(source, dir.Path().string())).imported);
    const RoundData round = ws->LoadRound();
    BOOST_TEST_REQUIRE(round.bids.size() == source.bids.size());
    for (const Bid& expected : source.bids)
    {
        const auto bid = std::find_if(round.bids.begin(), round.bids.end(),
                                      [&](const Bid& b) { return b.ref == expected.ref; });
        BOOST_TEST_REQUIRE((bid != round.bids.end()));
        BOOST_TEST_CONTEXT(expected.ref)
        {
            BOOST_TEST(bid->summary == Stored(expected.summary));
            BOOST_TEST(bid->fields.at(0).value == Stored(expected.fields.at(0).value));
            BOOST_TEST(bid->requested_pence == expected.requested_pence);
        }
    }
    BOOST_TEST(round.funds.front().criteria.front().descriptors.front().text == "None | nothing");
    BOOST_TEST(round.funds.front().criteria.front().descriptors.back().text == "Full \\ all");
}

BOOST_AUTO_TEST_CASE(EveryFieldCoScoreWritesStartsSafelyForASpreadsheet)
{
    BOOST_TEST(CsvField("=1+1") == "\"'=1+1\"");
    BOOST_TEST(CsvField("'=1+1") == "\"''=1+1\"");
    BOOST_TEST(CsvField("-5 trees") == "\"'-5 trees\"");
    BOOST_TEST(CsvField("'quoted'") == "\"'quoted'\"");
    BOOST_TEST(CsvField("say \"hi\"") == "\"say \"\"hi\"\"\"");
}

BOOST_AUTO_TEST_SUITE_END()
