// SPDX-License-Identifier: MIT
#include "key_index.hpp"
#include "ranking.hpp"
#include "reconcile_steps.hpp"

#include <algorithm>
#include <iterator>
#include <span>

namespace coscore::scoring
{

EqualVoice CompareVoices(const RoundData& round, const std::vector<std::uint32_t>& scorers,
                         const RoundModels& models, const std::vector<FundOutcome>& funds,
                         const std::vector<const Fund*>& fund_of_outcome)
{
    const KeyIndex bid_index(std::span<const Bid>(round.bids), [](const Bid& b) { return b.key; });
    std::vector<Key> real;
    for (const FundOutcome& outcome : funds)
    {
        for (const BidResult& b : outcome.result.bids)
        {
            if (b.funded)
            {
                real.push_back(b.bid);
            }
        }
    }
    std::sort(real.begin(), real.end());

    EqualVoice equal;
    for (std::size_t v = 0; v < kVoiceCount; ++v)
    {
        VoiceFundedSet& set = equal.voices[v];
        set.voice = static_cast<Voice>(v);
        for (std::size_t f = 0; f < funds.size(); ++f)
        {
            const FundResult& fr = funds[f].result;
            std::vector<AllocationBid> allocation = funds[f].allocation;
            std::vector<RankEntry> entries;
            for (std::size_t k = 0; k < fr.bids.size(); ++k)
            {
                const BidResult& b = fr.bids[k];
                const VoiceFigures& voice = b.voices[v];
                if (!voice.mean && allocation[k].passed_over.empty())
                {
                    allocation[k].passed_over.assign(1, '-'); // this voice did not score it
                }
                const std::uint32_t at = bid_index.Find(b.bid);
                entries.push_back({voice.mean, b.figures.median, voice.n,
                                   at == kNoIndex ? std::string_view() : round.bids[at].ref,
                                   b.bid});
            }
            const Ranking ranking = RankEntries(entries);
            const std::vector<bool> funded = FundedInOrder(*fund_of_outcome[f], allocation,
                                                           ranking.order, round.policy.allocation);
            for (std::size_t k = 0; k < fr.bids.size(); ++k)
            {
                if (funded[k])
                {
                    set.funded.push_back(fr.bids[k].bid);
                }
            }
        }
        std::vector<Key> sorted = set.funded;
        std::sort(sorted.begin(), sorted.end());
        std::set_difference(sorted.begin(), sorted.end(), real.begin(), real.end(),
                            std::back_inserter(set.gained));
        std::set_difference(real.begin(), real.end(), sorted.begin(), sorted.end(),
                            std::back_inserter(set.lost));

        double leniency = 0.0;
        int with_leniency = 0;
        double given = 0.0;
        int totals = 0;
        for (std::size_t m = 0; m < scorers.size(); ++m)
        {
            if (static_cast<std::size_t>(VoiceOf(round.members[scorers[m]].role)) != v)
            {
                continue;
            }
            ++set.members;
            const MemberLeniency& member = models.leniency[m];
            if (member.leniency)
            {
                leniency += *member.leniency;
                ++with_leniency;
            }
            if (member.mean_given)
            {
                given += *member.mean_given * member.bids_scored;
                totals += member.bids_scored;
            }
        }
        if (with_leniency > 0)
        {
            set.mean_leniency = leniency / with_leniency;
        }
        if (totals > 0)
        {
            set.mean_total = given / totals;
        }
    }
    return equal;
}

} // namespace coscore::scoring
