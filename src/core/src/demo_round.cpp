// SPDX-License-Identifier: MIT
// The demo round's content. Scores come from a deterministic formula: each bid has a quality
// level, each member a leniency, and a few bids carry designed disagreements, so that every screen
// has something true to show (PRODUCT.md §9).
#include <coscore/core/demo_round.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <string_view>

namespace coscore::core
{

using namespace scoring;

namespace
{

struct CriterionText
{
    std::string_view ref;
    std::string_view name;
    double weight;
    std::string_view question;
    std::string_view guidance;
    std::array<std::string_view, 6> levels; ///< lowest level first
};

// Innovation Fund: 0–5.
constexpr std::array<CriterionText, 5> kInnovationForm{{
    {"need",
     "Local need",
     25,
     "How clearly does the bid show a real need in our county?",
     "Look for local evidence: numbers, waiting lists, what people who would use it have said.",
     {"Not shown: no need is described.", "Weak: a need is claimed but not explained.",
      "Limited: some need is described, with little local evidence.",
      "Good: the need is clear and backed by local evidence.",
      "Strong: clear local evidence, including from people who would use it.",
      "Excellent: compelling evidence; the gap is well understood and no one else fills it."}},
    {"coproduction",
     "Working with people",
     25,
     "How well are people who use services and carers involved in shaping and running it?",
     "Co-production means people with lived experience share decisions, not just get asked.",
     {"Not shown: people are not involved.", "Weak: people are told about it after decisions.",
      "Limited: people are asked their views once.",
      "Good: people helped design it and have a say as it runs.",
      "Strong: people share decisions and some roles are led by them.",
      "Excellent: led by people with lived experience, with support to take part."}},
    {"new",
     "Trying something new",
     20,
     "Does it try something new for our county?",
     "New can mean new here, a new group reached, or a new way of working together.",
     {"Not shown: nothing new is described.", "Weak: the same as existing services.",
      "Limited: small changes to something that exists.",
      "Good: a new approach for this area or group.",
      "Strong: a new approach with a plan to learn from it.",
      "Excellent: genuinely new, with a clear plan to share what is learned."}},
    {"difference",
     "Making a difference",
     15,
     "Will it make a real difference, and how will they know?",
     "Look for what will change for people, and how the group will find out.",
     {"Not shown: no outcomes are described.", "Weak: outcomes are vague.",
      "Limited: outcomes are listed but not how they will be checked.",
      "Good: clear outcomes and a simple way to check them.",
      "Strong: clear outcomes, checked with the people who take part.",
      "Excellent: clear, realistic outcomes with a strong plan to measure and report them."}},
    {"value",
     "Value for money",
     15,
     "Is the cost reasonable for what it will achieve?",
     "Compare the amount asked for with what the project will do and for how many people.",
     {"Not shown: costs are not explained.", "Weak: costs look high for what is offered.",
      "Limited: costs are explained but some look high.",
      "Good: costs are reasonable and explained.",
      "Strong: good value, with other money or volunteers adding to it.",
      "Excellent: excellent value; every cost is clear and well justified."}},
}};

// Sustainability Fund: 1–5 (the sixth text is unused).
constexpr std::array<CriterionText, 5> kSustainabilityForm{{
    {"track",
     "Track record",
     20,
     "Has the group shown it can run this well?",
     "Think about what the group has already done, and how it has looked after people.",
     {"Poor: little or no track record.", "Limited: some experience, with gaps.",
      "Good: a steady record of running similar work.",
      "Strong: a good record, with evidence from the people it serves.",
      "Excellent: an outstanding record over several years.", ""}},
    {"continuing_need",
     "Continuing need",
     25,
     "Is the service still needed by people here?",
     "Look for recent local evidence, such as use of the service and waiting lists.",
     {"Poor: no evidence the need continues.", "Limited: some signs of need, but dated.",
      "Good: clear recent evidence of need.",
      "Strong: strong recent evidence, including from people who use it.",
      "Excellent: compelling evidence; people would be left without help.", ""}},
    {"plan",
     "Plan to keep going",
     25,
     "Is there a realistic plan for after this grant?",
     "A good plan names other money, partners or savings, and when they will come in.",
     {"Poor: no plan beyond this grant.", "Limited: hopes rather than a plan.",
      "Good: a realistic plan with some sources named.",
      "Strong: a realistic plan with sources agreed or applied for.",
      "Excellent: a secure plan; this grant bridges to agreed funding.", ""}},
    {"partners",
     "Working with others",
     15,
     "Does it work well with other groups and services?",
     "Partners can be other charities, health services, schools or the council.",
     {"Poor: works alone.", "Limited: some contact with others.",
      "Good: works with a few named partners.",
      "Strong: strong partnerships that help people get support.",
      "Excellent: a central part of local support, trusted by partners.", ""}},
    {"value",
     "Value for money",
     15,
     "Is the cost reasonable for what it will achieve?",
     "Compare the amount asked for with what the service does and for how many people.",
     {"Poor: costs are not explained or look very high.", "Limited: some costs look high.",
      "Good: costs are reasonable and explained.",
      "Strong: good value, with other money or volunteers adding to it.",
      "Excellent: excellent value; every cost is clear and well justified.", ""}},
}};

struct MemberText
{
    std::string_view ref;
    std::string_view name;
    Role role;
    ChairRole chair;
    bool scores;
    double leniency; ///< in scale steps: + generous, − harsh
};

constexpr std::array<MemberText, 9> kMembers{{
    {"M01", "Cllr Margaret Holloway", Role::Councillor, ChairRole::Chair, true, 0.0},
    {"M02", "Cllr David Okafor", Role::Councillor, ChairRole::None, true, -0.7},
    {"M03", "Cllr Siân Pritchard", Role::Councillor, ChairRole::Deputy, true, 0.1},
    {"M04", "Janet Whitfield", Role::PersonUsingServices, ChairRole::CoChair, true, 0.0},
    {"M05", "Tomasz Nowak", Role::PersonUsingServices, ChairRole::None, true, 0.6},
    {"M06", "Aisha Rahman", Role::PersonUsingServices, ChairRole::None, true, 0.4},
    {"M07", "Peter Clarke", Role::Carer, ChairRole::None, true, 0.2},
    {"M08", "Grace Mensah", Role::Carer, ChairRole::None, true, -0.2},
    {"M09", "Helen Forbes", Role::Officer, ChairRole::None, false, 0.0},
}};

struct BidText
{
    std::string_view ref;
    std::string_view organisation;
    std::string_view title;
    std::string_view ward;
    Pence requested;
    double quality; ///< on the 0–5 scale of the Innovation form (Sustainability maps it)
    std::string_view summary;
    std::string_view who;
    std::string_view reach;
    std::string_view strength;
    std::string_view concern;
};

constexpr std::array<BidText, 12> kInnovationBids{{
    {"INN-001", "Kingsmoor Men's Shed", "Shed on Wheels: a mobile workshop for isolated older men",
     "Little Hadley", 1'240'000, 4.2,
     "A converted van brings tools, tea and company to villages with no community space. Older "
     "men who live alone make and mend things together, and a volunteer health champion talks "
     "about staying well.",
     "Older men living alone in rural villages", "About 90 men a year in 6 villages",
     "Reaches men who never come to town-based groups.",
     "The van's running costs after year one are not clear."},
    {"INN-002", "Ashford Bridge Carers Network", "Carer Passport app pilot", "Ashford Bridge",
     1'450'000, 3.3,
     "An app that lets unpaid carers show they are a carer at GP surgeries, pharmacies and the "
     "hospital, so they are involved in the care of the person they look after.",
     "Unpaid carers of adults", "300 carers in the pilot",
     "Carers designed the app's questions themselves.",
     "Not every carer has a smartphone; the paper option is vague."},
    {"INN-003", "Oakham Fen Village Hall Trust", "Warm Hub with a digital help desk", "Oakham Fen",
     860'000, 3.8,
     "Two afternoons a week the village hall opens as a warm space with soup and a volunteer "
     "who helps people book GP appointments and repeat prescriptions online.",
     "Anyone in the village, especially older people", "Around 40 people a week",
     "Simple, cheap and run by people the village already trusts.",
     "Relies on two volunteers; what happens if they stop?"},
    {"INN-004", "Mind in Westmere", "Peer-led crisis café on Friday nights", "St Brannock",
     1'500'000, 4.5,
     "A safe place to go on Friday evenings when other services are closed, run by people "
     "who have been through a mental health crisis themselves, with a nurse on call.",
     "Adults in mental health crisis or distress", "About 25 visits a night",
     "Fills the gap when everything else is shut, led by peers.",
     "Needs a clear plan for when someone needs urgent medical help."},
    {"INN-005", "Wyvern Heath Community Transport", "Dial-a-ride booking by text message",
     "Wyvern Heath", 840'000, 2.5,
     "Lets people book community transport by text message instead of phoning during office "
     "hours.",
     "People who cannot use buses", "Current 350 members",
     "Makes booking easier for people who are deaf or work shifts.",
     "Mostly a software cost; little evidence members asked for it."},
    {"INN-006", "Deaf Connect Westmere", "BSL video link to GP surgeries", "Ashford Bridge",
     1'400'000, 3.35,
     "A video link in six GP surgeries so that Deaf patients can see a British Sign Language "
     "interpreter straight away, instead of waiting weeks for a booked interpreter.",
     "Deaf people who use British Sign Language", "About 200 Deaf patients",
     "Deaf members say this would change how they use their GP.",
     "Surgeries have not yet agreed to host the equipment."},
    {"INN-007", "St Brannock Food Partnership", "Community fridge and cook-along sessions",
     "St Brannock", 1'200'000, 2.9,
     "A community fridge sharing surplus food from supermarkets, with weekly cook-along "
     "sessions where families learn cheap, healthy meals together.",
     "Families on low incomes", "60 families a month",
     "Cuts food waste and brings families together.",
     "Similar to the food bank's pantry; how will they work together?"},
    {"INN-008", "Kingsmoor Youth Forum", "Young carers' drama project", "Kingsmoor", 750'000, 2.0,
     "Young carers aged 11 to 16 make a play about their lives and perform it to teachers and "
     "health staff.",
     "Young carers aged 11 to 16", "15 young carers",
     "A creative way for young carers to be heard.",
     "Small numbers for the cost, and no plan for after the play."},
    {"INN-009", "Hadley Dementia Friends", "Memory café in the library", "Little Hadley", 680'000,
     3.5,
     "A monthly memory café for people living with dementia and the people who care for them, "
     "with music, reminiscence and advice from the memory nurse.",
     "People with dementia and their carers", "About 30 people a month",
     "Carers get support too, in a place everyone knows.",
     "Only monthly; is that enough to make a difference?"},
    {"INN-010", "Westmere Sight Loss Group", "Talking noticeboards in health centres", "Kingsmoor",
     1'320'000, 1.9,
     "Audio noticeboards in four health centres that read out notices for blind and partially "
     "sighted visitors.",
     "Blind and partially sighted people", "Visitors to four health centres",
     "Good idea in principle.",
     "The bid does not show that people need this more than other support."},
    {"INN-011", "Ashford Bridge Allotment Society", "Therapeutic gardening on prescription",
     "Ashford Bridge", 1'200'000, 2.9,
     "GPs and social prescribers refer people with low mood to weekly gardening sessions on "
     "the society's accessible allotment.",
     "Adults with low mood or isolation", "45 people a year",
     "Links well with the social prescribing team.", "The accessible beds are not built yet."},
    {"INN-012", "Oakham Fen Parish Council", "Village good-neighbour scheme", "Oakham Fen",
     1'670'000, 3.2,
     "Trained volunteers check in on neighbours who live alone, help with shopping and lifts, "
     "and spot early signs that someone needs more support.",
     "Older and disabled people living alone", "About 70 households",
     "Builds on a network that worked well during the pandemic.",
     "The coordinator's salary is most of the cost."},
}};

constexpr std::array<BidText, 14> kSustainabilityBids{{
    {"SUS-001", "Westmere Carers Centre", "Keeping the carers' helpline open in the evenings",
     "Kingsmoor", 2'400'000, 4.3,
     "Keeps the evening helpline for unpaid carers open for another two years while the centre "
     "moves the service into the NHS contract.",
     "Unpaid carers across the county", "1,800 calls a year",
     "Carers rely on the evening line; it is well used.",
     "The NHS contract is hoped for, not agreed."},
    {"SUS-002", "Little Hadley Village Agents", "A village agent for three parishes",
     "Little Hadley", 1'850'000, 3.9,
     "A part-time village agent who helps older people in three parishes find support, fill in "
     "forms and stay independent.",
     "Older people in three rural parishes", "About 150 people a year",
     "Trusted locally; good at reaching people who do not ask.",
     "Only part-time across a big area."},
    {"SUS-003", "Ashford Bridge Foodbank", "Moving to a community pantry model", "Ashford Bridge",
     2'400'000, 3.6,
     "Helps the food bank become a membership pantry where people pay a little for a lot, with "
     "debt and benefits advice on site.",
     "Families and single people on low incomes", "250 members",
     "A dignified model that people using the food bank asked for.",
     "The pantry's income figures look optimistic."},
    {"SUS-004", "Headway Westmere", "Brain injury drop-in: keeping staff", "St Brannock", 2'500'000,
     3.4,
     "Pays for the drop-in's two support workers for a year so that people with a brain injury "
     "keep seeing the same faces.",
     "Adults living with a brain injury", "60 people a week",
     "Continuity matters a lot to people with a brain injury.",
     "Most of the money is salaries with no plan for year two."},
    {"SUS-005", "Kingsmoor Parents Together", "Parent-led stay and play", "Kingsmoor", 1'860'000,
     3.1,
     "Stay and play sessions run by local parents, with health visitors dropping in, in an "
     "area where the children's centre closed.",
     "Parents of children under five", "40 families a week",
     "Run by parents themselves, in a place that lost its children's centre.",
     "Numbers have dropped this year."},
    {"SUS-006", "Oakham Fen Lunch Club", "Hot lunches and transport for over-75s", "Oakham Fen",
     1'980'000, 4.0,
     "A twice-weekly hot lunch with transport for people over 75, which for many is their main "
     "social contact of the week.",
     "People over 75 in the Fen villages", "45 people a week",
     "A lifeline for people who would otherwise see no one.", "Transport costs rise every year."},
    {"SUS-007", "Wyvern Heath Community Centre", "Energy-saving refit to cut running costs",
     "Wyvern Heath", 2'500'000, 3.3,
     "Insulation, a heat pump and solar panels to halve the centre's energy bills, so that room "
     "hire stays affordable for local groups.",
     "Twelve local groups that use the centre", "About 600 people a month",
     "Cuts costs for good, not just for a year.", "A building project; is this the right fund?"},
    {"SUS-008", "St Brannock Debt Advice", "Debt advice outreach in GP surgeries", "St Brannock",
     2'150'000, 4.1,
     "Debt advisers in three GP surgeries, because money worries so often sit behind the "
     "reasons people see their GP.",
     "People with debt and money worries", "400 people a year",
     "Strong evidence from the pilot; GPs want it to continue.",
     "Relies on one experienced adviser."},
    {"SUS-009", "Westmere Autism Support", "Saturday club for autistic teenagers", "Ashford Bridge",
     1'720'000, 3.7,
     "A Saturday club where autistic teenagers meet, try activities and build friendships, "
     "with a quiet room and trained staff.",
     "Autistic young people aged 12 to 18", "35 young people",
     "Young people and parents describe it as life-changing.",
     "Waiting list is long; the bid does not say how it will grow."},
    {"SUS-010", "Kingsmoor Credit Union", "Sustaining an affordable alternative to loan sharks",
     "Kingsmoor", 2'300'000, 2.9,
     "Keeps the credit union's high-street office open so that people can borrow small sums "
     "at fair rates instead of using illegal lenders.",
     "People who cannot get a bank loan", "900 members", "Protects people from loan sharks.",
     "Financial position is weak; this may only delay closure."},
    {"SUS-011", "Hadley Heritage Railway Volunteers", "Volunteer training coordinator",
     "Little Hadley", 1'600'000, 2.2,
     "A coordinator to train and support the railway's 80 volunteers.", "Railway volunteers",
     "80 volunteers", "A strong volunteer culture.",
     "Heritage work is outside this fund's health and care priorities."},
    {"SUS-012", "Westmere Refugee Welcome", "English conversation cafés", "St Brannock", 2'240'000,
     3.0,
     "Weekly conversation cafés where refugees practise English with local volunteers and find "
     "out about health services.",
     "Refugees and asylum seekers", "70 people a week",
     "Helps people register with a GP and use services.",
     "Overlaps with the college's free classes."},
    {"SUS-013", "Westmere Mencap", "Supported volunteering for adults with a learning disability",
     "Wyvern Heath", 2'100'000, 3.5,
     "Job coaches support adults with a learning disability to volunteer in local shops and "
     "cafés, as a step towards paid work.",
     "Adults with a learning disability", "30 volunteers a year",
     "People with a learning disability helped shape the plan.",
     "Progress into paid work has been slow."},
    {"SUS-014", "Ashford Bridge Men's Health Forum", "Walk and talk groups", "Ashford Bridge",
     1'280'000, 2.8,
     "Weekly walking groups for men, led by trained volunteers, with a chance to talk about "
     "health and worries on the way.",
     "Men at risk of poor mental health", "About 50 men a week",
     "Cheap, friendly and easy to join.", "Similar walks already run by the leisure trust."},
}};

// A small deterministic hash for reproducible noise (not std:: random, which varies by library).
std::uint64_t Mix(std::uint64_t x)
{
    x += 0x9E3779B97F4A7C15ULL;
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
    x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
    return x ^ (x >> 31);
}

// −1, 0 or +1, mostly 0: the ordinary spread between members.
int Noise(std::string_view profile, std::size_t member, std::size_t criterion)
{
    std::uint64_t h = 1469598103934665603ULL;
    for (const char c : profile)
    {
        h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ULL;
    }
    const auto r = Mix(h ^ (member * 131 + criterion * 7)) % 8;
    return r == 0 ? -1 : (r == 1 ? 1 : 0);
}

struct Design
{
    Fund fund;
    const BidText* bids;
    std::size_t bid_count;
};

Criterion MakeCriterion(const CriterionText& text, Key key, int lo, int hi)
{
    Criterion c;
    c.key = key;
    c.ref = std::string(text.ref);
    c.name = std::string(text.name);
    c.weight_percent = text.weight;
    c.question = std::string(text.question);
    c.guidance = std::string(text.guidance);
    c.scale_min = lo;
    c.scale_max = hi;
    for (int level = lo; level <= hi; ++level)
    {
        c.descriptors.push_back(
            {level, std::string(text.levels[static_cast<std::size_t>(level - lo)]), ""});
    }
    return c;
}

Fund MakeFund(Key key, std::string name, Pence budget, const std::array<CriterionText, 5>& form,
              Key first_criterion, int lo, int hi, std::string_view gate_ref, int gate)
{
    Fund f;
    f.key = key;
    f.name = std::move(name);
    f.budget_pence = budget;
    f.min_award_pence = 100'000;
    f.max_award_pence = 2'500'000;
    Key criterion_key = first_criterion;
    for (const CriterionText& text : form)
    {
        Criterion c = MakeCriterion(text, criterion_key++, lo, hi);
        if (text.ref == gate_ref)
        {
            c.gate = gate;
        }
        f.criteria.push_back(std::move(c));
    }
    return f;
}

// Who is in which voice matters for the designed disagreements below.
bool IsLivedExperience(std::size_t member)
{
    const Role role = kMembers[member].role;
    return role == Role::PersonUsingServices || role == Role::Carer;
}

// The designed story of each score: quality + member leniency + noise, and the exceptions.
std::optional<int> DesignedScore(const BidText& bid, std::size_t member, std::size_t criterion,
                                 int lo, int hi)
{
    const std::string_view ref = bid.ref;
    // Sustainability uses 1–5: map the 0–5 quality onto it.
    double level = lo == 0 ? bid.quality : 1.0 + bid.quality * 0.8;
    level += kMembers[member].leniency;
    // INN-007 and INN-011 share one noise profile, so every member scores them alike: a true tie.
    const std::string_view profile = ref == "INN-011" ? "INN-007" : ref;
    level += Noise(profile, member, criterion);
    if (ref == "INN-006")
    {
        // Deaf Connect: lived-experience members rate it far above the councillors.
        level += IsLivedExperience(member) ? 1.2 : -1.8;
    }
    if (ref == "INN-010" && criterion == 0)
    {
        level -= 1.5; // members doubt the need: the gate on "Local need" fails
    }
    if (ref == "SUS-010" && kMembers[member].ref == "M02")
    {
        return lo; // one member far below everyone else: "ask, never drop"
    }
    const int rounded = static_cast<int>(std::lround(level));
    return std::clamp(rounded, lo, hi);
}

struct SheetPlan
{
    SheetStatus status = SheetStatus::Submitted;
    int criteria_scored = 5;
    MissingReason missing = MissingReason::None;
};

// Aisha (M06) has not finished; the chair was absent for one bid.
SheetPlan PlanFor(std::string_view bid, std::string_view member)
{
    if (member == "M06")
    {
        if (bid == "INN-010" || bid == "INN-012" || bid == "SUS-013" || bid == "SUS-014")
        {
            return {SheetStatus::NotStarted, 0, MissingReason::NotYet};
        }
        if (bid == "INN-005" || bid == "SUS-012")
        {
            return {SheetStatus::InProgress, 2, MissingReason::NotYet};
        }
        return {SheetStatus::Complete, 5, MissingReason::None};
    }
    if (member == "M01" && bid == "SUS-004")
    {
        return {SheetStatus::Submitted, 0, MissingReason::Absent};
    }
    return {};
}

struct DemoInterest
{
    std::string_view member;
    std::string_view bid;
    InterestType type;
    InterestRule rule;
    std::string_view note;
};

constexpr std::array<DemoInterest, 4> kInterests{{
    {"M05", "INN-004", InterestType::UsesService, InterestRule::NoScoreMaySpeak,
     "Uses the crisis café; declared at the briefing on 2 October."},
    {"M02", "SUS-007", InterestType::EmployeeOrTrustee, InterestRule::NoScoreNoSee,
     "Trustee of the community centre; declared on the register of interests."},
    {"M03", "SUS-002", InterestType::FamilyOrFriend, InterestRule::DeclaredMayScore,
     "A cousin volunteers with the village agents now and then; agreed as minor."},
    {"M08", "INN-009", InterestType::Volunteers, InterestRule::NoScoreMaySpeak,
     "Volunteers at the memory café once a month."},
}};

const DemoInterest* InterestFor(std::string_view bid, std::string_view member)
{
    for (const DemoInterest& i : kInterests)
    {
        if (i.bid == bid && i.member == member)
        {
            return &i;
        }
    }
    return nullptr;
}

struct DemoQuestion
{
    std::string_view member;
    std::string_view bid;
    std::string_view question;
};

constexpr std::array<DemoQuestion, 3> kQuestions{{
    {"M07", "SUS-004", "What does 'keeping staff' mean for the people who use the drop-in?"},
    {"M04", "INN-002", "How would this work for carers who do not have a smartphone?"},
    {"M05", "SUS-007", "Is a building refit something this fund is meant to pay for?"},
}};

void AddSheetText(ScoreSheet& sheet, const BidText& bid, std::size_t bid_index, std::size_t member)
{
    if ((bid_index + member) % 3 == 0)
    {
        sheet.strengths = std::string(bid.strength);
    }
    if ((bid_index + member) % 4 == 1)
    {
        sheet.concerns = std::string(bid.concern);
    }
    for (const DemoQuestion& q : kQuestions)
    {
        if (q.bid == bid.ref && q.member == kMembers[member].ref)
        {
            sheet.questions = std::string(q.question);
            sheet.needs_explaining = true;
        }
    }
}

constexpr std::string_view kRuralWards[] = {"Little Hadley", "Oakham Fen", "Wyvern Heath"};

Eligibility EligibilityFor(std::string_view ref, std::string& note)
{
    if (ref == "SUS-011")
    {
        note = "Heritage activity is outside the fund's health and care priorities.";
        return Eligibility::Ineligible;
    }
    if (ref == "INN-008" || ref == "INN-012" || ref == "SUS-014")
    {
        return Eligibility::NotChecked;
    }
    note = "Checked against the fund criteria by the grants officer.";
    return Eligibility::Eligible;
}

void AddBids(ImportBatch& batch, const Design& design, Key& next_bid)
{
    const Fund& fund = design.fund;
    const int lo = fund.criteria.front().scale_min;
    const int hi = fund.criteria.front().scale_max;
    for (std::size_t i = 0; i < design.bid_count; ++i)
    {
        const BidText& text = design.bids[i];
        Bid bid;
        bid.key = next_bid++;
        bid.ref = std::string(text.ref);
        bid.organisation = std::string(text.organisation);
        bid.project_title = std::string(text.title);
        bid.fund = fund.key;
        bid.requested_pence = text.requested;
        bid.ward = std::string(text.ward);
        bid.summary = std::string(text.summary);
        bid.fields = {{"Who will benefit", std::string(text.who)},
                      {"How many people", std::string(text.reach)},
                      {"Project length", "12 months"}};
        bid.eligibility = EligibilityFor(text.ref, bid.eligibility_note);
        batch.bids.push_back(bid);
        for (std::size_t m = 0; m < kMembers.size(); ++m)
        {
            if (!kMembers[m].scores)
            {
                continue;
            }
            const Key member_key = static_cast<Key>(m + 1);
            const DemoInterest* interest = InterestFor(text.ref, kMembers[m].ref);
            const bool barred = interest != nullptr && BarsScoring(interest->rule);
            SheetPlan plan = PlanFor(text.ref, kMembers[m].ref);
            if (barred)
            {
                plan = {SheetStatus::Submitted, 0, MissingReason::Interest};
            }
            if (plan.status == SheetStatus::NotStarted)
            {
                continue;
            }
            ScoreSheet sheet;
            sheet.bid = bid.key;
            sheet.member = member_key;
            sheet.status = plan.status;
            if (!barred)
            {
                AddSheetText(sheet, text, i, m);
            }
            sheet.updated_at = "2026-10-20T18:00:00Z";
            batch.sheets.push_back(sheet);
            for (std::size_t c = 0; c < fund.criteria.size(); ++c)
            {
                Score score;
                score.bid = bid.key;
                score.member = member_key;
                score.criterion = fund.criteria[c].key;
                score.missing = plan.missing;
                if (static_cast<int>(c) < plan.criteria_scored)
                {
                    const auto value = DesignedScore(text, m, c, lo, hi);
                    score.value = static_cast<std::int16_t>(*value);
                    score.missing = MissingReason::None;
                }
                batch.scores.push_back(score);
            }
        }
    }
}

ImportBatch SetupBatch()
{
    ImportBatch batch;
    batch.source = "demo round: funds and scoring forms";
    Fund innovation =
        MakeFund(1, "Innovation Fund", 10'000'000, kInnovationForm, 1, 0, 5, "need", 2);
    Pot rural;
    rural.key = 1;
    rural.name = "Rural villages";
    rural.minimum_pence = 2'000'000;
    rural.field = "ward";
    for (std::string_view w : kRuralWards)
    {
        rural.values.emplace_back(w);
    }
    innovation.pots.push_back(rural);
    batch.funds.push_back(std::move(innovation));
    batch.funds.push_back(
        MakeFund(2, "Sustainability Fund", 25'000'000, kSustainabilityForm, 6, 1, 5, "plan", 2));
    for (std::size_t m = 0; m < kMembers.size(); ++m)
    {
        const MemberText& t = kMembers[m];
        Member member;
        member.key = static_cast<Key>(m + 1);
        member.ref = std::string(t.ref);
        member.name = std::string(t.name);
        member.role = t.role;
        member.scores = t.scores;
        member.chair = t.chair;
        batch.members.push_back(std::move(member));
    }
    return batch;
}

ImportBatch BidsAndScoresBatch(const std::vector<Fund>& funds)
{
    ImportBatch batch;
    batch.source = "demo round: applications and returned score sheets";
    Key next_bid = 1;
    AddBids(batch, {funds[0], kInnovationBids.data(), kInnovationBids.size()}, next_bid);
    AddBids(batch, {funds[1], kSustainabilityBids.data(), kSustainabilityBids.size()}, next_bid);
    return batch;
}

Key BidKeyOf(const std::vector<Bid>& bids, std::string_view ref)
{
    for (const Bid& b : bids)
    {
        if (b.ref == ref)
        {
            return b.key;
        }
    }
    return 0;
}

} // namespace

std::unique_ptr<Workspace> CreateDemoRound(const std::string& path)
{
    auto ws = Workspace::Create(path, kDemoRoundTitle);
    // The demo's history happened in October 2026; pin the audit times so it is reproducible.
    int minute = 0;
    ws->SetClock(
        [&minute]
        {
            char text[32];
            std::snprintf(text, sizeof text, "2026-10-%02dT%02d:%02d:00Z", 1 + minute / 600,
                          9 + (minute / 60) % 10, minute % 60);
            minute += 7;
            return std::string(text);
        });
    ws->Import(SetupBatch());
    const std::vector<Fund> funds = ws->ListFunds();
    const ImportBatch bids = BidsAndScoresBatch(funds);
    // Interests are declared one by one, as they were at the briefing, before any scoring.
    ImportBatch applications = bids;
    applications.source = "demo round: applications from the grants portal";
    applications.sheets.clear();
    applications.scores.clear();
    ws->Import(applications);
    const std::vector<Bid> stored = ws->ListBids();
    for (const DemoInterest& i : kInterests)
    {
        Interest interest;
        interest.member = static_cast<Key>(std::stoi(std::string(i.member.substr(1))));
        interest.bid = BidKeyOf(stored, i.bid);
        interest.type = i.type;
        interest.rule = i.rule;
        interest.note = std::string(i.note);
        ws->DeclareInterest(interest);
    }
    ImportBatch returns;
    returns.source = "demo round: returned score sheets";
    returns.sheets = bids.sheets;
    returns.scores = bids.scores;
    ws->Import(returns);
    Policy policy = ws->GetPolicy();
    ws->SetPolicy(policy);
    ws->SetClock(&NowUtc);
    return ws;
}

} // namespace coscore::core
