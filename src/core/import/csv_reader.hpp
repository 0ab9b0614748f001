// SPDX-License-Identifier: MIT
// RFC 4180 CSV reading in bounded memory: the file comes in chunks and at most one record is
// held at a time, so a 90 MB scores file needs about 1 MB. Encodings per RELIABILITY.md §3.
#pragma once

#include <coscore/core/import_reader.hpp>

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace coscore::core::imports
{

/// A stream of bytes read in chunks.
class ByteSource
{
public:
    virtual ~ByteSource() = default;
    /// Fills up to `size` bytes; returns 0 at the end.
    virtual std::size_t Read(char* out, std::size_t size) = 0;
    /// The bytes left, when known (so that a small file is not given a 1 MiB buffer), or -1.
    virtual std::int64_t Remaining() const { return -1; }
};

class MemorySource : public ByteSource
{
public:
    explicit MemorySource(std::string_view bytes) : m_bytes(bytes) {}
    std::size_t Read(char* out, std::size_t size) override;
    std::int64_t Remaining() const override
    {
        return static_cast<std::int64_t>(m_bytes.size() - m_offset);
    }

private:
    std::string_view m_bytes;
    std::size_t m_offset = 0;
};

/// Reads every record into `sink`. `total_bytes` is the file's size when known (-1 otherwise),
/// checked against the limit before anything is read.
FileInfo ReadCsv(ByteSource& source, std::int64_t total_bytes, const ReadOptions& options,
                 const RowSink& sink);

} // namespace coscore::core::imports
