// SPDX-License-Identifier: MIT
// Finding a table in a file: its header row (not always row 1: councils put titles above), the
// column of each field, and the checks every data row gets before its handler sees it.
#include "import_tables.hpp"
#include "lookalike.hpp"
#include "text_encoding.hpp"

#include <algorithm>
#include <map>

namespace coscore::core::imports
{

using scoring::Key;

namespace
{

/// How far down a header row is looked for (after blank rows).
constexpr std::size_t kHeaderSearchRows = 20;

const std::vector<std::vector<std::string>>& NormalisedSynonyms(ImportTable table)
{
    static std::map<ImportTable, std::vector<std::vector<std::string>>> cache;
    auto& entry = cache[table];
    if (entry.empty())
    {
        for (const ImportField& f : ImportFields(table))
        {
            std::vector<std::string> names{NormaliseHeading(f.name)};
            for (const std::string_view s : f.synonyms)
            {
                names.push_back(NormaliseHeading(s));
            }
            entry.push_back(std::move(names));
        }
    }
    return entry;
}

std::string Quoted(std::string_view text)
{
    return "\"" + EscapeForDisplay(text) + "\"";
}

bool IsBlank(std::span<const CellView> cells)
{
    return std::all_of(cells.begin(), cells.end(),
                       [](const CellView& c)
                       { return c.kind == CellKind::Empty || StoredText(c.text).empty(); });
}

BufferedRow Buffer(const RowView& row)
{
    BufferedRow b;
    b.number = row.number;
    for (const CellView& c : row.cells)
    {
        b.kinds.push_back(c.kind);
        b.cells.emplace_back(c.text);
    }
    return b;
}

std::vector<CellView> Views(const BufferedRow& row)
{
    std::vector<CellView> views;
    for (std::size_t i = 0; i < row.cells.size(); ++i)
    {
        views.push_back({row.kinds[i], row.cells[i]});
    }
    return views;
}

} // namespace

void IdRegistry::Add(std::string id, std::string where, std::size_t index)
{
    const std::string key = DuplicateKey(id);
    m_key_by_look.emplace(LookAlikeKey(id), key);
    m_by_key.emplace(key, Entry{std::move(id), std::move(where), index});
}

const IdRegistry::Entry* IdRegistry::Find(std::string_view id) const
{
    const auto it = m_by_key.find(DuplicateKey(id));
    return it == m_by_key.end() ? nullptr : &it->second;
}

const IdRegistry::Entry* IdRegistry::LookAlike(std::string_view id) const
{
    const auto look = m_key_by_look.find(LookAlikeKey(id));
    if (look == m_key_by_look.end() || look->second == DuplicateKey(id))
    {
        return nullptr;
    }
    return &m_by_key.at(look->second);
}

ImportState::ImportState(const ImportBaseline& base, const std::vector<bool>& locked_funds)
    : scored_pairs(base.scored_pairs), next_fund(base.next_fund),
      next_criterion(base.next_criterion), next_member(base.next_member), next_bid(base.next_bid)
{
    for (std::size_t f = 0; f < base.funds.size(); ++f)
    {
        const scoring::Fund& fund = base.funds[f];
        KnownFund known;
        known.key = fund.key;
        known.name = fund.name;
        known.locked = f < locked_funds.size() && locked_funds[f];
        known.min_award = fund.min_award_pence;
        known.max_award = fund.max_award_pence;
        for (const scoring::Criterion& c : fund.criteria)
        {
            known.criterion_ids.Add(c.ref, "in the round", known.criteria.size());
            known.criteria.push_back({c.key, c.ref, c.scale_min, c.scale_max});
            known.weight_sum += c.weight_percent;
        }
        fund_names.Add(fund.name, "in the round", funds.size());
        funds.push_back(std::move(known));
    }
    for (const scoring::Member& m : base.members)
    {
        member_ids.Add(m.ref, "in the round", members.size());
        members.push_back({m.key, m.ref, m.name, m.scores});
    }
    std::unordered_map<Key, std::size_t> fund_index;
    for (std::size_t f = 0; f < funds.size(); ++f)
    {
        fund_index.emplace(funds[f].key, f);
    }
    for (const scoring::Bid& b : base.bids)
    {
        bid_ids.Add(b.ref, "in the round", bids.size());
        bids.push_back({b.key, b.ref, fund_index[b.fund]});
    }
    for (const scoring::Interest& i : base.interests)
    {
        interests.emplace(PairKey(i.member, i.bid), i.rule);
    }
}

bool ImportState::HasScores(Key bid, Key member) const
{
    return std::binary_search(scored_pairs.begin(), scored_pairs.end(), std::pair(bid, member));
}

std::vector<std::string> HeadingsOf(const BufferedRow& row)
{
    std::vector<std::string> headings;
    for (const std::string& cell : row.cells)
    {
        headings.emplace_back(StoredText(cell));
    }
    return headings;
}

HeadingMatch MatchHeadings(ImportTable table, const std::vector<std::string>& headings,
                           const std::vector<ColumnMapping>& mappings,
                           const std::vector<std::string_view>& optional)
{
    HeadingMatch m;
    Layout& layout = m.layout;
    layout.headings = headings;
    layout.width = static_cast<int>(headings.size());
    const auto& fields = ImportFields(table);
    for (const ImportField& f : fields)
    {
        layout.fields.push_back({std::string(f.name), MatchKind::Missing, -1, ""});
    }
    std::vector<std::string> normalised;
    for (const std::string& h : headings)
    {
        normalised.push_back(NormaliseHeading(h));
    }
    std::vector<bool> taken(headings.size(), false);
    const auto take = [&](std::size_t field, std::size_t column, MatchKind how)
    {
        layout.fields[field] = {std::string(fields[field].name), how, static_cast<int>(column),
                                headings[column]};
        taken[column] = true;
    };
    std::map<std::string, std::size_t> first_with;
    for (std::size_t c = 0; c < normalised.size(); ++c)
    {
        if (normalised[c].empty())
        {
            continue;
        }
        const auto [it, fresh] = first_with.emplace(normalised[c], c);
        if (!fresh)
        {
            m.problems.push_back(
                {Severity::Error,
                 {"header.duplicate", "Columns " + ColumnLetters(static_cast<int>(it->second) + 1) +
                                          " and " + ColumnLetters(static_cast<int>(c) + 1) +
                                          " have the same heading, " + Quoted(headings[c]) +
                                          ", so CoScore cannot tell which to use."}});
        }
    }
    for (const ColumnMapping& map : mappings)
    {
        if (map.table != table)
        {
            continue;
        }
        const int field = FieldIndex(table, map.field);
        const std::string wanted = NormaliseHeading(map.column);
        const auto exact = std::find(headings.begin(), headings.end(), map.column);
        const auto loose = std::find(normalised.begin(), normalised.end(), wanted);
        if (field < 0)
        {
            continue;
        }
        if (exact != headings.end())
        {
            take(static_cast<std::size_t>(field),
                 static_cast<std::size_t>(exact - headings.begin()), MatchKind::Mapped);
        }
        else if (!wanted.empty() && loose != normalised.end())
        {
            take(static_cast<std::size_t>(field),
                 static_cast<std::size_t>(loose - normalised.begin()), MatchKind::Mapped);
        }
        else
        {
            m.problems.push_back(
                {Severity::Error,
                 {"map.no_such_column", "--map " + std::string(ToString(table)) + "." + map.field +
                                            " names the column " + Quoted(map.column) +
                                            ", but no column has that heading."}});
        }
    }
    const auto& synonyms = NormalisedSynonyms(table);
    for (std::size_t f = 0; f < fields.size(); ++f)
    {
        if (layout.fields[f].how != MatchKind::Missing)
        {
            continue;
        }
        std::vector<std::size_t> candidates;
        for (std::size_t c = 0; c < normalised.size(); ++c)
        {
            if (!taken[c] && !normalised[c].empty() &&
                std::find(synonyms[f].begin(), synonyms[f].end(), normalised[c]) !=
                    synonyms[f].end())
            {
                candidates.push_back(c);
            }
        }
        if (candidates.empty())
        {
            continue;
        }
        if (candidates.size() > 1)
        {
            m.problems.push_back(
                {Severity::Error,
                 {"header.ambiguous", "Columns " + Quoted(headings[candidates[0]]) + " and " +
                                          Quoted(headings[candidates[1]]) + " could both hold " +
                                          std::string(fields[f].name) + ". Say which with --map " +
                                          std::string(ToString(table)) + "." +
                                          std::string(fields[f].name) + "=COLUMN."}});
        }
        const std::size_t c = candidates.front();
        take(f, c, normalised[c] == synonyms[f].front() ? MatchKind::Name : MatchKind::Synonym);
    }
    for (std::size_t f = 0; f < fields.size(); ++f)
    {
        if (fields[f].required && layout.fields[f].how == MatchKind::Missing &&
            std::find(optional.begin(), optional.end(), fields[f].name) == optional.end())
        {
            m.missing.emplace_back(fields[f].name);
        }
    }
    for (std::size_t c = 0; c < headings.size(); ++c)
    {
        if (!taken[c] && !normalised[c].empty())
        {
            layout.extra.push_back(static_cast<int>(c));
        }
    }
    return m;
}

TableResult ReadTable(const ImportFile& file, const ImportOptions& options, SourceContext& context,
                      RowHandler& handler, std::size_t max_rows,
                      std::vector<ImportPreview::Row>* preview)
{
    TableResult result;
    std::vector<BufferedRow> buffered;
    bool decided = false;
    std::size_t rows = 0;
    bool any_row = false;

    const auto data_row = [&](const RowView& row)
    {
        if (IsBlank(row.cells))
        {
            return;
        }
        const Layout& layout = *result.layout;
        const int width = static_cast<int>(row.cells.size());
        if (context.Format() == FileFormat::Csv && width != layout.width)
        {
            context.Error("csv.ragged_row", row.number, -1,
                          "Line " + std::to_string(row.number) + " has " + std::to_string(width) +
                              (width == 1 ? " field" : " fields") + ", but the header (line " +
                              std::to_string(layout.header_row) + ") has " +
                              std::to_string(layout.width) + ".",
                          "Check that line for a missing or extra separator, or for a quote that "
                          "is not closed.");
            return;
        }
        for (int c = layout.width; c < width; ++c)
        {
            if (!IsBlank(row.cells.subspan(static_cast<std::size_t>(c), 1)))
            {
                context.Error("xlsx.data_without_heading", row.number, c,
                              "This cell holds data in a column with no heading.",
                              "Give the column a heading, or delete the data.");
                return;
            }
        }
        handler.Row(row);
    };

    const auto decide = [&]
    {
        decided = true;
        result.layout = handler.FindHeader(buffered);
        if (!result.layout)
        {
            if (any_row)
            {
                handler.NoHeader(buffered);
            }
            return;
        }
        context.SetHeadings(result.layout->headings);
        std::size_t at = 0;
        while (at < buffered.size() && buffered[at].number != result.layout->header_row)
        {
            ++at;
        }
        if (at > 0)
        {
            context.Report(Severity::Note, "header.not_first_row", result.layout->header_row, -1,
                           "The headings are on " + context.RowName(result.layout->header_row) +
                               (at == 1 ? "; the row above them (a title) is not imported."
                                        : "; the " + std::to_string(at) +
                                              " rows above them (a title) are not imported."),
                           "");
        }
        for (std::size_t k = at + result.layout->header_rows; k < buffered.size(); ++k)
        {
            const std::vector<CellView> views = Views(buffered[k]);
            data_row(RowView{buffered[k].number, views, &result.file});
        }
        buffered.clear();
    };

    ReadOptions read{options.encoding, file.sheet, options.limits};
    try
    {
        result.file = ReadTableRows(file.path, read,
                                    [&](const RowView& row)
                                    {
                                        context.CountRow();
                                        if (row.file != nullptr && !any_row)
                                        {
                                            context.SetFormat(*row.file);
                                        }
                                        any_row = true;
                                        if (preview != nullptr)
                                        {
                                            ImportPreview::Row shown{row.number, {}};
                                            for (const CellView& c : row.cells)
                                            {
                                                shown.cells.emplace_back(c.text);
                                            }
                                            preview->push_back(std::move(shown));
                                        }
                                        if (decided)
                                        {
                                            if (result.layout)
                                            {
                                                data_row(row);
                                            }
                                        }
                                        else if (!IsBlank(row.cells))
                                        {
                                            buffered.push_back(Buffer(row));
                                            if (buffered.size() >= kHeaderSearchRows)
                                            {
                                                decide();
                                            }
                                        }
                                        return max_rows == 0 || ++rows < max_rows;
                                    });
        context.SetFormat(result.file);
        if (!decided)
        {
            decide();
        }
    }
    catch (const ImportError& e)
    {
        context.Error(e.Code(), e.Row(), e.Column() - 1, e.what(), e.Fix());
        result.layout.reset();
        return result;
    }
    if (!any_row)
    {
        context.Error(std::string(ToString(context.Table())) + ".no_rows", 0, -1,
                      "The file has no rows at all.",
                      "Choose the file that holds the " + std::string(ToString(context.Table())) +
                          ".");
        return result;
    }
    if (result.layout && max_rows == 0)
    {
        handler.Finish();
    }
    return result;
}

} // namespace coscore::core::imports
