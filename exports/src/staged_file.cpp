// SPDX-License-Identifier: MIT
#include "staged_file.hpp"

#include <coscore/exports/export_error.hpp>

#include <random>
#include <string>
#include <system_error>

#ifndef _WIN32
#include <fcntl.h>
#include <unistd.h>
#endif

namespace coscore::exports::detail
{
namespace
{

std::string RandomTag()
{
    static constexpr char kDigits[] = "0123456789abcdefghijklmnopqrstuvwxyz";
    std::random_device device;
    std::uniform_int_distribution<std::size_t> pick(0, sizeof(kDigits) - 2);
    std::string tag;
    for (int i = 0; i < 10; ++i)
    {
        tag.push_back(kDigits[pick(device)]);
    }
    return tag;
}

/// Makes the written bytes durable before the rename publishes them (POSIX; elsewhere the
/// rename alone).
void SyncToDisk([[maybe_unused]] const std::filesystem::path& path, [[maybe_unused]] bool is_folder)
{
#ifndef _WIN32
    const int fd = ::open(path.c_str(), is_folder ? O_RDONLY | O_DIRECTORY : O_RDONLY);
    if (fd >= 0)
    {
        static_cast<void>(::fsync(fd));
        ::close(fd);
    }
#endif
}

} // namespace

void RequireFolder(const std::filesystem::path& folder, const std::filesystem::path& target)
{
    std::error_code ec;
    const std::filesystem::path dir = folder.empty() ? std::filesystem::path(".") : folder;
    if (!std::filesystem::is_directory(dir, ec))
    {
        throw ExportError("Could not write " + target.string() + ": the folder " + dir.string() +
                          " does not exist. Choose an existing folder and export again.");
    }
}

StagedFile::StagedFile(std::filesystem::path target) : m_target(std::move(target))
{
    RequireFolder(m_target.parent_path(), m_target);
    std::error_code ec;
    do
    {
        m_temp =
            m_target.parent_path() / ("." + m_target.filename().string() + ".part-" + RandomTag());
    } while (std::filesystem::exists(m_temp, ec));
}

StagedFile::StagedFile(StagedFile&& other) noexcept
    : m_target(std::move(other.m_target)), m_temp(std::move(other.m_temp)), m_done(other.m_done)
{
    other.m_done = true;
}

StagedFile::~StagedFile()
{
    if (!m_done)
    {
        std::error_code ec;
        std::filesystem::remove(m_temp, ec);
    }
}

void StagedFile::Commit()
{
    std::error_code ec;
    if (!std::filesystem::is_regular_file(m_temp, ec))
    {
        throw ExportError("Could not write " + m_target.string() +
                          ": the temporary file vanished before it was complete. Export again.");
    }
    SyncToDisk(m_temp, false);
    std::filesystem::rename(m_temp, m_target, ec);
    if (ec)
    {
        throw ExportError("Could not save " + m_target.string() + ": " + ec.message() +
                          ". If the file is open in a spreadsheet program, close it and export "
                          "again.");
    }
    m_done = true;
    SyncToDisk(m_target.parent_path().empty() ? std::filesystem::path(".") : m_target.parent_path(),
               true);
}

} // namespace coscore::exports::detail
