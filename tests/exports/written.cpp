// SPDX-License-Identifier: MIT
#include "written.hpp"

#include <cstdlib>
#include <memory>
#include <stdexcept>

namespace coscore::test
{

const XlsxDump& Written::Dump(const std::filesystem::path& file) const
{
    auto it = m_dumps.find(file.string());
    if (it == m_dumps.end())
    {
        it = m_dumps.emplace(file.string(), ReadXlsx(file)).first;
    }
    return it->second;
}

const XlsxDump& Written::Awards() const
{
    return Dump(awards);
}
const XlsxDump& Written::Matrix() const
{
    return Dump(matrix);
}
const XlsxDump& Written::Report() const
{
    return Dump(report_file);
}
const XlsxDump& Written::Feedback() const
{
    return Dump(feedback);
}
const XlsxDump& Written::Audit() const
{
    return Dump(audit);
}

const Written& WrittenFixture()
{
    static const std::unique_ptr<Written> written = []
    {
        auto w = std::make_unique<Written>();
        w->fixture = MakeFixture(MakeFixtureRound());
        w->awards = w->dir.Path() / "awards.xlsx";
        w->matrix = w->dir.Path() / "matrix.xlsx";
        w->report_file = w->dir.Path() / "report.xlsx";
        w->feedback = w->dir.Path() / "feedback.xlsx";
        w->audit = w->dir.Path() / "audit.xlsx";
        w->csv = w->dir.Path() / "csv";
        exports::ExportRequest request;
        request.awards = w->awards;
        request.matrix = w->matrix;
        request.report = w->report_file;
        request.feedback = w->feedback;
        request.audit = w->audit;
        request.csv_folder = w->csv;
        w->report = exports::ExportAll(w->fixture.Input(), request);
        // To look at the files: COSCORE_EXPORTS_KEEP=/some/folder keeps a copy there.
        if (const char* keep = std::getenv("COSCORE_EXPORTS_KEEP"); keep != nullptr && *keep)
        {
            std::filesystem::create_directories(keep);
            std::filesystem::copy(w->dir.Path(), keep,
                                  std::filesystem::copy_options::recursive |
                                      std::filesystem::copy_options::overwrite_existing);
        }
        return w;
    }();
    return *written;
}

const scoring::Bid& BidOf(const Fixture& fixture, scoring::Key key)
{
    for (const scoring::Bid& bid : fixture.round.bids)
    {
        if (bid.key == key)
        {
            return bid;
        }
    }
    throw std::runtime_error("no bid with key " + std::to_string(key));
}

const scoring::Member& MemberOf(const Fixture& fixture, scoring::Key key)
{
    for (const scoring::Member& member : fixture.round.members)
    {
        if (member.key == key)
        {
            return member;
        }
    }
    throw std::runtime_error("no member with key " + std::to_string(key));
}

const scoring::BidResult& ResultOf(const Fixture& fixture, const std::string& ref)
{
    for (const scoring::Bid& bid : fixture.round.bids)
    {
        if (bid.ref != ref)
        {
            continue;
        }
        for (const scoring::FundResult& fund : fixture.result.funds)
        {
            for (const scoring::BidResult& result : fund.bids)
            {
                if (result.bid == bid.key)
                {
                    return result;
                }
            }
        }
    }
    throw std::runtime_error("no result for " + ref);
}

} // namespace coscore::test
