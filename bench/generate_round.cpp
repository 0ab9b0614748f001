// SPDX-License-Identifier: MIT
// Writes a synthetic round in the import CSV format (PRODUCT.md §6, §8): S, M or L, seeded and
// deterministic. Scores come from scoring::GenerateRound (about 3% missing, lenient and harsh
// members, about 2% declared interests, strong disagreements, two funds with budgets near a third
// of demand); the text is made realistic here: commas, quotes, line breaks, non-Latin scripts
// and emoji, as application portals export them.
// Usage: coscore_bench_generate S|M|L SEED FOLDER
#include <coscore/core/import_writer.hpp>
#include <coscore/scoring/lottery.hpp>
#include <coscore/scoring/synthetic_round.hpp>

#include <array>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <set>
#include <string>
#include <string_view>

using namespace coscore;

namespace
{

constexpr std::array<std::string_view, 12> kPlaces{
    "Ashford Bridge", "Kingsmoor",    "Little Hadley",      "Oakham Fen",
    "St Brannock",    "Wyvern Heath", "Llanfair-ym-Muallt", "Łódź Street",
    "Brook Lane",     "Mill Road",    "Harbourside",        "Castle Hill"};
constexpr std::array<std::string_view, 10> kKinds{
    "Community Trust",  "Carers' Network", "Men's Shed",   "Food Partnership", "Youth Forum",
    "Dementia Friends", "Refugee Welcome", "Credit Union", "Village Hall",     "Allotment Society"};
constexpr std::array<std::string_view, 10> kProjects{
    "Warm hub, with soup & digital help",
    "\"Shed on Wheels\": a mobile workshop",
    "Peer-led crisis café (Friday nights)",
    "Talking noticeboards — in 4 health centres",
    "Cook-along sessions, for families on low incomes",
    "Memory café in the library 🧠☕",
    "English conversation cafés / محادثة باللغة الإنجليزية",
    "Walk and talk groups, weekly",
    "Young carers' drama project: \"Our Lives\"",
    "Good-neighbour scheme, 社区互助"};
constexpr std::array<std::string_view, 6> kSummaries{
    "We will run weekly sessions for people who live alone.\nVolunteers, trained by us, will "
    "help with lifts, shopping and forms.",
    "Our members asked for this: \"we need somewhere warm, and someone to talk to\".",
    "The project builds on a pilot (2024–25) that reached 120 people; 87% said it helped.",
    "Costs: staff £12,400; venue £3,000; transport, £2,150.\nMatch funding: £5,000 agreed.",
    "Croeso! Sesiynau dwyieithog — bilingual sessions in Welsh and English. 🙂",
    "Przyjaciele i sąsiedzi: a befriending scheme with Polish-speaking volunteers."};

template <std::size_t N>
std::string_view Pick(const std::array<std::string_view, N>& bank, scoring::SplitMix64& rng)
{
    return bank[scoring::UniformBelow(rng, N)];
}

scoring::SyntheticSpec SpecFor(std::string_view size)
{
    if (size == "S")
    {
        return scoring::SmallRound();
    }
    if (size == "M")
    {
        return scoring::MediumRound();
    }
    if (size == "L")
    {
        return scoring::LargeRound();
    }
    throw std::invalid_argument("size must be S, M or L");
}

void MakeTextRealistic(scoring::RoundData& round, std::uint64_t seed)
{
    scoring::SplitMix64 state(seed ^ 0xC05C0DEULL);
    for (scoring::Bid& bid : round.bids)
    {
        bid.organisation =
            std::string(Pick(kPlaces, state)) + " " + std::string(Pick(kKinds, state));
        bid.project_title = std::string(Pick(kProjects, state));
        bid.ward = std::string(Pick(kPlaces, state));
        bid.summary = std::string(Pick(kSummaries, state));
        bid.fields = {{"Who will benefit", "People who live alone, and their carers"},
                      {"Project length", "12 months"}};
    }
}

// The generator leaves scores in cells of barring interests (Reconcile ignores them) and draws
// weights freely; an import refuses both, as it should, so make the files what a portal gives.
void MakeImportable(scoring::RoundData& round)
{
    std::set<std::pair<scoring::Key, scoring::Key>> barred;
    for (const scoring::Interest& i : round.interests)
    {
        if (scoring::BarsScoring(i.rule))
        {
            barred.insert({i.member, i.bid});
        }
    }
    for (scoring::Score& s : round.scores)
    {
        if (barred.count({s.member, s.bid}) != 0)
        {
            s.value.reset();
            s.missing = scoring::MissingReason::Interest;
        }
    }
    for (scoring::Fund& fund : round.funds)
    {
        double sum = 0.0;
        for (const scoring::Criterion& c : fund.criteria)
        {
            sum += c.weight_percent;
        }
        int given = 0;
        for (scoring::Criterion& c : fund.criteria)
        {
            c.weight_percent = std::floor(c.weight_percent * 100.0 / sum);
            given += static_cast<int>(c.weight_percent);
        }
        fund.criteria.front().weight_percent += 100 - given; // whole percentages summing to 100
    }
}

} // namespace

int main(int argc, char** argv)
{
    if (argc != 4)
    {
        std::fprintf(stderr, "usage: coscore_bench_generate S|M|L SEED FOLDER\n");
        return 2;
    }
    try
    {
        const std::uint64_t seed = std::stoull(argv[2]);
        scoring::RoundData round = scoring::GenerateRound(SpecFor(argv[1]), seed);
        MakeTextRealistic(round, seed);
        MakeImportable(round);
        std::filesystem::create_directories(argv[3]);
        const auto files = core::WriteImportCsv(round, argv[3]);
        std::printf("%s: %zu bids, %zu members, %zu scores in %zu files\n", argv[1],
                    round.bids.size(), round.members.size(), round.scores.size(), files.size());
        return 0;
    }
    catch (const std::exception& e)
    {
        std::fprintf(stderr, "coscore_bench_generate: %s\n", e.what());
        return 1;
    }
}
