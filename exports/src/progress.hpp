// SPDX-License-Identifier: MIT
// Progress and cancel for long exports: counts units of work, reports about every 1%, and
// throws coscore::Cancelled as soon as the callback says stop.
#pragma once

#include <coscore/exports/export.hpp>

#include <cstdint>
#include <string>
#include <string_view>

namespace coscore::exports::detail
{

class ProgressMeter
{
public:
    explicit ProgressMeter(ProgressCallback callback) : m_callback(std::move(callback)) {}

    /// Adds planned work (call before the work starts).
    void Plan(std::int64_t units) { m_total += units; }

    /// Names the step now running and asks whether to go on.
    void Step(std::string_view step);

    /// Counts done work; asks whether to go on every 1% (and at least every 4,096 units).
    void Advance(std::int64_t units = 1)
    {
        m_done += units;
        m_since_report += units;
        if (m_since_report >= m_report_every)
        {
            Report();
        }
    }

    /// Reports 100% (the step "Done").
    void Finish();

private:
    void Report();

    ProgressCallback m_callback;
    std::string m_step;
    std::int64_t m_total = 0;
    std::int64_t m_done = 0;
    std::int64_t m_since_report = 0;
    std::int64_t m_report_every = 1;
};

} // namespace coscore::exports::detail
