// SPDX-License-Identifier: MIT
// Workspace life cycle, change events and the commands. Each command validates first, with a
// message that says what to do, then writes its rows and one audit entry in one transaction.
#include "../sqlite/database.hpp"
#include "audit_chain.hpp"
#include "row_writers.hpp"
#include "workspace_detail.hpp"
#include "workspace_execute.hpp"

#include <coscore/core/json.hpp>
#include <coscore/core/policy_settings.hpp>
#include <coscore/core/workspace.hpp>

#include <pwd.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <ctime>
#include <map>
#include <set>

namespace coscore::core
{

using namespace scoring;

struct Workspace::Subscribers
{
    std::map<int, std::function<void(const ChangeEvent&)>> handlers;
    int next_id = 0;
};

using namespace detail;

namespace
{

struct BidContext
{
    Key fund = 0;
    std::string ref;
    Pence requested = 0;
};

BidContext RequireBid(sqlite::Database& db, Key bid)
{
    auto st = db.Prepare("SELECT fund_id, ref, requested_pence FROM bids WHERE id = ?1");
    st.Bind(1, bid);
    if (!st.Step())
    {
        throw CommandError("There is no bid with key " + std::to_string(bid) + " in this round.");
    }
    return {static_cast<Key>(st.Int64(0)), st.Text(1), st.Int64(2)};
}

struct MemberContext
{
    std::string ref;
    bool scores = false;
    Role role = Role::PersonUsingServices;
};

MemberContext RequireMember(sqlite::Database& db, Key member)
{
    auto st = db.Prepare("SELECT ref, scores, role FROM members WHERE id = ?1");
    st.Bind(1, member);
    if (!st.Step())
    {
        throw CommandError("There is no panel member with key " + std::to_string(member) +
                           " in this round.");
    }
    return {st.Text(0), st.Int(1) != 0, ParseRole(st.Text(2)).value_or(Role::Officer)};
}

struct CriterionContext
{
    Key fund = 0;
    std::string name;
    int lo = 0;
    int hi = 0;
};

CriterionContext RequireCriterion(sqlite::Database& db, Key criterion)
{
    auto st = db.Prepare("SELECT fund_id, name, scale_min, scale_max FROM criteria WHERE id = ?1");
    st.Bind(1, criterion);
    if (!st.Step())
    {
        throw CommandError("There is no criterion with key " + std::to_string(criterion) +
                           " in this round.");
    }
    return {static_cast<Key>(st.Int64(0)), st.Text(1), st.Int(2), st.Int(3)};
}

std::string FundName(sqlite::Database& db, Key fund)
{
    auto st = db.Prepare("SELECT name FROM funds WHERE id = ?1");
    st.Bind(1, fund);
    if (!st.Step())
    {
        throw CommandError("There is no fund with key " + std::to_string(fund) + " in this round.");
    }
    return st.Text(0);
}

void RequireUnlocked(sqlite::Database& db, Key fund)
{
    if (detail::IsFundLocked(db, fund))
    {
        throw CommandError("The " + FundName(db, fund) +
                           " is locked, so its scores and decisions cannot change. An officer "
                           "can unlock it, giving a reason.");
    }
}

std::optional<InterestRule> InterestOf(sqlite::Database& db, Key member, Key bid)
{
    auto st = db.Prepare("SELECT rule FROM interests WHERE member_id = ?1 AND bid_id = ?2");
    st.Bind(1, member).Bind(2, bid);
    if (st.Step())
    {
        return ParseInterestRule(st.Text(0));
    }
    return std::nullopt;
}

void RequireNoBarringInterest(sqlite::Database& db, Key member, Key bid)
{
    const auto rule = InterestOf(db, member, bid);
    if (rule && BarsScoring(*rule))
    {
        throw CommandError("This member has declared an interest in this bid, so they cannot "
                           "score it.");
    }
}

std::optional<int> CurrentScore(sqlite::Database& db, Key bid, Key member, Key criterion)
{
    auto st = db.Prepare(
        "SELECT value FROM scores WHERE bid_id = ?1 AND member_id = ?2 AND criterion_id = ?3");
    st.Bind(1, bid).Bind(2, member).Bind(3, criterion);
    if (st.Step() && !st.IsNull(0))
    {
        return st.Int(0);
    }
    return std::nullopt;
}

SheetStatus SheetStatusOf(sqlite::Database& db, Key bid, Key member)
{
    auto st = db.Prepare("SELECT status FROM score_sheets WHERE bid_id = ?1 AND member_id = ?2");
    st.Bind(1, bid).Bind(2, member);
    if (st.Step())
    {
        return ParseSheetStatus(st.Text(0)).value_or(SheetStatus::NotStarted);
    }
    return SheetStatus::NotStarted;
}

// A sheet is complete when every criterion of the fund has a value or a final reason.
SheetStatus DeriveSheetStatus(sqlite::Database& db, Key bid, Key member)
{
    auto st = db.Prepare(
        "SELECT count(*), count(s.criterion_id), "
        "sum(s.value IS NOT NULL OR s.missing_reason <> 'not_yet') "
        "FROM criteria c JOIN bids b ON b.fund_id = c.fund_id AND b.id = ?1 "
        "LEFT JOIN scores s ON s.bid_id = ?1 AND s.member_id = ?2 AND s.criterion_id = c.id");
    st.Bind(1, bid).Bind(2, member);
    st.Step();
    const auto criteria = st.Int64(0);
    const auto touched = st.Int64(1);
    const auto settled = st.IsNull(2) ? 0 : st.Int64(2);
    if (touched == 0)
    {
        return SheetStatus::NotStarted;
    }
    return settled == criteria ? SheetStatus::Complete : SheetStatus::InProgress;
}

void UpsertSheetStatus(sqlite::Database& db, Key bid, Key member, SheetStatus status,
                       const std::string& now)
{
    auto st = db.Prepare(
        "INSERT INTO score_sheets (bid_id, member_id, status, updated_at) VALUES (?1, ?2, ?3, ?4) "
        "ON CONFLICT (bid_id, member_id) DO UPDATE SET status = excluded.status, "
        "updated_at = excluded.updated_at");
    st.Bind(1, bid).Bind(2, member).Bind(3, ToString(status)).Bind(4, now).Run();
}

} // namespace

bool detail::IsFundLocked(sqlite::Database& db, Key fund)
{
    auto st = db.Prepare("SELECT locked FROM funds WHERE id = ?1");
    st.Bind(1, fund);
    return st.Step() && st.Int(0) != 0;
}

Actor CurrentOfficer()
{
    const char* user = std::getenv("USER");
    std::string login = user != nullptr ? user : "";
    if (login.empty())
    {
        const passwd* pw = getpwuid(getuid());
        login = pw != nullptr ? pw->pw_name : "unknown";
    }
    return {"officer:" + login, true};
}

std::string NowUtc()
{
    const std::time_t now = std::time(nullptr);
    std::tm utc{};
    gmtime_r(&now, &utc);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
    return text;
}

Workspace::Workspace(std::unique_ptr<RoundFile> file)
    : m_file(std::move(file)), m_actor(CurrentOfficer()), m_clock(&NowUtc),
      m_subscribers(std::make_shared<Subscribers>())
{
}

Workspace::~Workspace() = default;

std::unique_ptr<Workspace> Workspace::Create(const std::string& path, const std::string& title)
{
    RequireText(title, "the round a title");
    auto ws = std::unique_ptr<Workspace>(
        new Workspace(RoundFile::Create(path, Trimmed(title), NowUtc())));
    ws->Execute("create_round", {ChangeKind::Round, {}},
                [&](sqlite::Database&, JsonWriter& detail)
                { detail.Field("schema", CurrentSchemaVersion()); });
    return ws;
}

std::unique_ptr<Workspace> Workspace::Open(const std::string& path, const OpenOptions& options)
{
    return std::unique_ptr<Workspace>(new Workspace(RoundFile::Open(path, options)));
}

const std::string& Workspace::Path() const
{
    return m_file->Path();
}

bool Workspace::IsReadOnly() const
{
    return m_file->IsReadOnly();
}

std::string Workspace::Now() const
{
    return m_clock();
}

Subscription Workspace::Subscribe(std::function<void(const ChangeEvent&)> handler)
{
    const int id = m_subscribers->next_id++;
    m_subscribers->handlers.emplace(id, std::move(handler));
    std::weak_ptr<Subscribers> weak = m_subscribers;
    return Subscription(
        [weak, id]
        {
            if (auto subscribers = weak.lock())
            {
                subscribers->handlers.erase(id);
            }
        });
}

void Workspace::Publish(const ChangeEvent& event)
{
    // Copy first: a handler may unsubscribe (close its view) while we iterate.
    const auto handlers = m_subscribers->handlers;
    for (const auto& [id, handler] : handlers)
    {
        handler(event);
    }
}

Key Workspace::AddFund(const Fund& fund)
{
    RequireText(fund.name, "the fund a name");
    if (fund.budget_pence < 0)
    {
        throw CommandError("A fund's budget cannot be negative.");
    }
    std::for_each(fund.criteria.begin(), fund.criteria.end(), &ValidateCriterion);
    Key key = 0;
    Execute("add_fund", {ChangeKind::Funds, {}},
            [&](sqlite::Database& db, JsonWriter& detail)
            {
                key = InsertFundRows(db, fund, NextPosition(db, "funds"));
                std::int64_t position = 1;
                for (const Criterion& c : fund.criteria)
                {
                    InsertCriterion(db, key, c, position++);
                    InsertLevels(db, static_cast<Key>(db.LastInsertRowId()), c.descriptors);
                }
                for (const Pot& pot : fund.pots)
                {
                    InsertPot(db, key, pot);
                }
                detail.Field("fund", key).Field("budget_pence", fund.budget_pence);
                detail.Field("criteria", static_cast<int>(fund.criteria.size()));
            });
    return key;
}

void Workspace::SetFundBudget(Key fund, Pence budget)
{
    if (budget < 0)
    {
        throw CommandError("A fund's budget cannot be negative.");
    }
    Execute("set_budget", {ChangeKind::Funds, {fund}},
            [&](sqlite::Database& db, JsonWriter& detail)
            {
                RequireUnlocked(db, fund);
                auto old = db.Prepare("SELECT budget_pence FROM funds WHERE id = ?1");
                old.Bind(1, fund);
                if (!old.Step())
                {
                    throw CommandError("There is no such fund in this round.");
                }
                detail.Field("fund", fund).Field("old", old.Int64(0)).Field("new", budget);
                auto st = db.Prepare("UPDATE funds SET budget_pence = ?2 WHERE id = ?1");
                st.Bind(1, fund).Bind(2, budget).Run();
            });
}

Key Workspace::AddPot(Key fund, const Pot& pot)
{
    RequireText(pot.name, "the pot a name");
    Key key = 0;
    Execute("add_pot", {ChangeKind::Funds, {fund}},
            [&](sqlite::Database& db, JsonWriter& detail)
            {
                RequireUnlocked(db, fund);
                key = InsertPot(db, fund, pot);
                detail.Field("fund", fund).Field("pot", key);
                detail.Field("minimum_pence", pot.minimum_pence);
            });
    return key;
}

Key Workspace::AddCriterion(Key fund, const Criterion& criterion)
{
    ValidateCriterion(criterion);
    Key key = 0;
    Execute("add_criterion", {ChangeKind::Criteria, {fund}},
            [&](sqlite::Database& db, JsonWriter& detail)
            {
                RequireUnlocked(db, fund);
                auto pos = db.Prepare(
                    "SELECT coalesce(max(position), 0) + 1 FROM criteria WHERE fund_id = ?1");
                pos.Bind(1, fund);
                pos.Step();
                InsertCriterion(db, fund, criterion, pos.Int64(0));
                key = static_cast<Key>(db.LastInsertRowId());
                InsertLevels(db, key, criterion.descriptors);
                detail.Field("fund", fund).Field("criterion", key);
                detail.Field("weight", criterion.weight_percent);
            });
    return key;
}

void Workspace::UpdateCriterion(const Criterion& c)
{
    ValidateCriterion(c);
    Execute(
        "update_criterion", {ChangeKind::Criteria, {c.key}},
        [&](sqlite::Database& db, JsonWriter& detail)
        {
            const CriterionContext old = RequireCriterion(db, c.key);
            RequireUnlocked(db, old.fund);
            auto scored = db.Prepare("SELECT count(*) FROM scores WHERE criterion_id = ?1 AND "
                                     "value NOT BETWEEN ?2 AND ?3");
            scored.Bind(1, c.key).Bind(2, c.scale_min).Bind(3, c.scale_max);
            scored.Step();
            if (scored.Int64(0) > 0)
            {
                throw CommandError("Some scores for \"" + old.name +
                                   "\" fall outside the new scale; keep the scale, or ask "
                                   "members to rescore first.");
            }
            auto st = db.Prepare(
                "UPDATE criteria SET ref = ?2, name = ?3, question = ?4, guidance = ?5, "
                "easy_read = ?6, weight_percent = ?7, scale_min = ?8, scale_max = ?9, gate = ?10 "
                "WHERE id = ?1");
            st.Bind(1, c.key).Bind(2, c.ref).Bind(3, c.name).Bind(4, c.question);
            st.Bind(5, c.guidance).Bind(6, c.easy_read).Bind(7, c.weight_percent);
            st.Bind(8, c.scale_min).Bind(9, c.scale_max).Bind(10, c.gate).Run();
            auto clear = db.Prepare("DELETE FROM criterion_levels WHERE criterion_id = ?1");
            clear.Bind(1, c.key).Run();
            InsertLevels(db, c.key, c.descriptors);
            detail.Field("criterion", c.key).Field("weight", c.weight_percent);
            detail.Field("scale_min", c.scale_min).Field("scale_max", c.scale_max);
            detail.Key("gate").Optional(c.gate);
        });
}

Key Workspace::AddMember(const Member& member)
{
    RequireText(member.ref, "the member an id");
    RequireText(member.name, "the member a name");
    Key key = 0;
    Execute("add_member", {ChangeKind::Members, {}},
            [&](sqlite::Database& db, JsonWriter& detail)
            {
                key = InsertMember(db, member, NextPosition(db, "members"));
                detail.Field("member", key).Field("role", ToString(member.role));
                detail.Field("scores", member.scores).Field("chair", ToString(member.chair));
            });
    return key;
}

Key Workspace::AddBid(const Bid& bid)
{
    RequireText(bid.ref, "the bid a reference");
    if (bid.requested_pence < 0)
    {
        throw CommandError("The amount requested cannot be negative.");
    }
    Key key = 0;
    Execute("add_bid", {ChangeKind::Bids, {}},
            [&](sqlite::Database& db, JsonWriter& detail)
            {
                FundName(db, bid.fund);
                key = InsertBid(db, bid, NextPosition(db, "bids"));
                detail.Field("bid", key).Field("fund", bid.fund);
                detail.Field("requested_pence", bid.requested_pence);
            });
    return key;
}

void Workspace::SetEligibility(Key bid, Eligibility eligibility, const std::string& note)
{
    if (eligibility == Eligibility::Ineligible)
    {
        RequireText(note, "a note saying why the bid is not eligible");
    }
    Execute("set_eligibility", {ChangeKind::Bids, {bid}},
            [&](sqlite::Database& db, JsonWriter& detail)
            {
                RequireBid(db, bid);
                auto st = db.Prepare(
                    "UPDATE bids SET eligibility = ?2, eligibility_note = ?3 WHERE id = ?1");
                st.Bind(1, bid).Bind(2, ToString(eligibility)).Bind(3, note).Run();
                detail.Field("bid", bid).Field("eligibility", ToString(eligibility));
            });
}

void Workspace::DeclareInterest(const Interest& interest)
{
    Execute("declare_interest", {ChangeKind::Interests, {interest.bid}},
            [&](sqlite::Database& db, JsonWriter& detail)
            {
                RequireBid(db, interest.bid);
                RequireMember(db, interest.member);
                if (InterestOf(db, interest.member, interest.bid))
                {
                    throw CommandError("This interest has already been declared.");
                }
                Interest row = interest;
                if (row.declared_at.empty())
                {
                    row.declared_at = Now();
                }
                InsertInterest(db, row);
                int excluded = 0;
                if (BarsScoring(row.rule))
                {
                    // A late declaration excludes the member's existing scores for the bid.
                    auto st =
                        db.Prepare("UPDATE scores SET value = NULL, missing_reason = 'interest' "
                                   "WHERE bid_id = ?1 AND member_id = ?2 AND value IS NOT NULL");
                    st.Bind(1, row.bid).Bind(2, row.member).Run();
                    excluded = db.Changes();
                }
                detail.Field("member", row.member).Field("bid", row.bid);
                detail.Field("type", ToString(row.type)).Field("rule", ToString(row.rule));
                detail.Field("scores_excluded", excluded);
            });
}

void Workspace::RecordScore(Key bid, Key member, Key criterion, std::optional<int> value,
                            MissingReason missing)
{
    Execute("record_score", {ChangeKind::Scores, {bid}},
            [&](sqlite::Database& db, JsonWriter& detail)
            {
                const BidContext b = RequireBid(db, bid);
                const MemberContext m = RequireMember(db, member);
                const CriterionContext c = RequireCriterion(db, criterion);
                RequireUnlocked(db, b.fund);
                if (!m.scores)
                {
                    throw CommandError("This panel member advises and does not score.");
                }
                if (c.fund != b.fund)
                {
                    throw CommandError("\"" + c.name + "\" is not a criterion of this bid's fund.");
                }
                if (value && (*value < c.lo || *value > c.hi))
                {
                    throw CommandError("A score for \"" + c.name + "\" must be from " +
                                       std::to_string(c.lo) + " to " + std::to_string(c.hi) + ".");
                }
                if (value)
                {
                    RequireNoBarringInterest(db, member, bid);
                }
                if (SheetStatusOf(db, bid, member) == SheetStatus::Submitted)
                {
                    throw CommandError(
                        "These scores were submitted and are kept as the independent "
                        "scores. Changes in the meeting are recorded as moderated "
                        "scores, with a reason.");
                }
                const auto old = CurrentScore(db, bid, member, criterion);
                Score row{bid, member, criterion, std::nullopt, missing};
                if (value)
                {
                    row.value = static_cast<std::int16_t>(*value);
                    row.missing = MissingReason::None;
                }
                auto st = db.Prepare(kUpsertScore);
                WriteScoreRow(st, row);
                UpsertSheetStatus(db, bid, member, DeriveSheetStatus(db, bid, member), Now());
                detail.Field("bid", bid).Field("member", member).Field("criterion", criterion);
                detail.Key("old").Optional(old);
                detail.Key("new").Optional(value);
                if (!value)
                {
                    detail.Field("missing", ToString(row.missing));
                }
            });
}

void Workspace::SaveSheetNotes(const SheetNotes& notes)
{
    Execute("save_sheet_notes", {ChangeKind::Scores, {notes.bid}},
            [&](sqlite::Database& db, JsonWriter& detail)
            {
                const BidContext b = RequireBid(db, notes.bid);
                RequireMember(db, notes.member);
                RequireUnlocked(db, b.fund);
                const SheetStatus status = SheetStatusOf(db, notes.bid, notes.member);
                auto st = db.Prepare(
                    "INSERT INTO score_sheets (bid_id, member_id, status, strengths, concerns, "
                    "questions, needs_explaining, supported_by, updated_at) "
                    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) "
                    "ON CONFLICT (bid_id, member_id) DO UPDATE SET strengths = excluded.strengths, "
                    "concerns = excluded.concerns, questions = excluded.questions, "
                    "needs_explaining = excluded.needs_explaining, "
                    "supported_by = excluded.supported_by, updated_at = excluded.updated_at");
                st.Bind(1, notes.bid).Bind(2, notes.member).Bind(3, ToString(status));
                st.Bind(4, notes.strengths).Bind(5, notes.concerns).Bind(6, notes.questions);
                st.Bind(7, notes.needs_explaining ? 1 : 0).Bind(8, notes.supported_by);
                st.Bind(9, Now()).Run();
                detail.Field("bid", notes.bid).Field("member", notes.member);
                detail.Field("needs_explaining", notes.needs_explaining);
            });
}

void Workspace::SubmitSheet(Key bid, Key member)
{
    Execute("submit_sheet", {ChangeKind::Scores, {bid}},
            [&](sqlite::Database& db, JsonWriter& detail)
            {
                RequireBid(db, bid);
                RequireMember(db, member);
                UpsertSheetStatus(db, bid, member, SheetStatus::Submitted, Now());
                detail.Field("bid", bid).Field("member", member);
            });
}

void Workspace::RecordModeratedScore(const ModeratedScore& moderated)
{
    RequireText(moderated.reason, "a reason for the moderated score");
    Execute("record_moderated_score", {ChangeKind::Moderation, {moderated.bid}},
            [&](sqlite::Database& db, JsonWriter& detail)
            {
                const BidContext b = RequireBid(db, moderated.bid);
                RequireMember(db, moderated.member);
                const CriterionContext c = RequireCriterion(db, moderated.criterion);
                RequireUnlocked(db, b.fund);
                if (c.fund != b.fund)
                {
                    throw CommandError("\"" + c.name + "\" is not a criterion of this bid's fund.");
                }
                if (moderated.value && (*moderated.value < c.lo || *moderated.value > c.hi))
                {
                    throw CommandError("A score for \"" + c.name + "\" must be from " +
                                       std::to_string(c.lo) + " to " + std::to_string(c.hi) + ".");
                }
                RequireNoBarringInterest(db, moderated.member, moderated.bid);
                auto st =
                    db.Prepare("INSERT INTO moderated_scores (bid_id, member_id, criterion_id, "
                               "value, reason, recorded_by, recorded_at) "
                               "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
                st.Bind(1, moderated.bid).Bind(2, moderated.member).Bind(3, moderated.criterion);
                st.Bind(4, moderated.value).Bind(5, Trimmed(moderated.reason)).Bind(6, m_actor.id);
                st.Bind(7, Now()).Run();
                const auto independent =
                    CurrentScore(db, moderated.bid, moderated.member, moderated.criterion);
                detail.Field("bid", moderated.bid).Field("member", moderated.member);
                detail.Field("criterion", moderated.criterion);
                detail.Key("independent").Optional(independent);
                detail.Key("moderated").Optional(moderated.value);
                detail.Field("reason", Trimmed(moderated.reason));
            });
}

void Workspace::SetDecision(const Decision& decision)
{
    Execute(
        "set_decision", {ChangeKind::Decisions, {decision.bid}},
        [&](sqlite::Database& db, JsonWriter& detail)
        {
            const BidContext b = RequireBid(db, decision.bid);
            RequireUnlocked(db, b.fund);
            switch (decision.kind)
            {
            case DecisionKind::FundReduced:
                if (!decision.award_pence || *decision.award_pence <= 0 ||
                    *decision.award_pence >= b.requested)
                {
                    throw CommandError("A reduced award must be more than £0 and less than the "
                                       "amount requested.");
                }
                RequireText(decision.reason, "a reason for the reduced award");
                break;
            case DecisionKind::FundWithConditions:
                RequireText(decision.conditions, "the conditions of the award");
                break;
            case DecisionKind::Reject:
            case DecisionKind::Defer:
                RequireText(decision.reason, "a reason for the decision");
                break;
            case DecisionKind::FundInFull:
                break;
            }
            if (decision.status == DecisionStatus::Locked)
            {
                throw CommandError("Decisions are locked by locking the whole fund.");
            }
            const auto old = Workspace::GetDecision(decision.bid);
            const std::optional<Pence> award =
                decision.kind == DecisionKind::FundReduced ? decision.award_pence : std::nullopt;
            auto st = db.Prepare(
                "INSERT INTO decisions (bid_id, kind, award_pence, conditions, reason, feedback, "
                "status, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) "
                "ON CONFLICT (bid_id) DO UPDATE SET kind = excluded.kind, "
                "award_pence = excluded.award_pence, conditions = excluded.conditions, "
                "reason = excluded.reason, feedback = excluded.feedback, "
                "status = excluded.status, updated_at = excluded.updated_at");
            st.Bind(1, decision.bid).Bind(2, ToString(decision.kind)).Bind(3, award);
            st.Bind(4, decision.conditions).Bind(5, decision.reason).Bind(6, decision.feedback);
            st.Bind(7, ToString(decision.status)).Bind(8, Now()).Run();
            detail.Field("bid", decision.bid);
            detail.Field("old", old ? ToString(old->kind) : std::string_view("none"));
            detail.Field("new", ToString(decision.kind));
            detail.Field("status", ToString(decision.status));
            detail.Key("award_pence").Optional(award);
        });
}

void Workspace::LockFund(Key fund)
{
    Execute("lock_fund", {ChangeKind::Locks, {fund}},
            [&](sqlite::Database& db, JsonWriter& detail)
            {
                FundName(db, fund);
                RequireUnlocked(db, fund);
                auto st = db.Prepare("UPDATE funds SET locked = 1 WHERE id = ?1");
                st.Bind(1, fund).Run();
                auto decisions =
                    db.Prepare("UPDATE decisions SET status = 'locked' "
                               "WHERE bid_id IN (SELECT id FROM bids WHERE fund_id = ?1)");
                decisions.Bind(1, fund).Run();
                detail.Field("fund", fund).Field("decisions_locked", db.Changes());
            });
}

void Workspace::UnlockFund(Key fund, const std::string& reason)
{
    if (!m_actor.is_officer)
    {
        throw CommandError("Only an officer can unlock a fund.");
    }
    RequireText(reason, "a reason for unlocking the fund");
    Execute("unlock_fund", {ChangeKind::Locks, {fund}},
            [&](sqlite::Database& db, JsonWriter& detail)
            {
                FundName(db, fund);
                if (!detail::IsFundLocked(db, fund))
                {
                    throw CommandError("This fund is not locked.");
                }
                auto st = db.Prepare("UPDATE funds SET locked = 0 WHERE id = ?1");
                st.Bind(1, fund).Run();
                auto decisions =
                    db.Prepare("UPDATE decisions SET status = 'agreed' WHERE status = 'locked' "
                               "AND bid_id IN (SELECT id FROM bids WHERE fund_id = ?1)");
                decisions.Bind(1, fund).Run();
                detail.Field("fund", fund).Field("reason", Trimmed(reason));
            });
}

void Workspace::RecordTieBreak(const TieBreak& tie)
{
    if (tie.order.size() < 2)
    {
        throw CommandError("A tie needs at least two bids.");
    }
    if (!tie.by_lottery)
    {
        RequireText(tie.reason, "the reason for the chair's decision");
    }
    Execute("record_tie_break", {ChangeKind::TieBreaks, {tie.fund}},
            [&](sqlite::Database& db, JsonWriter& detail)
            {
                RequireUnlocked(db, tie.fund);
                std::set<Key> seen;
                for (Key bid : tie.order)
                {
                    if (RequireBid(db, bid).fund != tie.fund || !seen.insert(bid).second)
                    {
                        throw CommandError("Each tied bid must be named once and belong to "
                                           "the fund.");
                    }
                }
                auto st = db.Prepare("INSERT INTO tie_breaks (fund_id, by_lottery, seed, reason, "
                                     "recorded_by, recorded_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
                st.Bind(1, tie.fund).Bind(2, tie.by_lottery ? 1 : 0);
                st.Bind(3, static_cast<std::int64_t>(tie.seed)).Bind(4, Trimmed(tie.reason));
                st.Bind(5, m_actor.id).Bind(6, Now()).Run();
                const auto id = db.LastInsertRowId();
                auto bids = db.Prepare("INSERT INTO tie_break_bids (tie_break_id, position, "
                                       "bid_id) VALUES (?1, ?2, ?3)");
                int position = 1;
                detail.Field("fund", tie.fund).Field("by_lottery", tie.by_lottery);
                detail.Field("seed", static_cast<std::int64_t>(tie.seed));
                detail.Key("order").BeginArray();
                for (Key bid : tie.order)
                {
                    bids.Bind(1, id).Bind(2, position++).Bind(3, bid).Run();
                    detail.Int(bid);
                }
                detail.EndArray();
            });
}

void Workspace::SetPolicy(const Policy& policy)
{
    Execute("set_policy", {ChangeKind::Policy, {}},
            [&](sqlite::Database& db, JsonWriter& detail)
            {
                const auto old = PolicyToSettings(detail::ReadPolicy(db));
                const auto now = PolicyToSettings(policy);
                auto st = db.Prepare("INSERT INTO policy (name, value) VALUES (?1, ?2) "
                                     "ON CONFLICT (name) DO UPDATE SET value = excluded.value");
                for (std::size_t i = 0; i < now.size(); ++i)
                {
                    st.Bind(1, now[i].first).Bind(2, now[i].second).Run();
                    if (old[i].second != now[i].second)
                    {
                        detail.Key(now[i].first).BeginArray();
                        detail.String(old[i].second).String(now[i].second).EndArray();
                    }
                }
            });
}

void Workspace::SetProtectiveMarking(const std::string& marking)
{
    Execute("set_protective_marking", {ChangeKind::Round, {}},
            [&](sqlite::Database& db, JsonWriter& detail)
            {
                auto st = db.Prepare("UPDATE round SET protective_marking = ?1 WHERE id = 1");
                st.Bind(1, Trimmed(marking)).Run();
                detail.Field("marking", Trimmed(marking));
            });
}

void Workspace::BackupTo(const std::string& target) const
{
    m_file->Db().VacuumInto(target);
}

} // namespace coscore::core
