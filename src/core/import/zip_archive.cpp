// SPDX-License-Identifier: MIT
#include "zip_archive.hpp"

#include "text_encoding.hpp"

#include <zip.h>

#include <algorithm>
#include <set>
#include <vector>

namespace coscore::core::imports
{

struct ZipArchive::Handle
{
    zip_t* zip = nullptr;
    ~Handle()
    {
        if (zip != nullptr)
        {
            zip_discard(zip);
        }
    }
};

namespace
{

constexpr std::uint32_t kLocalHeader = 0x04034b50;
constexpr std::uint32_t kCentralHeader = 0x02014b50;
constexpr std::uint32_t kEndOfDirectory = 0x06054b50;
constexpr std::size_t kEndOfDirectorySize = 22;
constexpr std::size_t kCentralHeaderSize = 46;
constexpr std::size_t kLocalHeaderSize = 30;
constexpr std::size_t kReadChunk = 64 << 10;

const char* const kResave = "Open the file in Excel or LibreOffice and save it again as an Excel "
                            "workbook (.xlsx), then import that copy.";

[[noreturn]] void Refuse(const char* code, const std::string& message, const char* fix = kResave,
                         const std::string& part = {})
{
    throw ImportError(code, message, fix, 0, 0, part);
}

std::uint32_t Le(std::string_view bytes, std::size_t at, int width)
{
    std::uint32_t value = 0;
    for (int k = width - 1; k >= 0; --k)
    {
        value = (value << 8) | static_cast<unsigned char>(bytes[at + static_cast<std::size_t>(k)]);
    }
    return value;
}

struct Span
{
    std::uint64_t begin = 0;
    std::uint64_t end = 0;
    std::string name;
};

void CheckName(std::string_view name)
{
    const std::string shown = EscapeForDisplay(name);
    if (name.empty())
    {
        Refuse("xlsx.bad_name", "The spreadsheet has a part with no name.");
    }
    if (name.find('\\') != std::string_view::npos)
    {
        Refuse("xlsx.backslash_name",
               "The spreadsheet has a part named \"" + shown +
                   "\" with a backslash, which Excel never writes and which can point outside a "
                   "folder.");
    }
    if (name.front() == '/' || (name.size() > 1 && name[1] == ':'))
    {
        Refuse("xlsx.absolute_name",
               "The spreadsheet has a part with an absolute path, \"" + shown + "\".");
    }
    std::size_t start = 0;
    while (start <= name.size())
    {
        const std::size_t slash = std::min(name.find('/', start), name.size());
        if (name.substr(start, slash - start) == "..")
        {
            Refuse("xlsx.traversal_name", "The spreadsheet has a part named \"" + shown +
                                              "\", which climbs out of its folder (\"..\").");
        }
        start = slash + 1;
    }
    std::size_t i = 0;
    char32_t c = 0;
    while (i < name.size())
    {
        if (!NextCodePoint(name, i, c) || IsControl(c))
        {
            Refuse("xlsx.bad_name",
                   "The spreadsheet has a part named \"" + shown + "\" with control characters.");
        }
    }
}

/// Walks the central directory: every entry is checked before libzip sees the archive.
std::vector<Span> CheckDirectory(std::string_view bytes, const ImportLimits& limits)
{
    if (bytes.size() < kEndOfDirectorySize)
    {
        Refuse("xlsx.damaged", "The spreadsheet is damaged or incomplete: it is too short to be "
                               "a workbook.");
    }
    // The end record sits in the last 22 + 65,535 bytes (it may carry a comment).
    const std::size_t lowest = bytes.size() > kEndOfDirectorySize + 0xFFFF
                                   ? bytes.size() - kEndOfDirectorySize - 0xFFFF
                                   : 0;
    std::size_t end = std::string_view::npos;
    for (std::size_t at = bytes.size() - kEndOfDirectorySize + 1; at-- > lowest;)
    {
        if (Le(bytes, at, 4) == kEndOfDirectory)
        {
            end = at;
            break;
        }
    }
    if (end == std::string_view::npos)
    {
        Refuse("xlsx.damaged", "The spreadsheet is damaged or incomplete: its table of contents "
                               "(the zip central directory) is missing, as when a download or "
                               "copy was cut short.");
    }
    const std::uint32_t entries = Le(bytes, end + 10, 2);
    const std::uint32_t directory_size = Le(bytes, end + 12, 4);
    const std::uint32_t directory_offset = Le(bytes, end + 16, 4);
    if (Le(bytes, end + 4, 2) != 0 || Le(bytes, end + 6, 2) != 0 ||
        Le(bytes, end + 8, 2) != entries)
    {
        Refuse("xlsx.damaged", "The spreadsheet is a zip split over several disks, which no "
                               "workbook is.");
    }
    if (entries == 0xFFFF || directory_offset == 0xFFFFFFFF || directory_size == 0xFFFFFFFF)
    {
        Refuse("xlsx.zip64", "The spreadsheet uses the ZIP64 format, which CoScore does not read "
                             "for files of this size.");
    }
    if (static_cast<std::int64_t>(entries) > limits.max_zip_entries)
    {
        Refuse("xlsx.too_many_entries", "The spreadsheet holds " + std::to_string(entries) +
                                            " parts; a workbook has far "
                                            "fewer, and CoScore accepts at most " +
                                            std::to_string(limits.max_zip_entries) + ".");
    }
    if (std::uint64_t{directory_offset} + directory_size > end)
    {
        Refuse("xlsx.damaged", "The spreadsheet is damaged: its table of contents points past "
                               "the end of the file.");
    }
    std::vector<Span> spans;
    std::set<std::string> names;
    std::size_t at = directory_offset;
    for (std::uint32_t e = 0; e < entries; ++e)
    {
        if (at + kCentralHeaderSize > end || Le(bytes, at, 4) != kCentralHeader)
        {
            Refuse("xlsx.damaged", "The spreadsheet is damaged: its table of contents is cut "
                                   "short or garbled.");
        }
        const std::uint32_t flags = Le(bytes, at + 8, 2);
        const std::uint32_t method = Le(bytes, at + 10, 2);
        const std::uint32_t compressed = Le(bytes, at + 20, 4);
        const std::uint32_t name_length = Le(bytes, at + 28, 2);
        const std::uint32_t extra_length = Le(bytes, at + 30, 2);
        const std::uint32_t comment_length = Le(bytes, at + 32, 2);
        const std::uint32_t local = Le(bytes, at + 42, 4);
        if (at + kCentralHeaderSize + name_length > end)
        {
            Refuse("xlsx.damaged", "The spreadsheet is damaged: a part name runs past its table "
                                   "of contents.");
        }
        const std::string_view name = bytes.substr(at + kCentralHeaderSize, name_length);
        CheckName(name);
        if ((flags & 1u) != 0)
        {
            Refuse("xlsx.encrypted", "The spreadsheet is password-protected.",
                   "Remove the password in Excel (File, Info, Protect Workbook), save, and "
                   "import again.");
        }
        if (method != 0 && method != 8)
        {
            Refuse("xlsx.bad_compression", "The spreadsheet part \"" + EscapeForDisplay(name) +
                                               "\" is compressed in a way Excel never uses.");
        }
        if (!names.insert(LowerAscii(name)).second)
        {
            Refuse("xlsx.duplicate_name", "The spreadsheet holds two parts named \"" +
                                              EscapeForDisplay(name) +
                                              "\", so it is unclear which one is real.");
        }
        if (std::uint64_t{local} + kLocalHeaderSize > directory_offset ||
            Le(bytes, local, 4) != kLocalHeader)
        {
            Refuse("xlsx.damaged", "The spreadsheet is damaged: the part \"" +
                                       EscapeForDisplay(name) +
                                       "\" is not where its table of contents says.");
        }
        const std::uint32_t local_name_length = Le(bytes, local + 26, 2);
        const std::uint32_t local_extra_length = Le(bytes, local + 28, 2);
        const std::uint64_t data =
            std::uint64_t{local} + kLocalHeaderSize + local_name_length + local_extra_length;
        if (data > directory_offset ||
            bytes.substr(local + kLocalHeaderSize, local_name_length) != name)
        {
            Refuse("xlsx.name_mismatch",
                   "The spreadsheet's part \"" + EscapeForDisplay(name) +
                       "\" has a different name inside the file than in its table of contents.");
        }
        if (data + compressed > directory_offset)
        {
            Refuse("xlsx.damaged", "The spreadsheet is damaged: the part \"" +
                                       EscapeForDisplay(name) +
                                       "\" runs past the end of the data.");
        }
        spans.push_back({local, data + compressed, std::string(name)});
        at += kCentralHeaderSize + name_length + extra_length + comment_length;
    }
    std::sort(spans.begin(), spans.end(),
              [](const Span& a, const Span& b) { return a.begin < b.begin; });
    for (std::size_t i = 1; i < spans.size(); ++i)
    {
        if (spans[i].begin < spans[i - 1].end)
        {
            Refuse("xlsx.overlapping_entries",
                   "The spreadsheet's parts \"" + EscapeForDisplay(spans[i - 1].name) +
                       "\" and \"" + EscapeForDisplay(spans[i].name) +
                       "\" share the same bytes, a trick used by zip bombs.");
        }
    }
    return spans;
}

std::string ZipMessage(zip_error_t* error)
{
    return zip_error_strerror(error);
}

} // namespace

std::string LowerAscii(std::string_view text)
{
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; });
    return out;
}

ZipArchive::ZipArchive(std::string_view bytes, const ImportLimits& limits)
    : m_zip(std::make_unique<Handle>()), m_limits(limits)
{
    CheckDirectory(bytes, limits);
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
    if (source == nullptr)
    {
        const std::string message = ZipMessage(&error);
        zip_error_fini(&error);
        Refuse("xlsx.damaged", "The spreadsheet cannot be opened (" + message + ").");
    }
    m_zip->zip = zip_open_from_source(source, ZIP_RDONLY | ZIP_CHECKCONS, &error);
    if (m_zip->zip == nullptr)
    {
        zip_source_free(source);
        const std::string message = ZipMessage(&error);
        zip_error_fini(&error);
        Refuse("xlsx.damaged", "The spreadsheet is damaged: " + message + ".");
    }
    zip_error_fini(&error);
    const zip_int64_t count = zip_get_num_entries(m_zip->zip, 0);
    for (zip_int64_t i = 0; i < count; ++i)
    {
        zip_stat_t st;
        zip_stat_init(&st);
        if (zip_stat_index(m_zip->zip, static_cast<zip_uint64_t>(i), ZIP_FL_ENC_RAW, &st) != 0 ||
            (st.valid & (ZIP_STAT_NAME | ZIP_STAT_COMP_SIZE | ZIP_STAT_SIZE)) !=
                (ZIP_STAT_NAME | ZIP_STAT_COMP_SIZE | ZIP_STAT_SIZE))
        {
            Refuse("xlsx.damaged", "The spreadsheet is damaged: a part cannot be read.");
        }
        Entry entry;
        entry.index = static_cast<std::uint64_t>(i);
        entry.compressed = static_cast<std::int64_t>(st.comp_size);
        entry.declared = static_cast<std::int64_t>(st.size);
        entry.name = st.name;
        m_entries.emplace(LowerAscii(entry.name), std::move(entry));
    }
}

ZipArchive::~ZipArchive() = default;

bool ZipArchive::Has(std::string_view name) const
{
    return m_entries.count(LowerAscii(name)) != 0;
}

const ZipArchive::Entry& ZipArchive::Find(std::string_view name) const
{
    const auto it = m_entries.find(LowerAscii(name));
    if (it == m_entries.end())
    {
        Refuse("xlsx.missing_part", "The spreadsheet has no part \"" + EscapeForDisplay(name) +
                                        "\", which its own index names.");
    }
    return it->second;
}

void ZipArchive::Read(std::string_view name, const std::function<bool(std::string_view)>& consume)
{
    const Entry& entry = Find(name);
    struct File
    {
        zip_file_t* file;
        ~File() { zip_fclose(file); }
    };
    zip_file_t* opened = zip_fopen_index(m_zip->zip, entry.index, 0);
    if (opened == nullptr)
    {
        Refuse("xlsx.damaged",
               "The spreadsheet part \"" + EscapeForDisplay(entry.name) +
                   "\" cannot be opened: " + zip_strerror(m_zip->zip) + ".",
               kResave, entry.name);
    }
    const File file{opened};
    std::vector<char> chunk(kReadChunk);
    std::int64_t inflated = 0;
    bool wanted = true;
    for (;;)
    {
        const zip_int64_t got = zip_fread(file.file, chunk.data(), chunk.size());
        if (got < 0)
        {
            zip_error_t* error = zip_file_get_error(file.file);
            const bool crc = zip_error_code_zip(error) == ZIP_ER_CRC;
            Refuse(crc ? "xlsx.crc_mismatch" : "xlsx.damaged",
                   "The spreadsheet part \"" + EscapeForDisplay(entry.name) + "\" is damaged (" +
                       zip_error_strerror(error) + ").",
                   kResave, entry.name);
        }
        if (got == 0)
        {
            break;
        }
        inflated += got;
        m_inflated += got;
        // Declared sizes are only ever checked, never used to size anything.
        if (inflated > entry.declared)
        {
            Refuse("xlsx.size_mismatch",
                   "The spreadsheet part \"" + EscapeForDisplay(entry.name) +
                       "\" holds more data than it declares: the file is damaged or forged.",
                   kResave, entry.name);
        }
        if (inflated > m_limits.max_part_bytes)
        {
            Refuse("xlsx.part_too_large",
                   "The spreadsheet part \"" + EscapeForDisplay(entry.name) +
                       "\" expands to more than " + std::to_string(m_limits.max_part_bytes >> 20) +
                       " MiB, CoScore's limit for one sheet.",
                   "Split the sheet into smaller workbooks, or save it as CSV (which has no "
                   "such limit).",
                   entry.name);
        }
        if (m_inflated > m_limits.max_inflated_bytes)
        {
            Refuse("xlsx.too_much_data",
                   "The spreadsheet expands to more than " +
                       std::to_string(m_limits.max_inflated_bytes >> 20) +
                       " MiB, CoScore's limit for one workbook.",
                   "Import the sheets from smaller workbooks, or save them as CSV.", entry.name);
        }
        if (inflated > m_limits.ratio_grace_bytes &&
            inflated > m_limits.max_ratio * std::max<std::int64_t>(entry.compressed, 1))
        {
            Refuse("xlsx.compression_ratio",
                   "The spreadsheet part \"" + EscapeForDisplay(entry.name) +
                       "\" expands more than " + std::to_string(m_limits.max_ratio) +
                       " times, as zip bombs do.",
                   kResave, entry.name);
        }
        // Once the reader has what it needs the rest is still inflated and counted, so that the
        // part's size and CRC are always checked.
        wanted = wanted && consume(std::string_view(chunk.data(), static_cast<std::size_t>(got)));
    }
    if (inflated != entry.declared)
    {
        Refuse("xlsx.size_mismatch",
               "The spreadsheet part \"" + EscapeForDisplay(entry.name) +
                   "\" holds less data than it declares: the file is damaged or truncated.",
               kResave, entry.name);
    }
}

} // namespace coscore::core::imports
