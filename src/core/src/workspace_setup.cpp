// SPDX-License-Identifier: MIT
// Setup edits of the desktop's officer pages and the inverse commands its undo needs. Each
// validates first with a message that says what to do, then writes its rows and one audit entry
// (ids and values only, never names or application text) in one transaction.
#include "../sqlite/database.hpp"
#include "row_writers.hpp"
#include "workspace_detail.hpp"
#include "workspace_execute.hpp"

#include <coscore/core/json.hpp>
#include <coscore/core/workspace.hpp>

#include <algorithm>
#include <array>
#include <initializer_list>

namespace coscore::core
{

using namespace scoring;
using namespace detail;

namespace
{

// One key column of the row `key` (its fund, or the row itself), or a refusal naming what is
// missing.
Key RequireRow(sqlite::Database& db, const char* sql, Key key, const std::string& what)
{
    auto st = db.Prepare(sql);
    st.Bind(1, key);
    if (!st.Step())
    {
        throw CommandError("There is no " + what + " with key " + std::to_string(key) +
                           " in this round.");
    }
    return static_cast<Key>(st.Int64(0));
}

void RequireFundUnlocked(sqlite::Database& db, Key fund)
{
    if (detail::IsFundLocked(db, fund))
    {
        throw CommandError("This fund is locked, so its setup cannot change. An officer can "
                           "unlock it, giving a reason.");
    }
}

// Refuses when any of the tables still refers to the row: removing it would lose history.
struct Reference
{
    const char* sql; ///< counts the rows that refer to ?1
    const char* what;
};

template <std::size_t N>
void RequireUnreferenced(sqlite::Database& db, Key key, const std::array<Reference, N>& refs,
                         const std::string& refusal)
{
    for (const Reference& ref : refs)
    {
        auto st = db.Prepare(ref.sql);
        st.Bind(1, key);
        st.Step();
        if (st.Int64(0) > 0)
        {
            throw CommandError(refusal + " it already has " + ref.what + ".");
        }
    }
}

// Runs each statement with ?1 = key: the dependent rows first, then the row itself.
void DeleteRows(sqlite::Database& db, Key key, std::initializer_list<const char*> statements)
{
    for (const char* sql : statements)
    {
        auto st = db.Prepare(sql);
        st.Bind(1, key).Run();
    }
}

void ValidateMember(const Member& member)
{
    RequireText(member.ref, "the member an id");
    RequireText(member.name, "the member a name");
}

void ValidateBid(const Bid& bid)
{
    RequireText(bid.ref, "the bid a reference");
    if (bid.requested_pence < 0)
    {
        throw CommandError("The amount requested cannot be negative.");
    }
}

void ValidateAwardLimits(const Fund& fund)
{
    RequireText(fund.name, "the fund a name");
    if ((fund.min_award_pence && *fund.min_award_pence < 0) ||
        (fund.max_award_pence && *fund.max_award_pence < 0))
    {
        throw CommandError("Award limits cannot be negative.");
    }
    if (fund.min_award_pence && fund.max_award_pence &&
        *fund.min_award_pence > *fund.max_award_pence)
    {
        throw CommandError("The smallest award cannot be more than the largest award.");
    }
}

} // namespace

void Workspace::SetRoundTitle(const std::string& title)
{
    RequireText(title, "the round a title");
    Execute("set_round_title", {ChangeKind::Round, {}},
            [&](sqlite::Database& db, JsonWriter& detail)
            {
                auto st = db.Prepare("UPDATE round SET title = ?1 WHERE id = 1");
                st.Bind(1, Trimmed(title)).Run();
                detail.Field("round", 1);
            });
}

void Workspace::UpdateFund(const Fund& fund)
{
    ValidateAwardLimits(fund);
    Execute("update_fund", {ChangeKind::Funds, {fund.key}},
            [&](sqlite::Database& db, JsonWriter& detail)
            {
                RequireRow(db, "SELECT id FROM funds WHERE id = ?1", fund.key, "fund");
                RequireFundUnlocked(db, fund.key);
                auto st = db.Prepare("UPDATE funds SET name = ?2, min_award_pence = ?3, "
                                     "max_award_pence = ?4 WHERE id = ?1");
                st.Bind(1, fund.key).Bind(2, Trimmed(fund.name)).Bind(3, fund.min_award_pence);
                st.Bind(4, fund.max_award_pence).Run();
                detail.Field("fund", fund.key);
                detail.Key("min_award_pence").Optional(fund.min_award_pence);
                detail.Key("max_award_pence").Optional(fund.max_award_pence);
            });
}

void Workspace::RemoveFund(Key fund)
{
    Execute(
        "remove_fund", {ChangeKind::Funds, {}},
        [&](sqlite::Database& db, JsonWriter& detail)
        {
            RequireRow(db, "SELECT id FROM funds WHERE id = ?1", fund, "fund");
            RequireFundUnlocked(db, fund);
            RequireUnreferenced<3>(
                db, fund,
                {{{"SELECT count(*) FROM bids WHERE fund_id = ?1", "bids"},
                  {"SELECT count(*) FROM criteria WHERE fund_id = ?1", "scoring questions"},
                  {"SELECT count(*) FROM tie_breaks WHERE fund_id = ?1", "a recorded tie-break"}}},
                "This fund cannot be removed because");
            DeleteRows(db, fund,
                       {"DELETE FROM pot_values WHERE pot_id IN "
                        "(SELECT id FROM pots WHERE fund_id = ?1)",
                        "DELETE FROM pots WHERE fund_id = ?1",
                        "DELETE FROM scoring_forms WHERE fund_id = ?1",
                        "DELETE FROM funds WHERE id = ?1"});
            detail.Field("fund", fund);
        });
}

void Workspace::RemovePot(Key pot)
{
    Execute("remove_pot", {ChangeKind::Funds, {}},
            [&](sqlite::Database& db, JsonWriter& detail)
            {
                const Key fund =
                    RequireRow(db, "SELECT fund_id FROM pots WHERE id = ?1", pot, "pot");
                RequireFundUnlocked(db, fund);
                DeleteRows(
                    db, pot,
                    {"DELETE FROM pot_values WHERE pot_id = ?1", "DELETE FROM pots WHERE id = ?1"});
                detail.Field("fund", fund).Field("pot", pot);
            });
}

void Workspace::RemoveCriterion(Key criterion)
{
    Execute("remove_criterion", {ChangeKind::Criteria, {}},
            [&](sqlite::Database& db, JsonWriter& detail)
            {
                const Key fund = RequireRow(db, "SELECT fund_id FROM criteria WHERE id = ?1",
                                            criterion, "criterion");
                RequireFundUnlocked(db, fund);
                RequireUnreferenced<2>(
                    db, criterion,
                    {{{"SELECT count(*) FROM scores WHERE criterion_id = ?1", "scores"},
                      {"SELECT count(*) FROM moderated_scores WHERE criterion_id = ?1",
                       "moderated scores"}}},
                    "This criterion cannot be removed because");
                DeleteRows(db, criterion,
                           {"DELETE FROM criterion_levels WHERE criterion_id = ?1",
                            "DELETE FROM criteria WHERE id = ?1"});
                detail.Field("fund", fund).Field("criterion", criterion);
            });
}

void Workspace::MoveCriterion(Key criterion, int index)
{
    Execute("move_criterion", {ChangeKind::Criteria, {criterion}},
            [&](sqlite::Database& db, JsonWriter& detail)
            {
                const Key fund = RequireRow(db, "SELECT fund_id FROM criteria WHERE id = ?1",
                                            criterion, "criterion");
                RequireFundUnlocked(db, fund);
                std::vector<Key> order;
                auto st =
                    db.Prepare("SELECT id FROM criteria WHERE fund_id = ?1 ORDER BY position, id");
                st.Bind(1, fund);
                while (st.Step())
                {
                    order.push_back(static_cast<Key>(st.Int64(0)));
                }
                const auto from = std::find(order.begin(), order.end(), criterion);
                const int old_index = static_cast<int>(from - order.begin());
                order.erase(from);
                const int to = std::clamp(index, 0, static_cast<int>(order.size()));
                order.insert(order.begin() + to, criterion);
                auto move = db.Prepare("UPDATE criteria SET position = ?2 WHERE id = ?1");
                for (std::size_t i = 0; i < order.size(); ++i)
                {
                    move.Bind(1, order[i]).Bind(2, static_cast<std::int64_t>(i + 1)).Run();
                }
                detail.Field("fund", fund).Field("criterion", criterion);
                detail.Field("old", old_index).Field("new", to);
            });
}

void Workspace::UpdateMember(const Member& member)
{
    ValidateMember(member);
    Execute("update_member", {ChangeKind::Members, {member.key}},
            [&](sqlite::Database& db, JsonWriter& detail)
            {
                RequireRow(db, "SELECT id FROM members WHERE id = ?1", member.key, "panel member");
                if (!member.scores)
                {
                    RequireUnreferenced<1>(
                        db, member.key,
                        {{{"SELECT count(*) FROM scores WHERE member_id = ?1 AND value IS NOT "
                           "NULL",
                           "scores"}}},
                        "This member must stay a scoring member because");
                }
                auto st = db.Prepare("UPDATE members SET ref = ?2, name = ?3, role = ?4, "
                                     "scores = ?5, chair = ?6 WHERE id = ?1");
                st.Bind(1, member.key).Bind(2, Trimmed(member.ref)).Bind(3, Trimmed(member.name));
                st.Bind(4, ToString(member.role)).Bind(5, member.scores ? 1 : 0);
                st.Bind(6, ToString(member.chair)).Run();
                detail.Field("member", member.key).Field("role", ToString(member.role));
                detail.Field("scores", member.scores).Field("chair", ToString(member.chair));
            });
}

void Workspace::RemoveMember(Key member)
{
    Execute(
        "remove_member", {ChangeKind::Members, {}},
        [&](sqlite::Database& db, JsonWriter& detail)
        {
            RequireRow(db, "SELECT id FROM members WHERE id = ?1", member, "panel member");
            RequireUnreferenced<5>(
                db, member,
                {{{"SELECT count(*) FROM scores WHERE member_id = ?1", "scores"},
                  {"SELECT count(*) FROM score_sheets WHERE member_id = ?1", "score sheets"},
                  {"SELECT count(*) FROM interests WHERE member_id = ?1", "declared interests"},
                  {"SELECT count(*) FROM moderated_scores WHERE member_id = ?1",
                   "moderated scores"},
                  {"SELECT count(*) FROM member_returns WHERE member_id = ?1", "returned scores"}}},
                "This member cannot be removed because");
            DeleteRows(db, member, {"DELETE FROM members WHERE id = ?1"});
            detail.Field("member", member);
        });
}

void Workspace::UpdateBid(const Bid& bid)
{
    ValidateBid(bid);
    Execute(
        "update_bid", {ChangeKind::Bids, {bid.key}},
        [&](sqlite::Database& db, JsonWriter& detail)
        {
            const Key old_fund =
                RequireRow(db, "SELECT fund_id FROM bids WHERE id = ?1", bid.key, "bid");
            RequireRow(db, "SELECT id FROM funds WHERE id = ?1", bid.fund, "fund");
            RequireFundUnlocked(db, old_fund);
            RequireFundUnlocked(db, bid.fund);
            if (old_fund != bid.fund)
            {
                RequireUnreferenced<2>(
                    db, bid.key,
                    {{{"SELECT count(*) FROM scores WHERE bid_id = ?1", "scores"},
                      {"SELECT count(*) FROM decisions WHERE bid_id = ?1", "a decision"}}},
                    "This bid cannot move to another fund because");
            }
            auto old = db.Prepare("SELECT requested_pence FROM bids WHERE id = ?1");
            old.Bind(1, bid.key);
            old.Step();
            detail.Field("bid", bid.key).Field("fund", bid.fund);
            detail.Field("old_requested_pence", old.Int64(0));
            detail.Field("requested_pence", bid.requested_pence);
            auto st = db.Prepare("UPDATE bids SET ref = ?2, fund_id = ?3, organisation = ?4, "
                                 "project_title = ?5, requested_pence = ?6, ward = ?7, "
                                 "summary = ?8 WHERE id = ?1");
            st.Bind(1, bid.key).Bind(2, Trimmed(bid.ref)).Bind(3, bid.fund);
            st.Bind(4, bid.organisation).Bind(5, bid.project_title).Bind(6, bid.requested_pence);
            st.Bind(7, bid.ward).Bind(8, bid.summary).Run();
            DeleteRows(db, bid.key, {"DELETE FROM bid_fields WHERE bid_id = ?1"});
            auto fields = db.Prepare(
                "INSERT INTO bid_fields (bid_id, position, name, value) VALUES (?1, ?2, ?3, ?4)");
            int position = 1;
            for (const ApplicationField& f : bid.fields)
            {
                fields.Bind(1, bid.key).Bind(2, position++).Bind(3, f.name).Bind(4, f.value).Run();
            }
        });
}

void Workspace::RemoveBid(Key bid)
{
    Execute(
        "remove_bid", {ChangeKind::Bids, {}},
        [&](sqlite::Database& db, JsonWriter& detail)
        {
            const Key fund = RequireRow(db, "SELECT fund_id FROM bids WHERE id = ?1", bid, "bid");
            RequireFundUnlocked(db, fund);
            RequireUnreferenced<6>(
                db, bid,
                {{{"SELECT count(*) FROM scores WHERE bid_id = ?1", "scores"},
                  {"SELECT count(*) FROM score_sheets WHERE bid_id = ?1", "score sheets"},
                  {"SELECT count(*) FROM interests WHERE bid_id = ?1", "declared interests"},
                  {"SELECT count(*) FROM moderated_scores WHERE bid_id = ?1", "moderated scores"},
                  {"SELECT count(*) FROM decisions WHERE bid_id = ?1", "a decision"},
                  {"SELECT count(*) FROM tie_break_bids WHERE bid_id = ?1",
                   "a recorded tie-break"}}},
                "This bid cannot be removed because");
            DeleteRows(
                db, bid,
                {"DELETE FROM bid_fields WHERE bid_id = ?1", "DELETE FROM bids WHERE id = ?1"});
            detail.Field("fund", fund).Field("bid", bid);
        });
}

std::vector<ScoreSheet> Workspace::ListSheetsForMember(Key member) const
{
    std::vector<ScoreSheet> sheets;
    auto st = m_file->Db().Prepare(
        "SELECT s.bid_id, s.status, s.strengths, s.concerns, s.questions, s.needs_explaining, "
        "s.supported_by, s.updated_at FROM score_sheets s JOIN bids b ON b.id = s.bid_id "
        "WHERE s.member_id = ?1 ORDER BY b.fund_id, b.position, b.id");
    st.Bind(1, member);
    while (st.Step())
    {
        ScoreSheet s;
        s.bid = static_cast<Key>(st.Int64(0));
        s.member = member;
        s.status = ParseSheetStatus(st.Text(1)).value_or(SheetStatus::NotStarted);
        s.strengths = st.Text(2);
        s.concerns = st.Text(3);
        s.questions = st.Text(4);
        s.needs_explaining = st.Int(5) != 0;
        s.supported_by = st.Text(6);
        s.updated_at = st.Text(7);
        sheets.push_back(std::move(s));
    }
    return sheets;
}

} // namespace coscore::core
