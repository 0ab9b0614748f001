// SPDX-License-Identifier: MIT
#include <coscore/core/json.hpp>

#include <charconv>
#include <cmath>
#include <ostream>

namespace coscore::core
{

std::string JsonQuote(std::string_view text)
{
    std::string out;
    out.reserve(text.size() + 2);
    out += '"';
    for (const char ch : text)
    {
        const auto c = static_cast<unsigned char>(ch);
        switch (c)
        {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\r':
            out += "\\r";
            break;
        case '\t':
            out += "\\t";
            break;
        default:
            if (c < 0x20 || c == 0x7f)
            {
                static constexpr char kHex[] = "0123456789abcdef";
                out += "\\u00";
                out += kHex[c >> 4];
                out += kHex[c & 0xf];
            }
            else
            {
                out += ch;
            }
        }
    }
    out += '"';
    return out;
}

void JsonWriter::WriteOutIfLarge()
{
    constexpr std::size_t kPieceBytes = 64 * 1024;
    if (m_sink != nullptr && m_out.size() >= kPieceBytes)
    {
        m_sink->write(m_out.data(), static_cast<std::streamsize>(m_out.size()));
        m_out.clear();
    }
}

void JsonWriter::Finish()
{
    if (m_sink == nullptr)
    {
        return;
    }
    m_sink->write(m_out.data(), static_cast<std::streamsize>(m_out.size()));
    m_out.clear();
    m_sink->flush();
    if (!*m_sink)
    {
        throw std::ios_base::failure("the JSON could not be written");
    }
}

void JsonWriter::Newline()
{
    if (m_pretty)
    {
        m_out += '\n';
        m_out.append(m_levels.size() * 2, ' ');
    }
}

void JsonWriter::BeforeValue()
{
    if (m_after_key)
    {
        m_after_key = false;
        return;
    }
    if (!m_levels.empty())
    {
        if (m_levels.back().count++ > 0)
        {
            m_out += ',';
        }
        Newline();
    }
}

JsonWriter& JsonWriter::BeginObject()
{
    BeforeValue();
    m_out += '{';
    m_levels.push_back({true, 0});
    return *this;
}

JsonWriter& JsonWriter::EndObject()
{
    const bool had_items = m_levels.back().count > 0;
    m_levels.pop_back();
    if (had_items)
    {
        Newline();
    }
    m_out += '}';
    WriteOutIfLarge();
    return *this;
}

JsonWriter& JsonWriter::BeginArray()
{
    BeforeValue();
    m_out += '[';
    m_levels.push_back({false, 0});
    return *this;
}

JsonWriter& JsonWriter::EndArray()
{
    const bool had_items = m_levels.back().count > 0;
    m_levels.pop_back();
    if (had_items)
    {
        Newline();
    }
    m_out += ']';
    WriteOutIfLarge();
    return *this;
}

JsonWriter& JsonWriter::Key(std::string_view key)
{
    BeforeValue();
    m_out += JsonQuote(key);
    m_out += m_pretty ? ": " : ":";
    m_after_key = true;
    return *this;
}

JsonWriter& JsonWriter::String(std::string_view value)
{
    BeforeValue();
    m_out += JsonQuote(value);
    return *this;
}

JsonWriter& JsonWriter::Int(std::int64_t value)
{
    BeforeValue();
    m_out += std::to_string(value);
    return *this;
}

JsonWriter& JsonWriter::Number(double value)
{
    BeforeValue();
    if (!std::isfinite(value))
    {
        m_out += "null";
        return *this;
    }
    char buffer[32];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
    m_out.append(buffer, result.ptr);
    return *this;
}

JsonWriter& JsonWriter::Bool(bool value)
{
    BeforeValue();
    m_out += value ? "true" : "false";
    return *this;
}

JsonWriter& JsonWriter::Null()
{
    BeforeValue();
    m_out += "null";
    return *this;
}

JsonWriter& JsonWriter::Optional(const std::optional<double>& value)
{
    return value ? Number(*value) : Null();
}

JsonWriter& JsonWriter::Optional(const std::optional<std::int64_t>& value)
{
    return value ? Int(*value) : Null();
}

JsonWriter& JsonWriter::Optional(const std::optional<int>& value)
{
    if (value)
    {
        return Int(*value);
    }
    return Null();
}

} // namespace coscore::core
