// SPDX-License-Identifier: MIT
// A failed or cancelled export leaves no file under the target name (and no temporary file),
// says what went wrong, and leaves a file that was already there as it was.
#include "fixture.hpp"
#include "readback.hpp"
#include "temp_dir.hpp"

#include <coscore/exports/export.hpp>

#include <boost/test/data/monomorphic.hpp>
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <unistd.h>

#include <algorithm>
#include <fstream>
#include <functional>
#include <ostream>
#include <string>
#include <vector>

namespace
{

namespace data = boost::unit_test::data;
namespace fs = std::filesystem;
using coscore::exports::ExportError;
using coscore::test::FilesIn;

const coscore::test::Fixture& SharedFixture()
{
    static const coscore::test::Fixture fixture =
        coscore::test::MakeFixture(coscore::test::MakeFixtureRound());
    return fixture;
}

/// One way to write one output, so that every output is tried against every failure.
struct OutputCase
{
    const char* name;
    const char* file;
    std::function<coscore::exports::ExportReport(const coscore::exports::ExportInput&,
                                                 const fs::path&,
                                                 const coscore::exports::ExportOptions&)>
        write;
};

std::ostream& operator<<(std::ostream& os, const OutputCase& c)
{
    return os << c.name;
}

const OutputCase kOutputs[] = {
    {"award list", "awards.xlsx", coscore::exports::WriteAwardList},
    {"award list as CSV", "awards.csv", coscore::exports::WriteAwardList},
    {"scoring matrix", "matrix.xlsx", coscore::exports::WriteScoringMatrix},
    {"panel report", "report.xlsx", coscore::exports::WritePanelReport},
    {"feedback sheet", "feedback.xlsx", coscore::exports::WriteFeedbackSheet},
    {"audit log", "audit.xlsx", coscore::exports::WriteAuditLog},
    {"audit log as CSV", "audit.csv", coscore::exports::WriteAuditLog},
    {"CSV folder", "csv", coscore::exports::WriteCsvFolder},
};

/// A folder nobody may write to, root included (chattr +i); restored afterwards.
class ReadOnlyFolder
{
public:
    explicit ReadOnlyFolder(fs::path path) : m_path(std::move(path))
    {
        fs::create_directories(m_path);
        const std::string quoted = "'" + m_path.string() + "'";
        m_immutable =
            ::geteuid() == 0 && coscore::test::Run("chattr +i " + quoted + " 2>/dev/null") == 0;
        if (!m_immutable)
        {
            fs::permissions(m_path, fs::perms::owner_read | fs::perms::owner_exec);
        }
        std::ofstream probe(m_path / "probe");
        m_really_read_only = !probe.is_open();
    }
    ~ReadOnlyFolder()
    {
        if (m_immutable)
        {
            coscore::test::Run("chattr -i '" + m_path.string() + "'");
        }
        std::error_code ec;
        fs::permissions(m_path, fs::perms::owner_all, ec);
    }
    ReadOnlyFolder(const ReadOnlyFolder&) = delete;
    ReadOnlyFolder& operator=(const ReadOnlyFolder&) = delete;
    bool IsReadOnly() const { return m_really_read_only; }

private:
    fs::path m_path;
    bool m_immutable = false;
    bool m_really_read_only = false;
};

} // namespace

BOOST_AUTO_TEST_SUITE(FailedExports)

BOOST_DATA_TEST_CASE(AMissingFolderIsAClearErrorAndWritesNothing, data::make(kOutputs), c)
{
    if (c.file == std::string("csv"))
    {
        return; // the CSV folder is created when missing (TheCsvFolderIsCreatedWhenMissing)
    }
    coscore::test::TempDir dir;
    const fs::path target = dir.Path() / "no such folder" / c.file;
    try
    {
        c.write(SharedFixture().Input(), target, {});
        BOOST_FAIL("no error");
    }
    catch (const ExportError& e)
    {
        BOOST_TEST(std::string(e.what()).find("does not exist") != std::string::npos, e.what());
    }
    BOOST_TEST(FilesIn(dir.Path()).empty());
}

BOOST_AUTO_TEST_CASE(TheCsvFolderIsCreatedWhenMissing)
{
    coscore::test::TempDir dir;
    const auto report =
        coscore::exports::WriteCsvFolder(SharedFixture().Input(), dir.Path() / "out" / "csv");
    BOOST_TEST(report.written.size() == 10U);
    BOOST_TEST(fs::exists(dir.Path() / "out" / "csv" / "awards.csv"));
}

BOOST_DATA_TEST_CASE(AnUnwritableFolderIsAClearErrorAndWritesNothing, data::make(kOutputs), c)
{
    coscore::test::TempDir dir;
    const fs::path folder = dir.Path() / "locked";
    const ReadOnlyFolder lock(folder);
    BOOST_REQUIRE_MESSAGE(lock.IsReadOnly(), "could not make a read-only folder for this test");
    BOOST_CHECK_THROW(c.write(SharedFixture().Input(), folder / c.file, {}), ExportError);
    BOOST_TEST(FilesIn(folder).empty());
}

BOOST_DATA_TEST_CASE(ACancelledExportLeavesNoFileBehind, data::make(kOutputs), c)
{
    for (const int calls_before_cancel : {0, 1, 3, 10})
    {
        BOOST_TEST_CONTEXT("cancel after " << calls_before_cancel << " reports")
        {
            coscore::test::TempDir dir;
            int calls = 0;
            coscore::exports::ExportOptions options;
            options.progress = [&](double, std::string_view)
            { return calls++ < calls_before_cancel; };
            BOOST_CHECK_THROW(c.write(SharedFixture().Input(), dir.Path() / c.file, options),
                              coscore::Cancelled);
            BOOST_TEST(FilesIn(dir.Path()).empty());
        }
    }
}

BOOST_DATA_TEST_CASE(AFileAlreadyThereSurvivesAFailedExport, data::make(kOutputs), c)
{
    if (c.file == std::string("csv"))
    {
        return; // a folder, not a file: covered by the cancel case
    }
    for (const int calls_before_cancel : {1, 2, 5})
    {
        coscore::test::TempDir dir;
        const fs::path target = dir.Path() / c.file;
        {
            std::ofstream(target) << "last week's version";
        }
        int calls = 0;
        coscore::exports::ExportOptions options;
        options.progress = [&](double, std::string_view) { return calls++ < calls_before_cancel; };
        BOOST_CHECK_THROW(c.write(SharedFixture().Input(), target, options), coscore::Cancelled);
        BOOST_TEST(coscore::test::ReadFile(target) == "last week's version");
        BOOST_TEST(FilesIn(dir.Path()).size() == 1U);
    }
}

BOOST_AUTO_TEST_CASE(ALibxlsxwriterFailureKeepsItsCodeAndNamesTheFile)
{
    coscore::test::TempDir dir;
    const fs::path folder = dir.Path() / "locked";
    const ReadOnlyFolder lock(folder);
    BOOST_REQUIRE_MESSAGE(lock.IsReadOnly(), "could not make a read-only folder for this test");
    const fs::path target = folder / "awards.xlsx";
    try
    {
        coscore::exports::WriteAwardList(SharedFixture().Input(), target);
        BOOST_FAIL("no error");
    }
    catch (const ExportError& e)
    {
        BOOST_TEST(e.LibraryCode() != 0); // LXW_ERROR_CREATING_XLSX_FILE
        BOOST_TEST(std::string(e.what()).find(target.string()) != std::string::npos, e.what());
        BOOST_TEST(std::string(e.what()).find("you may write to it") != std::string::npos,
                   e.what());
    }
    BOOST_TEST(FilesIn(folder).empty());
}

BOOST_AUTO_TEST_CASE(ATargetThatIsAFolderIsRefusedAndLeftAlone)
{
    coscore::test::TempDir dir;
    const fs::path target = dir.Path() / "awards.xlsx";
    fs::create_directories(target / "inside");
    BOOST_CHECK_THROW(coscore::exports::WriteAwardList(SharedFixture().Input(), target),
                      ExportError);
    BOOST_TEST(fs::is_directory(target / "inside"));
    BOOST_TEST(FilesIn(dir.Path()).size() == 2U); // the folder and its child, nothing else
}

BOOST_AUTO_TEST_CASE(ExportAllWritesEverythingOrNothing)
{
    coscore::test::TempDir dir;
    coscore::exports::ExportRequest request;
    request.awards = dir.Path() / "awards.xlsx";
    request.report = dir.Path() / "report.xlsx";
    request.csv_folder = dir.Path() / "csv";
    request.matrix = dir.Path() / "missing" / "matrix.xlsx"; // fails after the award list
    BOOST_CHECK_THROW(coscore::exports::ExportAll(SharedFixture().Input(), request), ExportError);
    BOOST_TEST(FilesIn(dir.Path()).empty()); // no award list, no CSV folder
}

BOOST_AUTO_TEST_CASE(CancellingTwoOutputsWrittenAtOnceLeavesNeither)
{
    for (const int calls_before_cancel : {1, 4, 12})
    {
        BOOST_TEST_CONTEXT("cancel after " << calls_before_cancel << " reports")
        {
            coscore::test::TempDir dir;
            coscore::exports::ExportRequest request;
            request.awards = dir.Path() / "awards.xlsx";
            request.matrix = dir.Path() / "matrix.xlsx";
            request.report = dir.Path() / "report.xlsx";
            int calls = 0;
            coscore::exports::ExportOptions options;
            options.progress = [&](double, std::string_view)
            { return calls++ < calls_before_cancel; };
            BOOST_CHECK_THROW(
                coscore::exports::ExportAll(SharedFixture().Input(), request, options),
                coscore::Cancelled);
            BOOST_TEST(FilesIn(dir.Path()).empty());
        }
    }
}

BOOST_AUTO_TEST_CASE(TwoOutputsUnderOneNameAreRefused)
{
    coscore::test::TempDir dir;
    coscore::exports::ExportRequest request;
    request.awards = dir.Path() / "out.xlsx";
    request.report = dir.Path() / "." / "out.xlsx";
    BOOST_CHECK_THROW(coscore::exports::ExportAll(SharedFixture().Input(), request), ExportError);
    BOOST_TEST(FilesIn(dir.Path()).empty());
}

BOOST_AUTO_TEST_CASE(ProgressRunsFromZeroToOneWithPlainSteps)
{
    coscore::test::TempDir dir;
    std::vector<double> fractions;
    std::vector<std::string> steps;
    coscore::exports::ExportOptions options;
    options.progress = [&](double fraction, std::string_view step)
    {
        fractions.push_back(fraction);
        steps.emplace_back(step);
        return true;
    };
    coscore::exports::ExportRequest request;
    request.awards = dir.Path() / "awards.xlsx";
    request.matrix = dir.Path() / "matrix.xlsx";
    request.csv_folder = dir.Path() / "csv";
    const auto report = coscore::exports::ExportAll(SharedFixture().Input(), request, options);
    BOOST_TEST(report.written.size() == 12U); // two workbooks and ten CSV files
    BOOST_REQUIRE(fractions.size() > 5U);
    BOOST_TEST(std::is_sorted(fractions.begin(), fractions.end()));
    BOOST_TEST(fractions.front() >= 0.0);
    BOOST_TEST(fractions.back() == 1.0);
    BOOST_TEST(steps.back() == "Done");
    BOOST_TEST(std::count(steps.begin(), steps.end(), "Award list") >= 1);
}

BOOST_AUTO_TEST_SUITE_END()
