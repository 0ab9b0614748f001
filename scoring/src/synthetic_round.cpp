// SPDX-License-Identifier: MIT
#include <coscore/scoring/lottery.hpp>
#include <coscore/scoring/synthetic_round.hpp>

#include <algorithm>
#include <array>
#include <string>
#include <vector>

namespace coscore::scoring
{
namespace
{

class Draw
{
public:
    explicit Draw(std::uint64_t seed) : m_rng(seed) {}

    /// Uniform in [0, 1) from the top 53 bits.
    double Uniform() { return static_cast<double>(m_rng.Next() >> 11) * 0x1.0p-53; }

    /// Roughly normal (Irwin–Hall of four uniforms): portable to the last bit, unlike libm.
    double Normal()
    {
        return (Uniform() + Uniform() + Uniform() + Uniform() - 2.0) * 1.7320508075688772;
    }

    int Below(int bound)
    {
        return static_cast<int>(UniformBelow(m_rng, static_cast<std::uint64_t>(bound)));
    }

    bool Chance(double p) { return Uniform() < p; }

private:
    SplitMix64 m_rng;
};

constexpr std::array<Role, 6> kRoleCycle{
    Role::PersonUsingServices, Role::Councillor, Role::Carer,
    Role::VoluntarySector,     Role::Councillor, Role::PersonUsingServices};
constexpr std::array<const char*, 8> kWards{"Rural North", "Rural South", "Town Centre",
                                            "Riverside",   "Hillside",    "Old Town",
                                            "Harbour",     "Moorland"};

std::string Numbered(const char* prefix, int number)
{
    std::string digits = std::to_string(number);
    if (digits.size() < 5)
    {
        digits.insert(0, 5 - digits.size(), '0');
    }
    return prefix + digits;
}

SyntheticSpec Sized(int bids, int members, int criteria)
{
    SyntheticSpec spec;
    spec.bids = bids;
    spec.members = members;
    spec.criteria = criteria;
    return spec;
}

} // namespace

SyntheticSpec SmallRound()
{
    return {};
}

SyntheticSpec MediumRound()
{
    return Sized(2000, 15, 6);
}

SyntheticSpec LargeRound()
{
    return Sized(20000, 25, 8);
}

RoundData GenerateRound(const SyntheticSpec& spec, std::uint64_t seed)
{
    Draw draw(seed);
    RoundData round;
    round.info.title = "Synthetic round";
    round.info.uuid = "synthetic-" + std::to_string(seed);

    Key criterion_key = 1;
    for (int f = 0; f < spec.funds; ++f)
    {
        Fund fund;
        fund.key = f + 1;
        fund.name = f == 0 ? "Innovation Fund" : "Fund " + std::to_string(f + 1);
        for (int c = 0; c < spec.criteria; ++c)
        {
            Criterion criterion;
            criterion.key = criterion_key++;
            criterion.ref = "C" + std::to_string(c + 1);
            criterion.name = "Criterion " + std::to_string(c + 1);
            criterion.weight_percent = 10.0 + draw.Below(21);
            criterion.scale_min = c % 2 == 0 ? 0 : 1;
            criterion.scale_max = c % 2 == 0 ? 5 : 10;
            if (spec.gates && c == 0)
            {
                criterion.gate = 1;
            }
            fund.criteria.push_back(std::move(criterion));
        }
        round.funds.push_back(std::move(fund));
    }

    std::vector<double> leniency;
    for (int m = 0; m < spec.members; ++m)
    {
        Member member;
        member.key = m + 1;
        member.ref = Numbered("M", m + 1);
        member.name = "Member " + std::to_string(m + 1);
        member.role = kRoleCycle[static_cast<std::size_t>(m) % kRoleCycle.size()];
        round.members.push_back(std::move(member));
        leniency.push_back(spec.leniency_points * draw.Normal());
    }
    Member officer;
    officer.key = spec.members + 1;
    officer.ref = "OFFICER";
    officer.name = "Grants Officer";
    officer.role = Role::Officer;
    officer.scores = false;
    round.members.push_back(std::move(officer));

    std::vector<Pence> demand(static_cast<std::size_t>(spec.funds), 0);
    for (int b = 0; b < spec.bids; ++b)
    {
        Bid bid;
        bid.key = b + 1;
        bid.fund = b % std::max(spec.funds, 1) + 1;
        bid.ref = Numbered(bid.fund == 1 ? "INN-" : "SUS-", b + 1);
        bid.organisation = "Organisation " + std::to_string(b + 1);
        bid.project_title = "Project " + std::to_string(b + 1);
        bid.requested_pence = (1000 + 100 * static_cast<Pence>(draw.Below(241))) * 100;
        bid.ward = kWards[static_cast<std::size_t>(draw.Below(static_cast<int>(kWards.size())))];
        bid.eligibility = Eligibility::Eligible;
        demand[static_cast<std::size_t>(bid.fund - 1)] += bid.requested_pence;
        round.bids.push_back(std::move(bid));
    }
    for (int f = 0; f < spec.funds; ++f)
    {
        // Whole pounds keep the knapsack plan's budget units coarse.
        const double share =
            static_cast<double>(demand[static_cast<std::size_t>(f)]) * spec.budget_fraction / 100.0;
        round.funds[static_cast<std::size_t>(f)].budget_pence = static_cast<Pence>(share) * 100;
    }

    round.scores.reserve(static_cast<std::size_t>(spec.bids) *
                         static_cast<std::size_t>(spec.members) *
                         static_cast<std::size_t>(spec.criteria));
    for (const Bid& bid : round.bids)
    {
        const Fund& fund = round.funds[static_cast<std::size_t>(bid.fund - 1)];
        const double quality = 20.0 + 60.0 * draw.Uniform();
        for (int m = 0; m < spec.members; ++m)
        {
            const Key member = m + 1;
            if (draw.Chance(spec.interest_rate))
            {
                round.interests.push_back({member, bid.key, InterestType::EmployeeOrTrustee,
                                           InterestRule::NoScoreNoSee, "", ""});
            }
            if (draw.Chance(spec.explain_rate))
            {
                ScoreSheet sheet;
                sheet.bid = bid.key;
                sheet.member = member;
                sheet.status = SheetStatus::Submitted;
                sheet.needs_explaining = true;
                round.sheets.push_back(std::move(sheet));
            }
            const double view =
                quality + leniency[static_cast<std::size_t>(m)] + 5.0 * draw.Normal();
            for (const Criterion& c : fund.criteria)
            {
                Score score{bid.key, member, c.key, std::nullopt, MissingReason::None};
                if (draw.Chance(spec.missing_rate))
                {
                    score.missing =
                        draw.Chance(0.5) ? MissingReason::NotYet : MissingReason::Absent;
                }
                else
                {
                    const double points = view + 8.0 * draw.Normal();
                    const double level = c.scale_min + points / 100.0 * c.Span();
                    const int rounded = static_cast<int>(level + 0.5);
                    score.value =
                        static_cast<std::int16_t>(std::clamp(rounded, c.scale_min, c.scale_max));
                }
                round.scores.push_back(score);
            }
        }
    }
    return round;
}

} // namespace coscore::scoring
