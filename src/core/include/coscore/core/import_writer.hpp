// SPDX-License-Identifier: MIT
// A round written back as the CSV files `import` reads (PRODUCT.md §6), so that import → export
// → import gives the same round, and a round's setup can seed another round.
#pragma once

#include <coscore/core/import.hpp>
#include <coscore/scoring/model.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace coscore::core
{

/// One CSV field as CoScore writes it: always quoted, quotes doubled, and a text that starts
/// with = + - @ TAB CR or LF (after any "'") given one more leading "'" so that no spreadsheet
/// runs it as a formula; import takes exactly that one off again.
std::string CsvField(std::string_view text);

/// Writes funds.csv, criteria.csv, members.csv, bids.csv, interests.csv and scores.csv into
/// `folder` (which must exist): UTF-8 with BOM, CRLF, RFC 4180. Each file is written to a temporary
/// name and renamed, so no half-written file is left. Tables without rows are not written.
/// Returns the files, ready for an ImportRequest.
std::vector<ImportFile> WriteImportCsv(const scoring::RoundData& round, const std::string& folder);

} // namespace coscore::core
