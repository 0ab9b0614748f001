// SPDX-License-Identifier: MIT
// One durable score save (PRODUCT.md §8: ≤ 5 ms median): RecordScore on the demo round, on the
// real save path (BEGIN IMMEDIATE, score + audit row, COMMIT with synchronous=FULL).
// Usage: coscore_save_bench FOLDER [SAVES]; prints median and spread in milliseconds.
#include <coscore/core/demo_round.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

using namespace coscore;

int main(int argc, char** argv)
{
    if (argc < 2)
    {
        std::fprintf(stderr, "usage: coscore_save_bench FOLDER [SAVES]\n");
        return 2;
    }
    const int saves = argc > 2 ? std::stoi(argv[2]) : 500;
    const std::string path = std::string(argv[1]) + "/save_bench.coscore";
    std::filesystem::create_directories(argv[1]);
    std::filesystem::remove(path);
    auto ws = core::CreateDemoRound(path);
    // M06 has not started INN-010: every save below is a real change on an open sheet.
    scoring::Key member = 0;
    for (const auto& m : ws->ListMembers())
    {
        member = m.ref == "M06" ? m.key : member;
    }
    scoring::Key bid = 0;
    for (const auto& b : ws->ListBids())
    {
        bid = b.ref == "INN-010" ? b.key : bid;
    }
    const auto criteria = ws->ListFunds().front().criteria;
    std::vector<double> ms;
    for (int i = 0; i < saves; ++i)
    {
        const auto& c = criteria[static_cast<std::size_t>(i) % criteria.size()];
        const auto start = std::chrono::steady_clock::now();
        ws->RecordScore(bid, member, c.key, i % (c.scale_max + 1));
        ms.push_back(
            std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
                .count());
    }
    std::sort(ms.begin(), ms.end());
    std::printf("saves=%d median_ms=%.3f p10_ms=%.3f p90_ms=%.3f max_ms=%.3f\n", saves,
                ms[ms.size() / 2], ms[ms.size() / 10], ms[ms.size() * 9 / 10], ms.back());
    ws.reset();
    std::filesystem::remove(path);
    return 0;
}
