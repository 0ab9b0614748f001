// SPDX-License-Identifier: MIT
#include <coscore/scoring/allocation.hpp>

#include <boost/test/data/monomorphic.hpp>
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <ostream>
#include <string>
#include <vector>

namespace data = boost::unit_test::data;
using namespace coscore::scoring;

namespace
{

constexpr Pence kPound = 100;

AllocationBid Candidate(Key bid, Pence pounds, std::vector<std::size_t> pots = {})
{
    return {bid, pounds * kPound, pounds * kPound, "", std::move(pots)};
}

Fund MakeFund(Pence budget_pounds, std::vector<Pot> pots = {})
{
    Fund fund;
    fund.key = 1;
    fund.budget_pence = budget_pounds * kPound;
    fund.pots = std::move(pots);
    return fund;
}

struct AllocationCase
{
    std::string name;
    Fund fund;
    std::vector<AllocationBid> ranked;
    AllocationRule rule;
    std::vector<bool> funded;
    std::vector<std::string> notes;
    Pence spent_pounds;
};

std::ostream& operator<<(std::ostream& os, const AllocationCase& c)
{
    return os << c.name;
}

AllocationBid PassedOver(AllocationBid bid, std::string why)
{
    bid.passed_over = std::move(why);
    return bid;
}

AllocationBid Reduced(AllocationBid bid, Pence pounds)
{
    bid.award_pence = pounds * kPound;
    return bid;
}

Pot RuralPot(Pence pounds)
{
    return {1, "rural", pounds * kPound, "ward", {"Rural"}};
}

const std::vector<AllocationCase> kCases{
    {"skip: a bid that does not fit is skipped and the next tried",
     MakeFund(100),
     {Candidate(1, 60), Candidate(2, 50), Candidate(3, 30)},
     AllocationRule::Skip,
     {true, false, true},
     {"", "Skipped: £50 requested, £40 left", ""},
     90},
    {"stop: allocation ends at the payline",
     MakeFund(100),
     {Candidate(1, 60), Candidate(2, 50), Candidate(3, 30)},
     AllocationRule::Stop,
     {true, false, false},
     {"", "Below the payline: £50 requested, £40 left", "Below the payline"},
     60},
    {"a passed-over bid keeps its reason and is never funded",
     MakeFund(100),
     {PassedOver(Candidate(1, 60), "Passed over: rejected."), Candidate(2, 50), Candidate(3, 30)},
     AllocationRule::Skip,
     {false, true, true},
     {"Passed over: rejected.", "", ""},
     80},
    {"a reduced award is what is spent",
     MakeFund(100),
     {Reduced(Candidate(1, 60), 40), Candidate(2, 50), Candidate(3, 30)},
     AllocationRule::Skip,
     {true, true, false},
     {"", "", "Skipped: £30 requested, £10 left"},
     90},
    {"an exact fit is funded",
     MakeFund(100),
     {Candidate(1, 70), Candidate(2, 30)},
     AllocationRule::Stop,
     {true, true},
     {"", ""},
     100},
    {"a ring-fenced pot funds its bids first, then the rest goes in rank order",
     MakeFund(100, {RuralPot(50)}),
     {Candidate(1, 60), Candidate(2, 30, {0}), Candidate(3, 20, {0}), Candidate(4, 40)},
     AllocationRule::Skip,
     {false, true, true, true},
     {"Skipped: £60 requested, £50 left", "From the rural pot", "From the rural pot", ""},
     90},
    {"without the pot the same bids go in rank order",
     MakeFund(100),
     {Candidate(1, 60), Candidate(2, 30), Candidate(3, 20), Candidate(4, 40)},
     AllocationRule::Skip,
     {true, true, false, false},
     {"", "", "Skipped: £20 requested, £10 left", "Skipped: £40 requested, £10 left"},
     90},
    {"a pot bid that does not fit the pot can still be funded from the rest",
     MakeFund(100, {RuralPot(20)}),
     {Candidate(1, 30, {0}), Candidate(2, 50)},
     AllocationRule::Skip,
     {true, true},
     {"", ""},
     80},
};

} // namespace

BOOST_AUTO_TEST_SUITE(allocation)

BOOST_DATA_TEST_CASE(AllocationFollowsTheRule, data::make(kCases), c)
{
    const Allocation a = Allocate(c.fund, c.ranked, c.rule);
    BOOST_TEST_REQUIRE(a.lines.size() == c.ranked.size());
    Pence cumulative = 0;
    for (std::size_t i = 0; i < a.lines.size(); ++i)
    {
        BOOST_TEST_CONTEXT("bid " << c.ranked[i].bid)
        {
            BOOST_TEST(a.lines[i].bid == c.ranked[i].bid);
            BOOST_TEST(a.lines[i].funded == c.funded[i]);
            BOOST_TEST(a.lines[i].note == c.notes[i]);
            BOOST_TEST(a.lines[i].award_pence == (c.funded[i] ? c.ranked[i].award_pence : 0));
            cumulative += a.lines[i].award_pence;
            BOOST_TEST(a.lines[i].cumulative_pence == cumulative);
        }
    }
    BOOST_TEST(a.spent_pence == c.spent_pounds * kPound);
    BOOST_TEST(a.spent_pence <= c.fund.budget_pence);
}

BOOST_AUTO_TEST_CASE(PotReportsItsSpendAndWhetherTheMinimumIsMet)
{
    const Fund fund = MakeFund(100, {RuralPot(50)});
    const std::vector<AllocationBid> ranked{Candidate(1, 30, {0}), Candidate(2, 40, {0}),
                                            Candidate(3, 10)};
    const Allocation a = Allocate(fund, ranked, AllocationRule::Skip);
    BOOST_TEST_REQUIRE(a.pots.size() == 1U);
    // 30 from the pot; 40 does not fit the pot's remaining 20 but is funded from the rest.
    BOOST_TEST(a.pots[0].spent_pence == 70 * kPound);
    BOOST_TEST(a.pots[0].met);
    BOOST_TEST(a.lines[0].pot.has_value());
    BOOST_TEST(!a.lines[1].pot.has_value());
}

BOOST_AUTO_TEST_CASE(StopReportsWhereThePaylineFell)
{
    const std::vector<AllocationBid> ranked{Candidate(1, 60), Candidate(2, 50), Candidate(3, 10)};
    const Allocation a = Allocate(MakeFund(100), ranked, AllocationRule::Stop);
    BOOST_TEST(a.stopped_at.has_value());
    BOOST_TEST(*a.stopped_at == 1U);
}

BOOST_AUTO_TEST_CASE(PotRuleMatchesWardOrApplicationFieldIgnoringCaseAndSpaces)
{
    Bid bid;
    bid.ward = "  rural NORTH ";
    bid.fields = {{"Client group", "Young Carers"}};
    BOOST_TEST(MatchesPot({1, "rural", 0, "ward", {"Rural North"}}, bid));
    BOOST_TEST(MatchesPot({1, "rural", 0, " Area", {"rural north"}}, bid));
    BOOST_TEST(!MatchesPot({1, "rural", 0, "ward", {"Rural South"}}, bid));
    BOOST_TEST(MatchesPot({1, "carers", 0, "client group", {"young carers "}}, bid));
    BOOST_TEST(!MatchesPot({1, "carers", 0, "unknown field", {"young carers"}}, bid));
}

BOOST_AUTO_TEST_SUITE_END()
