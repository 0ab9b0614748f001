// SPDX-License-Identifier: MIT
// Workspace reads: value snapshots of the round file.
#include "../sqlite/database.hpp"
#include "audit_chain.hpp"
#include "workspace_detail.hpp"

#include <coscore/core/policy_settings.hpp>
#include <coscore/core/workspace.hpp>

#include <algorithm>
#include <map>

namespace coscore::core
{

using namespace scoring;

namespace
{

std::vector<Pot> ReadPots(sqlite::Database& db, Key fund)
{
    std::vector<Pot> pots;
    auto st = db.Prepare("SELECT id, name, minimum_pence, field FROM pots WHERE fund_id = ?1 "
                         "ORDER BY id");
    st.Bind(1, fund);
    while (st.Step())
    {
        Pot pot;
        pot.key = static_cast<Key>(st.Int64(0));
        pot.name = st.Text(1);
        pot.minimum_pence = st.Int64(2);
        pot.field = st.Text(3);
        pots.push_back(std::move(pot));
    }
    auto values = db.Prepare("SELECT value FROM pot_values WHERE pot_id = ?1 ORDER BY value");
    for (Pot& pot : pots)
    {
        values.Bind(1, pot.key);
        while (values.Step())
        {
            pot.values.push_back(values.Text(0));
        }
        values.Reset();
    }
    return pots;
}

std::vector<Criterion> ReadCriteria(sqlite::Database& db, Key fund)
{
    std::vector<Criterion> criteria;
    auto st = db.Prepare("SELECT id, ref, name, question, guidance, easy_read, weight_percent, "
                         "scale_min, scale_max, gate FROM criteria WHERE fund_id = ?1 "
                         "ORDER BY position, id");
    st.Bind(1, fund);
    while (st.Step())
    {
        Criterion c;
        c.key = static_cast<Key>(st.Int64(0));
        c.ref = st.Text(1);
        c.name = st.Text(2);
        c.question = st.Text(3);
        c.guidance = st.Text(4);
        c.easy_read = st.Text(5);
        c.weight_percent = st.Double(6);
        c.scale_min = st.Int(7);
        c.scale_max = st.Int(8);
        if (!st.IsNull(9))
        {
            c.gate = st.Int(9);
        }
        criteria.push_back(std::move(c));
    }
    auto levels = db.Prepare("SELECT level, descriptor, easy_read FROM criterion_levels "
                             "WHERE criterion_id = ?1 ORDER BY level");
    for (Criterion& c : criteria)
    {
        levels.Bind(1, c.key);
        while (levels.Step())
        {
            c.descriptors.push_back({levels.Int(0), levels.Text(1), levels.Text(2)});
        }
        levels.Reset();
    }
    return criteria;
}

Member ReadMember(const sqlite::Statement& st)
{
    Member m;
    m.key = static_cast<Key>(st.Int64(0));
    m.ref = st.Text(1);
    m.name = st.Text(2);
    m.role = ParseRole(st.Text(3)).value_or(Role::PersonUsingServices);
    m.scores = st.Int(4) != 0;
    m.chair = ParseChairRole(st.Text(5)).value_or(ChairRole::None);
    return m;
}

constexpr const char* kMemberColumns = "id, ref, name, role, scores, chair";
constexpr const char* kBidColumns = "id, ref, fund_id, organisation, project_title, "
                                    "requested_pence, ward, summary, eligibility, "
                                    "eligibility_note";

Bid ReadBid(const sqlite::Statement& st)
{
    Bid b;
    b.key = static_cast<Key>(st.Int64(0));
    b.ref = st.Text(1);
    b.fund = static_cast<Key>(st.Int64(2));
    b.organisation = st.Text(3);
    b.project_title = st.Text(4);
    b.requested_pence = st.Int64(5);
    b.ward = st.Text(6);
    b.summary = st.Text(7);
    b.eligibility = ParseEligibility(st.Text(8)).value_or(Eligibility::NotChecked);
    b.eligibility_note = st.Text(9);
    return b;
}

void AttachFields(sqlite::Database& db, std::vector<Bid>& bids)
{
    std::map<Key, Bid*> by_key;
    for (Bid& b : bids)
    {
        by_key[b.key] = &b;
    }
    auto st = db.Prepare("SELECT bid_id, name, value FROM bid_fields ORDER BY bid_id, position");
    while (st.Step())
    {
        const auto it = by_key.find(static_cast<Key>(st.Int64(0)));
        if (it != by_key.end())
        {
            it->second->fields.push_back({st.Text(1), st.Text(2)});
        }
    }
}

ScoreSheet ReadSheet(const sqlite::Statement& st)
{
    ScoreSheet s;
    s.bid = static_cast<Key>(st.Int64(0));
    s.member = static_cast<Key>(st.Int64(1));
    s.status = ParseSheetStatus(st.Text(2)).value_or(SheetStatus::NotStarted);
    s.strengths = st.Text(3);
    s.concerns = st.Text(4);
    s.questions = st.Text(5);
    s.needs_explaining = st.Int(6) != 0;
    s.supported_by = st.Text(7);
    s.updated_at = st.Text(8);
    return s;
}

constexpr const char* kSheetColumns = "bid_id, member_id, status, strengths, concerns, "
                                      "questions, needs_explaining, supported_by, updated_at";

Score ReadScore(const sqlite::Statement& st)
{
    Score s;
    s.bid = static_cast<Key>(st.Int64(0));
    s.member = static_cast<Key>(st.Int64(1));
    s.criterion = static_cast<Key>(st.Int64(2));
    if (!st.IsNull(3))
    {
        s.value = static_cast<std::int16_t>(st.Int(3));
    }
    else
    {
        s.missing = ParseMissingReason(st.Text(4)).value_or(MissingReason::NotYet);
    }
    return s;
}

Decision ReadDecision(const sqlite::Statement& st)
{
    Decision d;
    d.bid = static_cast<Key>(st.Int64(0));
    d.kind = ParseDecisionKind(st.Text(1)).value_or(DecisionKind::Defer);
    if (!st.IsNull(2))
    {
        d.award_pence = st.Int64(2);
    }
    d.conditions = st.Text(3);
    d.reason = st.Text(4);
    d.feedback = st.Text(5);
    d.status = ParseDecisionStatus(st.Text(6)).value_or(DecisionStatus::Proposed);
    return d;
}

constexpr const char* kDecisionColumns =
    "bid_id, kind, award_pence, conditions, reason, feedback, status";

ModeratedScore ReadModeration(const sqlite::Statement& st)
{
    ModeratedScore m;
    m.bid = static_cast<Key>(st.Int64(0));
    m.member = static_cast<Key>(st.Int64(1));
    m.criterion = static_cast<Key>(st.Int64(2));
    if (!st.IsNull(3))
    {
        m.value = st.Int(3);
    }
    m.reason = st.Text(4);
    m.recorded_by = st.Text(5);
    m.recorded_at = st.Text(6);
    return m;
}

constexpr const char* kModerationColumns =
    "bid_id, member_id, criterion_id, value, reason, recorded_by, recorded_at";

Interest ReadInterest(const sqlite::Statement& st)
{
    Interest i;
    i.member = static_cast<Key>(st.Int64(0));
    i.bid = static_cast<Key>(st.Int64(1));
    i.type = ParseInterestType(st.Text(2)).value_or(InterestType::Other);
    i.rule = ParseInterestRule(st.Text(3)).value_or(InterestRule::NoScoreNoSee);
    i.declared_at = st.Text(4);
    i.note = st.Text(5);
    return i;
}

std::vector<TieBreak> ReadTieBreaks(sqlite::Database& db)
{
    std::vector<TieBreak> out;
    auto st = db.Prepare("SELECT id, fund_id, by_lottery, seed, reason, recorded_at "
                         "FROM tie_breaks ORDER BY id");
    auto bids =
        db.Prepare("SELECT bid_id FROM tie_break_bids WHERE tie_break_id = ?1 ORDER BY position");
    while (st.Step())
    {
        TieBreak t;
        t.fund = static_cast<Key>(st.Int64(1));
        t.by_lottery = st.Int(2) != 0;
        t.seed = static_cast<std::uint64_t>(st.Int64(3));
        t.reason = st.Text(4);
        t.recorded_at = st.Text(5);
        bids.Bind(1, st.Int64(0));
        while (bids.Step())
        {
            t.order.push_back(static_cast<Key>(bids.Int64(0)));
        }
        bids.Reset();
        t.group = t.order;
        std::sort(t.group.begin(), t.group.end());
        out.push_back(std::move(t));
    }
    return out;
}

} // namespace

namespace detail
{

Policy ReadPolicy(sqlite::Database& db)
{
    Policy policy;
    auto st = db.Prepare("SELECT name, value FROM policy ORDER BY name");
    while (st.Step())
    {
        // Unknown names come from a newer minor version; keep the defaults for them.
        (void)ApplyPolicySetting(policy, st.Text(0), st.Text(1));
    }
    return policy;
}

} // namespace detail

RoundInfo Workspace::GetRoundInfo() const
{
    auto st = m_file->Db().Prepare(
        "SELECT uuid, title, created_at, protective_marking FROM round WHERE id = 1");
    RoundInfo info;
    if (st.Step())
    {
        info.uuid = st.Text(0);
        info.title = st.Text(1);
        info.created_at = st.Text(2);
        info.protective_marking = st.Text(3);
    }
    return info;
}

Policy Workspace::GetPolicy() const
{
    return detail::ReadPolicy(m_file->Db());
}

std::vector<Fund> Workspace::ListFunds() const
{
    auto& db = m_file->Db();
    std::vector<Fund> funds;
    auto st = db.Prepare("SELECT id, name, budget_pence, min_award_pence, max_award_pence "
                         "FROM funds ORDER BY position, id");
    while (st.Step())
    {
        Fund f;
        f.key = static_cast<Key>(st.Int64(0));
        f.name = st.Text(1);
        f.budget_pence = st.Int64(2);
        f.min_award_pence = st.OptionalInt64(3);
        f.max_award_pence = st.OptionalInt64(4);
        funds.push_back(std::move(f));
    }
    for (Fund& f : funds)
    {
        f.pots = ReadPots(db, f.key);
        f.criteria = ReadCriteria(db, f.key);
    }
    return funds;
}

std::vector<Member> Workspace::ListMembers() const
{
    std::vector<Member> members;
    auto st = m_file->Db().Prepare(std::string("SELECT ") + kMemberColumns +
                                   " FROM members ORDER BY position, id");
    while (st.Step())
    {
        members.push_back(ReadMember(st));
    }
    return members;
}

std::optional<Member> Workspace::FindMember(Key member) const
{
    auto st = m_file->Db().Prepare(std::string("SELECT ") + kMemberColumns +
                                   " FROM members WHERE id = ?1");
    st.Bind(1, member);
    if (st.Step())
    {
        return ReadMember(st);
    }
    return std::nullopt;
}

std::vector<Bid> Workspace::ListBids() const
{
    auto& db = m_file->Db();
    std::vector<Bid> bids;
    auto st = db.Prepare(std::string("SELECT ") + kBidColumns +
                         " FROM bids ORDER BY fund_id, position, id");
    while (st.Step())
    {
        bids.push_back(ReadBid(st));
    }
    AttachFields(db, bids);
    return bids;
}

std::optional<Bid> Workspace::FindBid(Key bid) const
{
    auto& db = m_file->Db();
    auto st = db.Prepare(std::string("SELECT ") + kBidColumns + " FROM bids WHERE id = ?1");
    st.Bind(1, bid);
    if (!st.Step())
    {
        return std::nullopt;
    }
    std::vector<Bid> one{ReadBid(st)};
    auto fields =
        db.Prepare("SELECT name, value FROM bid_fields WHERE bid_id = ?1 ORDER BY position");
    fields.Bind(1, bid);
    while (fields.Step())
    {
        one.front().fields.push_back({fields.Text(0), fields.Text(1)});
    }
    return one.front();
}

std::vector<Bid> Workspace::ListBidsForMember(Key member) const
{
    std::vector<Bid> bids = ListBids();
    std::vector<Interest> interests = ListInterests();
    std::erase_if(bids,
                  [&](const Bid& b)
                  {
                      return std::any_of(interests.begin(), interests.end(),
                                         [&](const Interest& i) {
                                             return i.member == member && i.bid == b.key &&
                                                    BarsScoring(i.rule);
                                         });
                  });
    return bids;
}

std::vector<Interest> Workspace::ListInterests() const
{
    std::vector<Interest> out;
    auto st = m_file->Db().Prepare("SELECT member_id, bid_id, type, rule, declared_at, note "
                                   "FROM interests ORDER BY bid_id, member_id");
    while (st.Step())
    {
        out.push_back(ReadInterest(st));
    }
    return out;
}

SheetView Workspace::GetSheet(Key bid, Key member) const
{
    auto& db = m_file->Db();
    SheetView view;
    view.sheet.bid = bid;
    view.sheet.member = member;
    auto sheet = db.Prepare(std::string("SELECT ") + kSheetColumns +
                            " FROM score_sheets WHERE bid_id = ?1 AND member_id = ?2");
    sheet.Bind(1, bid).Bind(2, member);
    if (sheet.Step())
    {
        view.sheet = ReadSheet(sheet);
    }
    auto slots = db.Prepare(
        "SELECT ?1, ?2, c.id, s.value, coalesce(s.missing_reason, 'not_yet') "
        "FROM criteria c JOIN bids b ON b.fund_id = c.fund_id AND b.id = ?1 "
        "LEFT JOIN scores s ON s.bid_id = ?1 AND s.member_id = ?2 AND s.criterion_id = c.id "
        "ORDER BY c.position, c.id");
    slots.Bind(1, bid).Bind(2, member);
    while (slots.Step())
    {
        view.scores.push_back(ReadScore(slots));
    }
    return view;
}

std::vector<ModeratedScore> Workspace::ListModerations(Key bid) const
{
    std::vector<ModeratedScore> out;
    auto st = m_file->Db().Prepare(std::string("SELECT ") + kModerationColumns +
                                   " FROM moderated_scores WHERE bid_id = ?1 ORDER BY id");
    st.Bind(1, bid);
    while (st.Step())
    {
        out.push_back(ReadModeration(st));
    }
    return out;
}

std::optional<Decision> Workspace::GetDecision(Key bid) const
{
    auto st = m_file->Db().Prepare(std::string("SELECT ") + kDecisionColumns +
                                   " FROM decisions WHERE bid_id = ?1");
    st.Bind(1, bid);
    if (st.Step())
    {
        return ReadDecision(st);
    }
    return std::nullopt;
}

bool Workspace::IsFundLocked(Key fund) const
{
    return detail::IsFundLocked(m_file->Db(), fund);
}

std::vector<AuditEntry> Workspace::ListAudit() const
{
    return ReadAuditLog(m_file->Db());
}

RoundData Workspace::LoadRound(Load what) const
{
    auto& db = m_file->Db();
    RoundData round;
    round.info = GetRoundInfo();
    round.policy = GetPolicy();
    round.funds = ListFunds();
    round.members = ListMembers();
    round.bids = ListBids();
    round.interests = ListInterests();
    {
        auto st = db.Prepare(std::string("SELECT ") + kSheetColumns + " FROM score_sheets" +
                             (what == Load::ForScoring ? " WHERE needs_explaining = 1" : "") +
                             " ORDER BY bid_id, member_id");
        while (st.Step())
        {
            round.sheets.push_back(ReadSheet(st));
        }
    }
    {
        auto count = db.Prepare("SELECT count(*) FROM scores");
        count.Step();
        round.scores.reserve(static_cast<std::size_t>(count.Int64(0)));
        auto st = db.Prepare("SELECT bid_id, member_id, criterion_id, value, missing_reason "
                             "FROM scores ORDER BY bid_id, member_id, criterion_id");
        while (st.Step())
        {
            round.scores.push_back(ReadScore(st));
        }
    }
    {
        auto st = db.Prepare(std::string("SELECT ") + kModerationColumns +
                             " FROM moderated_scores ORDER BY id");
        while (st.Step())
        {
            round.moderated.push_back(ReadModeration(st));
        }
    }
    {
        auto st = db.Prepare(std::string("SELECT ") + kDecisionColumns +
                             " FROM decisions ORDER BY bid_id");
        while (st.Step())
        {
            round.decisions.push_back(ReadDecision(st));
        }
    }
    round.tie_breaks = ReadTieBreaks(db);
    return round;
}

VerifyReport Workspace::Verify() const
{
    auto& db = m_file->Db();
    VerifyReport report;
    report.schema_version = static_cast<int>(db.PragmaInt("user_version"));
    {
        auto st = db.Prepare("PRAGMA integrity_check");
        while (st.Step())
        {
            const std::string line = st.Text(0);
            if (line == "ok")
            {
                report.integrity_ok = true;
            }
            else
            {
                report.problems.push_back("integrity: " + line);
            }
        }
    }
    {
        auto st = db.Prepare("PRAGMA foreign_key_check");
        report.foreign_keys_ok = true;
        while (st.Step())
        {
            report.foreign_keys_ok = false;
            report.problems.push_back("a row of " + st.Text(0) + " refers to a missing " +
                                      st.Text(2) + " row");
        }
    }
    const std::string difference = detail::DescribeSchemaDifference(db, report.schema_version);
    if (!difference.empty())
    {
        report.problems.push_back("schema altered outside CoScore: " + difference);
    }
    report.audit = VerifyAuditChain(db);
    return report;
}

} // namespace coscore::core
