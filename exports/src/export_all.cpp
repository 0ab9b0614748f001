// SPDX-License-Identifier: MIT
// The entry points: plan the work, stage every file, then rename them all into place.
#include "export_context.hpp"

#include <coscore/scoring/error.hpp>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <exception>
#include <numeric>
#include <system_error>
#include <thread>

namespace coscore::exports::detail
{
namespace
{

using StageFn = void (*)(const OutputContext&, const std::filesystem::path&,
                         std::vector<StagedFile>&);
using UnitsFn = std::int64_t (*)(const ExportInput&);

struct Job
{
    std::filesystem::path path;
    StageFn stage = nullptr;
    std::int64_t units = 0;
};

std::int64_t CsvFolderUnits(const ExportInput& input)
{
    return AwardListUnits(input) + ScoringMatrixUnits(input) + PanelReportUnits(input) +
           FeedbackSheetUnits(input) + AuditLogUnits(input);
}

void StageCsvFolder(const OutputContext& ctx, const std::filesystem::path& folder,
                    std::vector<StagedFile>& staged)
{
    ctx.meter.Step("CSV files");
    StageAwardCsvTables(ctx, folder, staged);
    StageMatrixCsvTables(ctx, folder, staged);
    StageReportCsvTables(ctx, folder, staged);
    StageFeedbackSheet(ctx, folder / "feedback.csv", staged);
    StageAuditLog(ctx, folder / "audit_log.csv", staged);
}

/// Splits the jobs into at most two lanes of similar work (largest first), so that two
/// workbooks are written at once when the export may use two threads.
std::vector<std::vector<std::size_t>> Lanes(const std::vector<Job>& jobs, int threads)
{
    const bool two = jobs.size() > 1 && threads > 1;
    std::vector<std::vector<std::size_t>> lanes(two ? 2 : 1);
    std::vector<std::size_t> order(jobs.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return jobs[a].units > jobs[b].units; });
    std::vector<std::int64_t> load(lanes.size(), 0);
    for (const std::size_t job : order)
    {
        const auto lane =
            static_cast<std::size_t>(std::min_element(load.begin(), load.end()) - load.begin());
        lanes[lane].push_back(job);
        load[lane] += jobs[job].units;
    }
    return lanes;
}

/// Runs the jobs, staging every file, and renames them into place only when all succeeded.
/// The progress callback is only called on this thread; a second lane runs on a worker.
ExportReport Run(const ExportInput& input, const std::vector<Job>& jobs,
                 const ExportOptions& options)
{
    ProgressMeter meter(options.progress);
    for (const Job& job : jobs)
    {
        meter.Plan(job.units);
    }
    const RoundIndex index(input);
    std::vector<std::vector<StagedFile>> staged(jobs.size());
    std::vector<std::vector<ExportWarning>> warnings(jobs.size());
    const std::vector<std::vector<std::size_t>> lanes = Lanes(jobs, ExportThreads(options));
    std::vector<std::exception_ptr> errors(lanes.size());
    const auto run_lane = [&](std::size_t lane)
    {
        try
        {
            for (const std::size_t j : lanes[lane])
            {
                const OutputContext ctx{input, index, options, meter, warnings[j]};
                jobs[j].stage(ctx, jobs[j].path, staged[j]);
            }
        }
        catch (...)
        {
            errors[lane] = std::current_exception();
            meter.Stop(); // the other lane stops at its next step
        }
    };
    if (lanes.size() > 1)
    {
        std::atomic<bool> done{false};
        std::thread worker(
            [&]
            {
                run_lane(1);
                done.store(true);
            });
        run_lane(0);
        // Keep reporting (and listening for cancel) until the other lane is through.
        while (!done.load())
        {
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
            static_cast<void>(meter.Poll());
        }
        worker.join();
    }
    else
    {
        run_lane(0);
    }
    // A real failure wins over the Cancelled it caused in the other lane.
    RethrowFirstError(errors);

    ExportReport report;
    meter.Step("Saving");
    for (std::size_t j = 0; j < jobs.size(); ++j)
    {
        for (StagedFile& file : staged[j])
        {
            file.Commit();
            report.written.push_back(file.Target());
        }
        report.warnings.insert(report.warnings.end(), warnings[j].begin(), warnings[j].end());
    }
    meter.Finish();
    return report;
}

Job MakeJob(const std::filesystem::path& path, StageFn stage, UnitsFn units,
            const ExportInput& input)
{
    return {path, stage, units(input)};
}

ExportReport RunOne(const ExportInput& input, const std::filesystem::path& path, StageFn stage,
                    UnitsFn units, const ExportOptions& options)
{
    return Run(input, {MakeJob(path, stage, units, input)}, options);
}

/// Creates the CSV folder when missing; removes it again if the export then fails.
class FolderGuard
{
public:
    explicit FolderGuard(const std::optional<std::filesystem::path>& folder)
    {
        if (!folder)
        {
            return;
        }
        std::error_code ec;
        if (std::filesystem::exists(*folder, ec))
        {
            return;
        }
        std::filesystem::create_directories(*folder, ec);
        if (ec)
        {
            throw ExportError("Could not create the folder " + folder->string() + ": " +
                              ec.message() + ". Choose a folder you may write to.");
        }
        m_created = *folder;
    }
    ~FolderGuard()
    {
        if (!m_created.empty())
        {
            std::error_code ec;
            std::filesystem::remove(m_created, ec); // only when still empty
        }
    }
    FolderGuard(const FolderGuard&) = delete;
    FolderGuard& operator=(const FolderGuard&) = delete;
    void Keep() { m_created.clear(); }

private:
    std::filesystem::path m_created;
};

} // namespace
} // namespace coscore::exports::detail

namespace coscore::exports
{

using detail::Job;
using detail::MakeJob;

scoring::ReconcileOptions ReconcileOptionsFor(const ExportRequest& request)
{
    const bool uncertainty = request.report.has_value() || request.csv_folder.has_value();
    scoring::ReconcileOptions options;
    options.bootstrap = uncertainty;
    options.reliability = uncertainty;
    return options;
}

ExportReport ExportAll(const ExportInput& input, const ExportRequest& request,
                       const ExportOptions& options)
{
    // Two outputs under one name would silently keep only the last.
    std::vector<std::filesystem::path> targets;
    for (const auto* path : {&request.awards, &request.matrix, &request.report, &request.feedback,
                             &request.audit, &request.csv_folder})
    {
        if (*path)
        {
            targets.push_back(std::filesystem::weakly_canonical(std::filesystem::absolute(**path)));
        }
    }
    std::sort(targets.begin(), targets.end());
    const auto same = std::adjacent_find(targets.begin(), targets.end());
    if (same != targets.end())
    {
        throw ExportError("Two exports would both be written to " + same->string() +
                          ". Give each output its own file name.");
    }
    std::vector<Job> jobs;
    if (request.awards)
    {
        jobs.push_back(
            MakeJob(*request.awards, detail::StageAwardList, detail::AwardListUnits, input));
    }
    if (request.matrix)
    {
        jobs.push_back(MakeJob(*request.matrix, detail::StageScoringMatrix,
                               detail::ScoringMatrixUnits, input));
    }
    if (request.report)
    {
        jobs.push_back(
            MakeJob(*request.report, detail::StagePanelReport, detail::PanelReportUnits, input));
    }
    if (request.feedback)
    {
        jobs.push_back(MakeJob(*request.feedback, detail::StageFeedbackSheet,
                               detail::FeedbackSheetUnits, input));
    }
    if (request.audit)
    {
        jobs.push_back(
            MakeJob(*request.audit, detail::StageAuditLog, detail::AuditLogUnits, input));
    }
    detail::FolderGuard folder(request.csv_folder);
    if (request.csv_folder)
    {
        jobs.push_back(
            MakeJob(*request.csv_folder, detail::StageCsvFolder, detail::CsvFolderUnits, input));
    }
    ExportReport report = detail::Run(input, jobs, options);
    folder.Keep();
    return report;
}

ExportReport WriteAwardList(const ExportInput& input, const std::filesystem::path& path,
                            const ExportOptions& options)
{
    return detail::RunOne(input, path, detail::StageAwardList, detail::AwardListUnits, options);
}

ExportReport WriteScoringMatrix(const ExportInput& input, const std::filesystem::path& path,
                                const ExportOptions& options)
{
    return detail::RunOne(input, path, detail::StageScoringMatrix, detail::ScoringMatrixUnits,
                          options);
}

ExportReport WritePanelReport(const ExportInput& input, const std::filesystem::path& path,
                              const ExportOptions& options)
{
    return detail::RunOne(input, path, detail::StagePanelReport, detail::PanelReportUnits, options);
}

ExportReport WriteFeedbackSheet(const ExportInput& input, const std::filesystem::path& path,
                                const ExportOptions& options)
{
    return detail::RunOne(input, path, detail::StageFeedbackSheet, detail::FeedbackSheetUnits,
                          options);
}

ExportReport WriteAuditLog(const ExportInput& input, const std::filesystem::path& path,
                           const ExportOptions& options)
{
    return detail::RunOne(input, path, detail::StageAuditLog, detail::AuditLogUnits, options);
}

ExportReport WriteCsvFolder(const ExportInput& input, const std::filesystem::path& folder,
                            const ExportOptions& options)
{
    ExportRequest request;
    request.csv_folder = folder;
    return ExportAll(input, request, options);
}

} // namespace coscore::exports
