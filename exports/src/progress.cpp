// SPDX-License-Identifier: MIT
#include "progress.hpp"

#include <coscore/scoring/error.hpp>

#include <algorithm>

namespace coscore::exports::detail
{

ProgressMeter::ProgressMeter(ProgressCallback callback)
    : m_callback(std::move(callback)), m_owner(std::this_thread::get_id())
{
}

void ProgressMeter::Step(std::string_view step)
{
    {
        const std::lock_guard lock(m_step_mutex);
        m_step.assign(step);
    }
    if (IsOwner())
    {
        ReportOrThrow();
    }
    else if (Stopped())
    {
        throw coscore::Cancelled();
    }
}

void ProgressMeter::Advance(std::int64_t units)
{
    const std::int64_t done = m_done.fetch_add(units, std::memory_order_relaxed) + units;
    if (!IsOwner())
    {
        if (m_stop.load(std::memory_order_relaxed))
        {
            throw coscore::Cancelled();
        }
        return;
    }
    const std::int64_t every = std::clamp<std::int64_t>(m_total / 100, 1, 4096);
    if (done - m_reported >= every)
    {
        ReportOrThrow();
    }
}

bool ProgressMeter::Report()
{
    m_reported = m_done.load(std::memory_order_relaxed);
    if (Stopped())
    {
        return false;
    }
    if (!m_callback)
    {
        return true;
    }
    const double fraction =
        m_total > 0 ? std::min(1.0, static_cast<double>(m_reported) / static_cast<double>(m_total))
                    : 0.0;
    std::string step;
    {
        const std::lock_guard lock(m_step_mutex);
        step = m_step;
    }
    if (!m_callback(fraction, step))
    {
        Stop();
        return false;
    }
    return true;
}

void ProgressMeter::ReportOrThrow()
{
    if (!Report())
    {
        throw coscore::Cancelled();
    }
}

bool ProgressMeter::Poll()
{
    return Report();
}

void RethrowFirstError(std::span<const std::exception_ptr> errors)
{
    std::exception_ptr cancelled;
    for (const std::exception_ptr& error : errors)
    {
        if (!error)
        {
            continue;
        }
        try
        {
            std::rethrow_exception(error); // any other error leaves from here
        }
        catch (const coscore::Cancelled&)
        {
            cancelled = cancelled ? cancelled : error;
        }
    }
    if (cancelled)
    {
        std::rethrow_exception(cancelled);
    }
}

void ProgressMeter::Finish()
{
    m_done.store(m_total);
    {
        const std::lock_guard lock(m_step_mutex);
        m_step = "Done";
    }
    ReportOrThrow();
}

} // namespace coscore::exports::detail
