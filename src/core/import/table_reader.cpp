// SPDX-License-Identifier: MIT
// Which reader a file needs, told by its first bytes (RELIABILITY.md §3: sniff magic first).
#include "csv_reader.hpp"
#include "read_ahead.hpp"
#include "text_encoding.hpp"
#include "xlsx_reader.hpp"
#include "zip_archive.hpp"

#include <coscore/core/import_reader.hpp>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace coscore::core
{

namespace
{

using imports::ByteSource;

/// From this size on a file is read on a second thread (read_ahead.hpp); below it the thread
/// would cost more than it saves.
constexpr std::int64_t kReadAheadBytes = std::int64_t{1} << 20;
constexpr std::string_view kZipMagic{"PK\x03\x04", 4};
constexpr std::string_view kEmptyZipMagic{"PK\x05\x06", 4};
constexpr std::string_view kOleMagic{"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8};

enum class Sniffed
{
    Empty,
    Zip,
    Ole,
    Text,
};

Sniffed Sniff(std::string_view head)
{
    if (head.empty())
    {
        return Sniffed::Empty;
    }
    if (head.starts_with(kZipMagic) || head.starts_with(kEmptyZipMagic))
    {
        return Sniffed::Zip;
    }
    if (head.starts_with(kOleMagic))
    {
        return Sniffed::Ole;
    }
    return Sniffed::Text;
}

bool NamedAsWorkbook(std::string_view name)
{
    const std::string lower = imports::LowerAscii(name);
    return lower.ends_with(".xlsx") || lower.ends_with(".xlsm") || lower.ends_with(".xls");
}

[[noreturn]] void RefuseNonTable(Sniffed sniffed)
{
    if (sniffed == Sniffed::Empty)
    {
        throw ImportError("file.empty", "The file is empty.",
                          "Choose the file that holds the data, and check that it was saved.");
    }
    throw ImportError("xlsx.ole",
                      "The file is a password-protected workbook or an old Excel 97–2003 (.xls) "
                      "file, which CoScore does not read.",
                      "Remove any password and save it in Excel as \"Excel Workbook (.xlsx)\" or "
                      "\"CSV UTF-8\", then import that copy.");
}

[[noreturn]] void RefuseTextNamedWorkbook()
{
    throw ImportError("xlsx.not_a_zip",
                      "The file is named like an Excel workbook but is not one: it looks like "
                      "text, such as a CSV file.",
                      "If it is a CSV file, rename it to end in .csv and import it as CSV.");
}

class FileSource : public ByteSource
{
public:
    explicit FileSource(int fd) : m_fd(fd) {}
    /// Bytes left, from the size at open; unknown once that is read (a file that grew meanwhile
    /// is still read to its end, in full chunks).
    void SetSize(std::int64_t size) { m_left = size; }
    std::int64_t Remaining() const override { return m_left > 0 ? m_left : -1; }
    std::size_t Read(char* out, std::size_t size) override
    {
        for (;;)
        {
            const ssize_t got = ::read(m_fd, out, size);
            if (got >= 0)
            {
                m_left = m_left < 0 ? m_left : std::max<std::int64_t>(0, m_left - got);
                return static_cast<std::size_t>(got);
            }
            if (errno != EINTR)
            {
                throw ImportError("file.unreadable",
                                  std::string("The file could not be read: ") +
                                      std::strerror(errno) + ".",
                                  "Check the file is not on a disconnected drive, and try again.");
            }
        }
    }

private:
    int m_fd;
    std::int64_t m_left = -1;
};

struct OpenFile
{
    int fd = -1;
    std::int64_t size = 0;
    OpenFile() = default;
    OpenFile(const OpenFile&) = delete;
    OpenFile& operator=(const OpenFile&) = delete;
    ~OpenFile()
    {
        if (fd >= 0)
        {
            ::close(fd);
        }
    }
};

/// Opens a regular file for reading, refusing a missing one, a folder or one over the limit.
void OpenForReading(OpenFile& file, const std::string& path, const ImportLimits& limits)
{
    file.fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    struct stat st
    {
    };
    if (file.fd < 0 || ::fstat(file.fd, &st) != 0)
    {
        const bool missing = errno == ENOENT;
        throw ImportError(
            missing ? "file.missing" : "file.unreadable",
            missing ? "There is no file at " + imports::EscapeForDisplay(path, 200) + "."
                    : "The file could not be opened: " + std::string(std::strerror(errno)) + ".",
            missing ? "Check the name and the folder." : "Check that you may read the file.");
    }
    if (!S_ISREG(st.st_mode))
    {
        throw ImportError("file.not_a_file",
                          imports::EscapeForDisplay(path, 200) +
                              " is a folder or device, not a file.",
                          "Choose the file itself.");
    }
    if (st.st_size > limits.max_file_bytes)
    {
        throw ImportError("file.too_large",
                          "The file is larger than " + std::to_string(limits.max_file_bytes >> 20) +
                              " MiB, CoScore's limit for one import.",
                          "Split the file into smaller files and import them one by one.");
    }
    file.size = st.st_size;
}

std::string ReadAll(ByteSource& source, std::int64_t limit)
{
    std::string bytes;
    constexpr std::size_t kChunk = 1 << 20;
    for (;;)
    {
        const std::size_t old = bytes.size();
        bytes.resize(old + kChunk);
        const std::size_t got = source.Read(bytes.data() + old, kChunk);
        bytes.resize(old + got);
        if (static_cast<std::int64_t>(bytes.size()) > limit)
        {
            throw ImportError("file.too_large",
                              "The file is larger than " + std::to_string(limit >> 20) +
                                  " MiB, CoScore's limit for one import.",
                              "Split the file into smaller files and import them one by one.");
        }
        if (got == 0)
        {
            return bytes;
        }
    }
}

} // namespace

std::string ColumnLetters(int column)
{
    std::string letters;
    for (int n = column; n > 0; n = (n - 1) / 26)
    {
        letters.insert(letters.begin(), static_cast<char>('A' + (n - 1) % 26));
    }
    return letters;
}

FileInfo ReadTableBytes(std::string_view name, std::string_view bytes, const ReadOptions& options,
                        const RowSink& sink)
{
    const Sniffed sniffed = Sniff(bytes.substr(0, 8));
    switch (sniffed)
    {
    case Sniffed::Zip:
        return imports::ReadXlsx(bytes, options, sink);
    case Sniffed::Empty:
    case Sniffed::Ole:
        RefuseNonTable(sniffed);
    case Sniffed::Text:
        break;
    }
    if (NamedAsWorkbook(name))
    {
        RefuseTextNamedWorkbook();
    }
    imports::MemorySource source(bytes);
    return imports::ReadCsv(source, static_cast<std::int64_t>(bytes.size()), options, sink);
}

FileInfo ReadTableRows(const std::string& path, const ReadOptions& options, const RowSink& sink)
{
    OpenFile file;
    OpenForReading(file, path, options.limits);
    char head[8];
    const ssize_t got = ::pread(file.fd, head, sizeof head, 0);
    const Sniffed sniffed =
        Sniff(std::string_view(head, got > 0 ? static_cast<std::size_t>(got) : 0));
    FileSource source(file.fd);
    // Large files are taken apart on a second thread while the caller checks the rows.
    const auto read = [&](const std::function<FileInfo(const RowSink&)>& read_rows) {
        return file.size >= kReadAheadBytes ? imports::ReadAhead(read_rows, sink) : read_rows(sink);
    };
    switch (sniffed)
    {
    case Sniffed::Zip:
    {
        const std::string bytes = ReadAll(source, options.limits.max_file_bytes);
        return read([&](const RowSink& rows) { return imports::ReadXlsx(bytes, options, rows); });
    }
    case Sniffed::Empty:
    case Sniffed::Ole:
        RefuseNonTable(sniffed);
    case Sniffed::Text:
        break;
    }
    if (NamedAsWorkbook(path))
    {
        RefuseTextNamedWorkbook();
    }
    source.SetSize(file.size);
    return read([&](const RowSink& rows)
                { return imports::ReadCsv(source, file.size, options, rows); });
}

std::vector<std::string> ListSheets(const std::string& path, const ImportLimits& limits)
{
    OpenFile file;
    OpenForReading(file, path, limits);
    FileSource source(file.fd);
    const std::string bytes = ReadAll(source, limits.max_file_bytes);
    if (Sniff(std::string_view(bytes).substr(0, 8)) != Sniffed::Zip)
    {
        return {};
    }
    return imports::XlsxSheets(bytes, limits);
}

} // namespace coscore::core
