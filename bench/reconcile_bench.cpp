// SPDX-License-Identifier: MIT
// Reconciliation benchmark (PRODUCT.md §8): Reconcile() of generated S, M and L rounds and a
// re-reconcile after one changed score at M. Prints the median and spread of several runs as a
// Markdown table, with the machine, for the README.
#include <coscore/scoring/lottery.hpp>
#include <coscore/scoring/reconcile.hpp>
#include <coscore/scoring/reconciler.hpp>
#include <coscore/scoring/synthetic_round.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <functional>
#include <string>
#include <thread>
#include <vector>

using namespace coscore::scoring;

#include "bench_support.hpp"

using coscore::bench::CpuModel;
using coscore::bench::Measure;
using coscore::bench::Timing;

namespace
{

constexpr std::uint64_t kSeed = 20260101;

struct Case
{
    const char* name;
    SyntheticSpec spec;
    int runs;
    const char* target;
};

void Row(const char* what, const SyntheticSpec& spec, std::size_t scores, const char* options,
         int runs, const Timing& t, const char* target)
{
    std::printf("| %s | %d × %d × %d | %zu | %s | %d | %.2f | %.2f – %.2f | %s |\n", what,
                spec.bids, spec.members, spec.criteria, scores, options, runs, t.median_ms,
                t.min_ms, t.max_ms, target);
}

} // namespace

int main()
{
    const std::vector<Case> cases{
        {"S", SmallRound(), 50, "—"},
        {"M", MediumRound(), 20, "≤ 50 ms"},
        {"L", LargeRound(), 5, "≤ 1,000 ms"},
    };
    ReconcileOptions rules_only;
    rules_only.bootstrap = false;
    rules_only.reliability = false;
    const ReconcileOptions everything;

    std::printf("Machine: %s, %u hardware threads; build: %s\n\n", CpuModel().c_str(),
                std::thread::hardware_concurrency(),
#ifdef NDEBUG
                "optimised (NDEBUG)"
#else
                "debug"
#endif
    );
    std::printf("| case | bids × members × criteria | scores | options | runs | median ms | "
                "min – max ms | target |\n");
    std::printf("|---|---|---|---|---|---|---|---|\n");
    for (const Case& c : cases)
    {
        const RoundData round = GenerateRound(c.spec, kSeed);
        const Timing rules =
            Measure(c.runs, [&] { static_cast<void>(Reconcile(round, rules_only)); });
        Row(c.name, c.spec, round.scores.size(), "rules (no bootstrap, no reliability)", c.runs,
            rules, c.target);
        const int full_runs = std::max(1, c.runs / 5);
        const Timing full =
            Measure(full_runs, [&] { static_cast<void>(Reconcile(round, everything)); });
        Row(c.name, c.spec, round.scores.size(), "everything (bootstrap, reliability)", full_runs,
            full, "—");
    }

    // Re-reconcile after one changed score at M: the meeting's edit loop.
    const SyntheticSpec m = MediumRound();
    const RoundData round = GenerateRound(m, kSeed);
    Reconciler reconciler(round, rules_only);
    SplitMix64 rng(kSeed);
    const Timing edit = Measure(30,
                                [&]
                                {
                                    Score s = reconciler.Round().scores[static_cast<std::size_t>(
                                        UniformBelow(rng, reconciler.Round().scores.size()))];
                                    s.value = static_cast<std::int16_t>(UniformBelow(rng, 6));
                                    s.missing = MissingReason::None;
                                    static_cast<void>(reconciler.SetScore(s));
                                });
    Row("M, one score changed (Reconciler::SetScore)", m, round.scores.size(),
        "rules (no bootstrap, no reliability)", 30, edit, "≤ 16 ms");
    return 0;
}
