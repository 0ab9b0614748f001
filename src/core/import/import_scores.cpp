// SPDX-License-Identifier: MIT
// Scores from spreadsheets: the long form (one row per bid × member × criterion) and the wide
// scoring matrix councils use (one row per bid, one column per member × criterion, headed
// "M01 Need" or with members over criteria in two heading rows), told apart by their headings.
#include "decimal_text.hpp"
#include "lookalike.hpp"
#include "table_handler.hpp"
#include "text_encoding.hpp"

#include <algorithm>
#include <unordered_set>

namespace coscore::core::imports
{

using namespace scoring;

namespace
{

constexpr std::size_t kNoIndex = static_cast<std::size_t>(-1);

/// Which (bid, member, criterion) cells have a score already in this file. A bitmap over dense
/// indexes where that is small (20,000 × 25 × 8 cells take 500 KB), a hash set otherwise.
class CellSet
{
public:
    CellSet(std::size_t bids, std::size_t members, std::size_t criteria)
        : m_members(members), m_criteria(std::max<std::size_t>(criteria, 1))
    {
        const std::size_t cells = bids * m_members * m_criteria;
        if (cells <= (std::size_t{1} << 27))
        {
            m_bits.assign((cells + 63) / 64, 0);
        }
    }
    /// False when the cell was seen before.
    bool Insert(std::size_t bid, std::size_t member, std::size_t criterion)
    {
        const std::size_t cell = (bid * m_members + member) * m_criteria + criterion;
        if (m_bits.empty() && m_members > 0)
        {
            return m_set.insert(cell).second;
        }
        std::uint64_t& word = m_bits[cell / 64];
        const std::uint64_t bit = std::uint64_t{1} << (cell % 64);
        const bool fresh = (word & bit) == 0;
        word |= bit;
        return fresh;
    }

private:
    std::size_t m_members;
    std::size_t m_criteria;
    std::vector<std::uint64_t> m_bits;
    std::unordered_set<std::size_t> m_set;
};

std::optional<MissingReason> ReasonWord(const std::string& word)
{
    if (word == "not_yet")
    {
        return MissingReason::NotYet;
    }
    const auto reason = ParseMissingReason(word);
    return reason && *reason != MissingReason::None ? reason : std::nullopt;
}

/// One member × criterion column of the wide matrix.
struct WideColumn
{
    int column = 0;
    std::size_t member = 0;
    std::string criterion; ///< the criterion id as the heading writes it
};

bool IsSeparator(char c)
{
    return std::string_view(" :-_./|\\,;").find(c) != std::string_view::npos;
}

std::string_view TrimSeparators(std::string_view text)
{
    while (!text.empty() && IsSeparator(text.front()))
    {
        text.remove_prefix(1);
    }
    while (!text.empty() && IsSeparator(text.back()))
    {
        text.remove_suffix(1);
    }
    return text;
}

class ScoresHandler : public TableHandler
{
public:
    ScoresHandler(ImportState& state, const SourceContext& context, const ImportRequest& request)
        : TableHandler(ImportTable::Scores, state, context, request),
          m_cells(state.bids.size(), state.members.size(), MaxCriteria(state))
    {
        std::unordered_map<std::string, std::size_t> names;
        for (std::size_t m = 0; m < state.members.size(); ++m)
        {
            const auto [it, fresh] = names.emplace(DuplicateKey(state.members[m].name), m);
            if (!fresh)
            {
                it->second = kNoIndex; // two members share the name: names cannot identify them
            }
        }
        m_member_by_name = std::move(names);
        for (const KnownFund& f : state.funds)
        {
            for (const KnownCriterion& c : f.criteria)
            {
                m_criterion_refs.insert(DuplicateKey(c.ref));
            }
        }
    }

    std::optional<Layout> FindHeader(const std::vector<BufferedRow>& rows) override;
    void NoHeader(const std::vector<BufferedRow>& rows) override;

protected:
    void ReadRow() override;

private:
    static std::size_t MaxCriteria(const ImportState& state)
    {
        std::size_t most = 0;
        for (const KnownFund& f : state.funds)
        {
            most = std::max(most, f.criteria.size());
        }
        return most;
    }

    std::size_t FindMember(std::string_view text) const
    {
        if (const IdRegistry::Entry* e = m_state.member_ids.Find(text))
        {
            return e->index;
        }
        const auto it = m_member_by_name.find(DuplicateKey(text));
        return it == m_member_by_name.end() ? kNoIndex : it->second;
    }
    bool IsCriterion(std::string_view text) const
    {
        return m_criterion_refs.count(DuplicateKey(text)) != 0;
    }
    /// "M01 Need", "Need: M01", "Jo Bloggs - C1": a member and a criterion either way round.
    std::optional<WideColumn> SplitHeading(int column, std::string_view heading,
                                           std::string& unknown_member) const;
    std::vector<WideColumn> OneRowMatrix(const std::vector<std::string>& headings, int bid_column,
                                         std::vector<std::string>& unknown) const;
    std::vector<WideColumn> TwoRowMatrix(const std::vector<std::string>& members,
                                         const std::vector<std::string>& criteria,
                                         int bid_column) const;
    Layout WideLayout(HeadingMatch match, std::int64_t row, std::vector<WideColumn> columns,
                      std::size_t header_rows, const std::vector<std::string>& unknown);

    std::size_t CachedIndex(const IdRegistry& ids, int field, std::string_view kind,
                            std::string_view where, std::string& last_text,
                            std::size_t& last_index);
    /// Checks one score and adds it; `column` holds the value.
    void AddScore(int column, std::size_t bid, std::size_t member, std::string_view criterion);
    void AddNotes(std::size_t bid, std::size_t member);

    // Field numbers, looked up once rather than by name on every row.
    const int m_bid_field = FieldIndex(ImportTable::Scores, "bid_id");
    const int m_member_field = FieldIndex(ImportTable::Scores, "member_id");
    const int m_criterion_field = FieldIndex(ImportTable::Scores, "criterion_id");
    const int m_score_field = FieldIndex(ImportTable::Scores, "score");
    const int m_comment_field = FieldIndex(ImportTable::Scores, "comment");
    const int m_concerns_field = FieldIndex(ImportTable::Scores, "concerns");
    const int m_questions_field = FieldIndex(ImportTable::Scores, "questions");
    CellSet m_cells;
    std::unordered_map<std::string, std::size_t> m_member_by_name;
    std::unordered_set<std::string> m_criterion_refs;
    std::vector<WideColumn> m_wide;
    std::unordered_map<std::uint64_t, std::size_t> m_sheet_of_pair;
    // Consecutive rows usually name the same bid and member: remember the last lookups.
    std::string m_last_bid_text;
    std::size_t m_last_bid = kNoIndex;
    std::string m_last_member_text;
    std::size_t m_last_member = kNoIndex;
    std::string m_last_criterion_text;
    std::size_t m_last_criterion_fund = kNoIndex;
    const IdRegistry::Entry* m_last_criterion = nullptr;
};

std::optional<WideColumn> ScoresHandler::SplitHeading(int column, std::string_view heading,
                                                      std::string& unknown_member) const
{
    for (std::size_t p = 1; p + 1 < heading.size(); ++p)
    {
        if (!IsSeparator(heading[p]))
        {
            continue;
        }
        const std::string_view left = TrimSeparators(heading.substr(0, p));
        const std::string_view right = TrimSeparators(heading.substr(p + 1));
        if (left.empty() || right.empty())
        {
            continue;
        }
        for (const auto& [who, what] : {std::pair(left, right), std::pair(right, left)})
        {
            if (!IsCriterion(what))
            {
                continue;
            }
            if (const std::size_t member = FindMember(who); member != kNoIndex)
            {
                return WideColumn{column, member, std::string(what)};
            }
            unknown_member = std::string(who);
        }
    }
    return std::nullopt;
}

std::vector<WideColumn> ScoresHandler::OneRowMatrix(const std::vector<std::string>& headings,
                                                    int bid_column,
                                                    std::vector<std::string>& unknown) const
{
    std::vector<WideColumn> columns;
    for (std::size_t c = 0; c < headings.size(); ++c)
    {
        if (static_cast<int>(c) == bid_column || headings[c].empty())
        {
            continue;
        }
        std::string heading = headings[c];
        // "M01 × Need" and "M01 x Need" are common too.
        for (const std::string_view times : {"×", " x "})
        {
            for (std::size_t at = heading.find(times); at != std::string::npos;
                 at = heading.find(times))
            {
                heading = heading.substr(0, at) + " " + heading.substr(at + times.size());
            }
        }
        std::string unknown_member;
        if (auto wide = SplitHeading(static_cast<int>(c), heading, unknown_member); wide)
        {
            columns.push_back(std::move(*wide));
        }
        else if (!unknown_member.empty())
        {
            unknown.push_back(headings[c]);
        }
    }
    return columns;
}

std::vector<WideColumn> ScoresHandler::TwoRowMatrix(const std::vector<std::string>& members,
                                                    const std::vector<std::string>& criteria,
                                                    int bid_column) const
{
    std::vector<WideColumn> columns;
    std::size_t member = kNoIndex;
    for (std::size_t c = 0; c < criteria.size(); ++c)
    {
        // A member's name spans their criteria (merged cells keep it in the first one only).
        if (c < members.size() && !members[c].empty())
        {
            member = FindMember(members[c]);
        }
        if (static_cast<int>(c) != bid_column && member != kNoIndex && IsCriterion(criteria[c]))
        {
            columns.push_back({static_cast<int>(c), member, criteria[c]});
        }
    }
    return columns;
}

Layout ScoresHandler::WideLayout(HeadingMatch match, std::int64_t row,
                                 std::vector<WideColumn> columns, std::size_t header_rows,
                                 const std::vector<std::string>& unknown)
{
    ReportHeadingProblems(match, row);
    for (const std::string& heading : unknown)
    {
        m_context.Error("scores.unknown_member_column", row, -1,
                        "The column " + Quote(heading) +
                            " names a criterion but no member of the round or the members file.",
                        "Head each column with a member's id (or full name) and a criterion id, "
                        "like \"M01 C1\".");
    }
    Layout layout = std::move(match.layout);
    layout.header_row = row;
    layout.header_rows = header_rows;
    layout.wide = true;
    for (const WideColumn& w : columns)
    {
        // Name each matrix column "M01 / C1" in messages, whatever its heading says.
        layout.headings[static_cast<std::size_t>(w.column)] =
            m_state.members[w.member].ref + " / " + w.criterion;
    }
    std::string skipped;
    for (const int c : layout.extra)
    {
        const bool used = std::any_of(columns.begin(), columns.end(),
                                      [c](const WideColumn& w) { return w.column == c; });
        if (!used)
        {
            skipped +=
                (skipped.empty() ? "" : ", ") + Quote(layout.headings[static_cast<std::size_t>(c)]);
        }
    }
    m_context.Report(Severity::Note, "scores.wide_matrix", row, -1,
                     "Read as a scoring matrix: one row per bid, " +
                         std::to_string(columns.size()) + " member × criterion columns." +
                         (skipped.empty() ? "" : " Not imported: " + skipped + "."),
                     "");
    m_wide = std::move(columns);
    m_found = layout;
    return layout;
}

std::optional<Layout> ScoresHandler::FindHeader(const std::vector<BufferedRow>& rows)
{
    for (std::size_t i = 0; i < rows.size(); ++i)
    {
        const std::vector<std::string> headings = HeadingsOf(rows[i]);
        HeadingMatch match = MatchHeadings(m_table, headings, m_request.mappings);
        if (match.missing.empty())
        {
            ReportHeadingProblems(match, rows[i].number);
            match.layout.header_row = rows[i].number;
            m_found = match.layout;
            return m_found;
        }
        const int bid_column = match.layout.Column(m_bid_field);
        if (bid_column < 0)
        {
            continue;
        }
        std::vector<std::string> unknown;
        std::vector<WideColumn> columns = OneRowMatrix(headings, bid_column, unknown);
        if (!columns.empty())
        {
            return WideLayout(std::move(match), rows[i].number, std::move(columns), 1, unknown);
        }
        if (i + 1 < rows.size())
        {
            const std::vector<std::string> criteria = HeadingsOf(rows[i + 1]);
            columns = TwoRowMatrix(headings, criteria, bid_column);
            if (!columns.empty())
            {
                // The second heading row may be wider than the first.
                match.layout.headings.resize(std::max(headings.size(), criteria.size()));
                match.layout.width = static_cast<int>(match.layout.headings.size());
                return WideLayout(std::move(match), rows[i].number, std::move(columns), 2, {});
            }
        }
    }
    return std::nullopt;
}

void ScoresHandler::NoHeader(const std::vector<BufferedRow>& rows)
{
    TableHandler::NoHeader(rows);
    m_context.Report(Severity::Note, "scores.formats", 0, -1,
                     "Scores are read in the long form (bid_id, member_id, criterion_id, score) "
                     "or as a matrix with a bid_id column and one column per member and "
                     "criterion, headed like \"M01 C1\"; the members and criteria must be in the "
                     "round or imported with the scores.",
                     "");
}

std::size_t ScoresHandler::CachedIndex(const IdRegistry& ids, int field, std::string_view kind,
                                       std::string_view where, std::string& last_text,
                                       std::size_t& last_index)
{
    const CellView cell = Cell(field);
    if (cell.kind == CellKind::Text && cell.text == last_text && last_index != kNoIndex)
    {
        return last_index;
    }
    const auto id = Id(field, std::string(kind) + " id");
    const IdRegistry::Entry* entry = id ? Resolve(ids, field, *id, kind, where) : nullptr;
    last_text = cell.kind == CellKind::Text ? std::string(cell.text) : std::string();
    last_index = entry != nullptr ? entry->index : kNoIndex;
    return last_index;
}

void ScoresHandler::ReadRow()
{
    const std::size_t bid = CachedIndex(m_state.bid_ids, m_bid_field, "bid", "the bids file",
                                        m_last_bid_text, m_last_bid);
    if (m_layout->wide)
    {
        for (const WideColumn& w : m_wide)
        {
            const CellView cell = CellAt(w.column);
            if (bid != kNoIndex && (cell.kind != CellKind::Empty || !StoredText(cell.text).empty()))
            {
                AddScore(w.column, bid, w.member, w.criterion);
            }
        }
        return;
    }
    const std::size_t member = CachedIndex(m_state.member_ids, m_member_field, "member",
                                           "the members file", m_last_member_text, m_last_member);
    const CellView criterion_cell = Cell(m_criterion_field);
    std::optional<std::string> criterion;
    if (criterion_cell.kind != CellKind::Text || criterion_cell.text != m_last_criterion_text)
    {
        criterion = Id(m_criterion_field, "criterion id");
    }
    if (bid == kNoIndex || member == kNoIndex ||
        (!criterion && criterion_cell.text != m_last_criterion_text))
    {
        return;
    }
    AddScore(ColumnOf(m_score_field), bid, member,
             criterion ? std::string_view(*criterion) : std::string_view(m_last_criterion_text));
    if (ColumnOf(m_comment_field) >= 0 || ColumnOf(m_concerns_field) >= 0 ||
        ColumnOf(m_questions_field) >= 0)
    {
        AddNotes(bid, member);
    }
}

void ScoresHandler::AddScore(int column, std::size_t bid_index, std::size_t member_index,
                             std::string_view criterion_id)
{
    const KnownBid& bid = m_state.bids[bid_index];
    const KnownMember& member = m_state.members[member_index];
    const KnownFund& fund = m_state.funds[bid.fund];
    // Rows of one sheet name the same few criteria over and over: remember the last lookup.
    const IdRegistry::Entry* entry = m_last_criterion;
    if (entry == nullptr || bid.fund != m_last_criterion_fund ||
        criterion_id != m_last_criterion_text)
    {
        entry = fund.criterion_ids.Find(criterion_id);
        m_last_criterion = entry;
        m_last_criterion_fund = bid.fund;
        m_last_criterion_text = std::string(criterion_id);
    }
    if (entry == nullptr)
    {
        const IdRegistry::Entry* like = fund.criterion_ids.LookAlike(criterion_id);
        ErrorAt("scores.unknown_criterion", m_layout->wide ? column : ColumnOf(m_criterion_field),
                "The " + Quote(fund.name) + " (the fund of " + Quote(bid.ref) +
                    ") has no criterion " + Quote(criterion_id) + "." +
                    (like != nullptr ? " Did you mean " + Quote(like->id) + "?" : ""),
                "Use the criterion ids of the fund's scoring form.");
        return;
    }
    const KnownCriterion& criterion = fund.criteria[entry->index];
    // Messages are built only for the rows that need one: this runs for every score.
    const auto who = [&] { return Quote(member.ref) + " on " + Quote(bid.ref); };
    if (!member.scores)
    {
        ErrorAt("scores.member_does_not_score", column,
                Quote(member.ref) + " advises the panel and does not score.",
                "Leave out their scores, or record in the members table that they score.");
        return;
    }
    if (fund.locked)
    {
        ErrorAt("scores.fund_locked", column,
                "The " + Quote(fund.name) + " is locked, so its scores cannot change.",
                "An officer can unlock the fund, giving a reason, before importing.");
        return;
    }
    if (m_state.HasScores(bid.key, member.key))
    {
        ErrorAt("scores.already_scored", column,
                who() + " already has scores in this round; an import never overwrites them.",
                "Leave these rows out, or change the scores in CoScore, where each change is "
                "recorded.");
        return;
    }
    if (!m_cells.Insert(bid_index, member_index, entry->index))
    {
        ErrorAt("scores.duplicate", column,
                who() + " for " + Quote(criterion.ref) + " is scored more than once in this file.",
                "Keep one score for each bid, member and criterion.");
        return;
    }
    Score score{bid.key, member.key, criterion.key, std::nullopt, MissingReason::NotYet};
    const CellView cell = CellAt(column);
    const std::string_view text = StoredText(cell.text);
    std::optional<int> value;
    if (cell.kind == CellKind::Text && text.size() <= 3 &&
        text.find_first_not_of("0123456789") == std::string_view::npos && !text.empty())
    {
        int digits = 0;
        for (const char c : text)
        {
            digits = digits * 10 + (c - '0');
        }
        value = digits; // the common case, one or two plain digits
    }
    else if ((cell.kind == CellKind::Text || cell.kind == CellKind::Empty) &&
             (text.empty() || ReasonWord(EnumWord(text))))
    {
        score.missing = text.empty() ? MissingReason::NotYet : *ReasonWord(EnumWord(text));
    }
    else
    {
        value = WholeNumberAt(column, "a score", true);
        if (!value)
        {
            return;
        }
    }
    if (value)
    {
        if (*value < criterion.lo || *value > criterion.hi)
        {
            ErrorAt("scores.out_of_scale", column,
                    std::to_string(*value) + " is outside the scale of " + Quote(criterion.ref) +
                        ", " + std::to_string(criterion.lo) + " to " +
                        std::to_string(criterion.hi) + ".",
                    "Give a score on the criterion's scale, or leave it blank if missing.");
            return;
        }
        const auto interest = m_state.interests.find(ImportState::PairKey(member.key, bid.key));
        if (interest != m_state.interests.end() && BarsScoring(interest->second))
        {
            ErrorAt("scores.conflicted", column,
                    Quote(member.ref) + " declared an interest in " + Quote(bid.ref) +
                        " and may not score it.",
                    "Leave the score blank or write \"interest\"; check the declaration if it is "
                    "wrong.");
            return;
        }
        score.value = static_cast<std::int16_t>(*value);
        score.missing = MissingReason::None;
    }
    m_state.batch.scores.push_back(score);
}

void ScoresHandler::AddNotes(std::size_t bid_index, std::size_t member_index)
{
    const std::string comment = Text(m_comment_field);
    const std::string concerns = Text(m_concerns_field);
    const std::string questions = Text(m_questions_field);
    if (comment.empty() && concerns.empty() && questions.empty())
    {
        return;
    }
    const KnownBid& bid = m_state.bids[bid_index];
    const KnownMember& member = m_state.members[member_index];
    const std::uint64_t pair = ImportState::PairKey(bid.key, member.key);
    auto [it, fresh] = m_sheet_of_pair.emplace(pair, m_state.batch.sheets.size());
    if (fresh)
    {
        ScoreSheet sheet;
        sheet.bid = bid.key;
        sheet.member = member.key;
        m_state.batch.sheets.push_back(std::move(sheet));
    }
    ScoreSheet& sheet = m_state.batch.sheets[it->second];
    // A comment repeated on every row of a sheet is kept once; different ones are joined.
    const auto append = [](std::string& to, const std::string& text)
    {
        if (!text.empty() && to.find(text) == std::string::npos)
        {
            to += to.empty() ? text : "\n" + text;
        }
    };
    append(sheet.strengths, comment);
    append(sheet.concerns, concerns);
    append(sheet.questions, questions);
}

} // namespace

std::unique_ptr<RowHandler> MakeScoresHandler(ImportState& state, const SourceContext& context,
                                              const ImportRequest& request)
{
    return std::make_unique<ScoresHandler>(state, context, request);
}

} // namespace coscore::core::imports
