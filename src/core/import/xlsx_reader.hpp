// SPDX-License-Identifier: MIT
// CoScore's own small XLSX cell mapper (CONVENTIONS.md §10): shared strings with rich text,
// inline strings, numbers, booleans, errors, dates (1900 and 1904), cached formula values
// (never evaluated), hidden sheets skipped, any sheet by name. Everything is bounded.
#pragma once

#include <coscore/core/import_reader.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace coscore::core::imports
{

/// Reads the chosen sheet's rows from an XLSX workbook held in memory.
FileInfo ReadXlsx(std::string_view bytes, const ReadOptions& options, const RowSink& sink);

/// The visible sheets, in workbook order.
std::vector<std::string> XlsxSheets(std::string_view bytes, const ImportLimits& limits);

/// An Excel date serial ("45352.5") as ISO 8601 ("2024-03-01T12:00:00"); empty when it is no
/// real date (1900-02-29 of Excel's leap-year bug, negative, beyond 9999).
std::string ExcelSerialToIso(std::string_view serial, bool date1904);

/// Whether an Excel number format shows a date or time (built-in 14–22, 45–47, or a custom
/// code with d, m, y, h or s outside quotes and brackets).
bool IsDateFormat(int format_id, std::string_view format_code);

} // namespace coscore::core::imports
