// SPDX-License-Identifier: MIT
#include "reconcile_steps.hpp"
#include "text.hpp"

#include <algorithm>

namespace coscore::scoring
{
namespace
{

std::string UnitId(const Bid& bid)
{
    return bid.ref.empty() ? "bid-" + std::to_string(bid.key) : bid.ref;
}

std::string RaterId(const Member& member)
{
    return member.ref.empty() ? "member-" + std::to_string(member.key) : member.ref;
}

} // namespace

RatingsTable TotalsTable(const RoundData& round, const std::vector<std::uint32_t>& scorers,
                         const std::vector<BidRow>& rows, bool all_raters)
{
    std::vector<std::size_t> columns;
    for (std::size_t m = 0; m < scorers.size(); ++m)
    {
        const bool rated = std::any_of(rows.begin(), rows.end(),
                                       [&](const BidRow& row)
                                       { return row.result->members[m].total.has_value(); });
        if (all_raters || rated)
        {
            columns.push_back(m);
        }
    }
    RatingsTable table;
    for (const std::size_t m : columns)
    {
        table.raters.push_back(RaterId(round.members[scorers[m]]));
    }
    table.units.reserve(rows.size());
    table.values.reserve(rows.size());
    for (const BidRow& row : rows)
    {
        table.units.push_back(UnitId(*row.bid));
        auto& values = table.values.emplace_back();
        values.reserve(columns.size());
        for (const std::size_t m : columns)
        {
            values.push_back(row.result->members[m].total);
        }
    }
    return table;
}

RoundModels FitRoundModels(const RoundData& round, const std::vector<std::uint32_t>& scorers,
                           std::vector<BidResult>& described)
{
    const Policy& policy = round.policy;
    std::vector<BidRow> rows;
    rows.reserve(described.size());
    for (std::size_t b = 0; b < described.size(); ++b)
    {
        rows.push_back({&described[b], &round.bids[b]});
    }
    const RatingsTable table = TotalsTable(round, scorers, rows, true);

    RoundModels models;
    models.fit = FitAdditiveModel(table, policy.ridge_lambda);
    std::vector<std::string_view> too_few;
    bool anyone_scored = false;
    for (std::size_t m = 0; m < scorers.size(); ++m)
    {
        MemberLeniency lenient;
        lenient.member = round.members[scorers[m]].key;
        double given = 0.0;
        for (const auto& row : table.values)
        {
            if (row[m])
            {
                ++lenient.bids_scored;
                given += *row[m];
            }
        }
        if (lenient.bids_scored > 0)
        {
            anyone_scored = true;
            lenient.mean_given = given / lenient.bids_scored;
            lenient.leniency = models.fit.leniency[m];
            if (lenient.bids_scored < policy.zmean_min_bids)
            {
                too_few.push_back(MemberLabel(round.members[scorers[m]]));
            }
        }
        models.leniency.push_back(lenient);
    }
    // A member who scored nothing adds nothing to any z-mean, so only those who scored count.
    models.zmean_allowed = anyone_scored && too_few.empty();
    if (models.zmean_allowed)
    {
        models.zmean = ComputeZMeans(table);
    }
    models.zmean.resize(described.size());

    models.basis = policy.rank_by;
    if (policy.rank_by == RankBasis::ZMean && !models.zmean_allowed)
    {
        models.basis = RankBasis::Mean;
        models.basis_note =
            "Ranked by the mean, not the z-normalised mean: that needs every member to have "
            "scored at least " +
            std::to_string(policy.zmean_min_bids) + " bids" +
            (too_few.empty() ? std::string(", and nobody has scored yet.")
                             : ", and " + JoinNames(too_few) +
                                   (too_few.size() == 1 ? " has" : " have") + " scored fewer.");
    }
    bool olympic_fallback = false;
    for (std::size_t b = 0; b < described.size(); ++b)
    {
        BidResult& r = described[b];
        r.zmean = models.zmean[b];
        r.adjusted = models.fit.adjusted[b];
        switch (models.basis)
        {
        case RankBasis::Mean:
            r.basis_score = r.figures.mean;
            break;
        case RankBasis::Median:
            r.basis_score = r.figures.median;
            break;
        case RankBasis::Olympic:
            // Trimming needs five totals; with fewer, dropping two would leave too little.
            r.basis_score = r.figures.olympic ? r.figures.olympic : r.figures.mean;
            olympic_fallback = olympic_fallback || (r.figures.n > 0 && !r.figures.olympic);
            break;
        case RankBasis::ZMean:
            r.basis_score = r.zmean;
            break;
        case RankBasis::Adjusted:
            r.basis_score = r.adjusted;
            break;
        }
    }
    if (olympic_fallback)
    {
        models.basis_note = "Ranked by the Olympic mean; bids with fewer than 5 totals are "
                            "ranked by their plain mean.";
    }
    return models;
}

} // namespace coscore::scoring
