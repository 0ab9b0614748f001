// SPDX-License-Identifier: MIT
#include "import_detail.hpp"

#include <coscore/core/errors.hpp>
#include <coscore/core/import_writer.hpp>

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <fstream>
#include <map>
#include <unordered_map>

namespace coscore::core
{

using namespace scoring;

namespace
{

/// Writes one CSV file through a temporary name.
class CsvFile
{
public:
    CsvFile(const std::string& folder, const std::string& name)
        : m_path(folder + "/" + name), m_temp(m_path + ".part"),
          m_out(m_temp, std::ios::binary | std::ios::trunc)
    {
        if (!m_out)
        {
            throw Error("Cannot write " + m_path +
                        ". Check that the folder exists and that you "
                        "may write to it.");
        }
        m_out << "\xEF\xBB\xBF";
    }
    ~CsvFile()
    {
        if (!m_done)
        {
            m_out.close();
            std::remove(m_temp.c_str());
        }
    }
    CsvFile(const CsvFile&) = delete;
    CsvFile& operator=(const CsvFile&) = delete;

    void Row(const std::vector<std::string>& fields)
    {
        for (std::size_t i = 0; i < fields.size(); ++i)
        {
            m_out << (i == 0 ? "" : ",") << CsvField(fields[i]);
        }
        m_out << "\r\n";
    }
    std::string Finish()
    {
        m_out.close();
        if (!m_out || std::rename(m_temp.c_str(), m_path.c_str()) != 0)
        {
            std::remove(m_temp.c_str());
            throw Error("Writing " + m_path + " failed; the disk may be full. Nothing was kept.");
        }
        m_done = true;
        return m_path;
    }

private:
    std::string m_path;
    std::string m_temp;
    std::ofstream m_out;
    bool m_done = false;
};

std::string Amount(const std::optional<Pence>& pence)
{
    return pence ? FormatAmountPlain(*pence) : std::string();
}

std::string Number(double value)
{
    char text[32];
    const auto [end, ec] = std::to_chars(text, text + sizeof text, value);
    return ec == std::errc() ? std::string(text, end) : std::string();
}

std::string Descriptors(const std::vector<LevelDescriptor>& levels)
{
    std::string out;
    for (const LevelDescriptor& d : levels)
    {
        out += (out.empty() ? "" : "|") + std::to_string(d.level) + "=";
        for (const char c : d.text)
        {
            if (c == '|' || c == '\\')
            {
                out += '\\';
            }
            out += c;
        }
    }
    return out;
}

} // namespace

std::string CsvField(std::string_view text)
{
    std::string out = "\"";
    if (imports::NeedsFormulaGuard(text))
    {
        out += '\'';
    }
    for (const char c : text)
    {
        out += c == '"' ? "\"\"" : std::string(1, c);
    }
    return out + "\"";
}

/// The rows in key order: the order they were added, so that importing the files again gives
/// every row the same key and position.
template <typename T>
std::vector<const T*> ByKey(const std::vector<T>& rows)
{
    std::vector<const T*> sorted;
    for (const T& row : rows)
    {
        sorted.push_back(&row);
    }
    std::stable_sort(sorted.begin(), sorted.end(),
                     [](const T* a, const T* b) { return a->key < b->key; });
    return sorted;
}

std::vector<ImportFile> WriteImportCsv(const RoundData& round, const std::string& folder)
{
    std::vector<ImportFile> files;
    const auto done = [&](CsvFile& file, ImportTable table) {
        files.push_back({table, file.Finish(), ""});
    };
    std::unordered_map<Key, const Fund*> funds;
    std::unordered_map<Key, const Criterion*> criteria;
    for (const Fund& f : round.funds)
    {
        funds.emplace(f.key, &f);
        for (const Criterion& c : f.criteria)
        {
            criteria.emplace(c.key, &c);
        }
    }
    if (!round.funds.empty())
    {
        CsvFile out(folder, "funds.csv");
        out.Row({"fund", "budget", "min_award", "max_award"});
        for (const Fund* fund : ByKey(round.funds))
        {
            const Fund& f = *fund;
            out.Row({f.name, Amount(f.budget_pence), Amount(f.min_award_pence),
                     Amount(f.max_award_pence)});
        }
        done(out, ImportTable::Funds);
    }
    if (!criteria.empty())
    {
        CsvFile form(folder, "criteria.csv");
        form.Row({"fund", "criterion_id", "name", "weight", "scale_min", "scale_max", "question",
                  "guidance", "descriptors", "gate", "easy_read"});
        for (const Fund* fund : ByKey(round.funds))
        {
            const Fund& f = *fund;
            for (const Criterion& c : f.criteria)
            {
                form.Row({f.name, c.ref, c.name, Number(c.weight_percent),
                          std::to_string(c.scale_min), std::to_string(c.scale_max), c.question,
                          c.guidance, Descriptors(c.descriptors),
                          c.gate ? std::to_string(*c.gate) : "", c.easy_read});
            }
        }
        done(form, ImportTable::Criteria);
    }
    std::unordered_map<Key, const Member*> members;
    if (!round.members.empty())
    {
        CsvFile out(folder, "members.csv");
        out.Row({"member_id", "name", "role", "scores", "chair"});
        for (const Member* member : ByKey(round.members))
        {
            const Member& m = *member;
            members.emplace(m.key, &m);
            out.Row({m.ref, m.name, std::string(ToString(m.role)), m.scores ? "yes" : "no",
                     m.chair == ChairRole::None ? "" : std::string(ToString(m.chair))});
        }
        done(out, ImportTable::Members);
    }
    std::unordered_map<Key, const Bid*> bids;
    if (!round.bids.empty())
    {
        // Further application fields become columns, in the order they first appear.
        std::vector<std::string> extra;
        std::map<std::string, std::size_t> extra_column;
        for (const Bid& b : round.bids)
        {
            for (const ApplicationField& f : b.fields)
            {
                if (extra_column.emplace(f.name, extra.size()).second)
                {
                    extra.push_back(f.name);
                }
            }
        }
        CsvFile out(folder, "bids.csv");
        std::vector<std::string> heading{"bid_id", "organisation",     "project_title",
                                         "fund",   "amount_requested", "ward",
                                         "summary"};
        heading.insert(heading.end(), extra.begin(), extra.end());
        out.Row(heading);
        for (const Bid* bid : ByKey(round.bids))
        {
            const Bid& b = *bid;
            bids.emplace(b.key, &b);
            const auto fund = funds.find(b.fund);
            std::vector<std::string> row{b.ref,
                                         b.organisation,
                                         b.project_title,
                                         fund != funds.end() ? fund->second->name : "",
                                         FormatAmountPlain(b.requested_pence),
                                         b.ward,
                                         b.summary};
            row.resize(heading.size());
            for (const ApplicationField& f : b.fields)
            {
                row[7 + extra_column[f.name]] = f.value;
            }
            out.Row(row);
        }
        done(out, ImportTable::Bids);
    }
    const auto ref_of = [](const auto& map, Key key)
    {
        const auto it = map.find(key);
        return it != map.end() ? it->second->ref : std::string();
    };
    if (!round.interests.empty())
    {
        CsvFile out(folder, "interests.csv");
        out.Row({"member_id", "bid_id", "type", "rule", "declared_at", "note"});
        for (const Interest& i : round.interests)
        {
            out.Row({ref_of(members, i.member), ref_of(bids, i.bid), std::string(ToString(i.type)),
                     std::string(ToString(i.rule)), i.declared_at, i.note});
        }
        done(out, ImportTable::Interests);
    }
    if (!round.scores.empty())
    {
        std::map<std::pair<Key, Key>, const ScoreSheet*> sheets;
        for (const ScoreSheet& s : round.sheets)
        {
            sheets.emplace(std::pair(s.bid, s.member), &s);
        }
        CsvFile out(folder, "scores.csv");
        out.Row(
            {"bid_id", "member_id", "criterion_id", "score", "comment", "concerns", "questions"});
        std::pair<Key, Key> last{0, 0};
        for (const Score& s : round.scores)
        {
            const auto criterion = criteria.find(s.criterion);
            std::string value;
            if (s.value)
            {
                value = std::to_string(*s.value);
            }
            else if (s.missing != MissingReason::NotYet && s.missing != MissingReason::None)
            {
                value = std::string(ToString(s.missing));
            }
            std::vector<std::string> row{ref_of(bids, s.bid),
                                         ref_of(members, s.member),
                                         criterion != criteria.end() ? criterion->second->ref
                                                                     : std::string(),
                                         value,
                                         "",
                                         "",
                                         ""};
            // A sheet's notes go on its first row only; import joins them back per sheet.
            const std::pair<Key, Key> pair{s.bid, s.member};
            const auto sheet = sheets.find(pair);
            if (pair != last && sheet != sheets.end())
            {
                row[4] = sheet->second->strengths;
                row[5] = sheet->second->concerns;
                row[6] = sheet->second->questions;
            }
            last = pair;
            out.Row(row);
        }
        done(out, ImportTable::Scores);
    }
    return files;
}

} // namespace coscore::core
