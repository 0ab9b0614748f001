// SPDX-License-Identifier: MIT
// The meeting page's own commands: withdrawing a decision writes exactly one audit entry and one
// change event; every refusal changes nothing and writes no entry.
#include "print.hpp"
#include "temp_dir.hpp"

#include <coscore/core/demo_round.hpp>
#include <coscore/core/workspace.hpp>

#include <boost/test/unit_test.hpp>

#include <string>
#include <vector>

using namespace coscore;
using namespace coscore::scoring;
using coscore::test::TempDir;

namespace
{

struct MeetingFixture
{
    TempDir dir;
    std::unique_ptr<core::Workspace> ws = core::CreateDemoRound(dir.File("demo.coscore"));
    std::vector<core::ChangeEvent> events;
    core::Subscription subscription =
        ws->Subscribe([this](const core::ChangeEvent& e) { events.push_back(e); });

    Bid FindBid(const std::string& ref) const
    {
        for (const Bid& b : ws->ListBids())
        {
            if (b.ref == ref)
            {
                return b;
            }
        }
        BOOST_FAIL("no bid " << ref);
        return {};
    }
    Key Decide(const std::string& ref)
    {
        Decision d;
        d.bid = FindBid(ref).key;
        d.kind = DecisionKind::Reject;
        d.reason = "Does not meet the fund's aims.";
        d.status = DecisionStatus::Agreed;
        ws->SetDecision(d);
        events.clear();
        return d.bid;
    }
};

} // namespace

BOOST_FIXTURE_TEST_SUITE(workspace_meeting, MeetingFixture)

BOOST_AUTO_TEST_CASE(WithdrawDecisionLeavesTheBidUndecidedWithOneAuditEntry)
{
    const Key bid = Decide("INN-008");
    const auto before = ws->ListAudit().size();
    ws->WithdrawDecision(bid);
    BOOST_TEST(!ws->GetDecision(bid).has_value());
    const auto audit = ws->ListAudit();
    BOOST_TEST(audit.size() == before + 1);
    BOOST_TEST(audit.back().action == "withdraw_decision");
    BOOST_TEST(audit.back().detail.find("\"old\":\"reject\"") != std::string::npos);
    BOOST_TEST(audit.back().detail.find("\"status\":\"agreed\"") != std::string::npos);
    BOOST_TEST(ws->Verify().Ok());
    BOOST_REQUIRE(events.size() == 1U);
    BOOST_TEST((events.front().kind == core::ChangeKind::Decisions));
    BOOST_TEST((events.front().ids == std::vector<Key>{bid}));
}

BOOST_AUTO_TEST_CASE(WithdrawDecisionIsRefusedWithoutADecisionAndChangesNothing)
{
    const Key bid = FindBid("INN-008").key;
    const auto before = ws->ListAudit().size();
    BOOST_CHECK_THROW(ws->WithdrawDecision(bid), core::CommandError);
    BOOST_CHECK_THROW(ws->WithdrawDecision(9999), core::CommandError);
    BOOST_TEST(ws->ListAudit().size() == before);
    BOOST_TEST(events.empty());
}

BOOST_AUTO_TEST_CASE(WithdrawDecisionIsRefusedInALockedFundAndChangesNothing)
{
    const Key bid = Decide("INN-008");
    ws->LockFund(FindBid("INN-008").fund);
    events.clear();
    const auto before = ws->ListAudit().size();
    BOOST_CHECK_THROW(ws->WithdrawDecision(bid), core::CommandError);
    const auto decision = ws->GetDecision(bid);
    BOOST_REQUIRE(decision.has_value());
    BOOST_TEST(decision->kind == DecisionKind::Reject);
    BOOST_TEST(decision->status == DecisionStatus::Locked);
    BOOST_TEST(ws->ListAudit().size() == before);
    BOOST_TEST(events.empty());
}

BOOST_AUTO_TEST_CASE(WithdrawDecisionIsRefusedOnAReadOnlyRound)
{
    const Key bid = Decide("INN-008");
    const std::string path = ws->Path();
    subscription.Reset();
    ws.reset();
    core::OpenOptions options;
    options.read_only = true;
    auto read_only = core::Workspace::Open(path, options);
    const auto before = read_only->ListAudit().size();
    BOOST_CHECK_THROW(read_only->WithdrawDecision(bid), core::CommandError);
    BOOST_TEST(read_only->GetDecision(bid).has_value());
    BOOST_TEST(read_only->ListAudit().size() == before);
}

BOOST_AUTO_TEST_SUITE_END()
