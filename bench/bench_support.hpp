// SPDX-License-Identifier: MIT
// Shared by the in-process benchmarks: timing with median and spread (wall and CPU), and what
// the machine is, so that every figure is printed with the conditions it was measured under.
#pragma once

#include <algorithm>
#include <chrono>
#include <ctime>
#include <fstream>
#include <functional>
#include <string>
#include <vector>

namespace coscore::bench
{

struct Timing
{
    double median_ms = 0.0;
    double min_ms = 0.0;
    double max_ms = 0.0;
    double median_cpu_ms = 0.0; ///< processor time of all threads: what a busy machine hides
};

inline double Median(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    const std::size_t mid = values.size() / 2;
    return values.size() % 2 == 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2.0;
}

/// Runs `work` once to warm up, then `runs` times, timing each run (wall clock and CPU).
inline Timing Measure(int runs, const std::function<void()>& work)
{
    work();
    std::vector<double> ms;
    std::vector<double> cpu;
    for (int i = 0; i < runs; ++i)
    {
        const std::clock_t cpu_start = std::clock();
        const auto start = std::chrono::steady_clock::now();
        work();
        const auto stop = std::chrono::steady_clock::now();
        cpu.push_back(1000.0 * static_cast<double>(std::clock() - cpu_start) / CLOCKS_PER_SEC);
        ms.push_back(std::chrono::duration<double, std::milli>(stop - start).count());
    }
    const auto [lo, hi] = std::minmax_element(ms.begin(), ms.end());
    return {Median(ms), *lo, *hi, Median(cpu)};
}

/// The 1-minute load average: benchmarks on a shared machine say how busy it was.
inline std::string LoadAverage()
{
    std::ifstream load("/proc/loadavg");
    std::string first;
    load >> first;
    return first.empty() ? "unknown" : first;
}

inline std::string CpuModel()
{
    std::ifstream cpuinfo("/proc/cpuinfo");
    std::string line;
    while (std::getline(cpuinfo, line))
    {
        if (line.rfind("model name", 0) == 0)
        {
            const auto colon = line.find(':');
            return colon == std::string::npos ? line : line.substr(colon + 2);
        }
    }
    return "unknown CPU";
}

} // namespace coscore::bench
