// SPDX-License-Identifier: MIT
// Export benchmark (PRODUCT.md §8): the award list and the scoring matrix of generated S, M and
// L rounds (L = 20,000 bids × 25 members × 8 criteria; target awards + matrix ≤ 1.5 s), written
// to a temporary folder. The reconciliation is done once, outside the timing. Prints the
// median and spread of several runs as a Markdown table, with the machine, for the README.
// Usage: coscore_exports_bench [SIZES]     (SIZES e.g. "L" or "S,M"; all three by default)
#include <coscore/exports/export.hpp>
#include <coscore/scoring/reconcile.hpp>
#include <coscore/scoring/synthetic_round.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <functional>
#include <random>
#include <string>
#include <thread>
#include <vector>

using namespace coscore;

#include "bench_support.hpp"

using coscore::bench::CpuModel;
using coscore::bench::LoadAverage;
using coscore::bench::Measure;
using coscore::bench::Median;
using coscore::bench::Timing;

namespace
{

constexpr std::uint64_t kSeed = 20260101;

/// A private folder for the files, removed at the end.
class BenchFolder
{
public:
    BenchFolder()
    {
        std::random_device rd;
        m_path = std::filesystem::temp_directory_path() /
                 ("coscore-exports-bench-" + std::to_string(rd()));
        std::filesystem::create_directories(m_path);
    }
    ~BenchFolder()
    {
        std::error_code ec;
        std::filesystem::remove_all(m_path, ec);
    }
    BenchFolder(const BenchFolder&) = delete;
    BenchFolder& operator=(const BenchFolder&) = delete;
    const std::filesystem::path& Path() const { return m_path; }

private:
    std::filesystem::path m_path;
};

struct Case
{
    const char* name;
    scoring::SyntheticSpec spec;
    int runs;
    const char* target;
};

std::uintmax_t SizeOf(const std::filesystem::path& file)
{
    std::error_code ec;
    const auto size = std::filesystem::file_size(file, ec);
    return ec ? 0 : size;
}

std::uintmax_t FolderSize(const std::filesystem::path& folder)
{
    std::uintmax_t bytes = 0;
    for (const auto& entry : std::filesystem::directory_iterator(folder))
    {
        bytes += SizeOf(entry.path());
    }
    return bytes;
}

} // namespace

int main(int argc, char** argv)
{
    // Optional: the sizes to run, e.g. "L" or "S,M" (all by default).
    const std::string sizes = argc > 1 ? argv[1] : "S,M,L";
    const std::vector<Case> cases{
        {"S", scoring::SmallRound(), 9, "—"},
        {"M", scoring::MediumRound(), 5, "—"},
        {"L", scoring::LargeRound(), 5, "≤ 1,500 ms"},
    };
    scoring::ReconcileOptions rules_only;
    rules_only.bootstrap = false;
    rules_only.reliability = false;

    std::printf("Machine: %s, %u hardware threads, load average %s; build: %s\n\n",
                CpuModel().c_str(), std::thread::hardware_concurrency(), LoadAverage().c_str(),
#ifdef NDEBUG
                "optimised (NDEBUG)"
#else
                "debug"
#endif
    );
    std::printf("| case | bids × members × criteria | scores | output | runs | median ms | "
                "min – max ms | median CPU ms | file size | target |\n");
    std::printf("|---|---|---|---|---|---|---|---|---|---|\n");
    const BenchFolder folder;
    for (const Case& c : cases)
    {
        if (sizes.find(c.name) == std::string::npos)
        {
            continue;
        }
        const scoring::RoundData round = scoring::GenerateRound(c.spec, kSeed);
        const scoring::ReconcileResult result = scoring::Reconcile(round, rules_only);
        exports::ExportInput input(round, result);
        input.generated_at = std::chrono::sys_seconds{std::chrono::seconds{1773482400}};
        const auto awards = folder.Path() / "awards.xlsx";
        const auto matrix = folder.Path() / "matrix.xlsx";
        const auto row =
            [&](const char* output, const Timing& t, std::uintmax_t bytes, const char* target)
        {
            std::printf("| %s | %d × %d × %d | %zu | %s | %d | %.0f | %.0f – %.0f | %.0f | %.1f MB "
                        "| %s |\n",
                        c.name, c.spec.bids, c.spec.members, c.spec.criteria, round.scores.size(),
                        output, c.runs, t.median_ms, t.min_ms, t.max_ms, t.median_cpu_ms,
                        static_cast<double>(bytes) / 1e6, target);
            std::fflush(stdout);
        };
        const Timing both = Measure(c.runs,
                                    [&]
                                    {
                                        exports::ExportRequest request;
                                        request.awards = awards;
                                        request.matrix = matrix;
                                        static_cast<void>(exports::ExportAll(input, request));
                                    });
        row("award list + scoring matrix (xlsx)", both, SizeOf(awards) + SizeOf(matrix), c.target);
        const Timing award_list =
            Measure(c.runs, [&] { static_cast<void>(exports::WriteAwardList(input, awards)); });
        row("award list alone (xlsx)", award_list, SizeOf(awards), "—");
        const Timing csv =
            Measure(std::max(1, c.runs / 2), [&]
                    { static_cast<void>(exports::WriteCsvFolder(input, folder.Path() / "csv")); });
        row("every table as CSV", csv, FolderSize(folder.Path() / "csv"), "—");
    }
    return 0;
}
