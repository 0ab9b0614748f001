// SPDX-License-Identifier: MIT
// Commands of the chair's meeting page that the main command set lacks: the inverse of a first
// decision, which the desktop's undo needs. Each validates first with a message that says what
// to do, then changes its rows and writes one audit entry (ids and codes only) in one
// transaction.
#include "../sqlite/database.hpp"
#include "workspace_detail.hpp"
#include "workspace_execute.hpp"

#include <coscore/core/json.hpp>
#include <coscore/core/workspace.hpp>

namespace coscore::core
{

using namespace scoring;

void Workspace::WithdrawDecision(Key bid)
{
    Execute("withdraw_decision", {ChangeKind::Decisions, {bid}},
            [&](sqlite::Database& db, JsonWriter& detail)
            {
                auto fund = db.Prepare("SELECT fund_id FROM bids WHERE id = ?1");
                fund.Bind(1, bid);
                if (!fund.Step())
                {
                    throw CommandError("There is no bid with key " + std::to_string(bid) +
                                       " in this round.");
                }
                if (detail::IsFundLocked(db, static_cast<Key>(fund.Int64(0))))
                {
                    throw CommandError("This bid's fund is locked, so its decisions cannot "
                                       "change. An officer can unlock it, giving a reason.");
                }
                {
                    auto old = db.Prepare("SELECT kind, status FROM decisions WHERE bid_id = ?1");
                    old.Bind(1, bid);
                    if (!old.Step())
                    {
                        throw CommandError("This bid has no decision to withdraw.");
                    }
                    detail.Field("bid", bid).Field("old", old.Text(0));
                    detail.Field("status", old.Text(1));
                }
                auto st = db.Prepare("DELETE FROM decisions WHERE bid_id = ?1");
                st.Bind(1, bid).Run();
            });
}

} // namespace coscore::core
