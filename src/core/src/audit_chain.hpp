// SPDX-License-Identifier: MIT
// Appending to and verifying the hash-chained audit log inside the round file.
#pragma once

#include <coscore/core/audit.hpp>

#include <string>
#include <vector>

namespace coscore::core
{
namespace sqlite
{
class Database;
}

/// Appends one entry. Call inside the transaction of the change it records.
void AppendAudit(sqlite::Database& db, const std::string& at, const std::string& actor,
                 const std::string& action, const std::string& detail);

/// Recomputes the chain and reports the first entry whose hash or link does not match.
AuditVerification VerifyAuditChain(sqlite::Database& db);

std::vector<AuditEntry> ReadAuditLog(sqlite::Database& db);

} // namespace coscore::core
