// SPDX-License-Identifier: MIT
// The single-writer lock of a round file: an open-file-description lock on the file's identity
// (device, inode), dropped by the kernel when the process dies, plus a sidecar naming the holder.
#pragma once

#include <sys/types.h>

#include <string>
#include <utility>

namespace coscore::core
{

class WriterLock
{
public:
    /// Takes the lock or throws OpenError(Locked) naming who holds it and since when.
    WriterLock(const std::string& path, const std::string& title);
    ~WriterLock();
    WriterLock(const WriterLock&) = delete;
    WriterLock& operator=(const WriterLock&) = delete;

private:
    int m_fd = -1;
    std::string m_sidecar;
    std::pair<dev_t, ino_t> m_identity{};
};

} // namespace coscore::core
