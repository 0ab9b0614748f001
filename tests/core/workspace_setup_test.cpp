// SPDX-License-Identifier: MIT
// The setup edits of the desktop's officer pages: each writes exactly one audit entry and one
// change event, refusals change nothing, and removals give back what the undo of an add needs.
#include "print.hpp"
#include "temp_dir.hpp"

#include <coscore/core/demo_round.hpp>
#include <coscore/core/workspace.hpp>

#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <functional>

using namespace coscore;
using namespace coscore::scoring;
using coscore::test::TempDir;

namespace
{

struct SetupFixture
{
    TempDir dir;
    std::unique_ptr<core::Workspace> ws = core::CreateDemoRound(dir.File("demo.coscore"));

    Key BidKey(const std::string& ref) const
    {
        for (const Bid& b : ws->ListBids())
        {
            if (b.ref == ref)
            {
                return b.key;
            }
        }
        BOOST_FAIL("no bid " << ref);
        return 0;
    }
    Key MemberKey(const std::string& ref) const
    {
        for (const Member& m : ws->ListMembers())
        {
            if (m.ref == ref)
            {
                return m.key;
            }
        }
        BOOST_FAIL("no member " << ref);
        return 0;
    }
    Key NewBid()
    {
        Bid b;
        b.ref = "INN-099";
        b.organisation = "Riverside Men's Shed";
        b.project_title = "Tools for the shed";
        b.fund = 1;
        b.requested_pence = 250'000;
        return ws->AddBid(b);
    }
    Key NewMember()
    {
        Member m;
        m.ref = "M10";
        m.name = "Sam Taylor";
        m.role = Role::Carer;
        return ws->AddMember(m);
    }
    Key NewCriterion()
    {
        Criterion c;
        c.ref = "reach";
        c.name = "Reach";
        c.weight_percent = 0;
        c.scale_max = 5;
        return ws->AddCriterion(1, c);
    }
    /// Everything a refusal must leave alone, as one comparable text.
    std::string Dump() const
    {
        std::string text = ws->GetRoundInfo().title;
        for (const Fund& f : ws->ListFunds())
        {
            text += "|" + f.name + std::to_string(f.pots.size()) +
                    std::to_string(f.criteria.size()) + std::to_string(f.budget_pence);
            for (const Criterion& c : f.criteria)
            {
                text += "," + c.ref;
            }
        }
        for (const Member& m : ws->ListMembers())
        {
            text += "|" + m.ref + m.name + std::string(ToString(m.role)) + (m.scores ? "s" : "-");
        }
        for (const Bid& b : ws->ListBids())
        {
            text += "|" + b.ref + std::to_string(b.fund) + std::to_string(b.requested_pence) +
                    std::to_string(b.fields.size());
        }
        return text + "|" + std::to_string(ws->ListAudit().size());
    }
};

struct SetupCase
{
    std::string name;
    std::string action;
    std::function<void(SetupFixture&)> prepare; ///< runs before the audit is counted
    std::function<void(SetupFixture&)> run;
};

std::vector<SetupCase> SetupCases()
{
    static Key made = 0;
    const auto nothing = [](SetupFixture&) {};
    return {
        {"SetRoundTitle", "set_round_title", nothing,
         [](SetupFixture& f) { f.ws->SetRoundTitle("Westmere Grants 2027"); }},
        {"UpdateFund", "update_fund", nothing,
         [](SetupFixture& f)
         {
             Fund fund = f.ws->ListFunds().front();
             fund.name = "Innovation Fund 2027";
             fund.max_award_pence = 3'000'000;
             f.ws->UpdateFund(fund);
         }},
        {"RemoveFund", "remove_fund",
         [](SetupFixture& f)
         {
             Fund fund;
             fund.name = "Small Sparks Fund";
             fund.budget_pence = 500'000;
             made = f.ws->AddFund(fund);
         },
         [](SetupFixture& f) { f.ws->RemoveFund(made); }},
        {"RemovePot", "remove_pot", nothing,
         [](SetupFixture& f) { f.ws->RemovePot(f.ws->ListFunds().front().pots.front().key); }},
        {"RemoveCriterion", "remove_criterion", [](SetupFixture& f) { made = f.NewCriterion(); },
         [](SetupFixture& f) { f.ws->RemoveCriterion(made); }},
        {"MoveCriterion", "move_criterion", nothing,
         [](SetupFixture& f)
         { f.ws->MoveCriterion(f.ws->ListFunds().front().criteria.back().key, 0); }},
        {"UpdateMember", "update_member", nothing,
         [](SetupFixture& f)
         {
             Member m = *f.ws->FindMember(f.MemberKey("M07"));
             m.name = "Peter J. Clarke";
             f.ws->UpdateMember(m);
         }},
        {"RemoveMember", "remove_member", [](SetupFixture& f) { made = f.NewMember(); },
         [](SetupFixture& f) { f.ws->RemoveMember(made); }},
        {"UpdateBid", "update_bid", nothing,
         [](SetupFixture& f)
         {
             Bid b = *f.ws->FindBid(f.BidKey("INN-003"));
             b.requested_pence += 100;
             b.fields.push_back({"Volunteers", "12"});
             f.ws->UpdateBid(b);
         }},
        {"RemoveBid", "remove_bid", [](SetupFixture& f) { made = f.NewBid(); },
         [](SetupFixture& f) { f.ws->RemoveBid(made); }},
    };
}

} // namespace

BOOST_AUTO_TEST_SUITE(workspace_setup)

BOOST_AUTO_TEST_CASE(EverySetupEditWritesExactlyOneAuditEntryAndOneEvent)
{
    for (const SetupCase& c : SetupCases())
    {
        BOOST_TEST_CONTEXT(c.name)
        {
            SetupFixture f;
            c.prepare(f);
            const auto before = f.ws->ListAudit().size();
            int events = 0;
            const auto subscription =
                f.ws->Subscribe([&events](const core::ChangeEvent&) { ++events; });
            const std::string dump = f.Dump();
            c.run(f);
            const auto after = f.ws->ListAudit();
            BOOST_TEST(after.size() == before + 1);
            BOOST_TEST(after.back().action == c.action);
            BOOST_TEST(events == 1);
            BOOST_TEST(f.Dump() != dump);
            BOOST_TEST(f.ws->Verify().Ok());
        }
    }
}

BOOST_AUTO_TEST_CASE(AuditDetailsHoldNoNamesOrApplicationText)
{
    SetupFixture f;
    Member m = *f.ws->FindMember(f.MemberKey("M07"));
    m.name = "Peter J. Clarke";
    f.ws->UpdateMember(m);
    BOOST_TEST(f.ws->ListAudit().back().detail.find("Clarke") == std::string::npos);
    Bid b = *f.ws->FindBid(f.BidKey("INN-003"));
    b.summary = "A secret summary";
    f.ws->UpdateBid(b);
    BOOST_TEST(f.ws->ListAudit().back().detail.find("secret") == std::string::npos);
}

struct Refusal
{
    std::string name;
    std::function<void(SetupFixture&)> run;
};

BOOST_AUTO_TEST_CASE(RefusedSetupEditsChangeNothing)
{
    const std::vector<Refusal> cases{
        {"BlankTitle", [](SetupFixture& f) { f.ws->SetRoundTitle("  "); }},
        {"MinAwardAboveMax",
         [](SetupFixture& f)
         {
             Fund fund = f.ws->ListFunds().front();
             fund.min_award_pence = 5'000'000;
             fund.max_award_pence = 1'000;
             f.ws->UpdateFund(fund);
         }},
        {"FundNameTaken",
         [](SetupFixture& f)
         {
             Fund fund = f.ws->ListFunds().front();
             fund.name = "sustainability fund";
             f.ws->UpdateFund(fund);
         }},
        {"ScoredCriterion", [](SetupFixture& f)
         { f.ws->RemoveCriterion(f.ws->ListFunds().front().criteria.front().key); }},
        {"MemberWithScores", [](SetupFixture& f) { f.ws->RemoveMember(f.MemberKey("M01")); }},
        {"ScoringMemberMadeAdviser",
         [](SetupFixture& f)
         {
             Member m = *f.ws->FindMember(f.MemberKey("M01"));
             m.scores = false;
             f.ws->UpdateMember(m);
         }},
        {"DuplicateMemberId",
         [](SetupFixture& f)
         {
             Member m = *f.ws->FindMember(f.MemberKey("M01"));
             m.ref = "m02";
             f.ws->UpdateMember(m);
         }},
        {"BidWithScores", [](SetupFixture& f) { f.ws->RemoveBid(f.BidKey("INN-001")); }},
        {"ScoredBidToAnotherFund",
         [](SetupFixture& f)
         {
             Bid b = *f.ws->FindBid(f.BidKey("INN-001"));
             b.fund = 2;
             f.ws->UpdateBid(b);
         }},
        {"NegativeAmount",
         [](SetupFixture& f)
         {
             Bid b = *f.ws->FindBid(f.BidKey("INN-001"));
             b.requested_pence = -1;
             f.ws->UpdateBid(b);
         }},
        {"MissingPot", [](SetupFixture& f) { f.ws->RemovePot(999); }},
        {"FundWithBids", [](SetupFixture& f) { f.ws->RemoveFund(1); }},
    };
    for (const Refusal& c : cases)
    {
        BOOST_TEST_CONTEXT(c.name)
        {
            SetupFixture f;
            const std::string dump = f.Dump();
            const auto audit = f.ws->ListAudit().size();
            BOOST_CHECK_THROW(c.run(f), Error);
            BOOST_TEST(f.Dump() == dump);
            BOOST_TEST(f.ws->ListAudit().size() == audit);
        }
    }
}

BOOST_AUTO_TEST_CASE(ALockedFundRefusesSetupEdits)
{
    SetupFixture f;
    f.ws->LockFund(1);
    const std::string dump = f.Dump();
    Fund fund = f.ws->ListFunds().front();
    fund.name = "Renamed";
    BOOST_CHECK_THROW(f.ws->UpdateFund(fund), core::CommandError);
    BOOST_CHECK_THROW(f.ws->MoveCriterion(fund.criteria.back().key, 0), core::CommandError);
    BOOST_CHECK_THROW(f.ws->RemovePot(fund.pots.front().key), core::CommandError);
    BOOST_TEST(f.Dump() == dump);
}

BOOST_AUTO_TEST_CASE(RemovedRowsComeBackUnderTheirOwnKeys)
{
    SetupFixture f;
    const Key member = f.NewMember();
    const Member before = *f.ws->FindMember(member);
    f.ws->RemoveMember(member);
    BOOST_TEST(!f.ws->FindMember(member).has_value());
    BOOST_TEST(f.ws->AddMember(before) == member);
    BOOST_TEST(f.ws->FindMember(member)->name == "Sam Taylor");
}

BOOST_AUTO_TEST_CASE(MovingACriterionKeepsEveryOtherInOrder)
{
    SetupFixture f;
    const auto form = f.ws->ListFunds().front().criteria;
    f.ws->MoveCriterion(form[3].key, 1);
    const auto moved = f.ws->ListFunds().front().criteria;
    BOOST_TEST(moved[0].key == form[0].key);
    BOOST_TEST(moved[1].key == form[3].key);
    BOOST_TEST(moved[2].key == form[1].key);
    BOOST_TEST(moved[3].key == form[2].key);
    BOOST_TEST(moved[4].key == form[4].key);
    f.ws->MoveCriterion(form[3].key, 99);
    BOOST_TEST(f.ws->ListFunds().front().criteria.back().key == form[3].key);
}

BOOST_AUTO_TEST_CASE(SheetsForAMemberFollowTheirScores)
{
    SetupFixture f;
    const Key aisha = f.MemberKey("M06");
    const auto sheets = f.ws->ListSheetsForMember(aisha);
    const auto bids = f.ws->ListBidsForMember(aisha);
    // Aisha has not started four bids, so they have no sheet yet.
    BOOST_TEST(sheets.size() + 4 == bids.size());
    const Key bid = f.BidKey("INN-010");
    const Key criterion = f.ws->ListFunds().front().criteria.front().key;
    f.ws->SetActor({"M06", false});
    f.ws->RecordScore(bid, aisha, criterion, 4);
    const auto after = f.ws->ListSheetsForMember(aisha);
    const auto it = std::find_if(after.begin(), after.end(),
                                 [bid](const ScoreSheet& s) { return s.bid == bid; });
    BOOST_REQUIRE(it != after.end());
    BOOST_TEST(it->status == SheetStatus::InProgress);
    BOOST_TEST(f.ws->ListAudit().back().actor == "M06");
}

BOOST_AUTO_TEST_SUITE_END()
