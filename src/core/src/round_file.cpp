// SPDX-License-Identifier: MIT
#include "../sqlite/database.hpp"
#include "migrations.hpp"
#include "round_lock.hpp"
#include "workspace_detail.hpp"

#include <coscore/core/round_file.hpp>

#include <sys/stat.h>
#include <sys/vfs.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <fstream>
#include <tuple>
#include <vector>

namespace coscore::core
{

class RoundFile::Lock : public WriterLock
{
public:
    using WriterLock::WriterLock;
};

namespace
{

constexpr std::size_t kHeaderSize = 100;
constexpr std::string_view kSqliteMagic{"SQLite format 3\0", 16};

std::uint32_t BigEndian32(const unsigned char* p)
{
    return (std::uint32_t{p[0]} << 24) | (std::uint32_t{p[1]} << 16) | (std::uint32_t{p[2]} << 8) |
           std::uint32_t{p[3]};
}

struct Header
{
    std::uint32_t application_id = 0;
    std::uint32_t user_version = 0;
};

// Checks 1–4 of RELIABILITY.md §1 from the raw header: nothing is opened for writing.
Header ReadHeader(const std::string& path)
{
    struct stat st
    {
    };
    if (::stat(path.c_str(), &st) != 0)
    {
        throw OpenError("There is no file at " + path + ". Check the name and folder.",
                        OpenRefusal::Missing);
    }
    if (st.st_size == 0)
    {
        throw OpenError(path + " is empty: it is not a CoScore round.", OpenRefusal::Empty);
    }
    std::ifstream in(path, std::ios::binary);
    std::array<unsigned char, kHeaderSize> header{};
    in.read(reinterpret_cast<char*>(header.data()), header.size());
    const bool is_sqlite = in.gcount() == static_cast<std::streamsize>(kHeaderSize) &&
                           std::string_view(reinterpret_cast<const char*>(header.data()),
                                            kSqliteMagic.size()) == kSqliteMagic;
    if (!is_sqlite)
    {
        throw OpenError(path + " is encrypted, or not a CoScore round file.",
                        OpenRefusal::NotSqlite);
    }
    Header h;
    h.user_version = BigEndian32(&header[60]);
    h.application_id = BigEndian32(&header[68]);
    if (h.application_id != static_cast<std::uint32_t>(kApplicationId))
    {
        throw OpenError(path + " is a database, but not a CoScore round file.",
                        OpenRefusal::NotCoScore);
    }
    if (h.user_version > static_cast<std::uint32_t>(CurrentSchemaVersion()))
    {
        throw OpenError(path + " was made by a newer CoScore (round format " +
                            std::to_string(h.user_version) + "). Please update CoScore to open it.",
                        OpenRefusal::NewerVersion);
    }
    return h;
}

using SchemaRow = std::tuple<std::string, std::string, std::string, std::string>;

std::vector<SchemaRow> SchemaOf(sqlite::Database& db)
{
    std::vector<SchemaRow> rows;
    auto st = db.Prepare("SELECT type, name, tbl_name, coalesce(sql, '') FROM sqlite_schema "
                         "WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name");
    while (st.Step())
    {
        rows.emplace_back(st.Text(0), st.Text(1), st.Text(2), st.Text(3));
    }
    return rows;
}

void ApplyMigrations(sqlite::Database& db, int from_version, int to_version)
{
    for (const Migration& m : AllMigrations())
    {
        if (m.version <= from_version || m.version > to_version)
        {
            continue;
        }
        // DDL is transactional in SQLite: a failed migration leaves the file as it was.
        sqlite::Transaction tx(db);
        db.Execute(m.sql);
        db.Execute("PRAGMA user_version = " + std::to_string(m.version));
        tx.Commit();
    }
}

std::vector<SchemaRow> ExpectedSchema(int version)
{
    sqlite::Database memory(":memory:", sqlite::OpenFlags::Create);
    ApplyMigrations(memory, 0, version);
    return SchemaOf(memory);
}

std::string DescribeDifference(const std::vector<SchemaRow>& actual,
                               const std::vector<SchemaRow>& expected)
{
    for (const auto& row : actual)
    {
        if (std::find(expected.begin(), expected.end(), row) == expected.end())
        {
            return "unexpected or changed " + std::get<0>(row) + " \"" + std::get<1>(row) + "\"";
        }
    }
    for (const auto& row : expected)
    {
        if (std::find(actual.begin(), actual.end(), row) == actual.end())
        {
            return "missing " + std::get<0>(row) + " \"" + std::get<1>(row) + "\"";
        }
    }
    return "";
}

std::string RoundTitle(sqlite::Database& db)
{
    auto st = db.Prepare("SELECT title FROM round WHERE id = 1");
    return st.Step() ? st.Text(0) : std::string("this round");
}

bool IsOnNetworkFolder(const std::string& path)
{
    struct statfs fs
    {
    };
    const auto slash = path.rfind('/');
    const std::string folder = slash == std::string::npos ? "." : path.substr(0, slash + 1);
    if (::statfs(folder.c_str(), &fs) != 0)
    {
        return false;
    }
    // NFS, SMB, CIFS, SMB2, FUSE (sshfs, cloud sync), 9P, AFS, Ceph.
    constexpr std::array<unsigned long, 9> kNetworkTypes{0x6969UL,     0x517BUL,     0xFF534D42UL,
                                                         0xFE534D42UL, 0x65735546UL, 0x01021997UL,
                                                         0x5346414FUL, 0x00C36400UL, 0x6B414653UL};
    const auto type = static_cast<unsigned long>(fs.f_type);
    return std::find(kNetworkTypes.begin(), kNetworkTypes.end(), type) != kNetworkTypes.end();
}

struct CheckedFile
{
    int version = 0;
    std::string title;
};

// Checks 5 and 6: schema as CoScore wrote it, and SQLite's quick_check. Read-only connection.
CheckedFile CheckContents(const std::string& path, const Header& header)
{
    CheckedFile checked;
    checked.version = static_cast<int>(header.user_version);
    try
    {
        sqlite::Database db(path, sqlite::OpenFlags::ReadOnly);
        const std::string quick = db.PragmaText("quick_check");
        if (quick != "ok")
        {
            throw OpenError(path + " is damaged (" + quick +
                                "). Restore it from your latest backup.",
                            OpenRefusal::Damaged);
        }
        const std::string difference =
            DescribeDifference(SchemaOf(db), ExpectedSchema(checked.version));
        if (!difference.empty())
        {
            throw OpenError(path + " was altered outside CoScore (" + difference +
                                "). Restore it from your latest backup.",
                            OpenRefusal::Altered);
        }
        checked.title = RoundTitle(db);
    }
    catch (const StorageError& e)
    {
        if (e.Failure() == StorageFailure::Corrupt)
        {
            throw OpenError(path + " is damaged: " + e.what() +
                                " Restore it from your latest backup.",
                            OpenRefusal::Damaged);
        }
        throw;
    }
    return checked;
}

} // namespace

std::string detail::DescribeSchemaDifference(sqlite::Database& db, int version)
{
    return DescribeDifference(SchemaOf(db), ExpectedSchema(version));
}

int CurrentSchemaVersion()
{
    return AllMigrations().back().version;
}

int CheckRoundFile(const std::string& path)
{
    return CheckContents(path, ReadHeader(path)).version;
}

RoundFile::RoundFile(std::string path, bool read_only)
    : m_path(std::move(path)), m_read_only(read_only)
{
}

RoundFile::~RoundFile()
{
    if (m_db && !m_read_only)
    {
        try
        {
            // Never leave a -wal behind: the file must be whole when copied or sent.
            if (JournalMode() == "wal")
            {
                m_db->Execute("PRAGMA wal_checkpoint(TRUNCATE)");
                m_db->Execute("PRAGMA journal_mode = DELETE");
            }
        }
        catch (const Error&)
        {
            // Best effort: SQLite recovers the WAL on the next open.
        }
    }
    m_db.reset();
    m_lock.reset();
}

std::string RoundFile::JournalMode() const
{
    return m_db->PragmaText("journal_mode");
}

void RoundFile::Configure()
{
    m_db->Execute("PRAGMA foreign_keys = ON");
    m_db->Execute("PRAGMA cell_size_check = ON");
    m_db->Execute("PRAGMA mmap_size = 0");
    if (m_read_only)
    {
        return;
    }
    // WAL does not work on network filesystems; there the rollback journal is used.
    m_db->Execute(IsOnNetworkFolder(m_path) ? "PRAGMA journal_mode = DELETE"
                                            : "PRAGMA journal_mode = WAL");
    m_db->Execute("PRAGMA synchronous = FULL");
}

std::unique_ptr<RoundFile> RoundFile::Open(const std::string& path, const OpenOptions& options)
{
    const Header header = ReadHeader(path);
    const CheckedFile checked = CheckContents(path, header);
    std::unique_ptr<RoundFile> file(new RoundFile(path, options.read_only));
    if (!options.read_only)
    {
        file->m_lock = std::make_unique<Lock>(path, checked.title);
    }
    file->m_db = std::make_unique<sqlite::Database>(
        path, options.read_only ? sqlite::OpenFlags::ReadOnly : sqlite::OpenFlags::ReadWrite);
    file->Configure();
    if (!options.read_only && checked.version < CurrentSchemaVersion())
    {
        // Keep the old file as it was before moving it forward.
        file->m_db->VacuumInto(path + ".v" + std::to_string(checked.version) + "-backup");
        ApplyMigrations(*file->m_db, checked.version, CurrentSchemaVersion());
    }
    return file;
}

std::unique_ptr<RoundFile> RoundFile::Create(const std::string& path, const std::string& title,
                                             const std::string& created_at)
{
    struct stat st
    {
    };
    if (::stat(path.c_str(), &st) == 0)
    {
        throw Error(path + " already exists. Choose another name, or open it instead.");
    }
    const std::string temp = path + ".creating-" + std::to_string(::getpid());
    std::remove(temp.c_str());
    try
    {
        sqlite::Database db(temp, sqlite::OpenFlags::Create);
        db.Execute("PRAGMA application_id = " + std::to_string(kApplicationId));
        db.Execute("PRAGMA foreign_keys = ON");
        ApplyMigrations(db, 0, CurrentSchemaVersion());
        auto st_round =
            db.Prepare("INSERT INTO round (id, uuid, title, created_at) VALUES (1, ?1, ?2, ?3)");
        // A random v4 UUID from SQLite's own randomness source.
        auto uuid = db.Prepare(
            "SELECT lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || "
            "substr(hex(randomblob(2)), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || "
            "substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)))");
        uuid.Step();
        st_round.Bind(1, uuid.Text(0)).Bind(2, title).Bind(3, created_at).Run();
    }
    catch (...)
    {
        std::remove(temp.c_str());
        throw;
    }
    // link() refuses to replace a file that appeared meanwhile; rename() would not.
    if (::link(temp.c_str(), path.c_str()) != 0)
    {
        std::remove(temp.c_str());
        throw Error("Cannot create " + path +
                    ". Check that the folder exists and that you may write to it.");
    }
    std::remove(temp.c_str());
    return Open(path, {});
}

} // namespace coscore::core
