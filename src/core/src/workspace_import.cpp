// SPDX-License-Identifier: MIT
// The Workspace's all-or-nothing bulk import (used by imports and the demo round).
#include "row_writers.hpp"
#include "workspace_execute.hpp"

#include <coscore/core/workspace.hpp>

namespace coscore::core
{

using namespace scoring;
using namespace detail;

void Workspace::Import(const ImportBatch& batch)
{
    Execute("import", {ChangeKind::Import, {}},
            [&](sqlite::Database& db, JsonWriter& detail)
            {
                auto fund_position = NextPosition(db, "funds");
                for (const Fund& f : batch.funds)
                {
                    const Key key = InsertFundRows(db, f, fund_position++);
                    std::int64_t position = 1;
                    for (const Criterion& c : f.criteria)
                    {
                        ValidateCriterion(c);
                        InsertCriterion(db, key, c, position++);
                        InsertLevels(db, static_cast<Key>(db.LastInsertRowId()), c.descriptors);
                    }
                    for (const Pot& pot : f.pots)
                    {
                        InsertPot(db, key, pot);
                    }
                }
                auto member_position = NextPosition(db, "members");
                for (const Member& m : batch.members)
                {
                    InsertMember(db, m, member_position++);
                }
                auto bid_position = NextPosition(db, "bids");
                for (const Bid& b : batch.bids)
                {
                    InsertBid(db, b, bid_position++);
                }
                for (const Interest& i : batch.interests)
                {
                    InsertInterest(db, i);
                }
                auto sheet = db.Prepare(
                    "INSERT INTO score_sheets (bid_id, member_id, status, strengths, concerns, "
                    "questions, needs_explaining, supported_by, updated_at) "
                    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)");
                for (const ScoreSheet& s : batch.sheets)
                {
                    sheet.Bind(1, s.bid).Bind(2, s.member).Bind(3, ToString(s.status));
                    sheet.Bind(4, s.strengths).Bind(5, s.concerns).Bind(6, s.questions);
                    sheet.Bind(7, s.needs_explaining ? 1 : 0).Bind(8, s.supported_by);
                    sheet.Bind(9, s.updated_at.empty() ? Now() : s.updated_at).Run();
                }
                auto score = db.Prepare(kUpsertScore);
                for (const Score& s : batch.scores)
                {
                    WriteScoreRow(score, s);
                }
                detail.Field("source", batch.source);
                detail.Field("funds", static_cast<std::int64_t>(batch.funds.size()));
                detail.Field("members", static_cast<std::int64_t>(batch.members.size()));
                detail.Field("bids", static_cast<std::int64_t>(batch.bids.size()));
                detail.Field("interests", static_cast<std::int64_t>(batch.interests.size()));
                detail.Field("sheets", static_cast<std::int64_t>(batch.sheets.size()));
                detail.Field("scores", static_cast<std::int64_t>(batch.scores.size()));
            });
}

} // namespace coscore::core
