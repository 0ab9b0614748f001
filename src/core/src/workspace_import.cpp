// SPDX-License-Identifier: MIT
// The Workspace's all-or-nothing bulk import (used by imports and the demo round), the baseline
// an import is validated against, and the audit entry of a refused import.
#include "bulk_checks.hpp"
#include "row_writers.hpp"
#include "workspace_execute.hpp"

#include <coscore/core/workspace.hpp>

#include <algorithm>
#include <tuple>
#include <unordered_map>

namespace coscore::core
{

using namespace scoring;
using namespace detail;

namespace
{

// SQLite spends about 2 µs starting each statement; binding many rows to one multi-row INSERT
// pays that once per statement instead of once per row (measured: 275k → 600k score rows per
// CPU-second with the scores triggers in place). 1,280 parameters stay far below the limit.
constexpr std::size_t kRowsPerStatement = 256;

std::string MultiRowInsert(std::string_view head, int columns, std::size_t rows)
{
    std::string row = "(";
    for (int c = 0; c < columns; ++c)
    {
        row += c == 0 ? "?" : ",?";
    }
    row += ")";
    std::string sql(head);
    sql += " VALUES ";
    for (std::size_t r = 0; r < rows; ++r)
    {
        sql += r == 0 ? row : "," + row;
    }
    return sql;
}

/// Inserts `count` rows; `bind_row(statement, first_parameter, row_index)` binds one row's
/// values at first_parameter, first_parameter + 1, … (1-based, as SQLite counts).
template <typename BindRow>
void InsertRows(sqlite::Database& db, std::string_view head, int columns, std::size_t count,
                BindRow&& bind_row)
{
    std::size_t done = 0;
    while (done < count)
    {
        const std::size_t rows = std::min(kRowsPerStatement, count - done);
        auto st = db.Prepare(MultiRowInsert(head, columns, rows));
        // Reuse the statement for every full batch of this size.
        while (count - done >= rows)
        {
            for (std::size_t r = 0; r < rows; ++r)
            {
                bind_row(st, static_cast<int>(r) * columns + 1, done + r);
            }
            st.Run();
            done += rows;
        }
    }
}

/// The stored name of an enum value for a column whose CHECK is suspended during the bulk
/// write (bulk_checks.hpp): a value outside the enum, which the CHECK would have refused, is
/// refused here.
std::string_view CheckedName(std::string_view name)
{
    if (name == "unknown")
    {
        throw CommandError("Nothing was imported: a score or score sheet has a status or missing "
                           "reason CoScore does not know. This is a fault in CoScore: please "
                           "report it with the files.");
    }
    return name;
}

void BindScore(sqlite::Statement& st, int first, const Score& s)
{
    st.Bind(first, s.bid).Bind(first + 1, s.member).Bind(first + 2, s.criterion);
    if (s.value)
    {
        st.Bind(first + 3, static_cast<int>(*s.value)).BindNull(first + 4);
    }
    else
    {
        const MissingReason reason =
            s.missing == MissingReason::None ? MissingReason::NotYet : s.missing;
        st.BindNull(first + 3).BindUncopied(first + 4, CheckedName(ToString(reason)));
    }
}

Key NextKey(sqlite::Database& db, const char* table)
{
    auto st = db.Prepare(std::string("SELECT coalesce(max(id), 0) + 1 FROM ") + table);
    st.Step();
    return static_cast<Key>(st.Int64(0));
}

bool ScoreBefore(const Score& a, const Score& b)
{
    return std::tie(a.bid, a.member, a.criterion) < std::tie(b.bid, b.member, b.criterion);
}

/// The batch's scores in key order: inserts into the WITHOUT ROWID table are cheapest in key
/// order, and sheets are derived per (bid, member) run. A sorted batch (as the import planner
/// makes) is used as it is; only an unsorted one is copied.
const std::vector<Score>& ScoresInKeyOrder(const std::vector<Score>& scores,
                                           std::vector<Score>& sorted)
{
    if (std::is_sorted(scores.begin(), scores.end(), &ScoreBefore))
    {
        return scores;
    }
    sorted = scores;
    std::stable_sort(sorted.begin(), sorted.end(), &ScoreBefore);
    return sorted;
}

void WriteFunds(sqlite::Database& db, const std::vector<Fund>& funds)
{
    auto position = NextPosition(db, "funds");
    for (const Fund& f : funds)
    {
        const Key key = InsertFundRows(db, f, position++);
        std::int64_t criterion_position = 1;
        for (const Criterion& c : f.criteria)
        {
            ValidateCriterion(c);
            InsertCriterion(db, key, c, criterion_position++);
            InsertLevels(db, static_cast<Key>(db.LastInsertRowId()), c.descriptors);
        }
        for (const Pot& pot : f.pots)
        {
            InsertPot(db, key, pot);
        }
    }
}

void WriteCriteriaOfExistingFunds(sqlite::Database& db,
                                  const std::vector<std::pair<Key, Criterion>>& criteria)
{
    auto next =
        db.Prepare("SELECT coalesce(max(position), 0) + 1 FROM criteria WHERE fund_id = ?1");
    for (const auto& [fund, c] : criteria)
    {
        ValidateCriterion(c);
        next.Bind(1, fund);
        next.Step();
        const std::int64_t position = next.Int64(0);
        next.Reset();
        InsertCriterion(db, fund, c, position);
        InsertLevels(db, static_cast<Key>(db.LastInsertRowId()), c.descriptors);
    }
}

void WriteBids(sqlite::Database& db, const std::vector<Bid>& bids)
{
    // Keys left at 0 get the next free ones, as SQLite would choose them, so that the
    // application fields can name their bid.
    Key next_key = NextKey(db, "bids");
    std::vector<Key> keys(bids.size());
    for (std::size_t i = 0; i < bids.size(); ++i)
    {
        keys[i] = bids[i].key != 0 ? bids[i].key : next_key++;
    }
    const std::int64_t first_position = NextPosition(db, "bids");
    InsertRows(db,
               "INSERT INTO bids (id, ref, fund_id, organisation, project_title, requested_pence, "
               "ward, summary, eligibility, eligibility_note, position)",
               11, bids.size(),
               [&](sqlite::Statement& st, int p, std::size_t i)
               {
                   const Bid& b = bids[i];
                   st.Bind(p, keys[i]).Bind(p + 1, b.ref).Bind(p + 2, b.fund);
                   st.Bind(p + 3, b.organisation).Bind(p + 4, b.project_title);
                   st.Bind(p + 5, b.requested_pence).Bind(p + 6, b.ward).Bind(p + 7, b.summary);
                   st.Bind(p + 8, ToString(b.eligibility)).Bind(p + 9, b.eligibility_note);
                   st.Bind(p + 10, first_position + static_cast<std::int64_t>(i));
               });
    struct FieldRow
    {
        Key bid;
        int position;
        const ApplicationField* field;
    };
    std::vector<FieldRow> fields;
    for (std::size_t i = 0; i < bids.size(); ++i)
    {
        int position = 1;
        for (const ApplicationField& f : bids[i].fields)
        {
            fields.push_back({keys[i], position++, &f});
        }
    }
    InsertRows(db, "INSERT INTO bid_fields (bid_id, position, name, value)", 4, fields.size(),
               [&](sqlite::Statement& st, int p, std::size_t i)
               {
                   const FieldRow& f = fields[i];
                   st.Bind(p, f.bid).Bind(p + 1, f.position);
                   st.Bind(p + 2, f.field->name).Bind(p + 3, f.field->value);
               });
}

void WriteInterests(sqlite::Database& db, const std::vector<Interest>& interests,
                    const std::string& now)
{
    InsertRows(db, "INSERT INTO interests (member_id, bid_id, type, rule, declared_at, note)", 6,
               interests.size(),
               [&](sqlite::Statement& st, int p, std::size_t i)
               {
                   const Interest& in = interests[i];
                   st.Bind(p, in.member).Bind(p + 1, in.bid).Bind(p + 2, ToString(in.type));
                   st.Bind(p + 3, ToString(in.rule));
                   st.Bind(p + 4, in.declared_at.empty() ? now : in.declared_at);
                   st.Bind(p + 5, in.note);
               });
}

/// The number of criteria of each bid's fund, for every bid in the round (after the batch's
/// funds, criteria and bids are written).
std::unordered_map<Key, std::int64_t> CriteriaPerBid(sqlite::Database& db)
{
    std::unordered_map<Key, std::int64_t> out;
    auto st = db.Prepare("SELECT b.id, (SELECT count(*) FROM criteria c WHERE c.fund_id = "
                         "b.fund_id) FROM bids b");
    while (st.Step())
    {
        out.emplace(static_cast<Key>(st.Int64(0)), st.Int64(1));
    }
    return out;
}

/// One sheet row to write: its key and status, and the batch's sheet that gives its notes.
struct SheetRow
{
    Key bid = 0;
    Key member = 0;
    SheetStatus status = SheetStatus::NotStarted;
    const ScoreSheet* notes = nullptr;
};

/// The sheets to write: the batch's own, and with `derive_sheets` one per scored (bid, member)
/// pair whose status follows from its scores, as RecordScore derives it. Rows point into the
/// batch rather than copy it: half a million copied sheets would cost about 90 MB.
std::vector<SheetRow> SheetsToWrite(sqlite::Database& db, const ImportBatch& batch,
                                    const std::vector<Score>& scores)
{
    std::vector<SheetRow> given;
    given.reserve(batch.sheets.size());
    for (const ScoreSheet& s : batch.sheets)
    {
        given.push_back({s.bid, s.member, s.status, &s});
    }
    if (!batch.derive_sheets)
    {
        return given;
    }
    const auto key_of = [](const SheetRow& s) { return std::pair(s.bid, s.member); };
    std::sort(given.begin(), given.end(),
              [&](const SheetRow& a, const SheetRow& b) { return key_of(a) < key_of(b); });
    const auto criteria = CriteriaPerBid(db);
    std::vector<SheetRow> out;
    auto next = given.begin();
    for (std::size_t i = 0; i < scores.size();)
    {
        SheetRow row{scores[i].bid, scores[i].member, SheetStatus::InProgress, nullptr};
        std::int64_t settled = 0;
        for (; i < scores.size() && scores[i].bid == row.bid && scores[i].member == row.member; ++i)
        {
            settled += scores[i].value || scores[i].missing != MissingReason::NotYet ? 1 : 0;
        }
        for (; next != given.end() && key_of(*next) < key_of(row); ++next)
        {
            out.push_back(*next);
        }
        if (next != given.end() && key_of(*next) == key_of(row))
        {
            row.notes = (next++)->notes;
        }
        const auto count = criteria.find(row.bid);
        if (count != criteria.end() && settled == count->second)
        {
            row.status = SheetStatus::Complete;
        }
        out.push_back(row);
    }
    out.insert(out.end(), next, given.end());
    return out;
}

void WriteSheets(sqlite::Database& db, const std::vector<SheetRow>& sheets, const std::string& now)
{
    const ScoreSheet blank;
    InsertRows(db,
               "INSERT INTO score_sheets (bid_id, member_id, status, strengths, concerns, "
               "questions, needs_explaining, supported_by, updated_at)",
               9, sheets.size(),
               [&](sqlite::Statement& st, int p, std::size_t i)
               {
                   const SheetRow& row = sheets[i];
                   const ScoreSheet& s = row.notes != nullptr ? *row.notes : blank;
                   // Every text outlives the statement: the batch's, `now` or a literal.
                   st.Bind(p, row.bid).Bind(p + 1, row.member);
                   st.BindUncopied(p + 2, CheckedName(ToString(row.status)));
                   st.BindUncopied(p + 3, s.strengths).BindUncopied(p + 4, s.concerns);
                   st.BindUncopied(p + 5, s.questions).Bind(p + 6, s.needs_explaining ? 1 : 0);
                   st.BindUncopied(p + 7, s.supported_by);
                   st.BindUncopied(p + 8, s.updated_at.empty() ? now : s.updated_at);
               });
}

/// The tables an import writes whose foreign keys CheckBulkScores does not cover.
const std::vector<std::string> kImportedTablesWithForeignKeys = {
    "pots", "pot_values", "scoring_forms", "criteria", "criterion_levels",
    "bids", "bid_fields", "interests"};

std::vector<SheetKey> KeysOf(const std::vector<SheetRow>& sheets)
{
    std::vector<SheetKey> keys;
    keys.reserve(sheets.size());
    for (const SheetRow& s : sheets)
    {
        keys.push_back({s.bid, s.member});
    }
    return keys;
}

} // namespace

void Workspace::Import(const ImportBatch& batch)
{
    // The per-row guards are checked once for the whole batch (bulk_checks.hpp).
    const ForeignKeysSuspended foreign_keys(m_file->Db());
    Execute("import", {ChangeKind::Import, {}},
            [&](sqlite::Database& db, JsonWriter& detail)
            {
                ScoreInsertGuardSuspended guard(db);
                const std::string now = Now();
                WriteFunds(db, batch.funds);
                WriteCriteriaOfExistingFunds(db, batch.criteria);
                auto member_position = NextPosition(db, "members");
                for (const Member& m : batch.members)
                {
                    InsertMember(db, m, member_position++);
                }
                WriteBids(db, batch.bids);
                WriteInterests(db, batch.interests, now);
                std::vector<Score> sorted;
                const std::vector<Score>& scores = ScoresInKeyOrder(batch.scores, sorted);
                const std::vector<SheetRow> sheets = SheetsToWrite(db, batch, scores);
                {
                    const CheckConstraintsSuspended checks(db);
                    InsertRows(db,
                               "INSERT INTO scores (bid_id, member_id, criterion_id, value, "
                               "missing_reason)",
                               5, scores.size(),
                               [&](sqlite::Statement& st, int p, std::size_t i)
                               { BindScore(st, p, scores[i]); });
                    WriteSheets(db, sheets, now);
                }
                CheckBulkScores(db, scores, KeysOf(sheets));
                CheckForeignKeys(db, kImportedTablesWithForeignKeys);
                guard.Restore();
                detail.Field("source", batch.source);
                detail.Field("funds", static_cast<std::int64_t>(batch.funds.size()));
                auto criteria = static_cast<std::int64_t>(batch.criteria.size());
                for (const Fund& f : batch.funds)
                {
                    criteria += static_cast<std::int64_t>(f.criteria.size());
                }
                detail.Field("criteria", criteria);
                detail.Field("members", static_cast<std::int64_t>(batch.members.size()));
                detail.Field("bids", static_cast<std::int64_t>(batch.bids.size()));
                detail.Field("interests", static_cast<std::int64_t>(batch.interests.size()));
                detail.Field("sheets", static_cast<std::int64_t>(sheets.size()));
                detail.Field("scores", static_cast<std::int64_t>(batch.scores.size()));
            });
}

ImportBaseline Workspace::GetImportBaseline() const
{
    auto& db = m_file->Db();
    ImportBaseline base;
    base.funds = ListFunds();
    base.members = ListMembers();
    base.interests = ListInterests();
    auto bids = db.Prepare("SELECT id, ref, fund_id, requested_pence FROM bids "
                           "ORDER BY fund_id, position, id");
    while (bids.Step())
    {
        Bid b;
        b.key = static_cast<Key>(bids.Int64(0));
        b.ref = bids.Text(1);
        b.fund = static_cast<Key>(bids.Int64(2));
        b.requested_pence = bids.Int64(3);
        base.bids.push_back(std::move(b));
    }
    auto pairs = db.Prepare("SELECT bid_id, member_id FROM score_sheets UNION "
                            "SELECT bid_id, member_id FROM scores ORDER BY 1, 2");
    while (pairs.Step())
    {
        base.scored_pairs.emplace_back(static_cast<Key>(pairs.Int64(0)),
                                       static_cast<Key>(pairs.Int64(1)));
    }
    base.next_fund = NextKey(db, "funds");
    base.next_criterion = NextKey(db, "criteria");
    base.next_pot = NextKey(db, "pots");
    base.next_member = NextKey(db, "members");
    base.next_bid = NextKey(db, "bids");
    return base;
}

void Workspace::RecordImportRejected(const std::string& source, int errors, int warnings,
                                     const std::string& first_code)
{
    Execute("import_rejected", {ChangeKind::Import, {}},
            [&](sqlite::Database&, JsonWriter& detail)
            {
                detail.Field("source", source).Field("errors", errors);
                detail.Field("warnings", warnings).Field("first", first_code);
            });
}

} // namespace coscore::core
