// SPDX-License-Identifier: MIT
// The round file's per-row guards, checked once per bulk import instead of once per row.
//
// Every score row written one at a time passes the scores' BEFORE INSERT trigger (no score from
// a member with a declared interest; a criterion of the bid's fund, a value on its scale) and
// the foreign keys. For the millions of rows of a large import those per-row checks were two
// thirds of the import (PRODUCT.md §8 asks for 1 M rows/s). A bulk write therefore suspends
// them and checks the same rules, for every row it wrote, against the round as it stands inside
// the same transaction before COMMIT: a violation throws and the transaction rolls back, the
// trigger included, so the file never holds a row the guards would have refused and never
// lacks the trigger once committed. Single-score commands keep the trigger as it is.
//
// The CHECK constraints of scores and score_sheets are skipped the same way while those two
// tables are written in bulk (CheckConstraintsSuspended): SQLite evaluates `missing_reason IN
// ('not_yet', …)` by probing a temporary index for every row, which was two thirds of the time
// of inserting four million scores. Those rows are made from enums and optionals by
// BindScore/WriteSheets, so every CHECK holds by construction (a value or a reason, never
// both; a reason and a status from their enums, anything else refused as it is bound;
// needs_explaining 0 or 1); the tests confirm it with PRAGMA integrity_check, which evaluates
// every CHECK of the file.
#pragma once

#include <coscore/scoring/model.hpp>

#include <string>
#include <vector>

namespace coscore::core
{
namespace sqlite
{
class Database;
}

namespace detail
{

/// A connection's on/off pragma set while it lives and set back at the end however the write
/// ended (a destructor never throws; a connection whose pragma cannot be set is unusable).
class ScopedPragma
{
public:
    ScopedPragma(sqlite::Database& db, std::string name, bool during);
    ~ScopedPragma();
    ScopedPragma(const ScopedPragma&) = delete;
    ScopedPragma& operator=(const ScopedPragma&) = delete;

private:
    sqlite::Database& m_db;
    std::string m_name;
    bool m_after;
};

/// Foreign-key enforcement off while it lives (SQLite ignores the pragma inside a transaction,
/// so this is made before the transaction begins and ends after it).
class ForeignKeysSuspended : public ScopedPragma
{
public:
    explicit ForeignKeysSuspended(sqlite::Database& db) : ScopedPragma(db, "foreign_keys", false) {}
};

/// Drops the scores' BEFORE INSERT trigger inside the current transaction and puts the same
/// text back on Restore(); a rollback puts it back by itself.
class ScoreInsertGuardSuspended
{
public:
    explicit ScoreInsertGuardSuspended(sqlite::Database& db);
    void Restore();

private:
    sqlite::Database& m_db;
    std::string m_sql;
};

/// CHECK constraints off for the statements prepared while it lives. Changing the pragma
/// expires every prepared statement, so no statement compiled without its CHECKs outlives this.
class CheckConstraintsSuspended : public ScopedPragma
{
public:
    explicit CheckConstraintsSuspended(sqlite::Database& db)
        : ScopedPragma(db, "ignore_check_constraints", true)
    {
    }
};

/// One row the bulk import wrote to score_sheets: its keys.
struct SheetKey
{
    scoring::Key bid = 0;
    scoring::Key member = 0;
};

/// Checks the trigger's rules and the foreign keys of `scores` and `sheets` against the round
/// as it stands in the current transaction. Throws CommandError naming the first row refused.
void CheckBulkScores(sqlite::Database& db, const std::vector<scoring::Score>& scores,
                     const std::vector<SheetKey>& sheets);

/// PRAGMA foreign_key_check of each table; throws CommandError naming the first violation.
void CheckForeignKeys(sqlite::Database& db, const std::vector<std::string>& tables);

} // namespace detail
} // namespace coscore::core
