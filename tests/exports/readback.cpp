// SPDX-License-Identifier: MIT
#include "readback.hpp"

#include <sys/resource.h>

#include <algorithm>
#include <charconv>
#include <csignal>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace coscore::test
{
namespace
{

std::string Unescape(std::string_view text)
{
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i)
    {
        if (text[i] == '\\' && i + 1 < text.size())
        {
            const char next = text[++i];
            out.push_back(next == 't' ? '\t' : next == 'n' ? '\n' : next == 'r' ? '\r' : next);
        }
        else
        {
            out.push_back(text[i]);
        }
    }
    return out;
}

std::vector<std::string> SplitTabs(const std::string& line)
{
    std::vector<std::string> fields;
    std::size_t start = 0;
    while (true)
    {
        const std::size_t tab = line.find('\t', start);
        fields.push_back(Unescape(line.substr(start, tab - start)));
        if (tab == std::string::npos)
        {
            break;
        }
        start = tab + 1;
    }
    return fields;
}

int ToInt(const std::string& text)
{
    int value = 0;
    std::from_chars(text.data(), text.data() + text.size(), value);
    return value;
}

std::string Quote(const std::filesystem::path& path)
{
    return "'" + path.string() + "'";
}

} // namespace

double ToDouble(std::string_view text)
{
    double value = 0.0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc() || end != text.data() + text.size())
    {
        throw std::runtime_error("not a number: '" + std::string(text) + "'");
    }
    return value;
}

double DumpCell::Number() const
{
    return ToDouble(value);
}

const DumpCell* DumpSheet::At(int row, int col) const
{
    const auto it = cells.find({row, col});
    return it == cells.end() ? nullptr : &it->second;
}

std::string DumpSheet::Text(int row, int col) const
{
    const DumpCell* cell = At(row, col);
    return cell != nullptr ? cell->value : std::string();
}

int DumpSheet::HeaderRow(std::initializer_list<std::string_view> headers) const
{
    for (int row = 1; row <= LastRow(); ++row)
    {
        bool all = true;
        for (const std::string_view header : headers)
        {
            all = all && ColumnOf(row, header) != 0;
        }
        if (all)
        {
            return row;
        }
    }
    return 0;
}

int DumpSheet::ColumnOf(int row, std::string_view header) const
{
    for (const auto& [pos, cell] : cells)
    {
        if (pos.first == row && cell.value == header)
        {
            return pos.second;
        }
    }
    return 0;
}

int DumpSheet::RowWhere(int col, std::string_view text, int after) const
{
    for (const auto& [pos, cell] : cells)
    {
        if (pos.first > after && pos.second == col && cell.value == text)
        {
            return pos.first;
        }
    }
    return 0;
}

int DumpSheet::LastRow() const
{
    return cells.empty() ? 0 : cells.rbegin()->first.first;
}

const DumpSheet* XlsxDump::Find(std::string_view name) const
{
    for (const DumpSheet& sheet : sheets)
    {
        if (sheet.name == name)
        {
            return &sheet;
        }
    }
    return nullptr;
}

const DumpSheet& XlsxDump::Sheet(std::string_view name) const
{
    const DumpSheet* sheet = Find(name);
    if (sheet == nullptr)
    {
        throw std::runtime_error("no sheet named '" + std::string(name) + "'");
    }
    return *sheet;
}

int Run(const std::string& command)
{
    return std::system(command.c_str());
}

std::vector<std::string> FilesIn(const std::filesystem::path& folder)
{
    std::vector<std::string> names;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(folder))
    {
        names.push_back(std::filesystem::relative(entry.path(), folder).string());
    }
    return names;
}

void FileSizeLimit::Arm(unsigned long bytes)
{
    if (m_armed)
    {
        return;
    }
    rlimit limit{};
    if (::getrlimit(RLIMIT_FSIZE, &limit) != 0)
    {
        throw std::runtime_error("getrlimit(RLIMIT_FSIZE) failed");
    }
    m_old_limit = limit.rlim_cur;
    m_old_handler = std::signal(SIGXFSZ, SIG_IGN);
    limit.rlim_cur = bytes;
    if (::setrlimit(RLIMIT_FSIZE, &limit) != 0)
    {
        std::signal(SIGXFSZ, m_old_handler);
        throw std::runtime_error("setrlimit(RLIMIT_FSIZE) failed");
    }
    m_armed = true;
}

void FileSizeLimit::Disarm()
{
    if (!m_armed)
    {
        return;
    }
    rlimit limit{};
    ::getrlimit(RLIMIT_FSIZE, &limit);
    limit.rlim_cur = m_old_limit;
    ::setrlimit(RLIMIT_FSIZE, &limit);
    std::signal(SIGXFSZ, m_old_handler);
    m_armed = false;
}

std::string ReadFile(const std::filesystem::path& file)
{
    std::ifstream in(file, std::ios::binary | std::ios::ate);
    std::string bytes(static_cast<std::size_t>(std::max<std::streamoff>(0, in.tellg())), '\0');
    in.seekg(0);
    in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    return bytes;
}

XlsxDump ReadXlsx(const std::filesystem::path& file)
{
    const std::filesystem::path out = file.string() + ".dump.txt";
    const std::string command =
        std::string(COSCORE_PYTHON3) + " " +
        Quote(std::filesystem::path(COSCORE_SOURCE_DIR) / "tests" / "exports" / "xlsx_dump.py") +
        " " + Quote(file) + " > " + Quote(out);
    if (Run(command) != 0)
    {
        throw std::runtime_error("openpyxl could not read " + file.string());
    }
    XlsxDump dump;
    std::istringstream lines(ReadFile(out));
    std::string line;
    while (std::getline(lines, line))
    {
        const std::vector<std::string> f = SplitTabs(line);
        if (f[0] == "S")
        {
            dump.sheets.push_back({f.at(1), {}, {}});
        }
        else if (f[0] == "M")
        {
            dump.sheets.back().meta[f.at(1)] = f.at(2);
        }
        else if (f[0] == "C")
        {
            dump.sheets.back().cells[{ToInt(f.at(1)), ToInt(f.at(2))}] =
                DumpCell{f.at(3).at(0), f.at(4), f.at(5), f.at(6)};
        }
        else if (f[0] == "F")
        {
            dump.formulas.emplace_back(f.at(1), f.at(2));
        }
        else if (f[0] == "T")
        {
            dump.charts.emplace_back(f.at(1), f.at(2));
        }
        else if (f[0] == "P")
        {
            dump.properties[f.at(1)] = f.at(2);
        }
    }
    return dump;
}

CsvParse ParseCsv(const std::string& bytes)
{
    CsvParse parse;
    std::string_view text = bytes;
    if (text.starts_with("\xEF\xBB\xBF"))
    {
        parse.bom = true;
        text.remove_prefix(3);
    }
    std::vector<std::string> record;
    std::string field;
    std::size_t i = 0;
    while (i < text.size())
    {
        // One field.
        field.clear();
        if (text[i] == '"')
        {
            ++i;
            bool closed = false;
            while (i < text.size())
            {
                if (text[i] == '"')
                {
                    if (i + 1 < text.size() && text[i + 1] == '"')
                    {
                        field.push_back('"');
                        i += 2;
                        continue;
                    }
                    ++i;
                    closed = true;
                    break;
                }
                field.push_back(text[i++]);
            }
            if (!closed)
            {
                parse.error = "unterminated quoted field";
                return parse;
            }
        }
        else
        {
            parse.all_quoted = false;
            while (i < text.size() && text[i] != ',' && text[i] != '\r' && text[i] != '\n')
            {
                if (text[i] == '"')
                {
                    parse.error = "quote inside an unquoted field";
                    return parse;
                }
                field.push_back(text[i++]);
            }
        }
        record.push_back(field);
        if (i < text.size() && text[i] == ',')
        {
            ++i;
            continue;
        }
        if (text.substr(i).starts_with("\r\n"))
        {
            i += 2;
        }
        else if (i < text.size() && text[i] == '\n')
        {
            parse.crlf_only = false;
            ++i;
        }
        else if (i < text.size())
        {
            parse.error = "unexpected character after a field";
            return parse;
        }
        else
        {
            parse.crlf_only = false; // the last record has no line end
        }
        parse.rows.push_back(std::move(record));
        record.clear();
    }
    return parse;
}

std::map<std::string, std::map<std::string, CsvRows>>
ConvertWithLibreOffice(const std::vector<std::filesystem::path>& files,
                       const std::filesystem::path& work, bool formulas)
{
    const std::filesystem::path profile = work / "lo-profile";
    const std::filesystem::path out = work / (formulas ? "lo-formulas" : "lo-values");
    std::filesystem::create_directories(out);
    // Comma, double quote, UTF-8, from line 1, raw values (or formulas), every sheet (-1).
    const std::string filter = std::string("csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,"
                                           "true,false,") +
                               (formulas ? "true" : "false") + ",false,-1";
    std::string command = "soffice -env:UserInstallation=file://" + profile.string() +
                          " --headless --convert-to '" + filter + "' --outdir " + Quote(out);
    for (const std::filesystem::path& file : files)
    {
        command += " " + Quote(file);
    }
    command += " > " + Quote(work / "soffice.log") + " 2>&1";
    if (Run(command) != 0)
    {
        throw std::runtime_error("LibreOffice failed: see " + (work / "soffice.log").string());
    }
    std::map<std::string, std::map<std::string, CsvRows>> result;
    for (const std::filesystem::path& file : files)
    {
        const std::string stem = file.stem().string() + "-";
        for (const auto& entry : std::filesystem::directory_iterator(out))
        {
            const std::string name = entry.path().filename().string();
            if (name.starts_with(stem) && name.ends_with(".csv"))
            {
                const std::string sheet = name.substr(stem.size(), name.size() - stem.size() - 4);
                result[file.filename().string()][sheet] = ParseCsv(ReadFile(entry.path())).rows;
            }
        }
    }
    return result;
}

std::string ReadZipPart(const std::filesystem::path& file, const std::string& part,
                        const std::filesystem::path& work)
{
    const std::filesystem::path out = work / "zip-part.bin";
    const std::string command =
        std::string(COSCORE_PYTHON3) +
        " -c 'import sys, zipfile; sys.stdout.buffer.write(zipfile.ZipFile(sys.argv[1])"
        ".read(sys.argv[2]))' " +
        Quote(file) + " " + Quote(part) + " > " + Quote(out);
    if (Run(command) != 0)
    {
        throw std::runtime_error("no part " + part + " in " + file.string());
    }
    return ReadFile(out);
}

} // namespace coscore::test
