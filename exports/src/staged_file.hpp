// SPDX-License-Identifier: MIT
// A file written under a temporary name beside its target and renamed into place only when
// complete, so a failed or cancelled export never leaves a half file under the target name.
#pragma once

#include <filesystem>

namespace coscore::exports::detail
{

class StagedFile
{
public:
    /// Picks an unused temporary name in the target's folder (a rename never crosses disks).
    explicit StagedFile(std::filesystem::path target);
    ~StagedFile();
    StagedFile(StagedFile&& other) noexcept;
    StagedFile& operator=(StagedFile&&) = delete;
    StagedFile(const StagedFile&) = delete;
    StagedFile& operator=(const StagedFile&) = delete;

    const std::filesystem::path& TempPath() const { return m_temp; }
    const std::filesystem::path& Target() const { return m_target; }

    /// Flushes the temporary file to disk and renames it over the target. Throws ExportError.
    void Commit();

private:
    std::filesystem::path m_target;
    std::filesystem::path m_temp;
    bool m_done = false;
};

/// Throws ExportError unless `folder` exists and is a folder (says what to do).
void RequireFolder(const std::filesystem::path& folder, const std::filesystem::path& target);

} // namespace coscore::exports::detail
