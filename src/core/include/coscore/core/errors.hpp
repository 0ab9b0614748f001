// SPDX-License-Identifier: MIT
// The core library's exception family (STYLE.md §5).
#pragma once

#include <coscore/scoring/error.hpp>

#include <string>

namespace coscore::core
{

/// What kind of storage failure, so that callers can say "disk full" or "read-only" exactly.
enum class StorageFailure
{
    Other,
    Busy,       ///< another program holds the round file (SQLITE_BUSY)
    Full,       ///< disk full (SQLITE_FULL)
    ReadOnly,   ///< read-only file or folder (SQLITE_READONLY, EROFS, permissions)
    Corrupt,    ///< SQLITE_CORRUPT / SQLITE_NOTADB
    Constraint, ///< a constraint or trigger refused the change
};

/// A failure of the round file's storage. Keeps the SQLite result code.
class StorageError : public Error
{
public:
    StorageError(const std::string& message, int sqlite_code, StorageFailure failure)
        : Error(message), m_code(sqlite_code), m_failure(failure)
    {
    }
    int SqliteCode() const { return m_code; }
    StorageFailure Failure() const { return m_failure; }

private:
    int m_code;
    StorageFailure m_failure;
};

/// Why a file cannot be opened as a round (RELIABILITY.md §1, checks at open).
enum class OpenRefusal
{
    Missing,
    Empty,
    NotSqlite,
    NotCoScore,
    NewerVersion,
    Altered,
    Damaged,
    Locked,
};

/// A file refused at open, with a specific message; the file was not written.
class OpenError : public Error
{
public:
    OpenError(const std::string& message, OpenRefusal refusal) : Error(message), m_refusal(refusal)
    {
    }
    OpenRefusal Refusal() const { return m_refusal; }

private:
    OpenRefusal m_refusal;
};

/// A command refused because the data would break a rule (locked fund, conflict of interest, …).
class CommandError : public Error
{
public:
    using Error::Error;
};

} // namespace coscore::core
