// SPDX-License-Identifier: MIT
// The entry points: plan the work, stage every file, then rename them all into place.
#include "export_context.hpp"

#include <coscore/scoring/error.hpp>

#include <system_error>

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

/// Runs the jobs, staging every file, and renames them into place only when all succeeded.
ExportReport Run(const ExportInput& input, const std::vector<Job>& jobs,
                 const ExportOptions& options)
{
    ExportReport report;
    ProgressMeter meter(options.progress);
    for (const Job& job : jobs)
    {
        meter.Plan(job.units);
    }
    const RoundIndex index(input);
    const OutputContext ctx{input, index, options, meter, report.warnings};
    std::vector<StagedFile> staged;
    for (const Job& job : jobs)
    {
        job.stage(ctx, job.path, staged);
    }
    meter.Step("Saving");
    for (StagedFile& file : staged)
    {
        file.Commit();
        report.written.push_back(file.Target());
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

ExportReport ExportAll(const ExportInput& input, const ExportRequest& request,
                       const ExportOptions& options)
{
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
