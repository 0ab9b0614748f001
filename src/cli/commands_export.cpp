// SPDX-License-Identifier: MIT
// export: the award list, scoring matrix, panel report, feedback sheet and audit log.
#include "commands.hpp"
#include "options.hpp"

#include <coscore/core/workspace.hpp>
#include <coscore/exports/export.hpp>
#include <coscore/scoring/reconcile.hpp>

#include <chrono>
#include <cstdio>
#include <future>
#include <iostream>

namespace coscore::cli
{

namespace
{

exports::ExportRequest RequestFrom(const po::variables_map& vm)
{
    exports::ExportRequest request;
    const auto path = [&vm](const char* name) -> std::optional<std::filesystem::path>
    {
        if (vm.count(name))
        {
            return std::filesystem::path(vm[name].as<std::string>());
        }
        return std::nullopt;
    };
    request.awards = path("awards");
    request.matrix = path("matrix");
    request.report = path("report");
    request.feedback = path("feedback");
    request.audit = path("audit");
    request.csv_folder = path("csv");
    if (vm.count("all"))
    {
        const std::filesystem::path folder(vm["all"].as<std::string>());
        std::filesystem::create_directories(folder);
        request.awards = folder / "award_list.xlsx";
        request.matrix = folder / "scoring_matrix.xlsx";
        request.report = folder / "panel_report.xlsx";
        request.feedback = folder / "feedback.xlsx";
        request.audit = folder / "audit_log.xlsx";
        request.csv_folder = folder / "csv";
    }
    return request;
}

std::chrono::sys_seconds ParseUtc(const std::string& text)
{
    int y = 0;
    unsigned mo = 0;
    unsigned d = 0;
    int h = 0;
    int mi = 0;
    int se = 0;
    char z = 0;
    const bool parsed = std::sscanf(text.c_str(), "%4d-%2u-%2uT%2d:%2d:%2d%c", &y, &mo, &d, &h, &mi,
                                    &se, &z) == 7 &&
                        z == 'Z';
    const std::chrono::year_month_day date{std::chrono::year{y}, std::chrono::month{mo},
                                           std::chrono::day{d}};
    if (!parsed || !date.ok() || h > 23 || mi > 59 || se > 59 || h < 0 || mi < 0 || se < 0)
    {
        throw UsageError("--generated-at takes a UTC time like 2026-11-22T14:00:00Z, not '" + text +
                         "'");
    }
    return std::chrono::sys_days{date} + std::chrono::hours{h} + std::chrono::minutes{mi} +
           std::chrono::seconds{se};
}

bool Empty(const exports::ExportRequest& r)
{
    return !r.awards && !r.matrix && !r.report && !r.feedback && !r.audit && !r.csv_folder;
}

} // namespace

int RunExport(const Args& args)
{
    po::options_description options("export");
    options.add_options()("round", po::value<std::string>(), "round file")(
        "awards", po::value<std::string>(), "award list (.xlsx, or .csv)")(
        "matrix", po::value<std::string>(), "scoring matrix (.xlsx, or .csv)")(
        "report", po::value<std::string>(), "panel report (.xlsx, or .csv)")(
        "feedback", po::value<std::string>(), "feedback sheet for mail merge (.xlsx, or .csv)")(
        "audit", po::value<std::string>(), "audit log (.csv, or .xlsx)")(
        "csv", po::value<std::string>(), "folder for every table as CSV")(
        "all", po::value<std::string>(), "folder for every output, xlsx and CSV")(
        "marking", po::value<std::string>(), "protective marking, e.g. OFFICIAL-SENSITIVE")(
        "generated-at", po::value<std::string>(),
        "pin the time printed and stored in the files (YYYY-MM-DDTHH:MM:SSZ): same input, "
        "same bytes");
    po::positional_options_description positional;
    positional.add("round", 1);
    const auto vm = ParseArgs(args, options, positional);
    const exports::ExportRequest request = RequestFrom(vm);
    if (Empty(request))
    {
        throw UsageError("say what to export: --awards, --matrix, --report, --feedback, "
                         "--audit, --csv DIR or --all DIR");
    }
    core::OpenOptions open;
    open.read_only = true;
    const std::string round_path = RoundArg(vm);
    // The checks before any export (integrity, foreign keys, schema, audit chain) take as long
    // as loading a large round: they read the file on a connection of their own meanwhile.
    std::future<core::VerifyReport> checks =
        std::async(std::launch::async, [round_path, open]
                   { return core::Workspace::Open(round_path, open)->Verify(); });
    const auto ws = core::Workspace::Open(round_path, open);
    const scoring::RoundData round = ws->LoadRound(core::Workspace::Load::ForScoring);
    const scoring::ReconcileResult result =
        scoring::Reconcile(round, exports::ReconcileOptionsFor(request));
    exports::ExportInput input(round, result);
    for (const core::AuditEntry& e : ws->ListAudit())
    {
        input.audit.push_back({e.seq, e.at, e.actor, e.action, e.detail, e.hash_hex});
    }
    const core::VerifyReport verified = checks.get();
    if (!verified.Ok())
    {
        throw Error(
            "The round file failed its checks (" +
            (verified.problems.empty() ? verified.audit.problem : verified.problems.front()) +
            "); nothing was exported. Run 'coscore-cli verify' for details.");
    }
    input.audit_head_hex = verified.audit.head_hash_hex;
    if (vm.count("marking"))
    {
        input.protective_marking = vm["marking"].as<std::string>();
    }
    input.generated_at =
        vm.count("generated-at")
            ? ParseUtc(vm["generated-at"].as<std::string>())
            : std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now());
    const exports::ExportReport report = exports::ExportAll(input, request);
    for (const auto& path : report.written)
    {
        std::cout << "Wrote " << path.string() << "\n";
    }
    for (const auto& warning : report.warnings)
    {
        std::cerr << "Warning: " << warning.message << "\n";
    }
    return kExitOk;
}

} // namespace coscore::cli
