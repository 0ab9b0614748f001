// SPDX-License-Identifier: MIT
// Opening round files: every refusal of RELIABILITY.md §1 is specific and writes nothing;
// an older schema is migrated forward; a second writer is refused.
#include "print.hpp"
#include "sqlite/database.hpp"
#include "temp_dir.hpp"

#include <coscore/core/audit.hpp>
#include <coscore/core/demo_round.hpp>
#include <coscore/core/round_file.hpp>
#include <coscore/core/workspace.hpp>

#include <boost/test/unit_test.hpp>

#include <sys/wait.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <functional>
#include <sstream>

namespace fs = std::filesystem;
using namespace coscore;
using coscore::test::TempDir;

namespace
{

std::string ReadAll(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

void WriteAll(const std::string& path, const std::string& bytes)
{
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << bytes;
}

struct RefusalCase
{
    std::string name;
    std::function<void(const TempDir&, const std::string& path)> make;
    core::OpenRefusal expected;
    std::string message_part;
};

void MakeDemo(const std::string& path)
{
    core::CreateDemoRound(path);
}

// Writes raw SQL into a closed round file, as someone with the sqlite3 tool would.
void Tamper(const std::string& path, const std::string& sql)
{
    core::sqlite::Database db(path, core::sqlite::OpenFlags::ReadWrite);
    db.Execute(sql);
}

std::vector<RefusalCase> RefusalCases()
{
    return {
        {"EmptyFileIsNotARound", [](const TempDir&, const std::string& p) { WriteAll(p, ""); },
         core::OpenRefusal::Empty, "is empty"},
        {"TextFileIsNotSqlite",
         [](const TempDir&, const std::string& p) { WriteAll(p, "bid_id,organisation\n1,x\n"); },
         core::OpenRefusal::NotSqlite, "not a CoScore round file"},
        {"RandomBytesAreNotSqlite",
         [](const TempDir&, const std::string& p) { WriteAll(p, std::string(4096, '\x5a')); },
         core::OpenRefusal::NotSqlite, "encrypted, or not"},
        {"ForeignSqliteDatabaseIsRefused",
         [](const TempDir&, const std::string& p)
         {
             core::sqlite::Database db(p, core::sqlite::OpenFlags::Create);
             db.Execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)");
         },
         core::OpenRefusal::NotCoScore, "not a CoScore round file"},
        {"NewerSchemaIsRefused",
         [](const TempDir&, const std::string& p)
         {
             MakeDemo(p);
             Tamper(p, "PRAGMA user_version = 99");
         },
         core::OpenRefusal::NewerVersion, "newer CoScore"},
        {"DroppedTriggerIsAlteration",
         [](const TempDir&, const std::string& p)
         {
             MakeDemo(p);
             Tamper(p, "DROP TRIGGER audit_log_no_update");
         },
         core::OpenRefusal::Altered, "audit_log_no_update"},
        {"ExtraTableIsAlteration",
         [](const TempDir&, const std::string& p)
         {
             MakeDemo(p);
             Tamper(p, "CREATE TABLE shadow (id INTEGER PRIMARY KEY)");
         },
         core::OpenRefusal::Altered, "altered outside CoScore"},
        {"CorruptPageIsDamage",
         [](const TempDir&, const std::string& p)
         {
             MakeDemo(p);
             std::string bytes = ReadAll(p);
             // Scribble over the middle of the file (b-tree pages), keeping the header.
             for (std::size_t i = bytes.size() / 2; i < bytes.size() / 2 + 3000; ++i)
             {
                 bytes[i] = static_cast<char>(0xA5 ^ (i & 0xff));
             }
             WriteAll(p, bytes);
         },
         core::OpenRefusal::Damaged, "damaged"},
    };
}

} // namespace

BOOST_AUTO_TEST_SUITE(round_file)

BOOST_AUTO_TEST_CASE(EveryRefusalIsSpecificAndWritesNothing)
{
    for (const RefusalCase& c : RefusalCases())
    {
        BOOST_TEST_CONTEXT(c.name)
        {
            TempDir dir;
            const std::string path = dir.File("round.coscore");
            c.make(dir, path);
            const std::string before = ReadAll(path);
            const auto entries_before = std::distance(fs::directory_iterator(dir.Path()), {});
            bool refused = false;
            try
            {
                core::Workspace::Open(path);
            }
            catch (const core::OpenError& e)
            {
                refused = true;
                BOOST_TEST(static_cast<int>(e.Refusal()) == static_cast<int>(c.expected));
                BOOST_TEST(std::string(e.what()).find(c.message_part) != std::string::npos,
                           "message: " << e.what());
            }
            BOOST_TEST(refused);
            BOOST_TEST(ReadAll(path) == before, "the refused file was changed");
            // No -journal, -wal or lock sidecar is left behind.
            BOOST_TEST(std::distance(fs::directory_iterator(dir.Path()), {}) == entries_before);
        }
    }
}

BOOST_AUTO_TEST_CASE(MissingFileSaysSo)
{
    TempDir dir;
    BOOST_CHECK_EXCEPTION(core::Workspace::Open(dir.File("nope.coscore")), core::OpenError,
                          [](const core::OpenError& e)
                          { return e.Refusal() == core::OpenRefusal::Missing; });
}

BOOST_AUTO_TEST_CASE(CreateRefusesToOverwrite)
{
    TempDir dir;
    const std::string path = dir.File("round.coscore");
    WriteAll(path, "precious");
    BOOST_CHECK_THROW(core::Workspace::Create(path, "New round"), coscore::Error);
    BOOST_TEST(ReadAll(path) == "precious");
}

BOOST_AUTO_TEST_CASE(NewRoundIsStampedAndVersioned)
{
    TempDir dir;
    const std::string path = dir.File("round.coscore");
    {
        auto ws = core::Workspace::Create(path, "  Grants 2027  ");
        BOOST_TEST(ws->GetRoundInfo().title == "Grants 2027");
        BOOST_TEST(ws->GetRoundInfo().uuid.size() == 36U);
    }
    core::sqlite::Database db(path, core::sqlite::OpenFlags::ReadOnly);
    BOOST_TEST(db.PragmaInt("application_id") == core::kApplicationId);
    BOOST_TEST(db.PragmaInt("user_version") == core::CurrentSchemaVersion());
    // Closed cleanly: the rollback journal mode is back, and no -wal is left beside the file.
    BOOST_TEST(db.PragmaText("journal_mode") == "delete");
    BOOST_TEST(!fs::exists(path + "-wal"));
}

BOOST_AUTO_TEST_CASE(OpenUsesWalWithFullSyncOnALocalDisk)
{
    TempDir dir;
    auto ws = core::CreateDemoRound(dir.File("round.coscore"));
    core::sqlite::Database probe(dir.File("round.coscore"), core::sqlite::OpenFlags::ReadOnly);
    BOOST_TEST(probe.PragmaText("journal_mode") == "wal");
}

BOOST_AUTO_TEST_CASE(OlderSchemaIsMigratedForwardAfterABackup)
{
    TempDir dir;
    const std::string path = dir.File("old.coscore");
    fs::copy_file(std::string(COSCORE_TEST_DATA_DIR) + "/rounds/round_v1.coscore", path);
    {
        auto ws = core::Workspace::Open(path);
        const auto round = ws->LoadRound();
        BOOST_TEST(round.info.title == "Old round 2025");
        BOOST_TEST(round.scores.size() == 1U);
        BOOST_TEST(*round.scores.front().value == 4);
        BOOST_TEST(ws->Verify().Ok());
        BOOST_TEST(ws->Verify().schema_version == core::CurrentSchemaVersion());
    }
    BOOST_TEST(fs::exists(path + ".v1-backup"));
    core::sqlite::Database backup(path + ".v1-backup", core::sqlite::OpenFlags::ReadOnly);
    BOOST_TEST(backup.PragmaInt("user_version") == 1);
    core::sqlite::Database migrated(path, core::sqlite::OpenFlags::ReadOnly);
    auto st = migrated.Prepare("SELECT count(*) FROM sqlite_schema WHERE name = 'member_returns'");
    st.Step();
    BOOST_TEST(st.Int(0) == 1);
}

BOOST_AUTO_TEST_CASE(ReadOnlyOpenWritesNothing)
{
    TempDir dir;
    const std::string path = dir.File("round.coscore");
    core::CreateDemoRound(path);
    const std::string before = ReadAll(path);
    {
        core::OpenOptions options;
        options.read_only = true;
        auto ws = core::Workspace::Open(path, options);
        BOOST_TEST(ws->LoadRound().bids.size() == 26U);
        BOOST_CHECK_THROW(ws->SetProtectiveMarking("OFFICIAL"), core::CommandError);
    }
    BOOST_TEST(ReadAll(path) == before);
}

BOOST_AUTO_TEST_CASE(SecondWriterInThisProcessIsRefused)
{
    TempDir dir;
    const std::string path = dir.File("round.coscore");
    auto first = core::CreateDemoRound(path);
    BOOST_CHECK_EXCEPTION(core::Workspace::Open(path), core::OpenError,
                          [](const core::OpenError& e)
                          { return e.Refusal() == core::OpenRefusal::Locked; });
    // The first writer still works: its SQLite locks were not dropped by the refused open.
    first->SetProtectiveMarking("OFFICIAL");
    BOOST_TEST(first->GetRoundInfo().protective_marking == "OFFICIAL");
}

BOOST_AUTO_TEST_CASE(SecondWriterInAnotherProcessIsToldWhoHoldsIt)
{
    TempDir dir;
    const std::string path = dir.File("round.coscore");
    auto holder = core::CreateDemoRound(path);
    const std::string out = dir.File("cli.txt");
    const std::string command =
        std::string(COSCORE_CLI) + " policy '" + path + "' --seed 7 > '" + out + "' 2>&1";
    const int status = std::system(command.c_str());
    BOOST_TEST(WEXITSTATUS(status) == 1);
    const std::string message = ReadAll(out);
    BOOST_TEST(message.find("is already open by") != std::string::npos, message);
    BOOST_TEST(message.find("read-only") != std::string::npos, message);
    BOOST_TEST(holder->GetPolicy().seed != 7U);
}

BOOST_AUTO_TEST_SUITE_END()
