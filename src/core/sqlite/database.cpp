// SPDX-License-Identifier: MIT
#include "database.hpp"

#define SQLITE_ENABLE_SESSION
#define SQLITE_ENABLE_PREUPDATE_HOOK
#include <sqlite3.h>

#include <utility>

namespace coscore::core::sqlite
{
namespace
{

StorageFailure FailureOf(int rc)
{
    switch (rc & 0xff)
    {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
        return StorageFailure::Busy;
    case SQLITE_FULL:
        return StorageFailure::Full;
    case SQLITE_READONLY:
    case SQLITE_PERM:
        return StorageFailure::ReadOnly;
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
        return StorageFailure::Corrupt;
    case SQLITE_CONSTRAINT:
        return StorageFailure::Constraint;
    default:
        return StorageFailure::Other;
    }
}

std::string Advice(StorageFailure failure)
{
    switch (failure)
    {
    case StorageFailure::Busy:
        return " Another program is using the round file; close it and try again.";
    case StorageFailure::Full:
        return " The disk is full; free some space and try again. Nothing was changed.";
    case StorageFailure::ReadOnly:
        return " The file or its folder is read-only; copy the round to a folder you can write "
               "to.";
    case StorageFailure::Corrupt:
        return " The round file is damaged; restore it from a backup.";
    case StorageFailure::Constraint:
    case StorageFailure::Other:
        return "";
    }
    return "";
}

} // namespace

void ThrowOnError(sqlite3* db, int rc, std::string_view what)
{
    if (rc == SQLITE_OK || rc == SQLITE_ROW || rc == SQLITE_DONE)
    {
        return;
    }
    const StorageFailure failure = FailureOf(rc);
    std::string message(what);
    message += ": ";
    message += db != nullptr ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
    message += ".";
    message += Advice(failure);
    throw StorageError(message, rc, failure);
}

Database::Database(const std::string& path, OpenFlags flags) : m_path(path)
{
    int open_flags = SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX;
    switch (flags)
    {
    case OpenFlags::ReadOnly:
        open_flags |= SQLITE_OPEN_READONLY;
        break;
    case OpenFlags::ReadWrite:
        open_flags |= SQLITE_OPEN_READWRITE;
        break;
    case OpenFlags::Create:
        open_flags |= SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
        break;
    }
    const int rc = sqlite3_open_v2(path.c_str(), &m_db, open_flags, nullptr);
    if (rc != SQLITE_OK)
    {
        const std::string message = m_db != nullptr ? sqlite3_errmsg(m_db) : sqlite3_errstr(rc);
        sqlite3_close_v2(m_db);
        m_db = nullptr;
        throw StorageError("Cannot open " + path + ": " + message + ".", rc, FailureOf(rc));
    }
    sqlite3_extended_result_codes(m_db, 1);
    sqlite3_busy_timeout(m_db, 5000);
    // Hardening of RELIABILITY.md §1: no writable schema tricks, no untrusted schema functions.
    sqlite3_db_config(m_db, SQLITE_DBCONFIG_DEFENSIVE, 1, nullptr);
    sqlite3_db_config(m_db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, nullptr);
}

Database::~Database()
{
    if (m_db != nullptr)
    {
        sqlite3_close_v2(m_db);
    }
}

Database::Database(Database&& other) noexcept
    : m_db(std::exchange(other.m_db, nullptr)), m_path(std::move(other.m_path))
{
}

Database& Database::operator=(Database&& other) noexcept
{
    if (this != &other)
    {
        if (m_db != nullptr)
        {
            sqlite3_close_v2(m_db);
        }
        m_db = std::exchange(other.m_db, nullptr);
        m_path = std::move(other.m_path);
    }
    return *this;
}

void Database::Execute(std::string_view sql)
{
    const std::string text(sql);
    char* error = nullptr;
    const int rc = sqlite3_exec(m_db, text.c_str(), nullptr, nullptr, &error);
    if (error != nullptr)
    {
        sqlite3_free(error);
    }
    ThrowOnError(m_db, rc, "Database command failed");
}

Statement Database::Prepare(std::string_view sql)
{
    return Statement(*this, sql);
}

std::string Database::PragmaText(std::string_view name)
{
    Statement st(*this, "PRAGMA " + std::string(name));
    return st.Step() ? st.Text(0) : std::string();
}

std::int64_t Database::PragmaInt(std::string_view name)
{
    Statement st(*this, "PRAGMA " + std::string(name));
    return st.Step() ? st.Int64(0) : 0;
}

std::int64_t Database::LastInsertRowId() const
{
    return sqlite3_last_insert_rowid(m_db);
}

int Database::Changes() const
{
    return sqlite3_changes(m_db);
}

bool Database::IsAutocommit() const
{
    return sqlite3_get_autocommit(m_db) != 0;
}

void Database::VacuumInto(const std::string& target)
{
    Statement st(*this, "VACUUM INTO ?1");
    st.Bind(1, target);
    st.Run();
}

Statement::Statement(Database& db, std::string_view sql) : m_db(&db)
{
    const int rc =
        sqlite3_prepare_v2(db.Handle(), sql.data(), static_cast<int>(sql.size()), &m_stmt, nullptr);
    ThrowOnError(db.Handle(), rc, "Preparing a database query failed");
}

Statement::~Statement()
{
    if (m_stmt != nullptr)
    {
        sqlite3_finalize(m_stmt);
    }
}

Statement::Statement(Statement&& other) noexcept
    : m_stmt(std::exchange(other.m_stmt, nullptr)), m_db(other.m_db)
{
}

Statement& Statement::operator=(Statement&& other) noexcept
{
    if (this != &other)
    {
        if (m_stmt != nullptr)
        {
            sqlite3_finalize(m_stmt);
        }
        m_stmt = std::exchange(other.m_stmt, nullptr);
        m_db = other.m_db;
    }
    return *this;
}

void Statement::Check(int rc, const char* what) const
{
    ThrowOnError(m_db->Handle(), rc, what);
}

Statement& Statement::Bind(int index, std::int64_t value)
{
    Check(sqlite3_bind_int64(m_stmt, index, value), "Binding a value failed");
    return *this;
}

Statement& Statement::Bind(int index, double value)
{
    Check(sqlite3_bind_double(m_stmt, index, value), "Binding a value failed");
    return *this;
}

Statement& Statement::Bind(int index, std::string_view value)
{
    Check(sqlite3_bind_text64(m_stmt, index, value.data(), value.size(), SQLITE_TRANSIENT,
                              SQLITE_UTF8),
          "Binding a value failed");
    return *this;
}

Statement& Statement::BindUncopied(int index, std::string_view value)
{
    Check(
        sqlite3_bind_text64(m_stmt, index, value.data(), value.size(), SQLITE_STATIC, SQLITE_UTF8),
        "Binding a value failed");
    return *this;
}

Statement& Statement::BindBlob(int index, const std::vector<unsigned char>& value)
{
    Check(sqlite3_bind_blob64(m_stmt, index, value.data(), value.size(), SQLITE_TRANSIENT),
          "Binding a value failed");
    return *this;
}

Statement& Statement::BindNull(int index)
{
    Check(sqlite3_bind_null(m_stmt, index), "Binding a value failed");
    return *this;
}

bool Statement::Step()
{
    const int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW)
    {
        return true;
    }
    if (rc == SQLITE_DONE)
    {
        return false;
    }
    ThrowOnError(m_db->Handle(), rc, "Database step failed");
    return false;
}

void Statement::Run()
{
    while (Step())
    {
    }
    Reset();
}

void Statement::Reset()
{
    sqlite3_reset(m_stmt);
    sqlite3_clear_bindings(m_stmt);
}

bool Statement::IsNull(int column) const
{
    return sqlite3_column_type(m_stmt, column) == SQLITE_NULL;
}

std::int64_t Statement::Int64(int column) const
{
    return sqlite3_column_int64(m_stmt, column);
}

int Statement::Int(int column) const
{
    return sqlite3_column_int(m_stmt, column);
}

double Statement::Double(int column) const
{
    return sqlite3_column_double(m_stmt, column);
}

std::string Statement::Text(int column) const
{
    const auto* text = sqlite3_column_text(m_stmt, column);
    const int size = sqlite3_column_bytes(m_stmt, column);
    if (text == nullptr)
    {
        return {};
    }
    return std::string(reinterpret_cast<const char*>(text), static_cast<std::size_t>(size));
}

std::vector<unsigned char> Statement::Blob(int column) const
{
    const auto* data = static_cast<const unsigned char*>(sqlite3_column_blob(m_stmt, column));
    const int size = sqlite3_column_bytes(m_stmt, column);
    if (data == nullptr)
    {
        return {};
    }
    return std::vector<unsigned char>(data, data + size);
}

std::optional<std::int64_t> Statement::OptionalInt64(int column) const
{
    if (IsNull(column))
    {
        return std::nullopt;
    }
    return Int64(column);
}

std::optional<std::string> Statement::OptionalText(int column) const
{
    if (IsNull(column))
    {
        return std::nullopt;
    }
    return Text(column);
}

Transaction::Transaction(Database& db) : m_db(db)
{
    m_db.Execute("BEGIN IMMEDIATE");
}

Transaction::~Transaction()
{
    if (!m_done)
    {
        // A destructor never throws: a failed rollback leaves SQLite to roll back on close.
        sqlite3_exec(m_db.Handle(), "ROLLBACK", nullptr, nullptr, nullptr);
    }
}

void Transaction::Commit()
{
    m_db.Execute("COMMIT");
    m_done = true;
}

} // namespace coscore::core::sqlite
