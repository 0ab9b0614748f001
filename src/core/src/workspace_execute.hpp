// SPDX-License-Identifier: MIT
// The definition of Workspace::Execute, shared by the translation units that run commands.
#pragma once

#include "../sqlite/database.hpp"
#include "audit_chain.hpp"

#include <coscore/core/json.hpp>
#include <coscore/core/workspace.hpp>

namespace coscore::core
{

template <typename Body>
void Workspace::Execute(std::string_view action, ChangeEvent event, Body&& body)
{
    if (m_file->IsReadOnly())
    {
        throw CommandError("This round is open read-only, so nothing can be changed. Close it and "
                           "open it again for editing.");
    }
    auto& db = m_file->Db();
    sqlite::Transaction tx(db);
    JsonWriter detail;
    detail.BeginObject();
    body(db, detail);
    detail.EndObject();
    AppendAudit(db, Now(), m_actor.id, std::string(action), detail.Text());
    tx.Commit();
    Publish(event);
}

} // namespace coscore::core
