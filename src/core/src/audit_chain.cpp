// SPDX-License-Identifier: MIT
#include "audit_chain.hpp"

#include "../sqlite/database.hpp"

#include <sodium.h>

#include <array>

namespace coscore::core
{
namespace
{

using Hash = std::vector<unsigned char>;

void EnsureSodium()
{
    // sodium_init() is idempotent and thread-safe; it picks the fastest implementations.
    static const int kReady = sodium_init();
    (void)kReady;
}
constexpr std::size_t kHashSize = crypto_hash_sha256_BYTES;

// Length-prefixed fields, so that no choice of text can make two records hash alike.
std::string CanonicalRecord(std::int64_t seq, const std::string& at, const std::string& actor,
                            const std::string& action, const std::string& detail)
{
    std::string record;
    for (const std::string& field : {std::to_string(seq), at, actor, action, detail})
    {
        record += std::to_string(field.size());
        record += ':';
        record += field;
    }
    return record;
}

Hash ChainHash(const Hash& prev, const std::string& record)
{
    EnsureSodium();
    Hash out(kHashSize);
    crypto_hash_sha256_state state;
    crypto_hash_sha256_init(&state);
    crypto_hash_sha256_update(&state, prev.data(), prev.size());
    crypto_hash_sha256_update(&state, reinterpret_cast<const unsigned char*>(record.data()),
                              record.size());
    crypto_hash_sha256_final(&state, out.data());
    return out;
}

std::string Hex(const Hash& bytes)
{
    std::string hex(bytes.size() * 2 + 1, '\0');
    sodium_bin2hex(hex.data(), hex.size(), bytes.data(), bytes.size());
    hex.pop_back();
    return hex;
}

} // namespace

std::string Sha256Hex(const std::string& data)
{
    EnsureSodium();
    Hash out(kHashSize);
    crypto_hash_sha256(out.data(), reinterpret_cast<const unsigned char*>(data.data()),
                       data.size());
    return Hex(out);
}

void AppendAudit(sqlite::Database& db, const std::string& at, const std::string& actor,
                 const std::string& action, const std::string& detail)
{
    std::int64_t seq = 1;
    Hash prev(kHashSize, 0);
    {
        auto last = db.Prepare("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1");
        if (last.Step())
        {
            seq = last.Int64(0) + 1;
            prev = last.Blob(1);
        }
    }
    const Hash hash = ChainHash(prev, CanonicalRecord(seq, at, actor, action, detail));
    auto insert = db.Prepare("INSERT INTO audit_log (seq, at, actor, action, detail, prev_hash, "
                             "hash) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
    insert.Bind(1, seq).Bind(2, at).Bind(3, actor).Bind(4, action).Bind(5, detail);
    insert.BindBlob(6, prev).BindBlob(7, hash).Run();
}

AuditVerification VerifyAuditChain(sqlite::Database& db)
{
    AuditVerification result;
    Hash expected_prev(kHashSize, 0);
    std::int64_t expected_seq = 1;
    auto rows = db.Prepare(
        "SELECT seq, at, actor, action, detail, prev_hash, hash FROM audit_log ORDER BY seq");
    while (rows.Step())
    {
        const std::int64_t seq = rows.Int64(0);
        const Hash prev = rows.Blob(5);
        const Hash stored = rows.Blob(6);
        std::string problem;
        if (seq != expected_seq)
        {
            problem = "entry " + std::to_string(expected_seq) + " is missing";
        }
        else if (prev != expected_prev)
        {
            problem = "entry " + std::to_string(seq) + " does not link to the entry before it";
        }
        else if (stored != ChainHash(prev, CanonicalRecord(seq, rows.Text(1), rows.Text(2),
                                                           rows.Text(3), rows.Text(4))))
        {
            problem = "entry " + std::to_string(seq) + " was changed after it was written";
        }
        if (!problem.empty())
        {
            result.first_broken_seq = seq != expected_seq ? expected_seq : seq;
            result.problem = problem;
            return result;
        }
        ++result.entries;
        expected_prev = stored;
        ++expected_seq;
    }
    result.head_hash_hex = Hex(expected_prev);
    return result;
}

std::vector<AuditEntry> ReadAuditLog(sqlite::Database& db)
{
    std::vector<AuditEntry> entries;
    auto rows =
        db.Prepare("SELECT seq, at, actor, action, detail, hash FROM audit_log ORDER BY seq");
    while (rows.Step())
    {
        entries.push_back({rows.Int64(0), rows.Text(1), rows.Text(2), rows.Text(3), rows.Text(4),
                           Hex(rows.Blob(5))});
    }
    return entries;
}

} // namespace coscore::core
