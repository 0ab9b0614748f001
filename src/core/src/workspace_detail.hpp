// SPDX-License-Identifier: MIT
// Helpers shared by the Workspace's reads and commands.
#pragma once

#include <coscore/scoring/model.hpp>

#include <optional>
#include <string>

namespace coscore::core
{
namespace sqlite
{
class Database;
}

namespace detail
{

scoring::Policy ReadPolicy(sqlite::Database& db);
bool IsFundLocked(sqlite::Database& db, scoring::Key fund);

/// Empty when the schema is exactly what CoScore wrote for `version`, else what differs.
std::string DescribeSchemaDifference(sqlite::Database& db, int version);

} // namespace detail
} // namespace coscore::core
