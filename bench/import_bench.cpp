// SPDX-License-Identifier: MIT
// The import benchmark (PRODUCT.md §8: ≥ 1 M score rows/s into the round file), in process and
// by phase: plan (read and check every file) and commit (one transaction), on the files that
// coscore_bench_generate writes. A diagnostic then re-inserts the same score rows into scratch
// copies of the round, with and without the scores trigger, foreign keys and CHECKs, to show
// what the round file's own per-row checks cost (Workspace::Import does without them).
// Usage: coscore_import_bench FOLDER [RUNS]     (prints one Markdown table on stdout)
#include "sqlite/database.hpp"

#include <coscore/core/import.hpp>

#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <string>
#include <vector>

using namespace coscore;
using namespace coscore::core;

namespace
{

using Clock = std::chrono::steady_clock;

double Seconds(Clock::time_point since)
{
    return std::chrono::duration<double>(Clock::now() - since).count();
}

/// Wall and CPU time of one phase: on a shared machine the CPU time is the comparable figure.
struct Timing
{
    double wall = 0;
    double cpu = 0;
};

class Stopwatch
{
public:
    Timing Stop() const
    {
        return {Seconds(m_wall), static_cast<double>(std::clock() - m_cpu) / CLOCKS_PER_SEC};
    }

private:
    Clock::time_point m_wall = Clock::now();
    std::clock_t m_cpu = std::clock();
};

double Median(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    return values[values.size() / 2];
}

long PeakMebibytes()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss / 1024;
}

ImportRequest RequestFor(const std::string& folder)
{
    ImportRequest request;
    for (const ImportTable table : AllImportTables())
    {
        const std::string path = folder + "/" + std::string(ToString(table)) + ".csv";
        if (std::filesystem::exists(path))
        {
            request.files.push_back({table, path, ""});
        }
    }
    return request;
}

void RemoveRound(const std::string& path)
{
    for (const char* suffix : {"", "-wal", "-shm", "-journal"})
    {
        std::filesystem::remove(path + suffix);
    }
}

/// Re-inserts every score row of `round` into a scratch copy (as Workspace::Import does: 256
/// rows per statement, one transaction), after `prepare` has run on the copy.
Timing TimeScoreInsert(const std::string& round, const std::string& scratch,
                       const std::string& prepare)
{
    RemoveRound(scratch);
    {
        sqlite::Database source(round, sqlite::OpenFlags::ReadOnly);
        source.VacuumInto(scratch);
    }
    sqlite::Database db(scratch, sqlite::OpenFlags::ReadWrite);
    db.Execute("PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; " + prepare);
    db.Execute("CREATE TEMP TABLE saved AS SELECT * FROM scores ORDER BY 1, 2, 3; "
               "DELETE FROM scores;");
    constexpr int kRows = 256;
    std::string sql = "INSERT INTO scores (bid_id, member_id, criterion_id, value, "
                      "missing_reason) VALUES ";
    for (int r = 0; r < kRows; ++r)
    {
        sql += r == 0 ? "(?,?,?,?,?)" : ",(?,?,?,?,?)";
    }
    auto rows = db.Prepare("SELECT bid_id, member_id, criterion_id, value, missing_reason "
                           "FROM temp.saved");
    struct Row
    {
        std::int64_t bid, member, criterion;
        std::optional<std::int64_t> value;
        std::optional<std::string> reason;
    };
    std::vector<Row> all;
    while (rows.Step())
    {
        all.push_back({rows.Int64(0), rows.Int64(1), rows.Int64(2), rows.OptionalInt64(3),
                       rows.OptionalText(4)});
    }
    const Stopwatch watch;
    sqlite::Transaction tx(db);
    auto insert = db.Prepare(sql);
    std::size_t i = 0;
    for (; i + kRows <= all.size(); i += kRows)
    {
        for (int r = 0; r < kRows; ++r)
        {
            const Row& row = all[i + static_cast<std::size_t>(r)];
            const int p = r * 5 + 1;
            insert.Bind(p, row.bid).Bind(p + 1, row.member).Bind(p + 2, row.criterion);
            insert.Bind(p + 3, row.value).Bind(p + 4, row.reason);
        }
        insert.Run();
    }
    auto one = db.Prepare("INSERT INTO scores (bid_id, member_id, criterion_id, value, "
                          "missing_reason) VALUES (?,?,?,?,?)");
    for (; i < all.size(); ++i)
    {
        one.Bind(1, all[i].bid).Bind(2, all[i].member).Bind(3, all[i].criterion);
        one.Bind(4, all[i].value).Bind(5, all[i].reason).Run();
    }
    tx.Commit();
    return watch.Stop();
}

void PrintRow(const char* what, const std::vector<Timing>& runs, std::int64_t scores)
{
    std::vector<double> wall;
    std::vector<double> cpu;
    for (const Timing& t : runs)
    {
        wall.push_back(t.wall);
        cpu.push_back(t.cpu);
    }
    const auto rate = [&](double seconds) { return static_cast<double>(scores) / seconds / 1e6; };
    std::printf("| %s | %.3f | %.2f M | %.3f | %.2f M |\n", what, Median(wall), rate(Median(wall)),
                Median(cpu), rate(Median(cpu)));
}

} // namespace

int main(int argc, char** argv)
{
    if (argc < 2)
    {
        std::fprintf(stderr, "usage: coscore_import_bench FOLDER [RUNS]\n");
        return 2;
    }
    const std::string folder = argv[1];
    const int runs = argc > 2 ? std::max(1, std::atoi(argv[2])) : 3;
    const std::string round = folder + "/import-bench.coscore";
    const ImportRequest request = RequestFor(folder);
    std::vector<Timing> plan_times;
    std::vector<Timing> commit_times;
    std::vector<Timing> total_times;
    std::int64_t scores = 0;
    try
    {
        for (int run = 0; run < runs; ++run)
        {
            RemoveRound(round);
            // As `coscore-cli new` then `import` do: the import opens the round afresh.
            Workspace::Create(round, "Import benchmark").reset();
            auto ws = Workspace::Open(round);
            const Stopwatch plan_watch;
            const ImportPlan plan = PlanImport(*ws, request);
            plan_times.push_back(plan_watch.Stop());
            const Stopwatch commit_watch;
            const ImportReport report = CommitImport(*ws, plan, true);
            commit_times.push_back(commit_watch.Stop());
            total_times.push_back({plan_times.back().wall + commit_times.back().wall,
                                   plan_times.back().cpu + commit_times.back().cpu});
            if (!report.imported)
            {
                for (const std::string& line : report.Lines())
                {
                    std::fprintf(stderr, "%s\n", line.c_str());
                }
                return 1;
            }
            scores = report.counts.scores;
        }
        std::printf("Import of %lld score rows, median of %d runs.\n\n",
                    static_cast<long long>(scores), runs);
        std::printf(
            "| phase | wall s | rows/s | CPU s | rows per CPU-s |\n|---|---|---|---|---|\n");
        PrintRow("plan: read and check every file", plan_times, scores);
        PrintRow("commit: one transaction into the round file", commit_times, scores);
        PrintRow("import in all", total_times, scores);
        std::printf("\nPeak memory of the process: %ld MiB.\n\n", PeakMebibytes());

        // Diagnostic: what the round file's own checks cost per score row.
        const std::string scratch = folder + "/import-bench-scratch.coscore";
        const auto diagnose = [&](const char* what, const char* prepare)
        { PrintRow(what, {TimeScoreInsert(round, scratch, prepare)}, scores); };
        std::printf(
            "Score rows alone, re-inserted row by row into a scratch copy of the round: what "
            "the per-row guards cost (an import checks them once per import instead, or holds "
            "them by construction: src/core/src/bulk_checks.hpp):\n\n");
        std::printf(
            "| schema | wall s | rows/s | CPU s | rows per CPU-s |\n|---|---|---|---|---|\n");
        diagnose("as the round file is (trigger, foreign keys)", "PRAGMA foreign_keys = ON;");
        diagnose("without the BEFORE INSERT trigger",
                 "PRAGMA foreign_keys = ON; DROP TRIGGER scores_guard_insert;");
        diagnose("without the trigger and foreign keys",
                 "PRAGMA foreign_keys = OFF; DROP TRIGGER scores_guard_insert;");
        diagnose("without the trigger, foreign keys and CHECK constraints (as an import writes)",
                 "PRAGMA foreign_keys = OFF; DROP TRIGGER scores_guard_insert; "
                 "PRAGMA ignore_check_constraints = ON;");
        RemoveRound(scratch);
        RemoveRound(round);
        return 0;
    }
    catch (const std::exception& e)
    {
        std::fprintf(stderr, "coscore_import_bench: %s\n", e.what());
        return 1;
    }
}
