// SPDX-License-Identifier: MIT
// What the import tests share: the base round the corpus is imported into, a logical dump of a
// round file (to prove a refused import changed nothing), and rows written the way the corpus's
// expected files write them.
#pragma once

#include "sqlite/database.hpp"
#include "temp_dir.hpp"

#include <coscore/core/import.hpp>
#include <coscore/core/workspace.hpp>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <map>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

namespace coscore::test
{

inline std::string SourceDir()
{
    const char* env = std::getenv("COSCORE_SOURCE_DIR");
    return env != nullptr ? env : COSCORE_SOURCE_DIR;
}

inline std::string ReadFile(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

inline void WriteFile(const std::string& path, const std::string& bytes)
{
    std::ofstream(path, std::ios::binary) << bytes;
}

/// A clock that never moves, so that two imports write the same rows.
inline std::string PinnedTime()
{
    return "2026-11-22T12:00:00Z";
}

/// The round of tests/data/hostile/make_corpus.py: two funds with their forms, five members,
/// four bids, and M02's interest in INN-002.
inline std::unique_ptr<core::Workspace> MakeBaseRound(const std::string& path)
{
    using namespace scoring;
    auto ws = core::Workspace::Create(path, "Corpus round");
    ws->SetClock(&PinnedTime);
    core::ImportBatch batch;
    batch.source = "test base round";
    const auto criterion = [](Key key, const char* ref, double weight, int lo, int hi)
    {
        Criterion c;
        c.key = key;
        c.ref = ref;
        c.name = std::string("Criterion ") + ref;
        c.weight_percent = weight;
        c.scale_min = lo;
        c.scale_max = hi;
        return c;
    };
    Fund innovation;
    innovation.key = 1;
    innovation.name = "Innovation Fund";
    innovation.budget_pence = 10'000'000;
    innovation.max_award_pence = 2'500'000;
    innovation.criteria = {criterion(1, "C1", 40, 0, 5), criterion(2, "C2", 30, 0, 5),
                           criterion(3, "C3", 30, 0, 5)};
    Fund sustainability;
    sustainability.key = 2;
    sustainability.name = "Sustainability Fund";
    sustainability.budget_pence = 25'000'000;
    sustainability.criteria = {criterion(4, "S1", 100, 1, 10)};
    batch.funds = {innovation, sustainability};
    const std::vector<std::tuple<const char*, const char*, Role>> members{
        {"M01", "Jo Smith", Role::Councillor},
        {"M02", "Alex Jones", Role::PersonUsingServices},
        {"M03", "Sam", Role::Carer},
        {"M04", "Priya Shah", Role::VoluntarySector},
        {"M05", "Chris Officer", Role::Officer}};
    for (const auto& [ref, name, role] : members)
    {
        Member m;
        m.key = static_cast<Key>(batch.members.size() + 1);
        m.ref = ref;
        m.name = name;
        m.role = role;
        m.scores = role != Role::Officer;
        batch.members.push_back(m);
    }
    for (const char* ref : {"INN-001", "INN-002", "INN-003", "SUS-001"})
    {
        Bid b;
        b.key = static_cast<Key>(batch.bids.size() + 1);
        b.ref = ref;
        b.organisation = std::string("Organisation of ") + ref;
        b.project_title = "Project";
        b.fund = ref[0] == 'S' ? 2 : 1;
        b.requested_pence = 100'000;
        batch.bids.push_back(b);
    }
    Interest interest;
    interest.member = 2;
    interest.bid = 2;
    interest.type = InterestType::EmployeeOrTrustee;
    interest.rule = InterestRule::NoScoreNoSee;
    batch.interests.push_back(interest);
    ws->Import(batch);
    return ws;
}

/// Every table's rows in key order as SQL literals, the audit log left out (a refused import
/// may add its import_rejected entry there). Without `with_round`, the round's own row (its
/// uuid and creation time differ between two files) is left out too.
inline std::string LogicalDump(const std::string& path, bool with_round = true)
{
    core::sqlite::Database db(path, core::sqlite::OpenFlags::ReadOnly);
    std::vector<std::string> tables;
    auto names = db.Prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT "
                            "LIKE 'sqlite_%' AND name <> 'audit_log' ORDER BY name");
    while (names.Step())
    {
        tables.push_back(names.Text(0));
    }
    std::string dump;
    for (const std::string& table : tables)
    {
        if (table == "round" && !with_round)
        {
            continue;
        }
        std::vector<std::string> columns;
        auto info = db.Prepare("SELECT name FROM pragma_table_info(?1) ORDER BY cid");
        info.Bind(1, table);
        while (info.Step())
        {
            columns.push_back(info.Text(0));
        }
        std::string select = "SELECT ";
        std::string order;
        for (std::size_t i = 0; i < columns.size(); ++i)
        {
            select += (i == 0 ? "quote(\"" : " || '|' || quote(\"") + columns[i] + "\")";
            order += (i == 0 ? "\"" : ", \"") + columns[i] + "\"";
        }
        auto rows = db.Prepare(select + " FROM \"" + table + "\" ORDER BY " + order);
        dump += "[" + table + "]\n";
        while (rows.Step())
        {
            dump += rows.Text(0) + "\n";
        }
    }
    return dump;
}

inline std::vector<core::AuditEntry> AuditOf(const std::string& path)
{
    return core::Workspace::Open(path, {true})->ListAudit();
}

/// A cell as the corpus's .expected.tsv files write it.
inline std::string EscapeCell(const std::string& text)
{
    std::string out;
    for (const char c : text)
    {
        out += c == '\\'   ? "\\\\"
               : c == '\t' ? "\\t"
               : c == '\n' ? "\\n"
               : c == '\r' ? "\\r"
                           : std::string(1, c);
    }
    return out;
}

inline std::string TsvLine(const std::vector<std::string>& cells)
{
    std::string line;
    for (std::size_t i = 0; i < cells.size(); ++i)
    {
        line += (i == 0 ? "" : "\t") + EscapeCell(cells[i]);
    }
    return line + "\n";
}

/// The rows an import added to `table`, written as the corpus writes its expected rows: bids as
/// ref, organisation, title, fund, pence, ward, summary, field=value…; scores as bid, member,
/// criterion, value or missing reason; interests as member, bid, type, rule.
inline std::string ImportedRows(const scoring::RoundData& before, const scoring::RoundData& after,
                                core::ImportTable table)
{
    using namespace scoring;
    std::map<Key, std::string> fund_names;
    std::map<Key, std::string> bid_refs;
    std::map<Key, std::string> member_refs;
    std::map<Key, std::string> criterion_refs;
    for (const Fund& f : after.funds)
    {
        fund_names[f.key] = f.name;
        for (const Criterion& c : f.criteria)
        {
            criterion_refs[c.key] = c.ref;
        }
    }
    for (const Bid& b : after.bids)
    {
        bid_refs[b.key] = b.ref;
    }
    for (const Member& m : after.members)
    {
        member_refs[m.key] = m.ref;
    }
    std::string out;
    switch (table)
    {
    case core::ImportTable::Bids:
    {
        std::vector<Bid> bids = after.bids;
        std::sort(bids.begin(), bids.end(),
                  [](const Bid& a, const Bid& b) { return a.key < b.key; });
        for (const Bid& b : bids)
        {
            if (b.key <= static_cast<Key>(before.bids.size()))
            {
                continue;
            }
            std::vector<std::string> cells{b.ref,
                                           b.organisation,
                                           b.project_title,
                                           fund_names[b.fund],
                                           std::to_string(b.requested_pence),
                                           b.ward,
                                           b.summary};
            for (const ApplicationField& f : b.fields)
            {
                cells.push_back(f.name + "=" + f.value);
            }
            out += TsvLine(cells);
        }
        break;
    }
    case core::ImportTable::Scores:
        for (const Score& s : after.scores)
        {
            out += TsvLine({bid_refs[s.bid], member_refs[s.member], criterion_refs[s.criterion],
                            s.value ? std::to_string(*s.value) : std::string(ToString(s.missing))});
        }
        break;
    case core::ImportTable::Interests:
        for (const Interest& i : after.interests)
        {
            if (std::none_of(before.interests.begin(), before.interests.end(),
                             [&](const Interest& b)
                             { return b.member == i.member && b.bid == i.bid; }))
            {
                out += TsvLine({member_refs[i.member], bid_refs[i.bid],
                                std::string(ToString(i.type)), std::string(ToString(i.rule))});
            }
        }
        break;
    case core::ImportTable::Funds:
    case core::ImportTable::Criteria:
    case core::ImportTable::Members:
        break;
    }
    return out;
}

} // namespace coscore::test
