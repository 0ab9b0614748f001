// SPDX-License-Identifier: MIT
// The hostile-input corpus (RELIABILITY.md §3, §10): every file of tests/data/hostile/manifest.tsv
// is imported into the corpus round in a child process, so that its time and peak memory are its
// own. A refused file must give its specific code within 5 s and 256 MiB and leave the round as
// it was (one import_rejected audit entry aside); a control must import exactly its expected rows.
#include "import_fixture.hpp"

#include <coscore/core/import.hpp>

#include <boost/test/data/monomorphic.hpp>
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <charconv>
#include <chrono>
#include <cstdio>
#include <ostream>

namespace
{

using namespace coscore;
using namespace coscore::core;
namespace data = boost::unit_test::data;

constexpr double kMaxSeconds = 5.0;
constexpr long kMaxKibibytes = 256 * 1024;
const char* const kCanary = "COSCORE-CANARY-7f3a9c";
const char* const kCanaryFile = "/tmp/coscore-canary.txt";

struct CorpusCase
{
    std::string name;
    std::string table;
    std::string options;
    std::string expect;
    std::string sha256;
    std::string what;

    friend std::ostream& operator<<(std::ostream& os, const CorpusCase& c)
    {
        return os << c.name << " (" << c.what << ")";
    }
};

std::vector<std::string> SplitTabs(const std::string& line)
{
    std::vector<std::string> cells;
    std::size_t start = 0;
    for (std::size_t tab = line.find('\t'); tab != std::string::npos; tab = line.find('\t', start))
    {
        cells.push_back(line.substr(start, tab - start));
        start = tab + 1;
    }
    cells.push_back(line.substr(start));
    return cells;
}

std::vector<CorpusCase> Manifest()
{
    std::vector<CorpusCase> cases;
    std::istringstream in(test::ReadFile(test::SourceDir() + "/tests/data/hostile/manifest.tsv"));
    std::string line;
    while (std::getline(in, line))
    {
        const auto cells = SplitTabs(line);
        if (line.empty() || line[0] == '#' || cells.size() != 6)
        {
            continue;
        }
        cases.push_back({cells[0], cells[1], cells[2], cells[3], cells[4], cells[5]});
    }
    return cases;
}

/// The corpus, generated once per test run by the committed script, which also checks that
/// every file hashes as manifest.tsv says (so the corpus is the one reviewed).
const std::string& CorpusDir()
{
    static test::TempDir dir;
    static const std::string path = [&]
    {
        const std::string command = std::string(COSCORE_PYTHON3) + " " + test::SourceDir() +
                                    "/tests/data/hostile/make_corpus.py --check --out " +
                                    dir.Path().string() + " > /dev/null";
        BOOST_TEST_REQUIRE(std::system(command.c_str()) == 0);
        test::WriteFile(kCanaryFile, std::string(kCanary) + "\n");
        return dir.Path().string();
    }();
    return path;
}

ImportRequest RequestFor(const CorpusCase& c, bool accept_warnings)
{
    ImportRequest request;
    request.files.push_back({*ParseImportTable(c.table), CorpusDir() + "/" + c.name, ""});
    request.accept_warnings = accept_warnings;
    std::istringstream options(c.options);
    std::string option;
    while (std::getline(options, option, ';'))
    {
        const auto equals = option.find('=');
        const std::string key = option.substr(0, equals);
        const std::string value = equals == std::string::npos ? "" : option.substr(equals + 1);
        std::int64_t number = 0;
        std::from_chars(value.data(), value.data() + value.size(), number);
        if (key == "encoding")
        {
            request.options.encoding = TextEncoding::Windows1252;
        }
        else if (key == "decimal_comma")
        {
            request.options.decimal_comma = true;
        }
        else if (key == "accept_warnings")
        {
            request.accept_warnings = true;
        }
        else if (key == "fund")
        {
            request.fund = value;
        }
        else if (key == "sheet")
        {
            request.files.front().sheet = value;
        }
        else if (key == "max_rows")
        {
            request.options.limits.max_rows = number;
        }
        else if (key == "max_part_bytes")
        {
            request.options.limits.max_part_bytes = number;
        }
    }
    return request;
}

struct ChildResult
{
    bool imported = false;
    std::vector<std::pair<std::string, std::string>> issues; ///< severity, code
    std::string lines;                                       ///< the printed report
    double seconds = 0;
    long max_rss_kib = 0;
    int status = -1;
};

/// Imports in a forked child and reports back through a pipe: the child's own peak memory and
/// time, and the report.
ChildResult ImportInChild(const std::string& round, const ImportRequest& request)
{
    int fds[2];
    BOOST_TEST_REQUIRE(::pipe(fds) == 0);
    const auto start = std::chrono::steady_clock::now();
    const pid_t pid = ::fork();
    BOOST_TEST_REQUIRE(pid >= 0);
    if (pid == 0)
    {
        ::close(fds[0]);
        std::string out;
        try
        {
            auto ws = Workspace::Open(round);
            ws->SetClock(&test::PinnedTime);
            const ImportReport report = ImportFiles(*ws, request);
            out += report.imported ? "imported\n" : "refused\n";
            for (const ImportIssue& i : report.issues)
            {
                out += std::string(ToString(i.severity)) + " " + i.code + "\n";
            }
            out += "--\n";
            for (const std::string& line : report.Lines())
            {
                out += line + "\n";
            }
        }
        catch (const std::exception& e)
        {
            out = std::string("exception\n--\n") + e.what() + "\n";
        }
        const char* p = out.data();
        std::size_t left = out.size();
        while (left > 0)
        {
            const ssize_t n = ::write(fds[1], p, left);
            if (n <= 0)
            {
                break;
            }
            p += n;
            left -= static_cast<std::size_t>(n);
        }
        ::_exit(0);
    }
    ::close(fds[1]);
    std::string text;
    char buffer[4096];
    ssize_t n = 0;
    while ((n = ::read(fds[0], buffer, sizeof buffer)) > 0)
    {
        text.append(buffer, static_cast<std::size_t>(n));
    }
    ::close(fds[0]);
    ChildResult result;
    rusage usage{};
    ::wait4(pid, &result.status, 0, &usage);
    result.seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    result.max_rss_kib = usage.ru_maxrss;
    std::istringstream in(text);
    std::string line;
    std::getline(in, line);
    result.imported = line == "imported";
    while (std::getline(in, line) && line != "--")
    {
        const auto space = line.find(' ');
        result.issues.emplace_back(line.substr(0, space), line.substr(space + 1));
    }
    result.lines = text.substr(std::min(text.size(), text.find("--\n") + 3));
    return result;
}

bool HasIssue(const ChildResult& r, const std::string& severity, const std::string& code)
{
    return std::find(r.issues.begin(), r.issues.end(), std::pair(severity, code)) != r.issues.end();
}

std::string ExpectedRows(const CorpusCase& c)
{
    return test::ReadFile(CorpusDir() + "/" + c.name + ".expected.tsv");
}

/// The checks on one file's import, with the report shown when one fails.
void CheckOutcome(const CorpusCase& c, const std::string& round, const ChildResult& result,
                  const std::string& dump_before, std::size_t audit_before,
                  const scoring::RoundData& data_before)
{
    const bool expect_ok = c.expect == "ok";
    const auto colon = c.expect.find(':');
    const std::string severity = expect_ok ? "" : c.expect.substr(0, colon);
    const std::string code = expect_ok ? "" : c.expect.substr(colon + 1);
    BOOST_TEST(result.status == 0);
    BOOST_TEST(result.seconds < kMaxSeconds);
    BOOST_TEST(result.max_rss_kib < kMaxKibibytes);
    BOOST_TEST(result.lines.find(kCanary) == std::string::npos);
    BOOST_TEST(test::LogicalDump(round).find(kCanary) == std::string::npos);
    // A printed report never carries a raw control or bidi character (no forged log lines).
    BOOST_TEST(result.lines.find('\x1b') == std::string::npos);
    BOOST_TEST(result.lines.find("\u202e") == std::string::npos);
    if (expect_ok)
    {
        BOOST_TEST(result.imported);
        const scoring::RoundData after = Workspace::Open(round, {true})->LoadRound();
        BOOST_TEST(test::ImportedRows(data_before, after, *ParseImportTable(c.table)) ==
                   ExpectedRows(c));
        return;
    }
    BOOST_TEST(!result.imported);
    BOOST_TEST(HasIssue(result, severity, code));
    BOOST_TEST(test::LogicalDump(round) == dump_before);
    const auto audit = test::AuditOf(round);
    BOOST_TEST_REQUIRE(audit.size() == audit_before + 1);
    BOOST_TEST(audit.back().action == "import_rejected");
    BOOST_TEST(audit.back().detail.find(kCanary) == std::string::npos);
    if (severity == "warning")
    {
        // Nothing but warnings: accepting them imports the file.
        BOOST_TEST(std::none_of(result.issues.begin(), result.issues.end(),
                                [](const auto& i) { return i.first == "error"; }));
        const ChildResult accepted = ImportInChild(round, RequestFor(c, true));
        BOOST_TEST(accepted.imported);
    }
}

} // namespace

BOOST_AUTO_TEST_SUITE(HostileImports)

BOOST_AUTO_TEST_CASE(TheCorpusIsRegeneratedExactlyAsItsManifestRecords)
{
    // CorpusDir() fails the test when a generated file's hash differs from manifest.tsv.
    BOOST_TEST(!CorpusDir().empty());
    BOOST_TEST(Manifest().size() >= 100U);
}

BOOST_DATA_TEST_CASE(EachFileImportsExactlyOrIsRefusedWithItsCodeAndTheRoundUnchanged,
                     data::make(Manifest()), c)
{
    test::TempDir dir;
    const std::string round = dir.File("round.coscore");
    test::MakeBaseRound(round);
    const std::string dump_before = test::LogicalDump(round);
    const std::size_t audit_before = test::AuditOf(round).size();
    const scoring::RoundData data_before = Workspace::Open(round, {true})->LoadRound();
    const ChildResult result = ImportInChild(round, RequestFor(c, false));
    BOOST_TEST_MESSAGE(c.name << ": " << result.seconds << " s, " << result.max_rss_kib / 1024
                              << " MiB peak");
    BOOST_TEST_CONTEXT("report:\n" << result.lines)
    {
        CheckOutcome(c, round, result, dump_before, audit_before, data_before);
    }
}

BOOST_AUTO_TEST_CASE(TheWizardListsOnlyVisibleSheetsAndASheetCanBeChosenByName)
{
    const std::string workbook = CorpusDir() + "/xlsx_control.xlsx";
    BOOST_TEST(ListSheets(workbook) == std::vector<std::string>{"Bids"},
               boost::test_tools::per_element());
    test::TempDir dir;
    auto ws = test::MakeBaseRound(dir.File("round.coscore"));
    ImportRequest request;
    request.files.push_back({ImportTable::Bids, workbook, "bids"}); // names ignore case
    const ImportReport report = ImportFiles(*ws, request);
    BOOST_TEST(report.imported);
    BOOST_TEST(report.counts.bids == 2);
    // The hidden sheet can be named too; it has no bids columns, so that import is refused.
    request.files.front().sheet = "Hidden notes";
    BOOST_TEST(!ImportFiles(*ws, request).imported);
}

BOOST_AUTO_TEST_SUITE_END()
