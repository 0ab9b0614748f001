// SPDX-License-Identifier: MIT
// A zip archive held in memory and treated as hostile (RELIABILITY.md §3): its directory is
// checked entry by entry before anything is inflated, and inflated bytes are counted as they
// come, never trusted from the sizes the archive declares. The only user of libzip.
#pragma once

#include <coscore/core/import_reader.hpp>

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>

namespace coscore::core::imports
{

class ZipArchive
{
public:
    /// Checks the archive (throws ImportError with an "xlsx.*" code); keeps a view of `bytes`,
    /// which must outlive the archive.
    ZipArchive(std::string_view bytes, const ImportLimits& limits);
    ~ZipArchive();
    ZipArchive(const ZipArchive&) = delete;
    ZipArchive& operator=(const ZipArchive&) = delete;

    /// Part names compare without regard to case, as Office's packaging rules say.
    bool Has(std::string_view name) const;

    /// Streams the inflated bytes of `name` to `consume` in chunks until it returns false or
    /// the part ends. Throws ImportError when a limit is passed or the data is damaged.
    void Read(std::string_view name, const std::function<bool(std::string_view)>& consume);

private:
    struct Entry
    {
        std::uint64_t index = 0;
        std::int64_t compressed = 0;
        std::int64_t declared = 0;
        std::string name;
    };
    const Entry& Find(std::string_view name) const;

    struct Handle;
    std::unique_ptr<Handle> m_zip;
    const ImportLimits& m_limits;
    std::unordered_map<std::string, Entry> m_entries; // by lower-case name
    std::int64_t m_inflated = 0;
};

/// Lower-case ASCII, for part names.
std::string LowerAscii(std::string_view text);

} // namespace coscore::core::imports
