// SPDX-License-Identifier: MIT
// The fixture round exported once per test run, every output as xlsx and as CSV, shared by
// the read-back tests (writing and reading back costs seconds; the files do not change).
#pragma once

#include "fixture.hpp"
#include "readback.hpp"
#include "temp_dir.hpp"

#include <coscore/exports/export.hpp>

#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <map>
#include <string>

namespace coscore::test
{

struct Written
{
    Fixture fixture;
    TempDir dir;
    exports::ExportReport report;
    std::filesystem::path awards;
    std::filesystem::path matrix;
    std::filesystem::path report_file;
    std::filesystem::path feedback;
    std::filesystem::path audit;
    std::filesystem::path csv;

    const XlsxDump& Awards() const;
    const XlsxDump& Matrix() const;
    const XlsxDump& Report() const;
    const XlsxDump& Feedback() const;
    const XlsxDump& Audit() const;

private:
    mutable std::map<std::string, XlsxDump> m_dumps;
    const XlsxDump& Dump(const std::filesystem::path& file) const;
};

/// The fixture round, exported once (xlsx for every output, plus the CSV folder).
const Written& WrittenFixture();

/// The fixture's bid and member by key (throws when missing).
const scoring::Bid& BidOf(const Fixture& fixture, scoring::Key key);
const scoring::Member& MemberOf(const Fixture& fixture, scoring::Key key);

/// The bid's result in the fixture's reconciliation, by reference.
const scoring::BidResult& ResultOf(const Fixture& fixture, const std::string& ref);

/// Relative closeness for doubles written by libxlsxwriter (16 significant digits).
inline bool Close(double a, double b)
{
    const double scale = std::max({1.0, std::abs(a), std::abs(b)});
    return std::abs(a - b) <= 1e-12 * scale;
}

} // namespace coscore::test
