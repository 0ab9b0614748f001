// SPDX-License-Identifier: MIT
#include "flags.hpp"

#include "text.hpp"

#include <coscore/scoring/figures.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <string_view>

namespace coscore::scoring
{
namespace
{

/// Totals are sums of fractions: a threshold met exactly must not be missed by rounding.
constexpr double kSlack = 1e-9;

bool AtLeast(double value, double threshold)
{
    return value >= threshold - kSlack;
}

bool Above(double value, double threshold)
{
    return value > threshold + kSlack;
}

class FlagWriter
{
public:
    FlagWriter(const RoundData& round, const std::vector<std::uint32_t>& scorers, BidResult& result)
        : m_round(round), m_policy(round.policy), m_scorers(scorers), m_result(result)
    {
    }

    void Add(std::string code, std::string text)
    {
        m_result.flags.push_back({std::move(code), std::move(text)});
    }

    void Spread(const std::vector<double>& sorted)
    {
        const Figures& f = m_result.figures;
        const double range = 100.0 * m_policy.flag_range;
        if (f.range && AtLeast(*f.range, range))
        {
            Add("range", "Wide spread: totals run from " + FormatPoints(*f.min) + " to " +
                             FormatPoints(*f.max) + ", " + FormatPoints(*f.range) +
                             " points apart (flag at " + FormatThreshold(m_policy.flag_range) +
                             ").");
        }
        if (f.iqr && f.n >= 4 && Above(*f.iqr, 100.0 * m_policy.flag_iqr))
        {
            Add("iqr", "The middle half of the totals spans " + FormatPoints(*f.iqr) +
                           " points (flag above " + FormatThreshold(m_policy.flag_iqr) + ").");
        }
        if (f.sd && AtLeast(*f.sd, 100.0 * m_policy.flag_sd))
        {
            Add("sd", "Totals vary a lot: standard deviation " + FormatPoints(*f.sd) +
                          " points (flag at " + FormatThreshold(m_policy.flag_sd) + ").");
        }
        Outliers(sorted);
    }

    void Voices()
    {
        const auto& lived = m_result.voices[static_cast<std::size_t>(Voice::LivedExperience)];
        const auto& councillors = m_result.voices[static_cast<std::size_t>(Voice::Councillors)];
        if (lived.mean && councillors.mean &&
            AtLeast(std::fabs(*lived.mean - *councillors.mean), 100.0 * m_policy.flag_voice_gap))
        {
            Add("voice_gap", "Lived-experience members average " + FormatPoints(*lived.mean) +
                                 " and councillors " + FormatPoints(*councillors.mean) + ": " +
                                 FormatPoints(std::fabs(*lived.mean - *councillors.mean)) +
                                 " points apart (flag at " +
                                 FormatThreshold(m_policy.flag_voice_gap) + ").");
        }
    }

    void Quorum()
    {
        const int n = m_result.figures.n;
        const auto panel = static_cast<int>(m_scorers.size());
        const bool too_few =
            n < m_policy.quorum_min_n ||
            static_cast<double>(n) < m_policy.quorum_fraction * static_cast<double>(panel) - kSlack;
        if (too_few)
        {
            Add("quorum", n == 0
                              ? "Not scored yet: none of the " + std::to_string(panel) +
                                    " scoring members has scored this bid."
                              : "Below quorum: only " + std::to_string(n) + " of the " +
                                    std::to_string(panel) +
                                    " scoring members scored this bid (it needs at least " +
                                    std::to_string(m_policy.quorum_min_n) + ", and at least " +
                                    FormatThreshold(m_policy.quorum_fraction) + "% of the panel).");
        }
        const auto& lived = m_result.voices[static_cast<std::size_t>(Voice::LivedExperience)];
        if (m_policy.quorum_needs_lived_experience && lived.n == 0)
        {
            Add("quorum_voice", "No lived-experience member has scored this bid yet.");
        }
    }

    void Sheets(const BidPanel& panel)
    {
        std::vector<std::string_view> names;
        for (const std::uint32_t m : panel.needs_explaining)
        {
            names.push_back(MemberLabel(m_round.members[m]));
        }
        if (!names.empty())
        {
            Add("needs_explaining", JoinNames(names) + (names.size() == 1 ? " asks" : " ask") +
                                        " for this bid to be explained.");
        }
        names.clear();
        for (std::size_t m = 0; m < m_result.members.size(); ++m)
        {
            if (m_result.members[m].incomplete)
            {
                names.push_back(MemberLabel(m_round.members[m_scorers[m]]));
            }
        }
        if (!names.empty())
        {
            Add("incomplete", JoinNames(names) +
                                  " left some criteria unscored: the total uses only the "
                                  "criteria scored.");
        }
    }

    void Gates(const Fund& fund, const BidPanel& panel)
    {
        for (std::size_t c = 0; c < fund.criteria.size(); ++c)
        {
            const Criterion& criterion = fund.criteria[c];
            if (!criterion.gate)
            {
                continue;
            }
            const std::optional<double>& median = panel.criterion_median[c];
            const std::string gate = std::to_string(*criterion.gate);
            if (median && *median >= *criterion.gate)
            {
                continue;
            }
            m_result.fundable = false;
            m_result.failed_gates.push_back(criterion.name);
            // Without a score the gate cannot be shown to be met; a missing score is never 0.
            Add("gate", median ? "Not fundable: the panel median on " + criterion.name + " is " +
                                     FormatPoints(*median) + ", below the gate of " + gate + "."
                               : "Not fundable yet: nobody has scored " + criterion.name +
                                     ", so its gate of " + gate + " is not met.");
        }
    }

private:
    /// A member far from the others' median is someone to ask, never a score to drop.
    void Outliers(const std::vector<double>& sorted)
    {
        const std::size_t n = sorted.size();
        if (n < 3)
        {
            return; // with one other member "the others' median" is just their score
        }
        std::vector<double> others(n - 1);
        for (std::size_t m = 0; m < m_result.members.size(); ++m)
        {
            const std::optional<double>& total = m_result.members[m].total;
            if (!total)
            {
                continue;
            }
            const auto at = static_cast<std::size_t>(
                std::lower_bound(sorted.begin(), sorted.end(), *total) - sorted.begin());
            std::copy(sorted.begin(), sorted.begin() + static_cast<std::ptrdiff_t>(at),
                      others.begin());
            std::copy(sorted.begin() + static_cast<std::ptrdiff_t>(at) + 1, sorted.end(),
                      others.begin() + static_cast<std::ptrdiff_t>(at));
            const double median = *MedianOfSorted(others);
            const double distance = std::fabs(*total - median);
            if (AtLeast(distance, 100.0 * m_policy.flag_outlier))
            {
                Add("outlier", "Ask " + std::string(MemberLabel(m_round.members[m_scorers[m]])) +
                                   ": their total of " + FormatPoints(*total) + " is " +
                                   FormatPoints(distance) + " points from the others' median of " +
                                   FormatPoints(median) + " (flag at " +
                                   FormatThreshold(m_policy.flag_outlier) +
                                   "). Discuss it; never drop a score.");
            }
        }
    }

    const RoundData& m_round;
    const Policy& m_policy;
    const std::vector<std::uint32_t>& m_scorers;
    BidResult& m_result;
};

} // namespace

BidResult DescribeBid(const RoundData& round, const std::vector<std::uint32_t>& scorers,
                      const Fund* fund, const Bid& bid, BidPanel panel)
{
    BidResult result;
    result.bid = bid.key;
    result.requested_pence = bid.requested_pence;
    result.members = std::move(panel.members);

    std::vector<double> totals;
    std::array<std::vector<double>, kVoiceCount> by_voice;
    for (std::size_t m = 0; m < result.members.size(); ++m)
    {
        if (const auto& total = result.members[m].total)
        {
            totals.push_back(*total);
            by_voice[static_cast<std::size_t>(VoiceOf(round.members[scorers[m]].role))].push_back(
                *total);
        }
    }
    for (std::size_t v = 0; v < kVoiceCount; ++v)
    {
        VoiceFigures& voice = result.voices[v];
        voice.voice = static_cast<Voice>(v);
        voice.figures = ComputeFigures(by_voice[v]);
        voice.n = voice.figures.n;
        voice.mean = voice.figures.mean;
    }
    result.figures = ComputeFigures(totals);
    std::sort(totals.begin(), totals.end());

    FlagWriter flags(round, scorers, result);
    if (bid.eligibility == Eligibility::Ineligible)
    {
        flags.Add("ineligible", bid.eligibility_note.empty()
                                    ? "Marked ineligible by the officer."
                                    : "Ineligible: " + bid.eligibility_note);
    }
    if (fund != nullptr)
    {
        flags.Gates(*fund, panel);
    }
    flags.Quorum();
    flags.Spread(totals);
    flags.Voices();
    flags.Sheets(panel);
    return result;
}

void AddAwardFlags(const Fund& fund, Pence award, BidResult& result)
{
    if (fund.min_award_pence && award < *fund.min_award_pence)
    {
        result.flags.push_back({"award_min", "The award of " + FormatPence(award) +
                                                 " is below the fund's minimum award of " +
                                                 FormatPence(*fund.min_award_pence) + "."});
    }
    if (fund.max_award_pence && award > *fund.max_award_pence)
    {
        result.flags.push_back({"award_max", "The award of " + FormatPence(award) +
                                                 " is above the fund's maximum award of " +
                                                 FormatPence(*fund.max_award_pence) + "."});
    }
}

} // namespace coscore::scoring
