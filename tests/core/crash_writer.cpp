// SPDX-License-Identifier: MIT
// Helper for the kill -9 test: saves scores on the real save path and prints "ACK k" after each
// COMMIT returns, so that the parent knows what the user was told was saved.
// Usage: coscore_crash_writer ROUND START
#include "crash_plan.hpp"

#include <coscore/core/workspace.hpp>

#include <cstdio>
#include <string>

int main(int argc, char** argv)
{
    if (argc != 3)
    {
        return 2;
    }
    auto ws = coscore::core::Workspace::Open(argv[1]);
    const coscore::test::CrashPlan plan(*ws);
    std::printf("READY\n");
    std::fflush(stdout);
    for (long k = std::stol(argv[2]);; ++k)
    {
        const auto write = plan.Write(k);
        ws->RecordScore(write.bid, write.member, write.criterion, write.value);
        std::printf("ACK %ld\n", k);
        std::fflush(stdout);
    }
}
