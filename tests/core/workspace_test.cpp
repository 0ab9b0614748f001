// SPDX-License-Identifier: MIT
// Workspace commands: each writes exactly one audit entry in its own transaction, refusals
// write nothing, missing scores are never 0, and the audit chain detects tampering.
#include "bulk_checks.hpp"
#include "print.hpp"
#include "sqlite/database.hpp"
#include "temp_dir.hpp"

#include <coscore/core/demo_round.hpp>
#include <coscore/core/workspace.hpp>
#include <coscore/scoring/reconcile.hpp>

#include <boost/test/unit_test.hpp>

#include <filesystem>
#include <functional>

using namespace coscore;
using namespace coscore::scoring;
using coscore::test::TempDir;

namespace
{

struct DemoFixture
{
    TempDir dir;
    std::string path = dir.File("demo.coscore");
    std::unique_ptr<core::Workspace> ws = core::CreateDemoRound(path);

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
    const Criterion& FirstCriterion(Key bid) const
    {
        static std::vector<Fund> funds;
        funds = ws->ListFunds();
        const Key fund = ws->FindBid(bid)->fund;
        for (const Fund& f : funds)
        {
            if (f.key == fund)
            {
                return f.criteria.front();
            }
        }
        BOOST_FAIL("no fund");
        return funds.front().criteria.front();
    }
    std::size_t AuditCount() const { return ws->ListAudit().size(); }
};

struct CommandCase
{
    std::string name;
    std::string action;
    std::function<void(DemoFixture&)> run;
};

std::vector<CommandCase> CommandCases()
{
    return {
        {"AddFund", "add_fund",
         [](DemoFixture& f)
         {
             Fund fund;
             fund.name = "Small Sparks Fund";
             fund.budget_pence = 1'000'000;
             f.ws->AddFund(fund);
         }},
        {"SetFundBudget", "set_budget", [](DemoFixture& f) { f.ws->SetFundBudget(1, 9'000'000); }},
        {"AddPot", "add_pot",
         [](DemoFixture& f)
         {
             Pot pot;
             pot.name = "Young people";
             pot.minimum_pence = 500'000;
             pot.field = "Who will benefit";
             f.ws->AddPot(1, pot);
         }},
        {"AddCriterion", "add_criterion",
         [](DemoFixture& f)
         {
             Criterion c;
             c.ref = "reach";
             c.name = "Reach";
             c.weight_percent = 10;
             c.scale_min = 0;
             c.scale_max = 5;
             f.ws->AddCriterion(1, c);
         }},
        {"UpdateCriterion", "update_criterion",
         [](DemoFixture& f)
         {
             Criterion c = f.ws->ListFunds().front().criteria.front();
             c.guidance = "Plainer guidance.";
             f.ws->UpdateCriterion(c);
         }},
        {"AddMember", "add_member",
         [](DemoFixture& f)
         {
             Member m;
             m.ref = "M10";
             m.name = "Sam Taylor";
             m.role = Role::Carer;
             f.ws->AddMember(m);
         }},
        {"AddBid", "add_bid",
         [](DemoFixture& f)
         {
             Bid b;
             b.ref = "INN-099";
             b.organisation = "New Group";
             b.project_title = "New project";
             b.fund = 1;
             b.requested_pence = 100'000;
             f.ws->AddBid(b);
         }},
        {"SetEligibility", "set_eligibility",
         [](DemoFixture& f)
         { f.ws->SetEligibility(f.BidKey("INN-008"), Eligibility::Eligible, "Checked."); }},
        {"DeclareInterest", "declare_interest",
         [](DemoFixture& f)
         {
             Interest i;
             i.member = f.MemberKey("M01");
             i.bid = f.BidKey("INN-005");
             i.type = InterestType::Financial;
             i.rule = InterestRule::NoScoreNoSee;
             f.ws->DeclareInterest(i);
         }},
        {"RecordScore", "record_score",
         [](DemoFixture& f)
         {
             const Key bid = f.BidKey("INN-010");
             f.ws->RecordScore(bid, f.MemberKey("M06"), f.FirstCriterion(bid).key, 3);
         }},
        {"SaveSheetNotes", "save_sheet_notes",
         [](DemoFixture& f)
         {
             core::SheetNotes notes;
             notes.bid = f.BidKey("INN-010");
             notes.member = f.MemberKey("M06");
             notes.strengths = "Clear plan.";
             f.ws->SaveSheetNotes(notes);
         }},
        {"SubmitSheet", "submit_sheet",
         [](DemoFixture& f) { f.ws->SubmitSheet(f.BidKey("INN-001"), f.MemberKey("M06")); }},
        {"RecordModeratedScore", "record_moderated_score",
         [](DemoFixture& f)
         {
             ModeratedScore m;
             m.bid = f.BidKey("INN-006");
             m.member = f.MemberKey("M02");
             m.criterion = f.FirstCriterion(m.bid).key;
             m.value = 3;
             m.reason = "Heard from Deaf members in the meeting.";
             f.ws->RecordModeratedScore(m);
         }},
        {"SetDecision", "set_decision",
         [](DemoFixture& f)
         {
             Decision d;
             d.bid = f.BidKey("INN-004");
             d.kind = DecisionKind::FundWithConditions;
             d.conditions = "A named nurse on call each Friday.";
             f.ws->SetDecision(d);
         }},
        {"LockFund", "lock_fund", [](DemoFixture& f) { f.ws->LockFund(2); }},
        {"RecordTieBreak", "record_tie_break",
         [](DemoFixture& f)
         {
             TieBreak t;
             t.fund = 1;
             t.order = {f.BidKey("INN-011"), f.BidKey("INN-007")};
             t.by_lottery = true;
             t.seed = 42;
             f.ws->RecordTieBreak(t);
         }},
        {"SetPolicy", "set_policy",
         [](DemoFixture& f)
         {
             Policy p = f.ws->GetPolicy();
             p.rank_by = RankBasis::Median;
             f.ws->SetPolicy(p);
         }},
        {"SetProtectiveMarking", "set_protective_marking",
         [](DemoFixture& f) { f.ws->SetProtectiveMarking("OFFICIAL-SENSITIVE"); }},
        {"Import", "import",
         [](DemoFixture& f)
         {
             core::ImportBatch batch;
             batch.source = "test";
             Member m;
             m.key = 50;
             m.ref = "M50";
             m.name = "Imported Member";
             m.role = Role::Councillor;
             batch.members.push_back(m);
             f.ws->Import(batch);
         }},
    };
}

/// The key of the member NewMemberScoreBatch adds.
constexpr Key kNewMember = 70;

/// A batch that adds a member and their one score on an existing bid, its sheet derived. The
/// member has no score anywhere yet, so only the rule a test breaks can refuse the batch.
core::ImportBatch NewMemberScoreBatch(Key bid, Key criterion, int value)
{
    core::ImportBatch batch;
    batch.source = "test";
    Member member;
    member.key = kNewMember;
    member.ref = "M70";
    member.name = "New Member";
    batch.members.push_back(member);
    Score s;
    s.bid = bid;
    s.member = kNewMember;
    s.criterion = criterion;
    s.value = static_cast<std::int16_t>(value);
    batch.scores.push_back(s);
    batch.derive_sheets = true;
    return batch;
}

/// An interest of the batch's new member in `bid` that bars them from scoring it.
Interest BarringInterest(Key bid)
{
    Interest interest;
    interest.member = kNewMember;
    interest.bid = bid;
    interest.rule = InterestRule::NoScoreNoSee;
    return interest;
}

} // namespace

BOOST_AUTO_TEST_SUITE(workspace)

BOOST_AUTO_TEST_CASE(EveryCommandWritesExactlyOneAuditEntry)
{
    for (const CommandCase& c : CommandCases())
    {
        BOOST_TEST_CONTEXT(c.name)
        {
            DemoFixture f;
            const auto before = f.ws->ListAudit();
            int events = 0;
            const auto subscription =
                f.ws->Subscribe([&events](const core::ChangeEvent&) { ++events; });
            c.run(f);
            const auto after = f.ws->ListAudit();
            BOOST_TEST(after.size() == before.size() + 1);
            BOOST_TEST(after.back().action == c.action);
            BOOST_TEST(after.back().actor.rfind("officer:", 0) == 0U);
            BOOST_TEST(events == 1);
            BOOST_TEST(f.ws->Verify().Ok());
        }
    }
}

BOOST_AUTO_TEST_CASE(UnlockNeedsAnOfficerAndAReason)
{
    DemoFixture f;
    f.ws->LockFund(1);
    const auto before = f.AuditCount();
    f.ws->SetActor({"M04", false});
    BOOST_CHECK_THROW(f.ws->UnlockFund(1, "Recount"), core::CommandError);
    f.ws->SetActor(core::CurrentOfficer());
    BOOST_CHECK_THROW(f.ws->UnlockFund(1, "   "), core::CommandError);
    BOOST_TEST(f.AuditCount() == before);
    f.ws->UnlockFund(1, "Budget corrected by finance");
    BOOST_TEST(!f.ws->IsFundLocked(1));
    BOOST_TEST(f.ws->ListAudit().back().detail.find("Budget corrected") != std::string::npos);
}

struct RefusedCommand
{
    std::string name;
    std::function<void(DemoFixture&)> run;
};

BOOST_AUTO_TEST_CASE(RefusedCommandsChangeNothing)
{
    const std::vector<RefusedCommand> cases{
        {"ScoreOutsideTheScale",
         [](DemoFixture& f)
         {
             const Key bid = f.BidKey("INN-010");
             f.ws->RecordScore(bid, f.MemberKey("M06"), f.FirstCriterion(bid).key, 6);
         }},
        {"ScoreFromAConflictedMember",
         [](DemoFixture& f)
         {
             const Key bid = f.BidKey("SUS-007");
             f.ws->RecordScore(bid, f.MemberKey("M02"), f.FirstCriterion(bid).key, 3);
         }},
        {"ScoreFromAnAdvisingOfficer",
         [](DemoFixture& f)
         {
             const Key bid = f.BidKey("INN-001");
             f.ws->RecordScore(bid, f.MemberKey("M09"), f.FirstCriterion(bid).key, 3);
         }},
        {"ChangeToASubmittedSheet",
         [](DemoFixture& f)
         {
             const Key bid = f.BidKey("INN-001");
             f.ws->RecordScore(bid, f.MemberKey("M01"), f.FirstCriterion(bid).key, 1);
         }},
        {"CriterionOfAnotherFund",
         [](DemoFixture& f)
         {
             const Key bid = f.BidKey("INN-010");
             const Key other = f.FirstCriterion(f.BidKey("SUS-001")).key;
             f.ws->RecordScore(bid, f.MemberKey("M06"), other, 3);
         }},
        {"ModerationWithoutReason",
         [](DemoFixture& f)
         {
             ModeratedScore m;
             m.bid = f.BidKey("INN-006");
             m.member = f.MemberKey("M02");
             m.criterion = f.FirstCriterion(m.bid).key;
             m.value = 3;
             m.reason = " ";
             f.ws->RecordModeratedScore(m);
         }},
        {"ReducedAwardAboveRequest",
         [](DemoFixture& f)
         {
             Decision d;
             d.bid = f.BidKey("INN-004");
             d.kind = DecisionKind::FundReduced;
             d.award_pence = 2'000'000;
             d.reason = "Too much";
             f.ws->SetDecision(d);
         }},
        {"RejectWithoutReason",
         [](DemoFixture& f)
         {
             Decision d;
             d.bid = f.BidKey("INN-004");
             d.kind = DecisionKind::Reject;
             f.ws->SetDecision(d);
         }},
        {"DecisionInALockedFund",
         [](DemoFixture& f)
         {
             f.ws->LockFund(1);
             Decision d;
             d.bid = f.BidKey("INN-004");
             d.kind = DecisionKind::FundInFull;
             f.ws->SetDecision(d);
         }},
        {"DuplicateInterest",
         [](DemoFixture& f)
         {
             Interest i;
             i.member = f.MemberKey("M05");
             i.bid = f.BidKey("INN-004");
             f.ws->DeclareInterest(i);
         }},
        {"ImportWithAClashingKey",
         [](DemoFixture& f)
         {
             core::ImportBatch batch;
             Member fresh;
             fresh.key = 60;
             fresh.ref = "M60";
             fresh.name = "Fine";
             Member clash;
             clash.key = 1; // already M01: the whole batch must be refused
             clash.ref = "M61";
             clash.name = "Clash";
             batch.members = {fresh, clash};
             f.ws->Import(batch);
         }},
        // Bulk imports check the scores' trigger rules and the foreign keys once per batch
        // (bulk_checks.hpp): each rule must still refuse the whole batch.
        {"ImportScoreFromAMemberWithAnInterest",
         [](DemoFixture& f)
         {
             const Key bid = f.BidKey("INN-004");
             core::ImportBatch batch = NewMemberScoreBatch(bid, f.FirstCriterion(bid).key, 3);
             batch.interests.push_back(BarringInterest(bid));
             f.ws->Import(batch);
         }},
        {"ImportScoreOutsideTheScale",
         [](DemoFixture& f)
         {
             const Key bid = f.BidKey("INN-010");
             const Criterion& c = f.FirstCriterion(bid);
             f.ws->Import(NewMemberScoreBatch(bid, c.key, static_cast<int>(c.scale_max + 1)));
         }},
        {"ImportScoreWithACriterionOfAnotherFund",
         [](DemoFixture& f)
         {
             const Key other = f.FirstCriterion(f.BidKey("SUS-001")).key;
             f.ws->Import(NewMemberScoreBatch(f.BidKey("INN-010"), other, 3));
         }},
        {"ImportScoreForABidNotInTheRound",
         [](DemoFixture& f)
         {
             const Key bid = f.BidKey("INN-010");
             f.ws->Import(NewMemberScoreBatch(9999, f.FirstCriterion(bid).key, 3));
         }},
        {"ImportScoreFromAMemberNotInTheRound",
         [](DemoFixture& f)
         {
             const Key bid = f.BidKey("INN-010");
             core::ImportBatch batch = NewMemberScoreBatch(bid, f.FirstCriterion(bid).key, 3);
             batch.scores[0].member = 9999;
             f.ws->Import(batch);
         }},
        {"ImportBidOfAFundNotInTheRound",
         [](DemoFixture& f)
         {
             core::ImportBatch batch;
             Bid b;
             b.key = 500;
             b.ref = "NEW-500";
             b.fund = 77;
             b.organisation = "Org";
             b.project_title = "Project";
             batch.bids.push_back(b);
             f.ws->Import(batch);
         }},
    };
    for (const RefusedCommand& c : cases)
    {
        BOOST_TEST_CONTEXT(c.name)
        {
            DemoFixture f;
            const auto scores_before = f.ws->LoadRound().scores.size();
            BOOST_CHECK_THROW(c.run(f), coscore::Error);
            // A command refused inside the lock case ran LockFund first: one entry at most.
            const auto round = f.ws->LoadRound();
            BOOST_TEST(round.scores.size() == scores_before);
            BOOST_TEST(round.members.size() == 9U);
            BOOST_TEST(round.decisions.empty());
            BOOST_TEST(round.moderated.empty());
            BOOST_TEST(f.ws->Verify().Ok());
        }
    }
}

BOOST_AUTO_TEST_CASE(RefusalWritesNoAuditEntry)
{
    DemoFixture f;
    const auto before = f.AuditCount();
    const Key bid = f.BidKey("SUS-007");
    BOOST_CHECK_THROW(f.ws->RecordScore(bid, f.MemberKey("M02"), f.FirstCriterion(bid).key, 3),
                      core::CommandError);
    BOOST_TEST(f.AuditCount() == before);
}

BOOST_AUTO_TEST_CASE(MissingScoreIsStoredWithAReasonNotZero)
{
    DemoFixture f;
    const Key bid = f.BidKey("INN-010");
    const Key member = f.MemberKey("M06");
    const Key criterion = f.FirstCriterion(bid).key;
    f.ws->RecordScore(bid, member, criterion, std::nullopt, MissingReason::Abstained);
    const core::SheetView view = f.ws->GetSheet(bid, member);
    BOOST_TEST(!view.scores.front().value.has_value());
    BOOST_TEST(view.scores.front().missing == MissingReason::Abstained);
    core::sqlite::Database raw(f.path, core::sqlite::OpenFlags::ReadOnly);
    auto st = raw.Prepare("SELECT value IS NULL, missing_reason FROM scores WHERE bid_id = ?1 "
                          "AND member_id = ?2 AND criterion_id = ?3");
    st.Bind(1, bid).Bind(2, member).Bind(3, criterion);
    BOOST_TEST_REQUIRE(st.Step());
    BOOST_TEST(st.Int(0) == 1);
    BOOST_TEST(st.Text(1) == "abstained");
}

BOOST_AUTO_TEST_CASE(SheetStatusFollowsTheScores)
{
    DemoFixture f;
    const Key bid = f.BidKey("INN-012");
    const Key member = f.MemberKey("M06");
    BOOST_TEST(f.ws->GetSheet(bid, member).sheet.status == SheetStatus::NotStarted);
    const auto criteria = f.ws->ListFunds().front().criteria;
    f.ws->RecordScore(bid, member, criteria[0].key, 4);
    BOOST_TEST(f.ws->GetSheet(bid, member).sheet.status == SheetStatus::InProgress);
    for (const Criterion& c : criteria)
    {
        f.ws->RecordScore(bid, member, c.key, 3);
    }
    BOOST_TEST(f.ws->GetSheet(bid, member).sheet.status == SheetStatus::Complete);
}

BOOST_AUTO_TEST_CASE(LateInterestExcludesExistingScores)
{
    DemoFixture f;
    const Key bid = f.BidKey("INN-001");
    const Key member = f.MemberKey("M03");
    Interest i;
    i.member = member;
    i.bid = bid;
    i.type = InterestType::EmployeeOrTrustee;
    i.rule = InterestRule::NoScoreNoSee;
    f.ws->DeclareInterest(i);
    for (const Score& s : f.ws->GetSheet(bid, member).scores)
    {
        BOOST_TEST(!s.value.has_value());
        BOOST_TEST(s.missing == MissingReason::Interest);
    }
    const auto bids = f.ws->ListBidsForMember(member);
    BOOST_TEST(
        std::none_of(bids.begin(), bids.end(), [bid](const Bid& b) { return b.key == bid; }));
    BOOST_TEST(f.ws->ListAudit().back().detail.find("\"scores_excluded\":5") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(ChangeEventsStopWhenTheSubscriptionEnds)
{
    DemoFixture f;
    int events = 0;
    {
        const auto subscription =
            f.ws->Subscribe([&events](const core::ChangeEvent&) { ++events; });
        f.ws->SetProtectiveMarking("OFFICIAL");
    }
    f.ws->SetProtectiveMarking("");
    BOOST_TEST(events == 1);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(audit_chain)

// Edits a row behind CoScore's back: drop the append-only trigger, change, put it back exactly.
void TamperWithAudit(const std::string& path, const std::string& sql)
{
    core::sqlite::Database db(path, core::sqlite::OpenFlags::ReadWrite);
    auto st = db.Prepare("SELECT sql FROM sqlite_schema WHERE name = ?1");
    std::vector<std::string> triggers;
    for (const char* name : {"audit_log_no_update", "audit_log_no_delete"})
    {
        st.Bind(1, name);
        BOOST_TEST_REQUIRE(st.Step());
        triggers.push_back(st.Text(0));
        st.Reset();
    }
    db.Execute("DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;");
    db.Execute(sql);
    for (const auto& t : triggers)
    {
        db.Execute(t);
    }
}

BOOST_AUTO_TEST_CASE(AppendOnlyTriggersRefuseUpdateAndDelete)
{
    TempDir dir;
    const std::string path = dir.File("demo.coscore");
    core::CreateDemoRound(path);
    core::sqlite::Database db(path, core::sqlite::OpenFlags::ReadWrite);
    BOOST_CHECK_THROW(db.Execute("UPDATE audit_log SET actor = 'x' WHERE seq = 1"),
                      core::StorageError);
    BOOST_CHECK_THROW(db.Execute("DELETE FROM audit_log WHERE seq = 2"), core::StorageError);
}

BOOST_AUTO_TEST_CASE(LoadingForScoringKeepsOnlySheetsAskingForAnExplanationAndTheSameResult)
{
    DemoFixture f;
    // One sheet asks for an explanation, so that there is one to keep.
    core::SheetNotes notes;
    notes.bid = f.BidKey("INN-006");
    notes.member = f.MemberKey("M02");
    notes.strengths = "Clear plan";
    notes.needs_explaining = true;
    f.ws->SaveSheetNotes(notes);
    const RoundData everything = f.ws->LoadRound();
    const RoundData for_scoring = f.ws->LoadRound(core::Workspace::Load::ForScoring);
    BOOST_TEST(everything.sheets.size() > for_scoring.sheets.size());
    BOOST_TEST(!for_scoring.sheets.empty());
    for (const ScoreSheet& s : for_scoring.sheets)
    {
        BOOST_TEST(s.needs_explaining);
    }
    BOOST_TEST(for_scoring.scores.size() == everything.scores.size());
    const ReconcileResult a = Reconcile(everything);
    const ReconcileResult b = Reconcile(for_scoring);
    BOOST_REQUIRE(a.funds.size() == b.funds.size());
    for (std::size_t fi = 0; fi < a.funds.size(); ++fi)
    {
        BOOST_REQUIRE(a.funds[fi].bids.size() == b.funds[fi].bids.size());
        for (std::size_t i = 0; i < a.funds[fi].bids.size(); ++i)
        {
            const BidResult& x = a.funds[fi].bids[i];
            const BidResult& y = b.funds[fi].bids[i];
            BOOST_TEST(x.bid == y.bid);
            BOOST_TEST(x.rank == y.rank);
            BOOST_TEST((x.figures.mean == y.figures.mean));
            BOOST_TEST(x.award_pence == y.award_pence);
            BOOST_TEST(x.flags.size() == y.flags.size());
        }
    }
}

BOOST_AUTO_TEST_CASE(BulkImportRefusesWhatTheScoreTriggerRefusesAndKeepsTheTrigger)
{
    DemoFixture f;
    const Key bid = f.BidKey("INN-004");
    const Criterion criterion = f.FirstCriterion(bid);
    const auto refused_with = [&](const core::ImportBatch& batch, const std::string& words)
    {
        BOOST_TEST_CONTEXT(words)
        {
            BOOST_CHECK_EXCEPTION(f.ws->Import(batch), core::CommandError,
                                  [&](const core::CommandError& e) {
                                      return std::string(e.what()).find(words) != std::string::npos;
                                  });
        }
    };
    core::ImportBatch batch = NewMemberScoreBatch(bid, criterion.key, criterion.scale_max);
    batch.interests.push_back(BarringInterest(bid));
    refused_with(batch, "declared an interest");
    batch.interests.clear();
    batch.scores[0].value = static_cast<std::int16_t>(criterion.scale_max + 1);
    refused_with(batch, "outside its criterion's scale");
    batch.scores[0].value = static_cast<std::int16_t>(criterion.scale_min);
    batch.scores[0].criterion = f.FirstCriterion(f.BidKey("SUS-001")).key;
    refused_with(batch, "not on its bid's scoring form");
    batch.scores[0].criterion = criterion.key;
    batch.scores[0].bid = 9999;
    refused_with(batch, "not in the round");

    // The per-row guards are back after refusals and after an import that succeeds.
    batch.scores[0].bid = bid;
    f.ws->Import(batch);
    BOOST_TEST(f.ws->Verify().Ok());
    f.ws.reset();
    core::sqlite::Database db(f.path, core::sqlite::OpenFlags::ReadWrite);
    // Only the trigger refuses a value of 999 (the CHECK constraints allow any whole number).
    BOOST_CHECK_EXCEPTION(
        db.Execute("INSERT INTO scores (bid_id, member_id, criterion_id, value) "
                   "VALUES (" +
                   std::to_string(bid) + ", " + std::to_string(kNewMember) + ", " +
                   std::to_string(criterion.key + 1) + ", 999)"),
        core::StorageError,
        [](const core::StorageError& e)
        { return std::string(e.what()).find("score refused") != std::string::npos; });
    auto reopened = core::Workspace::Open(f.path); // the schema check: the trigger is as it was
    BOOST_TEST(reopened->LoadRound().scores.size() > 0U);
}

BOOST_AUTO_TEST_CASE(BulkImportWritesScoresAndSheetsThatKeepEveryCheckConstraint)
{
    // The bulk write skips the CHECK constraints of scores and score_sheets (bulk_checks.hpp);
    // integrity_check evaluates every CHECK of the file, so it proves the rows keep them.
    DemoFixture f;
    const Key bid = f.BidKey("INN-004");
    const Criterion first = f.FirstCriterion(bid);
    core::ImportBatch batch = NewMemberScoreBatch(bid, first.key, first.scale_max);
    const std::vector<MissingReason> reasons{MissingReason::None, MissingReason::NotYet,
                                             MissingReason::Interest, MissingReason::Absent,
                                             MissingReason::Abstained};
    for (std::size_t i = 1; i < reasons.size(); ++i)
    {
        Score s = batch.scores.front();
        s.criterion = first.key + static_cast<Key>(i);
        s.value.reset();
        s.missing = reasons[i];
        batch.scores.push_back(s);
    }
    const std::vector<std::string> others{"INN-005", "INN-006", "INN-007", "INN-008"};
    const std::vector<SheetStatus> statuses{SheetStatus::NotStarted, SheetStatus::InProgress,
                                            SheetStatus::Complete, SheetStatus::Submitted};
    for (std::size_t i = 0; i < others.size(); ++i)
    {
        ScoreSheet sheet;
        sheet.bid = f.BidKey(others[i]);
        sheet.member = kNewMember;
        sheet.status = statuses[i];
        sheet.strengths = "Strength " + std::to_string(i);
        sheet.needs_explaining = i % 2 == 1;
        batch.sheets.push_back(sheet);
    }
    f.ws->Import(batch);
    f.ws.reset();

    // Writable: on a read-only connection integrity_check skips the CHECK constraints.
    core::sqlite::Database db(f.path, core::sqlite::OpenFlags::ReadWrite);
    auto check = db.Prepare("PRAGMA integrity_check");
    BOOST_TEST_REQUIRE(check.Step());
    BOOST_TEST(check.Text(0) == "ok");
    auto scores = db.Prepare("SELECT value, coalesce(missing_reason, '') FROM scores "
                             "WHERE member_id = ?1 ORDER BY criterion_id");
    scores.Bind(1, kNewMember);
    const std::vector<std::string> stored{"", "not_yet", "interest", "absent", "abstained"};
    for (std::size_t i = 0; i < stored.size(); ++i)
    {
        BOOST_TEST_REQUIRE(scores.Step());
        BOOST_TEST(scores.Text(1) == stored[i]);
        BOOST_TEST(scores.OptionalInt64(0).has_value() == (i == 0));
    }
    BOOST_TEST(!scores.Step());
    auto sheets = db.Prepare("SELECT status, strengths, needs_explaining FROM score_sheets "
                             "WHERE member_id = ?1 AND bid_id <> ?2 ORDER BY bid_id");
    sheets.Bind(1, kNewMember).Bind(2, bid);
    for (std::size_t i = 0; i < statuses.size(); ++i)
    {
        BOOST_TEST_REQUIRE(sheets.Step());
        BOOST_TEST(sheets.Text(0) == ToString(statuses[i]));
        BOOST_TEST(sheets.Text(1) == "Strength " + std::to_string(i));
        BOOST_TEST(sheets.Int64(2) == (i % 2 == 1 ? 1 : 0));
    }
}

BOOST_AUTO_TEST_CASE(BulkImportRefusesAStatusOrReasonTheCheckConstraintsWouldRefuse)
{
    DemoFixture f;
    const Key bid = f.BidKey("INN-004");
    const Criterion criterion = f.FirstCriterion(bid);
    const auto scores_before = f.ws->LoadRound().scores.size();
    core::ImportBatch bad_reason = NewMemberScoreBatch(bid, criterion.key, criterion.scale_max);
    bad_reason.scores[0].value.reset();
    bad_reason.scores[0].missing = static_cast<MissingReason>(42);
    core::ImportBatch bad_status = NewMemberScoreBatch(bid, criterion.key, criterion.scale_max);
    ScoreSheet sheet;
    sheet.bid = f.BidKey("INN-005");
    sheet.member = kNewMember;
    sheet.status = static_cast<SheetStatus>(42);
    bad_status.sheets.push_back(sheet);
    for (const core::ImportBatch* batch : {&bad_reason, &bad_status})
    {
        BOOST_CHECK_EXCEPTION(
            f.ws->Import(*batch), core::CommandError,
            [](const core::CommandError& e)
            { return std::string(e.what()).find("does not know") != std::string::npos; });
    }
    BOOST_TEST(f.ws->LoadRound().scores.size() == scores_before);
    BOOST_TEST(f.ws->Verify().Ok());
}

BOOST_AUTO_TEST_CASE(SuspendedCheckConstraintsComeBackHoweverTheWriteEnds)
{
    TempDir dir;
    core::sqlite::Database db(dir.File("checks.db"), core::sqlite::OpenFlags::Create);
    db.Execute("CREATE TABLE t (reason TEXT CHECK (reason IN ('a', 'b', 'c'))) STRICT");
    const std::string bad = "INSERT INTO t VALUES ('not a reason')";
    BOOST_CHECK_THROW(db.Execute(bad), core::StorageError);
    {
        const core::detail::CheckConstraintsSuspended suspended(db);
        db.Execute(bad); // really suspended: the CHECK would refuse it
    }
    BOOST_CHECK_THROW(db.Execute(bad), core::StorageError);
    std::optional<core::sqlite::Statement> prepared_while_suspended;
    try
    {
        const core::detail::CheckConstraintsSuspended suspended(db);
        prepared_while_suspended.emplace(db.Prepare(bad));
        throw std::runtime_error("the write failed");
    }
    catch (const std::runtime_error&)
    {
    }
    // Back after an exception, and a statement compiled without the CHECK is recompiled.
    BOOST_CHECK_THROW(db.Execute(bad), core::StorageError);
    BOOST_CHECK_THROW(prepared_while_suspended->Run(), core::StorageError);
    auto count = db.Prepare("SELECT count(*) FROM t");
    BOOST_TEST_REQUIRE(count.Step());
    BOOST_TEST(count.Int64(0) == 1);
}

struct TamperCase
{
    std::string name;
    std::string sql;
    std::int64_t first_broken;
};

BOOST_AUTO_TEST_CASE(VerifyFindsTheFirstTamperedEntry)
{
    const std::vector<TamperCase> cases{
        {"ChangedDetail", "UPDATE audit_log SET detail = '{\"scores\":0}' WHERE seq = 4", 4},
        {"ChangedActor", "UPDATE audit_log SET actor = 'officer:mallory' WHERE seq = 2", 2},
        {"DeletedEntry", "DELETE FROM audit_log WHERE seq = 3", 3},
        {"ChangedHashToMatch", "UPDATE audit_log SET hash = zeroblob(32) WHERE seq = 5", 5},
    };
    for (const TamperCase& c : cases)
    {
        BOOST_TEST_CONTEXT(c.name)
        {
            TempDir dir;
            const std::string path = dir.File("demo.coscore");
            core::CreateDemoRound(path);
            TamperWithAudit(path, c.sql);
            const auto ws = core::Workspace::Open(path);
            const core::VerifyReport report = ws->Verify();
            BOOST_TEST(!report.Ok());
            BOOST_TEST_REQUIRE(report.audit.first_broken_seq.has_value());
            BOOST_TEST(*report.audit.first_broken_seq == c.first_broken);
        }
    }
}

BOOST_AUTO_TEST_CASE(IntactChainVerifiesWithAStableHead)
{
    TempDir dir;
    const auto ws = core::CreateDemoRound(dir.File("demo.coscore"));
    const auto first = ws->Verify();
    BOOST_TEST(first.Ok());
    BOOST_TEST(first.audit.head_hash_hex.size() == 64U);
    BOOST_TEST(ws->Verify().audit.head_hash_hex == first.audit.head_hash_hex);
    ws->SetProtectiveMarking("OFFICIAL");
    BOOST_TEST(ws->Verify().audit.head_hash_hex != first.audit.head_hash_hex);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(backups)

BOOST_AUTO_TEST_CASE(RotatedBackupsAreWholeRoundsAndOnlyTheNewestAreKept)
{
    TempDir dir;
    const auto ws = core::CreateDemoRound(dir.File("grants.coscore"));
    const std::string folder = dir.File("backups");
    std::vector<std::string> made;
    for (int i = 0; i < 4; ++i)
    {
        ws->SetProtectiveMarking("OFFICIAL " + std::to_string(i));
        made.push_back(ws->RotateBackup(folder, 3));
    }
    std::vector<std::string> kept;
    for (const auto& entry : std::filesystem::directory_iterator(folder))
    {
        kept.push_back(entry.path().string());
    }
    std::sort(kept.begin(), kept.end());
    BOOST_TEST(kept.size() == 3U);
    BOOST_TEST(!std::filesystem::exists(made.front()));
    // The newest backup opens as a round, passes every check and holds the latest change.
    core::OpenOptions read_only;
    read_only.read_only = true;
    const auto restored = core::Workspace::Open(made.back(), read_only);
    BOOST_TEST(restored->Verify().Ok());
    BOOST_TEST(restored->GetRoundInfo().protective_marking == "OFFICIAL 3");
    BOOST_TEST(restored->LoadRound().scores.size() == ws->LoadRound().scores.size());
}

BOOST_AUTO_TEST_CASE(BackupIntoAnUnwritableFolderSaysSoAndKeepsTheRound)
{
    TempDir dir;
    const auto ws = core::CreateDemoRound(dir.File("grants.coscore"));
    BOOST_CHECK_THROW(ws->RotateBackup("/proc/coscore-backups"), core::StorageError);
    BOOST_TEST(ws->Verify().Ok());
}

BOOST_AUTO_TEST_SUITE_END()
