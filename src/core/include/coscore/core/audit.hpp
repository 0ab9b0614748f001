// SPDX-License-Identifier: MIT
// The audit log: append-only, hash-chained (RELIABILITY.md §5).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace coscore::core
{

struct AuditEntry
{
    std::int64_t seq = 0;
    std::string at;     ///< ISO 8601 UTC
    std::string actor;  ///< who: a member id or "officer:<login>"
    std::string action; ///< what: "record_score", "declare_interest", …
    std::string detail; ///< JSON of ids and values (old → new); never names or application text
    std::string hash_hex;
};

struct AuditVerification
{
    std::int64_t entries = 0;
    std::optional<std::int64_t> first_broken_seq; ///< empty when the chain is intact
    std::string problem;
    std::string head_hash_hex; ///< printed on award lists and minutes
    bool Ok() const { return !first_broken_seq.has_value(); }
};

/// SHA-256 as lower-case hex.
std::string Sha256Hex(const std::string& data);

} // namespace coscore::core
