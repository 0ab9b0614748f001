// SPDX-License-Identifier: MIT
// Crash safety (RELIABILITY.md §1): a writer saving scores on the real save path is killed with
// SIGKILL at a random moment, again and again. Every score it acknowledged must be there, the
// file must pass its integrity check and the audit chain must be whole. Sessions default to 60
// (CI); COSCORE_CRASH_SESSIONS=1000 runs the full figure reported in the README.
#include "crash_plan.hpp"
#include "temp_dir.hpp"

#include <coscore/core/demo_round.hpp>
#include <coscore/core/workspace.hpp>

#include <boost/test/unit_test.hpp>

#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <random>
#include <sstream>

using namespace coscore;

namespace
{

struct Session
{
    long last_ack = -1; ///< highest write the child acknowledged, -1 for none
};

// Runs one writer from write `start` and kills it `kill_after_ms` after it is ready.
Session RunAndKill(const std::string& path, long start, int kill_after_ms)
{
    int fds[2];
    BOOST_REQUIRE(pipe(fds) == 0);
    const pid_t pid = fork();
    BOOST_REQUIRE(pid >= 0);
    if (pid == 0)
    {
        dup2(fds[1], STDOUT_FILENO);
        close(fds[0]);
        close(fds[1]);
        const std::string from = std::to_string(start);
        execl(COSCORE_CRASH_WRITER, COSCORE_CRASH_WRITER, path.c_str(), from.c_str(),
              static_cast<char*>(nullptr));
        _exit(127);
    }
    close(fds[1]);
    Session session;
    session.last_ack = start - 1;
    std::string pending;
    bool ready = false;
    auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    auto consume = [&](int timeout_ms)
    {
        pollfd p{fds[0], POLLIN, 0};
        if (poll(&p, 1, timeout_ms) <= 0)
        {
            return false;
        }
        char buffer[4096];
        const ssize_t n = read(fds[0], buffer, sizeof buffer);
        if (n <= 0)
        {
            return false;
        }
        pending.append(buffer, static_cast<std::size_t>(n));
        std::size_t eol = 0;
        while ((eol = pending.find('\n')) != std::string::npos)
        {
            const std::string line = pending.substr(0, eol);
            pending.erase(0, eol + 1);
            if (line == "READY")
            {
                ready = true;
                deadline =
                    std::chrono::steady_clock::now() + std::chrono::milliseconds(kill_after_ms);
            }
            else if (line.rfind("ACK ", 0) == 0)
            {
                session.last_ack = std::stol(line.substr(4));
            }
        }
        return true;
    };
    while (std::chrono::steady_clock::now() < deadline)
    {
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
                              deadline - std::chrono::steady_clock::now())
                              .count();
        consume(static_cast<int>(std::max<long>(1, left)));
    }
    BOOST_REQUIRE_MESSAGE(ready, "the writer never became ready");
    kill(pid, SIGKILL);
    int status = 0;
    waitpid(pid, &status, 0);
    // Lines written before the kill are still in the pipe: they were acknowledged too.
    while (consume(0))
    {
    }
    close(fds[0]);
    return session;
}

std::optional<int> ExpectedValue(long cell, long last_ack)
{
    // The last write to this cell at or before last_ack, if any.
    if (last_ack < cell)
    {
        return std::nullopt;
    }
    const long k = last_ack - ((last_ack - cell) % test::CrashPlan::kCells);
    return test::CrashPlan::ValueOf(k);
}

} // namespace

BOOST_AUTO_TEST_SUITE(crash_safety)

BOOST_AUTO_TEST_CASE(KillNineNeverLosesAnAcknowledgedScore)
{
    const char* env = std::getenv("COSCORE_CRASH_SESSIONS");
    const int sessions = env != nullptr ? std::atoi(env) : 60;
    test::TempDir dir;
    const std::string path = dir.File("crash.coscore");
    core::CreateDemoRound(path);
    std::mt19937 rng(20261122);
    std::uniform_int_distribution<int> delay(0, 250);
    long next = 0;
    long acknowledged = 0;
    int failures = 0;
    for (int s = 0; s < sessions; ++s)
    {
        const Session session = RunAndKill(path, next, delay(rng));
        acknowledged += session.last_ack - next + 1;
        auto ws = core::Workspace::Open(path);
        const core::VerifyReport report = ws->Verify();
        if (!report.Ok())
        {
            ++failures;
            BOOST_ERROR("session " << s << ": verify failed: " << report.audit.problem);
        }
        const test::CrashPlan plan(*ws);
        for (long c = 0; c < test::CrashPlan::kCells; ++c)
        {
            const auto& cell = plan.Cells()[static_cast<std::size_t>(c)];
            const auto stored = ws->GetSheet(cell.bid, cell.member);
            std::optional<int> value;
            for (const auto& score : stored.scores)
            {
                if (score.criterion == cell.criterion && score.value)
                {
                    value = *score.value;
                }
            }
            const auto expected = ExpectedValue(c, session.last_ack);
            // The write after the last ACK may have committed before the kill: also fine.
            const long unacked = session.last_ack + 1;
            const bool unacked_landed = unacked % test::CrashPlan::kCells == c &&
                                        value == test::CrashPlan::ValueOf(unacked);
            if (value != expected && !unacked_landed)
            {
                ++failures;
                BOOST_ERROR("session " << s << ": cell " << c << " lost an acknowledged score");
            }
        }
        next = session.last_ack + 1;
    }
    BOOST_TEST_MESSAGE("kill -9: " << sessions << " sessions, " << acknowledged
                                   << " acknowledged saves, " << failures << " failures");
    BOOST_TEST(failures == 0);
    BOOST_TEST(acknowledged > sessions); // the writer really saved between kills
}

BOOST_AUTO_TEST_SUITE_END()
