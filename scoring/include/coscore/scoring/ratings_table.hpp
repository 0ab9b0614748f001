// SPDX-License-Identifier: MIT
// Builds a units × raters RatingsTable from long-form `unit,rater,value` rows (CLI ratings files).
#pragma once

#include <coscore/scoring/reliability.hpp>

#include <optional>
#include <string>
#include <vector>

namespace coscore::scoring
{

/// One parsed row of a long-form ratings file; an empty value is a missing rating.
struct LongRating
{
    std::string unit;
    std::string rater;
    std::optional<double> value;
};

/// A problem with one row. `row` is the 1-based position in the rows given (the caller adds
/// its header line); `code` is stable: "missing_unit", "missing_rater", "not_finite",
/// "duplicate".
struct RatingsIssue
{
    int row = 0;
    std::string code;
    std::string message;
};

struct RatingsTableBuild
{
    RatingsTable table;
    std::vector<RatingsIssue> issues; ///< empty when every row was used as given
};

/// Units and raters in first-seen order; a (unit, rater) pair seen again is reported as a
/// "duplicate" issue naming the first row and keeps the first value. Rows with an issue other
/// than a duplicate are left out. Ids are compared exactly as given.
RatingsTableBuild BuildRatingsTable(const std::vector<LongRating>& rows);

} // namespace coscore::scoring
