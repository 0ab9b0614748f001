// SPDX-License-Identifier: MIT
#include "progress.hpp"

#include <coscore/scoring/error.hpp>

#include <algorithm>

namespace coscore::exports::detail
{

void ProgressMeter::Step(std::string_view step)
{
    m_step.assign(step);
    Report();
}

void ProgressMeter::Report()
{
    m_since_report = 0;
    m_report_every = std::clamp<std::int64_t>(m_total / 100, 1, 4096);
    if (!m_callback)
    {
        return;
    }
    const double fraction =
        m_total > 0 ? std::min(1.0, static_cast<double>(m_done) / static_cast<double>(m_total))
                    : 0.0;
    if (!m_callback(fraction, m_step))
    {
        throw coscore::Cancelled();
    }
}

void ProgressMeter::Finish()
{
    m_done = m_total;
    m_step = "Done";
    Report();
}

} // namespace coscore::exports::detail
