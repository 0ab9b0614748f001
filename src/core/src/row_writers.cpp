// SPDX-License-Identifier: MIT
#include "row_writers.hpp"

#include "../sqlite/database.hpp"

#include <coscore/core/errors.hpp>

namespace coscore::core::detail
{

using namespace scoring;

std::string Trimmed(const std::string& text)
{
    const auto begin = text.find_first_not_of(" \t\r\n");
    if (begin == std::string::npos)
    {
        return "";
    }
    const auto end = text.find_last_not_of(" \t\r\n");
    return text.substr(begin, end - begin + 1);
}

void RequireText(const std::string& text, const std::string& what)
{
    if (Trimmed(text).empty())
    {
        throw CommandError("Please give " + what + ".");
    }
}

std::int64_t NextPosition(sqlite::Database& db, const std::string& table)
{
    auto st = db.Prepare("SELECT coalesce(max(position), 0) + 1 FROM " + table);
    st.Step();
    return st.Int64(0);
}

void InsertCriterion(sqlite::Database& db, Key fund, const Criterion& c, std::int64_t position)
{
    auto st =
        db.Prepare("INSERT INTO criteria (id, fund_id, ref, name, question, guidance, easy_read, "
                   "weight_percent, scale_min, scale_max, gate, position) "
                   "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)");
    if (c.key != 0)
    {
        st.Bind(1, c.key);
    }
    else
    {
        st.BindNull(1);
    }
    st.Bind(2, fund).Bind(3, c.ref).Bind(4, c.name).Bind(5, c.question).Bind(6, c.guidance);
    st.Bind(7, c.easy_read).Bind(8, c.weight_percent).Bind(9, c.scale_min).Bind(10, c.scale_max);
    st.Bind(11, c.gate).Bind(12, position).Run();
}

void InsertLevels(sqlite::Database& db, Key criterion, const std::vector<LevelDescriptor>& levels)
{
    auto st = db.Prepare("INSERT INTO criterion_levels (criterion_id, level, descriptor, "
                         "easy_read) VALUES (?1, ?2, ?3, ?4)");
    for (const LevelDescriptor& d : levels)
    {
        st.Bind(1, criterion).Bind(2, d.level).Bind(3, d.text).Bind(4, d.easy_read).Run();
    }
}

void ValidateCriterion(const Criterion& c)
{
    RequireText(c.name, "the criterion a name");
    if (c.scale_max <= c.scale_min || c.scale_max - c.scale_min > 100)
    {
        throw CommandError("The scale of \"" + c.name +
                           "\" must run from a lower to a higher whole number (at most 100 "
                           "steps).");
    }
    if (!(c.weight_percent >= 0.0 && c.weight_percent <= 100.0))
    {
        throw CommandError("The weight of \"" + c.name + "\" must be between 0% and 100%.");
    }
    if (c.gate && (*c.gate < c.scale_min || *c.gate > c.scale_max))
    {
        throw CommandError("The gate of \"" + c.name + "\" must be a level on its scale.");
    }
    for (const LevelDescriptor& d : c.descriptors)
    {
        if (d.level < c.scale_min || d.level > c.scale_max)
        {
            throw CommandError("\"" + c.name + "\" has a descriptor for level " +
                               std::to_string(d.level) + ", which is outside its scale.");
        }
    }
}

Key InsertFundRows(sqlite::Database& db, const Fund& fund, std::int64_t position)
{
    auto st = db.Prepare("INSERT INTO funds (id, name, budget_pence, min_award_pence, "
                         "max_award_pence, position) VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
    if (fund.key != 0)
    {
        st.Bind(1, fund.key);
    }
    else
    {
        st.BindNull(1);
    }
    st.Bind(2, fund.name).Bind(3, fund.budget_pence).Bind(4, fund.min_award_pence);
    st.Bind(5, fund.max_award_pence).Bind(6, position).Run();
    const auto key = static_cast<Key>(db.LastInsertRowId());
    auto form = db.Prepare("INSERT INTO scoring_forms (fund_id, title) VALUES (?1, ?2)");
    form.Bind(1, key).Bind(2, fund.name).Run();
    return key;
}

Key InsertPot(sqlite::Database& db, Key fund, const Pot& pot)
{
    auto st = db.Prepare("INSERT INTO pots (id, fund_id, name, minimum_pence, field) "
                         "VALUES (?1, ?2, ?3, ?4, ?5)");
    if (pot.key != 0)
    {
        st.Bind(1, pot.key);
    }
    else
    {
        st.BindNull(1);
    }
    st.Bind(2, fund).Bind(3, pot.name).Bind(4, pot.minimum_pence).Bind(5, pot.field).Run();
    const auto key = static_cast<Key>(db.LastInsertRowId());
    auto values = db.Prepare("INSERT OR IGNORE INTO pot_values (pot_id, value) VALUES (?1, ?2)");
    for (const std::string& v : pot.values)
    {
        values.Bind(1, key).Bind(2, v).Run();
    }
    return key;
}

Key InsertMember(sqlite::Database& db, const Member& m, std::int64_t position)
{
    auto st = db.Prepare("INSERT INTO members (id, ref, name, role, scores, chair, position) "
                         "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
    if (m.key != 0)
    {
        st.Bind(1, m.key);
    }
    else
    {
        st.BindNull(1);
    }
    st.Bind(2, m.ref).Bind(3, m.name).Bind(4, ToString(m.role)).Bind(5, m.scores ? 1 : 0);
    st.Bind(6, ToString(m.chair)).Bind(7, position).Run();
    return static_cast<Key>(db.LastInsertRowId());
}

Key InsertBid(sqlite::Database& db, const Bid& b, std::int64_t position)
{
    auto st = db.Prepare(
        "INSERT INTO bids (id, ref, fund_id, organisation, project_title, requested_pence, ward, "
        "summary, eligibility, eligibility_note, position) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)");
    if (b.key != 0)
    {
        st.Bind(1, b.key);
    }
    else
    {
        st.BindNull(1);
    }
    st.Bind(2, b.ref).Bind(3, b.fund).Bind(4, b.organisation).Bind(5, b.project_title);
    st.Bind(6, b.requested_pence).Bind(7, b.ward).Bind(8, b.summary);
    st.Bind(9, ToString(b.eligibility)).Bind(10, b.eligibility_note).Bind(11, position).Run();
    const auto key = static_cast<Key>(db.LastInsertRowId());
    auto fields = db.Prepare(
        "INSERT INTO bid_fields (bid_id, position, name, value) VALUES (?1, ?2, ?3, ?4)");
    int index = 1;
    for (const ApplicationField& f : b.fields)
    {
        fields.Bind(1, key).Bind(2, index++).Bind(3, f.name).Bind(4, f.value).Run();
    }
    return key;
}

void InsertInterest(sqlite::Database& db, const Interest& i)
{
    auto st = db.Prepare("INSERT INTO interests (member_id, bid_id, type, rule, declared_at, "
                         "note) VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
    st.Bind(1, i.member).Bind(2, i.bid).Bind(3, ToString(i.type)).Bind(4, ToString(i.rule));
    st.Bind(5, i.declared_at).Bind(6, i.note).Run();
}

void WriteScoreRow(sqlite::Statement& st, const Score& s)
{
    st.Bind(1, s.bid).Bind(2, s.member).Bind(3, s.criterion);
    if (s.value)
    {
        st.Bind(4, static_cast<int>(*s.value)).BindNull(5);
    }
    else
    {
        const MissingReason reason =
            s.missing == MissingReason::None ? MissingReason::NotYet : s.missing;
        st.BindNull(4).Bind(5, ToString(reason));
    }
    st.Run();
}

const char* const kUpsertScore =
    "INSERT INTO scores (bid_id, member_id, criterion_id, value, missing_reason) "
    "VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (bid_id, member_id, criterion_id) DO UPDATE SET "
    "value = excluded.value, missing_reason = excluded.missing_reason";

} // namespace coscore::core::detail
