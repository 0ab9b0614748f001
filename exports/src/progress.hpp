// SPDX-License-Identifier: MIT
// Progress and cancel for long exports: counts units of work, reports about every 1%, and
// throws coscore::Cancelled as soon as the callback says stop. Outputs may be written on two
// threads; the callback is only ever called on the thread that made the meter.
#pragma once

#include <coscore/exports/export.hpp>

#include <atomic>
#include <cstdint>
#include <exception>
#include <mutex>
#include <span>
#include <string>
#include <string_view>
#include <thread>

namespace coscore::exports::detail
{

class ProgressMeter
{
public:
    explicit ProgressMeter(ProgressCallback callback);

    /// Adds planned work (call before the work starts).
    void Plan(std::int64_t units) { m_total += units; }

    /// Names the step now running and asks whether to go on.
    void Step(std::string_view step);

    /// Counts done work; asks whether to go on every 1% (and at least every 4,096 units).
    /// Throws coscore::Cancelled once the work was cancelled or stopped.
    void Advance(std::int64_t units = 1);

    /// On the meter's own thread while another thread works: reports, and returns false once
    /// the user cancelled (the other thread then stops at its next step).
    bool Poll();

    /// Makes every thread stop at its next step (another thread failed).
    void Stop() { m_stop.store(true); }
    bool Stopped() const { return m_stop.load(); }

    /// True on the thread that made the meter: the only one that may Poll().
    bool IsOwner() const { return std::this_thread::get_id() == m_owner; }

    /// Reports 100% (the step "Done").
    void Finish();

private:
    bool Report(); ///< false when cancelled
    void ReportOrThrow();

    ProgressCallback m_callback;
    std::thread::id m_owner;
    std::mutex m_step_mutex;
    std::string m_step;
    std::int64_t m_total = 0;
    std::atomic<std::int64_t> m_done{0};
    std::atomic<bool> m_stop{false};
    std::int64_t m_reported = 0; ///< m_done at the last report (owner thread only)
};

/// After work on several threads: rethrows the first error that is not coscore::Cancelled (a
/// real failure wins over the Cancelled it caused on the other threads), else the first
/// Cancelled; returns when there is none.
void RethrowFirstError(std::span<const std::exception_ptr> errors);

} // namespace coscore::exports::detail
