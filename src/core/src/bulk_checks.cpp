// SPDX-License-Identifier: MIT
#include "bulk_checks.hpp"

#include "../sqlite/database.hpp"

#include <coscore/core/errors.hpp>

#include <set>
#include <unordered_map>
#include <unordered_set>
#include <utility>

namespace coscore::core::detail
{

using scoring::Key;

ScopedPragma::ScopedPragma(sqlite::Database& db, std::string name, bool during)
    : m_db(db), m_name(std::move(name)), m_after(!during)
{
    m_db.Execute("PRAGMA " + m_name + (during ? " = ON" : " = OFF"));
}

ScopedPragma::~ScopedPragma()
{
    try
    {
        m_db.Execute("PRAGMA " + m_name + (m_after ? " = ON" : " = OFF"));
    }
    catch (const std::exception&)
    {
    }
}

namespace
{
constexpr const char* kScoreInsertGuard = "scores_guard_insert";
}

ScoreInsertGuardSuspended::ScoreInsertGuardSuspended(sqlite::Database& db) : m_db(db)
{
    auto st = m_db.Prepare("SELECT sql FROM sqlite_schema WHERE type = 'trigger' AND name = ?1");
    st.Bind(1, kScoreInsertGuard);
    if (!st.Step())
    {
        // The open checks refuse such a file; this is only reached if it changed since.
        throw CommandError("Nothing was imported: the round file was altered outside CoScore "
                           "(its score guard is missing).");
    }
    m_sql = st.Text(0);
    m_db.Execute(std::string("DROP TRIGGER ") + kScoreInsertGuard);
}

void ScoreInsertGuardSuspended::Restore()
{
    m_db.Execute(m_sql);
}

namespace
{

struct CriterionRule
{
    Key fund = 0;
    std::int64_t min = 0;
    std::int64_t max = 0;
};

/// What the trigger and the foreign keys look up, read once from the round in the transaction.
struct RoundKeys
{
    std::unordered_map<Key, Key> bid_fund;
    std::unordered_set<Key> members;
    std::unordered_map<Key, CriterionRule> criteria;
    /// (member, bid) pairs whose declared interest forbids scoring.
    std::set<std::pair<Key, Key>> barred;
};

RoundKeys ReadRoundKeys(sqlite::Database& db)
{
    RoundKeys keys;
    auto bids = db.Prepare("SELECT id, fund_id FROM bids");
    while (bids.Step())
    {
        keys.bid_fund.emplace(static_cast<Key>(bids.Int64(0)), static_cast<Key>(bids.Int64(1)));
    }
    auto members = db.Prepare("SELECT id FROM members");
    while (members.Step())
    {
        keys.members.insert(static_cast<Key>(members.Int64(0)));
    }
    auto criteria = db.Prepare("SELECT id, fund_id, scale_min, scale_max FROM criteria");
    while (criteria.Step())
    {
        keys.criteria.emplace(static_cast<Key>(criteria.Int64(0)),
                              CriterionRule{static_cast<Key>(criteria.Int64(1)), criteria.Int64(2),
                                            criteria.Int64(3)});
    }
    auto barred =
        db.Prepare("SELECT member_id, bid_id FROM interests WHERE rule <> 'declared_may_score'");
    while (barred.Step())
    {
        keys.barred.emplace(static_cast<Key>(barred.Int64(0)), static_cast<Key>(barred.Int64(1)));
    }
    return keys;
}

[[noreturn]] void Refuse(const std::string& why, Key bid, Key member)
{
    throw CommandError("Nothing was imported: " + why + " (bid key " + std::to_string(bid) +
                       ", member key " + std::to_string(member) + ").");
}

void CheckScore(const RoundKeys& keys, Key fund, const scoring::Score& s)
{
    const auto criterion = keys.criteria.find(s.criterion);
    if (criterion == keys.criteria.end() || criterion->second.fund != fund)
    {
        Refuse("a score names a criterion that is not on its bid's scoring form", s.bid, s.member);
    }
    if (s.value && (*s.value < criterion->second.min || *s.value > criterion->second.max))
    {
        Refuse("a score is outside its criterion's scale", s.bid, s.member);
    }
}

} // namespace

void CheckBulkScores(sqlite::Database& db, const std::vector<scoring::Score>& scores,
                     const std::vector<SheetKey>& sheets)
{
    const RoundKeys keys = ReadRoundKeys(db);
    const auto check_pair = [&](Key bid, Key member) -> Key
    {
        const auto fund = keys.bid_fund.find(bid);
        if (fund == keys.bid_fund.end() || keys.members.count(member) == 0)
        {
            Refuse("a score or score sheet names a bid or member that is not in the round", bid,
                   member);
        }
        return fund->second;
    };
    // Scores come sorted by (bid, member, criterion), so each (bid, member) pair is looked up
    // once per run of its rows, not once per row.
    for (std::size_t i = 0; i < scores.size();)
    {
        const Key bid = scores[i].bid;
        const Key member = scores[i].member;
        const Key fund = check_pair(bid, member);
        const bool is_barred = keys.barred.count({member, bid}) != 0;
        for (; i < scores.size() && scores[i].bid == bid && scores[i].member == member; ++i)
        {
            if (is_barred && scores[i].value)
            {
                Refuse("a score comes from a member who declared an interest in the bid", bid,
                       member);
            }
            CheckScore(keys, fund, scores[i]);
        }
    }
    for (const SheetKey& sheet : sheets)
    {
        check_pair(sheet.bid, sheet.member);
    }
}

void CheckForeignKeys(sqlite::Database& db, const std::vector<std::string>& tables)
{
    for (const std::string& table : tables)
    {
        auto st = db.Prepare("PRAGMA foreign_key_check(" + table + ")");
        if (st.Step())
        {
            throw CommandError("Nothing was imported: a row of " + table + " names a " +
                               st.Text(2) + " row that is not in the round.");
        }
    }
}

} // namespace coscore::core::detail
