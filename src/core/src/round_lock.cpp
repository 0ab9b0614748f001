// SPDX-License-Identifier: MIT
#include "round_lock.hpp"

#include <coscore/core/errors.hpp>

#include <fcntl.h>
#include <limits.h>
#include <pwd.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <mutex>
#include <set>
#include <sstream>
#include <utility>

namespace coscore::core
{
namespace
{

// Far beyond any byte SQLite locks (its lock bytes sit at 1 GiB), so the two never conflict.
constexpr off_t kLockOffset = static_cast<off_t>(1) << 62;

std::string Directory(const std::string& path)
{
    const auto slash = path.rfind('/');
    return slash == std::string::npos ? std::string(".") : path.substr(0, slash);
}

std::string SidecarFor(const std::string& path, const struct stat& st)
{
    char resolved[PATH_MAX];
    const std::string real = realpath(path.c_str(), resolved) != nullptr ? resolved : path;
    std::ostringstream name;
    name << Directory(real) << "/.coscore-lock-" << st.st_dev << "-" << st.st_ino;
    return name.str();
}

std::string Holder()
{
    const char* user = std::getenv("USER");
    std::string who = user != nullptr ? user : "";
    if (who.empty())
    {
        const passwd* pw = getpwuid(getuid());
        who = pw != nullptr ? pw->pw_name : "someone";
    }
    char host[256] = {};
    gethostname(host, sizeof host - 1);
    return who + "@" + host;
}

std::string LocalTimeNow()
{
    const std::time_t now = std::time(nullptr);
    std::tm local{};
    localtime_r(&now, &local);
    char text[32];
    std::strftime(text, sizeof text, "%H:%M on %d/%m/%Y", &local);
    return text;
}

std::string ReadHolder(const std::string& sidecar)
{
    std::ifstream in(sidecar);
    std::string who;
    std::string since;
    if (std::getline(in, who) && std::getline(in, since))
    {
        return who + " since " + since;
    }
    return "another CoScore window or program";
}

// Files this process holds. Closing any descriptor of a file drops all of the process's POSIX
// locks on it (SQLite's included), so a second open in the same process must be refused before
// a descriptor is opened, not by trying the lock and closing.
std::mutex g_held_mutex;
std::set<std::pair<dev_t, ino_t>> g_held;

} // namespace

WriterLock::WriterLock(const std::string& path, const std::string& title)
{
    struct stat identity
    {
    };
    if (::stat(path.c_str(), &identity) == 0)
    {
        std::lock_guard guard(g_held_mutex);
        if (g_held.count({identity.st_dev, identity.st_ino}) != 0)
        {
            throw OpenError("\"" + title + "\" is already open in this CoScore window.",
                            OpenRefusal::Locked);
        }
    }
    m_fd = ::open(path.c_str(), O_RDWR | O_CLOEXEC);
    if (m_fd < 0)
    {
        const bool read_only = errno == EROFS || errno == EACCES || errno == EPERM;
        throw StorageError("Cannot open " + path + " for writing: the file or its folder is " +
                               (read_only ? "read-only" : "not accessible") +
                               ". Copy the round to a folder you can write to.",
                           0, read_only ? StorageFailure::ReadOnly : StorageFailure::Other);
    }
    struct flock lock
    {
    };
    lock.l_type = F_WRLCK;
    lock.l_whence = SEEK_SET;
    lock.l_start = kLockOffset;
    lock.l_len = 1;
    struct stat st
    {
    };
    fstat(m_fd, &st);
    const std::string sidecar = SidecarFor(path, st);
    if (fcntl(m_fd, F_OFD_SETLK, &lock) != 0)
    {
        const int error = errno;
        ::close(m_fd);
        m_fd = -1;
        if (error == EAGAIN || error == EACCES)
        {
            throw OpenError("\"" + title + "\" is already open by " + ReadHolder(sidecar) +
                                ". Open it read-only, or close it there first.",
                            OpenRefusal::Locked);
        }
        throw StorageError("Cannot lock " + path +
                               " (the folder may not support locks). "
                               "Copy the round to a local folder and open it there.",
                           0, StorageFailure::Other);
    }
    m_sidecar = sidecar;
    m_identity = {st.st_dev, st.st_ino};
    {
        std::lock_guard guard(g_held_mutex);
        g_held.insert(m_identity);
    }
    std::ofstream out(m_sidecar, std::ios::trunc);
    out << Holder() << "\n" << LocalTimeNow() << "\n" << getpid() << "\n";
}

WriterLock::~WriterLock()
{
    if (m_fd >= 0)
    {
        std::remove(m_sidecar.c_str());
        {
            std::lock_guard guard(g_held_mutex);
            g_held.erase(m_identity);
        }
        ::close(m_fd); // only after SQLite has closed: closing drops this process's POSIX locks
    }
}

} // namespace coscore::core
