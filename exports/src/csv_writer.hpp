// SPDX-License-Identifier: MIT
// CSV as spreadsheets read it safely: UTF-8 with BOM, CRLF, RFC 4180, every field quoted, text
// guarded against formulas (cell_text.hpp).
#pragma once

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>

namespace coscore::exports::detail
{

class CsvFile
{
public:
    /// Creates `path` (a temporary name); `target` names the file in messages.
    CsvFile(const std::filesystem::path& path, std::filesystem::path target);

    /// Text: guarded, quoted, quotes doubled.
    void Text(std::string_view text);
    /// A number written by us, never guarded (a plain decimal is never a formula).
    void Number(double value);
    void Integer(std::int64_t value);
    /// Pence as pounds with two decimals: 123456 → 1234.56.
    void Pence(std::int64_t pence);
    void Blank();
    void EndRecord();

    /// Flushes and closes; throws ExportError when the disk refused the data.
    void Close();

private:
    void Separator();
    void Raw(std::string_view text);
    void FlushIfFull();

    std::ofstream m_out;
    std::filesystem::path m_target;
    std::string m_buffer;
    bool m_first_field = true;
};

/// Pence as pounds with two decimals, locale-free: -5 → "-0.05".
std::string PenceToDecimal(std::int64_t pence);

/// The shortest text that reads back as the same double, locale-free.
std::string DoubleToText(double value);

} // namespace coscore::exports::detail
