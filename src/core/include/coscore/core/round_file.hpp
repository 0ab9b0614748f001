// SPDX-License-Identifier: MIT
// Opening, creating and checking `.coscore` round files (PRODUCT.md §7, RELIABILITY.md §1).
#pragma once

#include <coscore/core/errors.hpp>

#include <cstdint>
#include <memory>
#include <string>

namespace coscore::core
{

namespace sqlite
{
class Database;
}

/// 'CoSc': stamped in the SQLite header of every round file.
inline constexpr std::int32_t kApplicationId = 0x436F5363;

/// The schema version this build writes; older files are migrated forward on open.
int CurrentSchemaVersion();

struct OpenOptions
{
    bool read_only = false; ///< no writes at all, no lock taken
};

/// Refuses, with a specific OpenError and without writing a byte, a file that is missing, empty,
/// not SQLite, not a CoScore round, from a newer CoScore, altered outside CoScore or damaged.
/// Returns the file's schema version.
int CheckRoundFile(const std::string& path);

/// An open round file: the connection plus the single-writer lock.
class RoundFile
{
public:
    /// Creates a new round at `path` (which must not exist), atomically.
    static std::unique_ptr<RoundFile> Create(const std::string& path, const std::string& title,
                                             const std::string& created_at);
    /// Checks, locks and opens; migrates an older schema forward (after a backup copy).
    static std::unique_ptr<RoundFile> Open(const std::string& path, const OpenOptions& options);

    ~RoundFile();
    RoundFile(const RoundFile&) = delete;
    RoundFile& operator=(const RoundFile&) = delete;

    sqlite::Database& Db() { return *m_db; }
    const std::string& Path() const { return m_path; }
    bool IsReadOnly() const { return m_read_only; }
    /// "wal" on local disks, "delete" on network folders.
    std::string JournalMode() const;

private:
    RoundFile(std::string path, bool read_only);
    void Configure();

    class Lock;
    std::string m_path;
    bool m_read_only;
    std::unique_ptr<Lock> m_lock; // declared before m_db: released after SQLite closes
    std::unique_ptr<sqlite::Database> m_db;
};

} // namespace coscore::core
