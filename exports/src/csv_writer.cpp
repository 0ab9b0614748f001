// SPDX-License-Identifier: MIT
#include "csv_writer.hpp"

#include <coscore/exports/cell_text.hpp>
#include <coscore/exports/export_error.hpp>

#include <array>
#include <charconv>
#include <cmath>

namespace coscore::exports::detail
{
namespace
{

constexpr std::size_t kFlushBytes = 1U << 20U;
constexpr std::string_view kBom = "\xEF\xBB\xBF";

[[noreturn]] void Failed(const std::filesystem::path& target)
{
    throw ExportError("Could not write " + target.string() +
                      ". Check that you may write to the folder and that the disk is not full, "
                      "then export again.");
}

} // namespace

std::string PenceToDecimal(std::int64_t pence)
{
    const bool negative = pence < 0;
    // Work in unsigned magnitude so that the most negative value cannot overflow.
    const std::uint64_t magnitude =
        negative ? 0U - static_cast<std::uint64_t>(pence) : static_cast<std::uint64_t>(pence);
    std::string text = std::to_string(magnitude / 100U);
    const std::uint64_t rest = magnitude % 100U;
    text.push_back('.');
    text.push_back(static_cast<char>('0' + rest / 10U));
    text.push_back(static_cast<char>('0' + rest % 10U));
    return negative ? "-" + text : text;
}

std::string DoubleToText(double value)
{
    if (!std::isfinite(value))
    {
        return {};
    }
    std::array<char, 32> buffer{};
    const auto [end, ec] = std::to_chars(buffer.data(), buffer.data() + buffer.size(), value);
    if (ec != std::errc())
    {
        return {};
    }
    return std::string(buffer.data(), end);
}

CsvFile::CsvFile(const std::filesystem::path& path, std::filesystem::path target)
    : m_target(std::move(target))
{
    m_out.open(path, std::ios::binary | std::ios::trunc);
    if (!m_out)
    {
        Failed(m_target);
    }
    m_buffer.reserve(kFlushBytes + 4096);
    m_buffer.append(kBom);
}

void CsvFile::Separator()
{
    if (!m_first_field)
    {
        m_buffer.push_back(',');
    }
    m_first_field = false;
}

void CsvFile::Raw(std::string_view text)
{
    Separator();
    m_buffer.push_back('"');
    m_buffer.append(text);
    m_buffer.push_back('"');
}

void CsvFile::Text(std::string_view text)
{
    Separator();
    const std::string guarded = GuardText(text);
    m_buffer.push_back('"');
    for (const char c : guarded)
    {
        if (c == '"')
        {
            m_buffer.push_back('"');
        }
        m_buffer.push_back(c);
    }
    m_buffer.push_back('"');
}

void CsvFile::Number(double value)
{
    Raw(DoubleToText(value));
}

void CsvFile::Integer(std::int64_t value)
{
    Raw(std::to_string(value));
}

void CsvFile::Pence(std::int64_t pence)
{
    Raw(PenceToDecimal(pence));
}

void CsvFile::Blank()
{
    Raw({});
}

void CsvFile::EndRecord()
{
    m_buffer.append("\r\n");
    m_first_field = true;
    FlushIfFull();
}

void CsvFile::FlushIfFull()
{
    if (m_buffer.size() >= kFlushBytes)
    {
        m_out.write(m_buffer.data(), static_cast<std::streamsize>(m_buffer.size()));
        m_buffer.clear();
        if (!m_out)
        {
            Failed(m_target);
        }
    }
}

void CsvFile::Close()
{
    m_out.write(m_buffer.data(), static_cast<std::streamsize>(m_buffer.size()));
    m_buffer.clear();
    m_out.flush();
    m_out.close();
    if (m_out.fail())
    {
        Failed(m_target);
    }
}

} // namespace coscore::exports::detail
