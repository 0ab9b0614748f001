// SPDX-License-Identifier: MIT
// The one adapter over the SQLite C API: owning connection, prepared statements, transactions.
// Every sqlite3_* result is checked here and turned into core::StorageError.
#pragma once

#include <coscore/core/errors.hpp>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

struct sqlite3;
struct sqlite3_stmt;

namespace coscore::core::sqlite
{

enum class OpenFlags
{
    ReadOnly,
    ReadWrite,
    Create,
};

class Statement;

/// An owning SQLite connection. Not thread-safe: a connection never crosses threads.
class Database
{
public:
    /// Opens `path` (UTF-8). Throws StorageError with the SQLite code on failure.
    Database(const std::string& path, OpenFlags flags);
    ~Database();
    Database(Database&&) noexcept;
    Database& operator=(Database&&) noexcept;
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    /// Runs one or more statements without results.
    void Execute(std::string_view sql);
    Statement Prepare(std::string_view sql);

    /// Runs `PRAGMA name` and returns the first column of the first row as text.
    std::string PragmaText(std::string_view name);
    std::int64_t PragmaInt(std::string_view name);

    std::int64_t LastInsertRowId() const;
    int Changes() const;
    bool IsAutocommit() const;
    const std::string& Path() const { return m_path; }

    /// VACUUM INTO a new file (a consistent copy; never a file copy of a live round).
    void VacuumInto(const std::string& target);

    sqlite3* Handle() const { return m_db; }

private:
    sqlite3* m_db = nullptr;
    std::string m_path;
};

/// A prepared statement. Bind indexes are 1-based, column indexes 0-based.
class Statement
{
public:
    Statement(Database& db, std::string_view sql);
    ~Statement();
    Statement(Statement&&) noexcept;
    Statement& operator=(Statement&&) noexcept;
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;

    Statement& Bind(int index, std::int64_t value);
    Statement& Bind(int index, int value) { return Bind(index, static_cast<std::int64_t>(value)); }
    Statement& Bind(int index, double value);
    Statement& Bind(int index, std::string_view value);
    Statement& Bind(int index, const char* value) { return Bind(index, std::string_view(value)); }
    Statement& Bind(int index, const std::string& value)
    {
        return Bind(index, std::string_view(value));
    }
    /// Binds text without copying it: the text must stay valid until the statement is run,
    /// re-bound or finalised. For bulk inserts, where copying every text cost a fifth of writing
    /// half a million score sheets.
    Statement& BindUncopied(int index, std::string_view value);
    Statement& BindUncopied(int index, std::string&& value) = delete; // would dangle
    Statement& BindBlob(int index, const std::vector<unsigned char>& value);
    Statement& BindNull(int index);
    template <typename T>
    Statement& Bind(int index, const std::optional<T>& value)
    {
        return value ? Bind(index, *value) : BindNull(index);
    }

    /// Steps once; true when a row is available.
    bool Step();
    /// Steps to completion, expecting no rows.
    void Run();
    void Reset();

    bool IsNull(int column) const;
    std::int64_t Int64(int column) const;
    int Int(int column) const;
    double Double(int column) const;
    std::string Text(int column) const;
    std::vector<unsigned char> Blob(int column) const;
    std::optional<std::int64_t> OptionalInt64(int column) const;
    std::optional<std::string> OptionalText(int column) const;

private:
    void Check(int rc, const char* what) const;
    sqlite3_stmt* m_stmt = nullptr;
    Database* m_db = nullptr;
};

/// RAII transaction: BEGIN IMMEDIATE on construction, ROLLBACK unless Commit() was called.
class Transaction
{
public:
    explicit Transaction(Database& db);
    ~Transaction();
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;
    void Commit();

private:
    Database& m_db;
    bool m_done = false;
};

/// Throws StorageError for a non-OK SQLite result code, naming what was being done.
void ThrowOnError(sqlite3* db, int rc, std::string_view what);

} // namespace coscore::core::sqlite
