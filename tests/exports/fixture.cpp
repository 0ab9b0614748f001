// SPDX-License-Identifier: MIT
#include "fixture.hpp"

#include <algorithm>
#include <array>
#include <cstdint>

namespace coscore::test
{
namespace
{

using scoring::Key;

/// A tiny deterministic generator, so the fixture is the same on every machine.
class Lcg
{
public:
    explicit Lcg(std::uint32_t seed) : m_state(seed) {}
    /// A value in [-range, range].
    int Next(int range)
    {
        m_state = m_state * 1664525U + 1013904223U;
        const auto span = static_cast<std::uint32_t>(2 * range + 1);
        return static_cast<int>((m_state >> 16U) % span) - range;
    }

private:
    std::uint32_t m_state;
};

struct BidSeed
{
    const char* ref;
    const char* organisation;
    const char* project;
    const char* ward;
    scoring::Pence requested;
    int quality; ///< 0–100: how good the panel will find it
};

constexpr std::array<BidSeed, 7> kInnovationBids{{
    {"INN-001", "Hillside Men's Shed", "Tools and mentoring for older men living alone", "Hillside",
     1'200'000, 82},
    {"INN-002", "Riverside Carers' Network", "Evening peer support for young carers", "Riverside",
     950'000, 74},
    {"INN-003", "Northgate Food Hub CIC", "Community fridge and cook-and-eat sessions", "Northgate",
     1'480'000, 70},
    {"INN-004", "Ashby Deaf Centre", "BSL-first digital skills drop-in", "Ashby", 1'500'000, 66},
    {"INN-005", "Westmere Youth Collective", "Street-based youth work on Friday nights", "Westmere",
     1'350'000, 41},
    {"INN-006", "Oakfield Allotment Society", "Accessible raised beds and a sensory garden",
     "Oakfield", 620'000, 58},
    {"INN-007", "St Anne's Parish Hall Trust", "Warm space with benefits advice", "Town Centre",
     880'000, 52},
}};

constexpr std::array<BidSeed, 5> kSustainabilityBids{{
    {"SUS-001", "Brook Lane Community Pantry",
     "Second-year running costs and a part-time "
     "coordinator",
     "Brook Lane", 1'800'000, 79},
    {"SUS-002", "Mind in Westmere", "Peer-led wellbeing groups in three villages", "Rural North",
     1'600'000, 73},
    {"SUS-003", "Ashby Dial-a-Ride", "Volunteer driver training and fuel costs", "Ashby", 1'250'000,
     61},
    {"SUS-004", "Northgate Repair Café", "Repair sessions and a tool library", "Northgate", 700'000,
     55},
    {"SUS-005", "Hillside Toddler Group", "Replacement play equipment", "Hillside", 300'000, 38},
}};

scoring::Criterion MakeCriterion(Key key, const char* ref, const char* name, double weight, int lo,
                                 int hi, const char* question)
{
    scoring::Criterion c;
    c.key = key;
    c.ref = ref;
    c.name = name;
    c.question = question;
    c.guidance = "Score against the descriptors; leave blank rather than guess.";
    c.weight_percent = weight;
    c.scale_min = lo;
    c.scale_max = hi;
    for (int level = lo; level <= hi; ++level)
    {
        scoring::LevelDescriptor descriptor;
        descriptor.level = level;
        descriptor.text = "Level " + std::to_string(level);
        c.descriptors.push_back(descriptor);
    }
    return c;
}

scoring::Member MakeMember(Key key, const char* ref, const char* name, scoring::Role role,
                           bool scores = true, scoring::ChairRole chair = scoring::ChairRole::None)
{
    scoring::Member m;
    m.key = key;
    m.ref = ref;
    m.name = name;
    m.role = role;
    m.scores = scores;
    m.chair = chair;
    return m;
}

scoring::Decision MakeDecision(Key bid, scoring::DecisionKind kind, const char* reason,
                               const char* feedback, scoring::DecisionStatus status)
{
    scoring::Decision d;
    d.bid = bid;
    d.kind = kind;
    d.reason = reason;
    d.feedback = feedback;
    d.status = status;
    return d;
}

} // namespace

scoring::RoundData MakeFixtureRound()
{
    using scoring::Role;
    scoring::RoundData round;
    round.info.uuid = "6f1d2c3b-4a59-4e8f-9d10-2b3c4d5e6f70";
    round.info.title = "Westbrook Community Grants 2026/27";
    round.info.created_at = "2026-01-12T09:00:00Z";
    round.info.protective_marking = "OFFICIAL-SENSITIVE";

    scoring::Fund innovation;
    innovation.key = 1;
    innovation.name = "Innovation Fund";
    innovation.budget_pence = 6'000'000;
    innovation.min_award_pence = 100'000;
    innovation.max_award_pence = 1'500'000;
    innovation.criteria = {
        MakeCriterion(11, "need", "Need", 25, 0, 5, "How clearly is the need shown?"),
        MakeCriterion(12, "impact", "Impact", 30, 0, 5, "What difference will it make?"),
        MakeCriterion(13, "coproduction", "Co-production", 20, 0, 5,
                      "Were people who use services involved as equals?"),
        MakeCriterion(14, "value", "Value for money", 15, 0, 5, "Are the costs reasonable?"),
        MakeCriterion(15, "deliver", "Deliverability", 10, 0, 5, "Can they deliver it?")};
    innovation.criteria[0].gate = 2;

    scoring::Fund sustainability;
    sustainability.key = 2;
    sustainability.name = "Sustainability Fund";
    sustainability.budget_pence = 4'000'000;
    sustainability.criteria = {
        MakeCriterion(21, "track", "Track record", 30, 1, 10, "What have they achieved?"),
        MakeCriterion(22, "plan", "Sustainability plan", 30, 1, 10, "Will it last?"),
        MakeCriterion(23, "reach", "Reach", 25, 1, 10, "Who will benefit?"),
        MakeCriterion(24, "cost", "Cost", 15, 1, 10, "Are the costs reasonable?")};
    round.funds = {innovation, sustainability};

    round.members = {MakeMember(101, "M01", "Cllr Ann Hughes", Role::Councillor, true,
                                scoring::ChairRole::Chair),
                     MakeMember(102, "M02", "Cllr Ben Okafor", Role::Councillor),
                     MakeMember(103, "M03", "Priya Shah", Role::PersonUsingServices, true,
                                scoring::ChairRole::CoChair),
                     MakeMember(104, "M04", "Tom Reilly", Role::PersonUsingServices),
                     MakeMember(105, "M05", "Grace Mensah", Role::Carer),
                     MakeMember(106, "M06", "Dev Patel", Role::VoluntarySector),
                     MakeMember(107, "M07", "Ruth Ellis", Role::Carer),
                     MakeMember(108, "M08", "Sarah Lloyd", Role::Officer, false)};
    const std::array<int, 7> leniency{6, -4, 2, 9, -7, 0, 3}; // points of 100

    Key bid_key = 1000;
    const auto add_bids = [&](const auto& seeds, Key fund)
    {
        for (const BidSeed& seed : seeds)
        {
            scoring::Bid bid;
            bid.key = ++bid_key;
            bid.ref = seed.ref;
            bid.organisation = seed.organisation;
            bid.project_title = seed.project;
            bid.fund = fund;
            bid.requested_pence = seed.requested;
            bid.ward = seed.ward;
            bid.summary = std::string("We will deliver ") + seed.project + " in " + seed.ward + ".";
            for (const auto& [name, value] :
                 {std::pair{"Contact", "Grants officer"}, std::pair{"Beneficiaries", "120 a year"}})
            {
                scoring::ApplicationField field;
                field.name = name;
                field.value = value;
                bid.fields.push_back(field);
            }
            bid.eligibility = scoring::Eligibility::Eligible;
            round.bids.push_back(bid);
        }
    };
    add_bids(kInnovationBids, innovation.key);
    add_bids(kSustainabilityBids, sustainability.key);

    // Interests: Tom Reilly is a trustee of the Food Hub; Dev Patel volunteers at the pantry
    // (a minor interest: declared, may score).
    const Key food_hub = 1003;
    const Key pantry = 1008;
    const auto interest = [&](Key member, Key bid, scoring::InterestType type,
                              scoring::InterestRule rule, const char* at, const char* note)
    {
        scoring::Interest i;
        i.member = member;
        i.bid = bid;
        i.type = type;
        i.rule = rule;
        i.declared_at = at;
        i.note = note;
        round.interests.push_back(i);
    };
    interest(104, food_hub, scoring::InterestType::EmployeeOrTrustee,
             scoring::InterestRule::NoScoreNoSee, "2026-02-02T18:00:00Z",
             "Declared at the briefing");
    interest(106, pantry, scoring::InterestType::Volunteers,
             scoring::InterestRule::DeclaredMayScore, "2026-02-02T18:05:00Z",
             "Volunteers twice a year");

    const Key absent_bid = 1006;     // Dev Patel missed the Oakfield discussion
    const Key incomplete_bid = 1009; // Grace Mensah left one criterion for later
    Lcg noise(20260314U);
    const std::array<BidSeed, 12> all_seeds{
        kInnovationBids[0],     kInnovationBids[1],     kInnovationBids[2],
        kInnovationBids[3],     kInnovationBids[4],     kInnovationBids[5],
        kInnovationBids[6],     kSustainabilityBids[0], kSustainabilityBids[1],
        kSustainabilityBids[2], kSustainabilityBids[3], kSustainabilityBids[4]};
    for (std::size_t b = 0; b < round.bids.size(); ++b)
    {
        const scoring::Bid& bid = round.bids[b];
        const scoring::Fund& fund = bid.fund == innovation.key ? round.funds[0] : round.funds[1];
        for (std::size_t m = 0; m < 7; ++m)
        {
            const scoring::Member& member = round.members[m];
            scoring::ScoreSheet sheet;
            sheet.bid = bid.key;
            sheet.member = member.key;
            sheet.status = scoring::SheetStatus::Submitted;
            sheet.updated_at = "2026-03-01T12:00:00Z";
            const bool barred = member.key == 104 && bid.key == food_hub;
            const bool absent = member.key == 106 && bid.key == absent_bid;
            for (std::size_t c = 0; c < fund.criteria.size(); ++c)
            {
                const scoring::Criterion& criterion = fund.criteria[c];
                scoring::Score score;
                score.bid = bid.key;
                score.member = member.key;
                score.criterion = criterion.key;
                if (barred)
                {
                    score.missing = scoring::MissingReason::Interest;
                }
                else if (absent)
                {
                    score.missing = scoring::MissingReason::Absent;
                }
                else if (member.key == 105 && bid.key == incomplete_bid && c == 3)
                {
                    score.missing = scoring::MissingReason::NotYet;
                    sheet.status = scoring::SheetStatus::InProgress;
                }
                else
                {
                    const int points = all_seeds[b].quality + leniency[m] + noise.Next(14);
                    const int span = criterion.Span();
                    const int level =
                        criterion.scale_min + std::clamp((points * span + 50) / 100, 0, span);
                    score.value = static_cast<std::int16_t>(level);
                }
                round.scores.push_back(score);
            }
            if (bid.key == 1004 && member.key == 103)
            {
                sheet.needs_explaining = true;
                sheet.questions = "How will the BSL tutors be recruited?";
            }
            sheet.strengths = "Clear local evidence.";
            if (!barred)
            {
                round.sheets.push_back(sheet);
            }
        }
    }

    // In the meeting Cllr Okafor raised his Impact score for the carers' network.
    scoring::ModeratedScore moderated;
    moderated.bid = 1002;
    moderated.member = 102;
    moderated.criterion = 12;
    moderated.value = 5;
    moderated.reason = "Had missed the letters of support from two schools";
    moderated.recorded_by = "officer:slloyd";
    moderated.recorded_at = "2026-03-10T14:22:05Z";
    round.moderated.push_back(moderated);

    using scoring::DecisionKind;
    using scoring::DecisionStatus;
    round.decisions.push_back(MakeDecision(1001, DecisionKind::FundInFull, "",
                                           "The panel valued the mentoring model.",
                                           DecisionStatus::Agreed));
    scoring::Decision conditions = MakeDecision(
        1002, DecisionKind::FundWithConditions, "Strong peer model",
        "Please send your safeguarding policy before the first payment.", DecisionStatus::Agreed);
    conditions.conditions = "Safeguarding policy approved by the council before payment";
    round.decisions.push_back(conditions);
    scoring::Decision reduced =
        MakeDecision(1004, DecisionKind::FundReduced, "Equipment costs were above market rates",
                     "We can fund the sessions but not the new laptops.", DecisionStatus::Agreed);
    reduced.award_pence = 1'000'000;
    round.decisions.push_back(reduced);
    round.decisions.push_back(MakeDecision(
        1005, DecisionKind::Reject,
        "The panel was not convinced the sessions would reach "
        "young people not already in contact with services",
        "Talk to us about the youth outreach fund in the autumn.", DecisionStatus::Locked));
    round.decisions.push_back(
        MakeDecision(1007, DecisionKind::Defer, "Waiting for the hall's lease renewal",
                     "We will look again in June.", DecisionStatus::Proposed));
    round.decisions.push_back(
        MakeDecision(1008, DecisionKind::FundInFull, "", "Well done.", DecisionStatus::Agreed));
    round.decisions.push_back(MakeDecision(1012, DecisionKind::Reject, "Below the funding line",
                                           "Try the small grants scheme.",
                                           DecisionStatus::Proposed));
    return round;
}

std::vector<exports::AuditRow> MakeAuditRows(int count)
{
    std::vector<exports::AuditRow> rows;
    for (int i = 1; i <= count; ++i)
    {
        exports::AuditRow row;
        row.seq = i;
        row.at = "2026-03-0" + std::to_string(1 + i % 9) + "T1" + std::to_string(i % 10) + ":0" +
                 std::to_string(i % 10) + ":00Z";
        row.actor = i % 3 == 0 ? "officer:slloyd" : "M0" + std::to_string(1 + i % 7);
        row.action = i % 4 == 0 ? "record_decision" : "record_score";
        row.detail = "{\"bid\":" + std::to_string(1000 + i % 12) +
                     ",\"old\":null,\"new\":" + std::to_string(i % 6) + "}";
        row.hash_hex = std::string(64, static_cast<char>('a' + i % 6));
        rows.push_back(row);
    }
    if (!rows.empty())
    {
        rows.back().hash_hex = kAuditHead;
    }
    return rows;
}

exports::ExportInput Fixture::Input() const
{
    exports::ExportInput input{round, result};
    input.audit = audit;
    input.audit_head_hex = kAuditHead;
    input.generated_at = kPinnedTime;
    return input;
}

Fixture MakeFixture(scoring::RoundData round)
{
    Fixture fixture;
    fixture.round = std::move(round);
    fixture.result = scoring::Reconcile(fixture.round);
    fixture.audit = MakeAuditRows(40);
    return fixture;
}

} // namespace coscore::test
