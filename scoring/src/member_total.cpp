// SPDX-License-Identifier: MIT
#include <coscore/scoring/member_total.hpp>

namespace coscore::scoring
{

MemberTotalResult ComputeMemberTotal(std::span<const Criterion> criteria,
                                     std::span<const std::optional<int>> values)
{
    MemberTotalResult result;
    double weighted = 0.0;
    double weights = 0.0;
    for (std::size_t i = 0; i < criteria.size() && i < values.size(); ++i)
    {
        const Criterion& c = criteria[i];
        if (!values[i])
        {
            ++result.missing;
            continue;
        }
        ++result.scored;
        const int span = c.Span();
        const double fraction =
            span > 0 ? static_cast<double>(*values[i] - c.scale_min) / span : 0.0;
        weighted += c.weight_percent * fraction;
        weights += c.weight_percent;
    }
    result.missing += static_cast<int>(criteria.size() > values.size()
                                           ? criteria.size() - values.size()
                                           : 0);
    if (result.scored > 0 && weights > 0.0)
    {
        result.total = 100.0 * weighted / weights;
    }
    return result;
}

} // namespace coscore::scoring
