// SPDX-License-Identifier: MIT
// A small streaming JSON writer for the CLI's documented --json output and audit details.
// Locale-free numbers (std::to_chars); strings escaped per RFC 8259.
#pragma once

#include <cstdint>
#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace coscore::core
{

class JsonWriter
{
public:
    explicit JsonWriter(bool pretty = false) : m_pretty(pretty) {}
    /// Writes to `out` as it goes, in pieces of about 64 KiB, instead of keeping the whole text
    /// (the reconciliation of a large round is tens of megabytes of JSON). Finish() writes the
    /// rest; Text() holds only what is not written yet.
    JsonWriter(std::ostream& out, bool pretty) : m_pretty(pretty), m_sink(&out) {}

    JsonWriter& BeginObject();
    JsonWriter& EndObject();
    JsonWriter& BeginArray();
    JsonWriter& EndArray();
    /// Writes an object key; the next value belongs to it.
    JsonWriter& Key(std::string_view key);

    JsonWriter& String(std::string_view value);
    JsonWriter& Int(std::int64_t value);
    /// Shortest round-trip form; non-finite values become null.
    JsonWriter& Number(double value);
    JsonWriter& Bool(bool value);
    JsonWriter& Null();
    JsonWriter& Optional(const std::optional<double>& value);
    JsonWriter& Optional(const std::optional<std::int64_t>& value);
    JsonWriter& Optional(const std::optional<int>& value);

    /// Key + value shorthands.
    template <typename T>
    JsonWriter& Field(std::string_view key, const T& value)
    {
        Key(key);
        return Value(value);
    }

    const std::string& Text() const { return m_out; }
    /// Streaming: writes what is left and flushes the stream (throws std::ios_base::failure
    /// when the stream has failed, e.g. a full disk).
    void Finish();

private:
    JsonWriter& Value(std::string_view v) { return String(v); }
    JsonWriter& Value(const std::string& v) { return String(v); }
    JsonWriter& Value(const char* v) { return String(v); }
    JsonWriter& Value(bool v) { return Bool(v); }
    JsonWriter& Value(int v) { return Int(v); }
    JsonWriter& Value(long v) { return Int(v); }
    JsonWriter& Value(long long v) { return Int(v); }
    JsonWriter& Value(double v) { return Number(v); }
    JsonWriter& Value(const std::optional<double>& v) { return Optional(v); }
    JsonWriter& Value(const std::optional<std::int64_t>& v) { return Optional(v); }

    void BeforeValue();
    void Newline();
    void WriteOutIfLarge();

    struct Level
    {
        bool is_object = false;
        int count = 0;
    };
    std::string m_out;
    std::vector<Level> m_levels;
    bool m_after_key = false;
    bool m_pretty;
    std::ostream* m_sink = nullptr;
};

/// Escapes a string as a JSON string literal, quotes included.
std::string JsonQuote(std::string_view text);

} // namespace coscore::core
