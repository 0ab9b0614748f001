// SPDX-License-Identifier: MIT
// Importing tables into a round: columns found by name, synonym or --map; every rule of the
// validation report; all-or-nothing across files; one audit entry; the wizard's steps.
#include "import/import_detail.hpp"
#include "import/lookalike.hpp"
#include "import_fixture.hpp"

#include <coscore/core/import.hpp>

#include <boost/test/data/monomorphic.hpp>
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <future>
#include <ostream>

namespace
{

using namespace coscore;
using namespace coscore::core;
using namespace coscore::scoring;
namespace data = boost::unit_test::data;

/// A base round in a temporary folder, and files written beside it.
struct RoundFixture
{
    test::TempDir dir;
    std::string path = dir.File("round.coscore");
    std::unique_ptr<Workspace> ws = test::MakeBaseRound(path);

    std::string Write(const std::string& name, const std::string& text) const
    {
        test::WriteFile(dir.File(name), text);
        return dir.File(name);
    }
    ImportRequest Request(ImportTable table, const std::string& text) const
    {
        ImportRequest request;
        request.files.push_back({table, Write(std::string(ToString(table)) + ".csv", text), ""});
        return request;
    }
    ImportReport Import(ImportTable table, const std::string& text, bool accept = false)
    {
        ImportRequest request = Request(table, text);
        request.accept_warnings = accept;
        return ImportFiles(*ws, request);
    }
};

bool Has(const ImportReport& report, Severity severity, const std::string& code)
{
    return std::any_of(report.issues.begin(), report.issues.end(),
                       [&](const ImportIssue& i)
                       { return i.severity == severity && i.code == code; });
}

std::string Codes(const ImportReport& report)
{
    std::string codes;
    for (const ImportIssue& i : report.issues)
    {
        codes += std::string(ToString(i.severity)) + ":" + i.code + " ";
    }
    return codes;
}

struct HeadingCase
{
    const char* name;
    std::string header;
    std::vector<std::string> maps;
    std::vector<MatchKind> kinds; ///< bid_id, organisation, project_title, fund, amount

    friend std::ostream& operator<<(std::ostream& os, const HeadingCase& c) { return os << c.name; }
};

const std::vector<HeadingCase> kHeadings{
    {"the fields' own names",
     "bid_id,organisation,project_title,fund,amount_requested",
     {},
     {MatchKind::Name, MatchKind::Name, MatchKind::Name, MatchKind::Name, MatchKind::Name}},
    {"names with case, spaces and brackets",
     "Bid ID,ORGANISATION,Project Title,Fund:,Amount "
     "Requested (£)",
     {},
     {MatchKind::Name, MatchKind::Name, MatchKind::Name, MatchKind::Name, MatchKind::Synonym}},
    {"a portal's synonyms",
     "Application Reference,Organization,Project Name,Programme,Grant "
     "Requested",
     {},
     {MatchKind::Synonym, MatchKind::Synonym, MatchKind::Synonym, MatchKind::Synonym,
      MatchKind::Synonym}},
    {"headings chosen with --map",
     "Ref No,Charity,Scheme,Fund,Total (GBP)",
     {"bids.bid_id=Ref No", "bids.organisation=Charity", "bids.project_title=Scheme",
      "bids.amount_requested=total (gbp)"},
     {MatchKind::Mapped, MatchKind::Mapped, MatchKind::Mapped, MatchKind::Name, MatchKind::Mapped}},
};

} // namespace

BOOST_AUTO_TEST_SUITE(Import)

BOOST_DATA_TEST_CASE(ColumnsAreFoundByNameSynonymOrMapping, data::make(kHeadings), c)
{
    RoundFixture f;
    ImportRequest request =
        f.Request(ImportTable::Bids, c.header + "\nB-1,Org,Title,Innovation Fund,10\n");
    for (const std::string& map : c.maps)
    {
        request.mappings.push_back(ParseColumnMapping(map));
    }
    const ImportPreview preview = PreviewImportFile(*f.ws, request.files.front(), request);
    BOOST_TEST(preview.header_row == 1);
    for (std::size_t i = 0; i < c.kinds.size(); ++i)
    {
        BOOST_TEST_CONTEXT(preview.fields[i].field)
        {
            BOOST_TEST(static_cast<int>(preview.fields[i].how) == static_cast<int>(c.kinds[i]));
            BOOST_TEST(preview.fields[i].column == static_cast<int>(i));
        }
    }
    BOOST_TEST(ImportFiles(*f.ws, request).imported);
}

BOOST_AUTO_TEST_CASE(TwoColumnsThatCouldHoldAFieldAreRefusedUntilOneIsMapped)
{
    RoundFixture f;
    const std::string text = "Reference,Bid ID,Organisation,Project,Fund,Amount\n"
                             "B-1,X-1,Org,Title,Innovation Fund,10\n";
    const ImportReport refused = f.Import(ImportTable::Bids, text);
    BOOST_TEST(!refused.imported);
    BOOST_TEST(Has(refused, Severity::Error, "header.ambiguous"), Codes(refused));
    ImportRequest request = f.Request(ImportTable::Bids, text);
    request.mappings.push_back(ParseColumnMapping("bids.bid_id=Bid ID"));
    const ImportReport mapped = ImportFiles(*f.ws, request);
    BOOST_TEST(mapped.imported, Codes(mapped));
    const auto bids = f.ws->ListBids();
    const auto added =
        std::find_if(bids.begin(), bids.end(), [](const Bid& b) { return b.ref == "X-1"; });
    BOOST_TEST_REQUIRE((added != bids.end()));
    // The other column is kept as an application field.
    BOOST_TEST(added->fields.at(0).name == "Reference");
    BOOST_TEST(added->fields.at(0).value == "B-1");
}

struct MapCase
{
    const char* text;
    const char* code;

    friend std::ostream& operator<<(std::ostream& os, const MapCase& c) { return os << c.text; }
};

const std::vector<MapCase> kBadMaps{
    {"bids.amount_requested", "map.syntax"},     {"amount_requested=Amount", "map.syntax"},
    {"bids.amount_requested=", "map.syntax"},    {"grants.amount=Amount", "map.unknown_table"},
    {"bids.amount=Amount", "map.unknown_field"},
};

BOOST_DATA_TEST_CASE(AMappingNamesWhatIsWrongWithIt, data::make(kBadMaps), c)
{
    BOOST_CHECK_EXCEPTION(ParseColumnMapping(c.text), ImportError,
                          [&](const ImportError& e) { return e.Code() == c.code; });
}

BOOST_AUTO_TEST_CASE(AMappingKeepsEqualsSignsInTheHeading)
{
    const ColumnMapping map = ParseColumnMapping("bids.summary=Why? (a=b)");
    BOOST_TEST(static_cast<int>(map.table) == static_cast<int>(ImportTable::Bids));
    BOOST_TEST(map.field == "summary");
    BOOST_TEST(map.column == "Why? (a=b)");
}

BOOST_AUTO_TEST_CASE(AnErrorInAnyFileImportsNothingFromEveryFile)
{
    RoundFixture f;
    const std::string before = test::LogicalDump(f.path);
    ImportRequest request;
    request.files.push_back({ImportTable::Bids,
                             f.Write("bids.csv", "bid_id,organisation,project_title,fund,amount\n"
                                                 "B-1,Org,Title,Innovation Fund,10\n"),
                             ""});
    request.files.push_back({ImportTable::Scores,
                             f.Write("scores.csv", "bid_id,member_id,criterion_id,score\n"
                                                   "B-1,M01,C1,4\nB-1,M01,C2,9\n"),
                             ""});
    const ImportReport report = ImportFiles(*f.ws, request);
    BOOST_TEST(!report.imported);
    BOOST_TEST(report.Errors() == 1);
    BOOST_TEST(Has(report, Severity::Error, "scores.out_of_scale"));
    BOOST_TEST(report.counts.bids == 1); // what would have been imported
    BOOST_TEST(test::LogicalDump(f.path) == before);
    const auto audit = f.ws->ListAudit();
    BOOST_TEST(audit.back().action == "import_rejected");
    BOOST_TEST(audit.back().detail.find("\"errors\":1") != std::string::npos);
    BOOST_TEST(report.Summary() == "Nothing was imported: 1 error.");
}

BOOST_AUTO_TEST_CASE(FilesOfOneImportNameEachOtherAndAreWrittenInOneAuditEntry)
{
    RoundFixture f;
    const std::size_t audit_before = f.ws->ListAudit().size();
    ImportRequest request;
    const auto add = [&](ImportTable table, const std::string& text) {
        request.files.push_back({table, f.Write(std::string(ToString(table)) + ".csv", text), ""});
    };
    // Listed in reverse: the import reads them in dependency order whatever the order given.
    add(ImportTable::Scores, "bid_id,member_id,criterion_id,score\nN-1,M10,Q1,2\nN-1,M10,Q2,1\n");
    add(ImportTable::Interests, "member_id,bid_id,type\nM01,N-1,financial\n");
    add(ImportTable::Bids, "bid_id,organisation,project_title,fund,amount\nN-1,Org,T,New Fund,5\n");
    add(ImportTable::Members, "member_id,name,role\nM10,Kim,carer\n");
    add(ImportTable::Criteria, "fund,criterion_id,name,weight,scale_min,scale_max\n"
                               "New Fund,Q1,Quality,50,0,3\nNew Fund,Q2,Reach,50,0,3\n");
    add(ImportTable::Funds, "fund,budget\nNew Fund,\"£1,000\"\n");
    const ImportReport report = ImportFiles(*f.ws, request);
    BOOST_TEST(report.imported, Codes(report));
    BOOST_TEST(report.Summary() ==
               "Imported 1 fund, 2 criteria, 1 member, 1 bid, 1 interest and 2 scores.");
    const auto audit = f.ws->ListAudit();
    BOOST_TEST(audit.size() == audit_before + 1);
    BOOST_TEST(audit.back().action == "import");
    const RoundData round = f.ws->LoadRound();
    BOOST_TEST(round.funds.back().name == "New Fund");
    BOOST_TEST(round.funds.back().budget_pence == 100'000);
    BOOST_TEST(round.interests.size() == 2U);
    BOOST_TEST(round.scores.size() == 2U);
    BOOST_TEST(round.sheets.size() == 1U);
    BOOST_TEST(static_cast<int>(round.sheets.front().status) ==
               static_cast<int>(SheetStatus::Complete));
}

BOOST_AUTO_TEST_CASE(ImportedSheetsTakeTheStatusTheirScoresGiveAndKeepOneCopyOfEachComment)
{
    RoundFixture f;
    const ImportReport report = f.Import(
        ImportTable::Scores, "bid_id,member_id,criterion_id,score,comment,concerns\n"
                             "INN-001,M01,C1,4,Clear need,\nINN-001,M01,C2,3,Clear need,Cost\n"
                             "INN-001,M01,C3,2,Good team,\nINN-003,M01,C1,4,,\n");
    BOOST_TEST(report.imported, Codes(report));
    const SheetView complete = f.ws->GetSheet(1, 1);
    BOOST_TEST(static_cast<int>(complete.sheet.status) == static_cast<int>(SheetStatus::Complete));
    BOOST_TEST(complete.sheet.strengths == "Clear need\nGood team");
    BOOST_TEST(complete.sheet.concerns == "Cost");
    BOOST_TEST(static_cast<int>(f.ws->GetSheet(3, 1).sheet.status) ==
               static_cast<int>(SheetStatus::InProgress));
}

struct RuleCase
{
    const char* name;
    ImportTable table;
    std::string text;
    Severity severity;
    const char* code;

    friend std::ostream& operator<<(std::ostream& os, const RuleCase& c) { return os << c.name; }
};

const std::string kBidHead = "bid_id,organisation,project_title,fund,amount_requested\n";
const std::string kScoreHead = "bid_id,member_id,criterion_id,score\n";
const std::string kCriteriaHead = "fund,criterion_id,name,weight,scale_min,scale_max,descriptors,"
                                  "gate\n";

const std::vector<RuleCase> kRules{
    {"an unknown fund", ImportTable::Bids, kBidHead + "B-1,Org,T,Lottery Fund,10\n",
     Severity::Error, "bids.unknown_fund"},
    {"a bid without a fund and no --fund", ImportTable::Bids, kBidHead + "B-1,Org,T,,10\n",
     Severity::Error, "bids.missing_fund"},
    {"a bid without an organisation", ImportTable::Bids, kBidHead + "B-1,,T,Innovation Fund,10\n",
     Severity::Error, "bids.missing_organisation"},
    {"a bid without a title", ImportTable::Bids, kBidHead + "B-1,Org,,Innovation Fund,10\n",
     Severity::Warning, "bids.missing_title"},
    {"an amount over the fund's largest award", ImportTable::Bids,
     kBidHead + "B-1,Org,T,Innovation Fund,30000\n", Severity::Warning, "bids.above_max_award"},
    {"an unknown member", ImportTable::Scores, kScoreHead + "INN-001,M9,C1,1\n", Severity::Error,
     "scores.unknown_member"},
    {"a criterion of the other fund", ImportTable::Scores, kScoreHead + "SUS-001,M01,C1,1\n",
     Severity::Error, "scores.unknown_criterion"},
    {"a score that is not a whole number", ImportTable::Scores, kScoreHead + "INN-001,M01,C1,two\n",
     Severity::Error, "number.not_whole"},
    {"weights not summing to 100", ImportTable::Criteria,
     kCriteriaHead + "Sustainability Fund,S2,Reach,20,1,10,,\n", Severity::Warning,
     "criteria.weights_sum"},
    {"a scale running backwards", ImportTable::Criteria,
     kCriteriaHead + "Innovation Fund,C4,Reach,0,5,1,,\n", Severity::Error, "criteria.scale"},
    {"a gate off the scale", ImportTable::Criteria,
     kCriteriaHead + "Innovation Fund,C4,Reach,0,0,5,,7\n", Severity::Error, "criteria.gate"},
    {"a descriptor off the scale", ImportTable::Criteria,
     kCriteriaHead + "Innovation Fund,C4,Reach,0,0,2,0=No|1=Some|3=All,\n", Severity::Error,
     "criteria.descriptors"},
    {"levels without descriptors", ImportTable::Criteria,
     kCriteriaHead + "Innovation Fund,C4,Reach,0,0,2,0=No|2=All,\n", Severity::Warning,
     "criteria.missing_descriptors"},
    {"a criterion id the fund has", ImportTable::Criteria,
     kCriteriaHead + "Innovation Fund,c1,Again,0,0,5,,\n", Severity::Error,
     "criteria.duplicate_id"},
    {"an unknown role", ImportTable::Members, "member_id,name,role\nM9,Kim,mayor\n",
     Severity::Error, "members.role"},
    {"a member id the round has", ImportTable::Members, "member_id,name,role\nm01,Kim,carer\n",
     Severity::Error, "members.already_in_round"},
    {"a repeated interest", ImportTable::Interests, "member_id,bid_id\nM02,INN-002\n",
     Severity::Error, "interests.duplicate"},
    {"a date that could be read two ways", ImportTable::Interests,
     "member_id,bid_id,declared_at\nM01,INN-001,01/03/2026\n", Severity::Error, "date.not_iso"},
    {"a fund name the round has", ImportTable::Funds, "fund,budget\ninnovation fund,5\n",
     Severity::Error, "funds.already_in_round"},
    {"a smallest award above the largest", ImportTable::Funds,
     "fund,budget,min_award,max_award\nNew,100,50,10\n", Severity::Error, "funds.min_over_max"},
};

BOOST_DATA_TEST_CASE(EachRuleIsReportedWithItsSeverityAndNothingIsImported, data::make(kRules), c)
{
    RoundFixture f;
    const std::string before = test::LogicalDump(f.path);
    const ImportReport report = f.Import(c.table, c.text);
    BOOST_TEST(Has(report, c.severity, c.code), Codes(report));
    BOOST_TEST(!report.imported);
    BOOST_TEST(test::LogicalDump(f.path) == before);
}

BOOST_AUTO_TEST_CASE(WarningsAreImportedOnlyWhenAccepted)
{
    RoundFixture f;
    const std::string text = kBidHead + "B-1,Org,,Innovation Fund,10\n";
    BOOST_TEST(!f.Import(ImportTable::Bids, text).imported);
    const ImportReport accepted = f.Import(ImportTable::Bids, text, true);
    BOOST_TEST(accepted.imported);
    BOOST_TEST(accepted.Warnings() == 1);
}

BOOST_AUTO_TEST_CASE(AnImportNeverOverwritesOrContradictsTheRound)
{
    RoundFixture f;
    BOOST_TEST(f.Import(ImportTable::Scores, kScoreHead + "INN-001,M01,C1,4\n").imported);
    BOOST_TEST(Has(f.Import(ImportTable::Scores, kScoreHead + "INN-001,M01,C2,4\n"),
                   Severity::Error, "scores.already_scored"));
    BOOST_TEST(Has(f.Import(ImportTable::Interests, "member_id,bid_id,type\nM01,INN-001,other\n"),
                   Severity::Error, "interests.after_scores"));
    f.ws->LockFund(1);
    BOOST_TEST(Has(f.Import(ImportTable::Bids, kBidHead + "B-1,Org,T,Innovation Fund,10\n"),
                   Severity::Error, "bids.fund_locked"));
    BOOST_TEST(Has(f.Import(ImportTable::Scores, kScoreHead + "INN-003,M01,C1,4\n"),
                   Severity::Error, "scores.fund_locked"));
}

BOOST_AUTO_TEST_CASE(CriteriaAddedToAFundOfTheRoundFollowItsForm)
{
    RoundFixture f;
    const ImportReport report =
        f.Import(ImportTable::Criteria,
                 kCriteriaHead + "Innovation Fund,C4,Reach,0,1,3,1=Few|2=Some|3=Many \\| all,2\n");
    BOOST_TEST(report.imported, Codes(report));
    const Criterion added = f.ws->ListFunds().front().criteria.back();
    BOOST_TEST(added.ref == "C4");
    BOOST_TEST(added.descriptors.size() == 3U);
    BOOST_TEST(added.descriptors.back().text == "Many | all");
    BOOST_TEST(added.gate.value_or(-1) == 2);
}

struct MemberCase
{
    const char* role;
    const char* scores;
    Role expected_role;
    bool expected_scores;

    friend std::ostream& operator<<(std::ostream& os, const MemberCase& c)
    {
        return os << c.role << " / " << c.scores;
    }
};

const std::vector<MemberCase> kMembers{
    {"Councillor", "", Role::Councillor, true},
    {"Person who uses services", "", Role::PersonUsingServices, true},
    {"person_using_services", "no", Role::PersonUsingServices, false},
    {"Voluntary-sector", "", Role::VoluntarySector, true},
    {"officer", "", Role::Officer, false},
    {"Officer", "yes", Role::Officer, true},
};

BOOST_DATA_TEST_CASE(RolesAreReadInTheirPlainWordsAndOfficersAdviseUnlessTold, data::make(kMembers),
                     c)
{
    RoundFixture f;
    const ImportReport report =
        f.Import(ImportTable::Members, std::string("member_id,name,role,scores,chair\nM9,Kim,") +
                                           c.role + "," + c.scores + ",co-chair\n");
    BOOST_TEST_REQUIRE(report.imported, Codes(report));
    const Member m = f.ws->ListMembers().back();
    BOOST_TEST(static_cast<int>(m.role) == static_cast<int>(c.expected_role));
    BOOST_TEST(m.scores == c.expected_scores);
    BOOST_TEST(static_cast<int>(m.chair) == static_cast<int>(ChairRole::CoChair));
}

BOOST_AUTO_TEST_CASE(AnInterestTakesItsTypesUsualRuleUnlessOneIsGiven)
{
    RoundFixture f;
    const ImportReport report =
        f.Import(ImportTable::Interests, "member_id,bid_id,type,rule,declared_at\n"
                                         "M01,INN-001,financial,,2026-03-01\n"
                                         "M03,INN-001,volunteers,declared_may_score,\n");
    BOOST_TEST_REQUIRE(report.imported, Codes(report));
    const auto interests = f.ws->ListInterests();
    const auto find = [&](Key member)
    {
        return *std::find_if(interests.begin(), interests.end(),
                             [&](const Interest& i) { return i.member == member; });
    };
    BOOST_TEST(static_cast<int>(find(1).rule) == static_cast<int>(InterestRule::NoScoreNoSee));
    BOOST_TEST(find(1).declared_at == "2026-03-01T00:00:00Z");
    BOOST_TEST(static_cast<int>(find(3).rule) == static_cast<int>(InterestRule::DeclaredMayScore));
    BOOST_TEST(find(3).declared_at == test::PinnedTime());
}

BOOST_AUTO_TEST_CASE(ACommitRefusesWhenTheRoundChangedAfterThePlan)
{
    RoundFixture f;
    const ImportRequest request =
        f.Request(ImportTable::Bids, kBidHead + "B-1,Org,T,Innovation Fund,10\n");
    const ImportPlan plan = PlanImport(*f.ws, request);
    BOOST_TEST(plan.Report().CanImport(false));
    Member late;
    late.ref = "M99";
    late.name = "Late";
    f.ws->AddMember(late);
    BOOST_CHECK_THROW(CommitImport(*f.ws, plan, false), CommandError);
    BOOST_TEST(f.ws->ListBids().size() == 4U);
    const ImportPlan again = PlanImport(*f.ws, request);
    BOOST_TEST(CommitImport(*f.ws, again, false).imported);
}

BOOST_AUTO_TEST_CASE(PlanningFromAStartReportsProgressAndCanBeStopped)
{
    RoundFixture f;
    std::string bids = kBidHead;
    for (int i = 0; i < 40'000; ++i)
    {
        bids += "B-" + std::to_string(i) + ",Org,T,Innovation Fund,10\n";
    }
    const ImportRequest request = f.Request(ImportTable::Bids, bids);
    const auto audit_before = f.ws->ListAudit().size();

    // Planned from a start taken on this thread, on another one, as the wizard does.
    std::vector<std::int64_t> reported;
    std::vector<std::string> files;
    ImportStart start = StartImport(*f.ws);
    ImportPlan plan =
        std::async(std::launch::async,
                   [&]
                   {
                       return PlanImport(std::move(start), request,
                                         [&](const std::string& file, std::int64_t rows)
                                         {
                                             // Checked here, not on that thread:
                                             // Boost.Test is not thread-safe.
                                             files.push_back(file);
                                             reported.push_back(rows);
                                             return true;
                                         });
                   })
            .get();
    BOOST_TEST(plan.Report().counts.bids == 40'000);
    BOOST_TEST(reported.size() >= 2U);
    BOOST_TEST(std::is_sorted(reported.begin(), reported.end()));
    BOOST_TEST(std::all_of(files.begin(), files.end(),
                           [&](const std::string& file) { return file == request.files[0].path; }));

    // Stopped at the second report: Cancelled, and the round as it was.
    int calls = 0;
    BOOST_CHECK_THROW(PlanImport(StartImport(*f.ws), request,
                                 [&](const std::string&, std::int64_t) { return ++calls < 2; }),
                      coscore::Cancelled);
    BOOST_TEST(calls == 2);
    BOOST_TEST(f.ws->ListBids().size() == 4U);
    BOOST_TEST(f.ws->ListAudit().size() == audit_before);
    BOOST_TEST(CommitImport(*f.ws, plan, false).imported);
    BOOST_TEST(f.ws->ListBids().size() == 40'004U);
}

BOOST_AUTO_TEST_CASE(ThePreviewShowsTheFirstRowsTheHeaderAndAMatrix)
{
    RoundFixture f;
    ImportRequest request = f.Request(ImportTable::Scores, "Council scores,,\nBid,M01 C1,M01 C2\n"
                                                           "INN-001,4,3\nINN-003,1,2\n");
    const ImportPreview preview = PreviewImportFile(*f.ws, request.files.front(), request, 3);
    BOOST_TEST(preview.rows.size() == 3U);
    BOOST_TEST(preview.rows.front().cells.at(0) == "Council scores");
    BOOST_TEST(preview.header_row == 2);
    BOOST_TEST(preview.wide_matrix);
    BOOST_TEST(preview.headings.at(1) == "M01 / C1");
    BOOST_TEST(f.ws->LoadRound().scores.empty());
}

BOOST_AUTO_TEST_CASE(AReportLineNeverCarriesAControlOrBidiCharacterFromAFile)
{
    ImportIssue issue;
    issue.file = "bids\n.csv";
    issue.row = 3;
    issue.column = "org\u202e";
    issue.message = "\"x\n2026-11-22 INFO import accepted\x1b[0m\" is wrong.";
    issue.fix = "Fix\rit.";
    issue.code = "test.code";
    const std::string line = FormatIssue(issue);
    BOOST_TEST(line.find('\n') == std::string::npos);
    BOOST_TEST(line.find('\r') == std::string::npos);
    BOOST_TEST(line.find('\x1b') == std::string::npos);
    BOOST_TEST(line.find("\u202e") == std::string::npos);
    BOOST_TEST(line == "error: bids\\n.csv, line 3, column \"org\\u{202E}\": \"x\\n2026-11-22 "
                       "INFO import accepted\\u{001B}[0m\" is wrong. Fix: Fix\\rit. [test.code]");
}

struct IdCase
{
    const char* a;
    const char* b;
    bool same;
    bool alike;

    friend std::ostream& operator<<(std::ostream& os, const IdCase& c)
    {
        return os << c.a << " / " << c.b;
    }
};

const std::vector<IdCase> kIds{
    {"INN-001", "inn-001", true, true},
    {"INN-001", " INN -001 ", true, true},
    {"INN-001", "INN-0O1", false, true},
    {"INN-001", "INN-00l", false, true},
    {"INN-001", "\u0406NN-001", false, true},   // Cyrillic І
    {"INN-001", "ＩＮＮ－００１", false, true}, // fullwidth
    {"INN-001", "INN\u2013001", false, true},   // en dash
    {"INN-001", "INN-\u200b001", false, true},
    {"Mary", "Mamy", false, false},
    {"Marn", "Mam", false, true},
    {"INN-001", "INN-002", false, false},
};

BOOST_DATA_TEST_CASE(IdsAreTheSameUpToCaseAndSpacesAndAlikeAsReadersSeeThem, data::make(kIds), c)
{
    using namespace coscore::core::imports;
    BOOST_TEST((DuplicateKey(c.a) == DuplicateKey(c.b)) == c.same);
    BOOST_TEST((LookAlikeKey(c.a) == LookAlikeKey(c.b)) == c.alike);
}

BOOST_AUTO_TEST_CASE(HeadingsAreComparedAsPeopleWriteThem)
{
    using coscore::core::imports::NormaliseHeading;
    BOOST_TEST(NormaliseHeading("Amount Requested (£)") == "amount requested £");
    BOOST_TEST(NormaliseHeading("  bid_ID*: ") == "bid id");
    BOOST_TEST(NormaliseHeading("Weight(%)") == "weight %");
    BOOST_TEST(NormaliseHeading("\xEF\xBB\xBF"
                                "Fund") == "fund");
}

BOOST_AUTO_TEST_SUITE_END()
