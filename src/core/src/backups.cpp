// SPDX-License-Identifier: MIT
// Rotated backups (RELIABILITY.md §1): never a file copy of the live round.
#include "../sqlite/database.hpp"

#include <coscore/core/workspace.hpp>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <system_error>

namespace coscore::core
{

namespace fs = std::filesystem;

namespace
{

std::string Stamp()
{
    const std::time_t now = std::time(nullptr);
    std::tm local{};
    localtime_r(&now, &local);
    char text[32];
    std::strftime(text, sizeof text, "%Y%m%d-%H%M%S", &local);
    return text;
}

// Backups of one round share the round file's stem: "grants-2026 backup 20261122-140205.coscore".
std::vector<fs::path> BackupsOf(const fs::path& folder, const std::string& stem)
{
    std::vector<fs::path> found;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(folder, ec))
    {
        const std::string name = entry.path().filename().string();
        if (name.rfind(stem + " backup ", 0) == 0 && entry.path().extension() == ".coscore")
        {
            found.push_back(entry.path());
        }
    }
    std::sort(found.begin(), found.end()); // the stamp sorts oldest first
    return found;
}

} // namespace

std::string Workspace::RotateBackup(const std::string& folder, int keep) const
{
    std::error_code ec;
    fs::create_directories(folder, ec);
    if (ec)
    {
        throw StorageError("Cannot create the backup folder " + folder + ": " + ec.message() +
                               ". Choose another backup folder in Preferences.",
                           0, StorageFailure::ReadOnly);
    }
    const std::string stem = fs::path(Path()).stem().string();
    fs::path target = fs::path(folder) / (stem + " backup " + Stamp() + ".coscore");
    for (int n = 2; fs::exists(target); ++n)
    {
        // "_" sorts after ".", so a second backup in the same second sorts after the first.
        char suffix[16];
        std::snprintf(suffix, sizeof suffix, "_%02d", n);
        target = fs::path(folder) / (stem + " backup " + Stamp() + suffix + ".coscore");
    }
    const fs::path temp = target.string() + ".partial";
    fs::remove(temp, ec);
    try
    {
        BackupTo(temp.string());
        sqlite::Database copy(temp.string(), sqlite::OpenFlags::ReadOnly);
        const std::string check = copy.PragmaText("integrity_check");
        if (check != "ok")
        {
            throw StorageError("The backup copy failed its integrity check (" + check +
                                   "). Older backups were kept.",
                               0, StorageFailure::Corrupt);
        }
    }
    catch (...)
    {
        fs::remove(temp, ec);
        throw;
    }
    fs::rename(temp, target);
    auto backups = BackupsOf(folder, stem);
    while (static_cast<int>(backups.size()) > std::max(keep, 1))
    {
        fs::remove(backups.front(), ec);
        backups.erase(backups.begin());
    }
    return target.string();
}

} // namespace coscore::core
