// SPDX-License-Identifier: MIT
// The scoring matrix: every scoring member's total for every bid, then one sheet per criterion
// of each fund with the raw scores. A member with a barring interest shows "Interest declared",
// never a number; a score changed in the meeting is marked and listed on its own sheet.
#include "export_context.hpp"

#include <algorithm>
#include <map>
#include <memory>
#include <tuple>

namespace coscore::exports::detail
{
namespace
{

constexpr std::string_view kOutput = "Scoring matrix";

using CellKey = std::tuple<Key, Key, Key>; // bid, member, criterion

/// The scores of each bid (a range into RoundData::scores) and the moderation that applies to
/// each cell.
class ScoreIndex
{
public:
    explicit ScoreIndex(const scoring::RoundData& round) : m_scores(round.scores)
    {
        const auto by_cell = [](const scoring::Score& a, const scoring::Score& b)
        { return std::tie(a.bid, a.member, a.criterion) < std::tie(b.bid, b.member, b.criterion); };
        if (!std::is_sorted(m_scores.begin(), m_scores.end(), by_cell))
        {
            m_sorted.assign(m_scores.begin(), m_scores.end());
            std::sort(m_sorted.begin(), m_sorted.end(), by_cell);
            m_scores = m_sorted;
        }
        for (std::size_t i = 0; i < m_scores.size();)
        {
            std::size_t end = i;
            while (end < m_scores.size() && m_scores[end].bid == m_scores[i].bid)
            {
                ++end;
            }
            m_ranges.emplace(m_scores[i].bid, std::make_pair(i, end));
            i = end;
        }
        for (std::size_t i = 0; i < round.moderated.size(); ++i)
        {
            const scoring::ModeratedScore& m = round.moderated[i];
            m_moderated[{m.bid, m.member, m.criterion}] = &m; // the latest entry applies
        }
    }

    std::span<const scoring::Score> ScoresOf(Key bid) const
    {
        const auto it = m_ranges.find(bid);
        if (it == m_ranges.end())
        {
            return {};
        }
        return m_scores.subspan(it->second.first, it->second.second - it->second.first);
    }

    /// The moderated value that applies to a cell, if any (a withdrawn moderation does not).
    std::optional<int> ModeratedValue(const scoring::Score& score) const
    {
        if (m_moderated.empty())
        {
            return std::nullopt;
        }
        const auto it = m_moderated.find({score.bid, score.member, score.criterion});
        return it == m_moderated.end() ? std::nullopt : it->second->value;
    }

    bool HasModeration() const { return !m_moderated.empty(); }

private:
    std::span<const scoring::Score> m_scores;
    std::vector<scoring::Score> m_sorted;
    std::unordered_map<Key, std::pair<std::size_t, std::size_t>> m_ranges;
    std::map<CellKey, const scoring::ModeratedScore*> m_moderated;
};

std::vector<Column> RowHeadColumns(bool with_fund, bool with_organisation = true)
{
    std::vector<Column> columns;
    if (with_fund)
    {
        columns.push_back({"Fund", ColumnKind::Text});
    }
    columns.push_back({"Rank", ColumnKind::Count});
    columns.push_back({"Ref", ColumnKind::Text});
    if (with_organisation)
    {
        columns.push_back({"Organisation", ColumnKind::Text, 28});
    }
    return columns;
}

std::vector<Column> MemberColumns(const RoundIndex& index, ColumnKind kind)
{
    std::vector<Column> columns;
    for (const scoring::Member* member : index.ScoringMembers())
    {
        columns.push_back({member->name.empty() ? member->ref : member->name, kind, 11});
    }
    return columns;
}

std::vector<Column> TotalsColumns(const RoundIndex& index, bool with_fund)
{
    std::vector<Column> columns = RowHeadColumns(with_fund);
    const std::vector<Column> members = MemberColumns(index, ColumnKind::Score);
    columns.insert(columns.end(), members.begin(), members.end());
    columns.push_back({"n", ColumnKind::Count});
    columns.push_back({"Mean", ColumnKind::Score});
    return columns;
}

void PushRowHead(std::vector<Cell>& cells, const std::string* fund_name,
                 const scoring::BidResult& result, const scoring::Bid& bid,
                 bool with_organisation = true)
{
    if (fund_name != nullptr)
    {
        cells.push_back(TextCell(*fund_name));
    }
    cells.push_back(result.rank > 0 ? NumberCell(result.rank) : BlankCell());
    cells.push_back(TextCell(bid.ref));
    if (with_organisation)
    {
        cells.push_back(TextCell(bid.organisation));
    }
}

/// Fills the member cells with why a member has no value (from the member totals).
void PushMissingReasons(std::vector<Cell>& cells, const OutputContext& ctx,
                        const scoring::BidResult& result)
{
    const std::size_t first = cells.size();
    cells.resize(first + ctx.index.ScoringMembers().size(), BlankCell());
    for (const scoring::MemberTotal& total : result.members)
    {
        const int col = ctx.index.ScorerColumn(total.member);
        if (col >= 0 && !total.total && total.missing != scoring::MissingReason::None)
        {
            cells[first + static_cast<std::size_t>(col)] =
                TextCell(MissingText(total.missing), Tone::Muted);
        }
    }
}

void EmitTotalsRows(const OutputContext& ctx, bool with_fund, TableSink& sink)
{
    std::vector<Cell> cells;
    for (const scoring::FundResult& fund : ctx.Result().funds)
    {
        const std::string fund_name = ctx.index.FundName(fund.fund);
        for (const scoring::BidResult& result : fund.bids)
        {
            const scoring::Bid& bid = ctx.index.BidOf(result.bid);
            cells.clear();
            PushRowHead(cells, with_fund ? &fund_name : nullptr, result, bid);
            const std::size_t first = cells.size();
            PushMissingReasons(cells, ctx, result);
            for (const scoring::MemberTotal& total : result.members)
            {
                const int col = ctx.index.ScorerColumn(total.member);
                if (col >= 0 && total.total)
                {
                    const Tone tone = total.moderated    ? Tone::Moderated
                                      : total.incomplete ? Tone::Incomplete
                                                         : Tone::Normal;
                    cells[first + static_cast<std::size_t>(col)] = NumberCell(*total.total, tone);
                }
            }
            cells.push_back(NumberCell(result.figures.n));
            cells.push_back(NumberCell(result.figures.mean));
            sink.Row(cells, bid.ref);
            ctx.meter.Advance();
        }
    }
}

/// The member cells of one bid for every criterion of its fund, filled in one pass over the
/// bid's scores (the scores are sorted by member, then criterion).
class CriterionRows
{
public:
    CriterionRows(const OutputContext& ctx, const scoring::Fund& fund, bool lean)
        : m_ctx(ctx), m_fund(fund), m_rows(fund.criteria.size()), m_lean(lean)
    {
    }

    void Fill(const ScoreIndex& scores, const scoring::BidResult& result, const scoring::Bid& bid)
    {
        std::vector<Cell>& first = m_rows.front();
        first.clear();
        PushRowHead(first, nullptr, result, bid, !m_lean);
        m_head = first.size();
        PushMissingReasons(first, m_ctx, result);
        for (std::size_t c = 1; c < m_rows.size(); ++c)
        {
            m_rows[c] = first;
        }
        Key member = 0;
        int col = -1;
        for (const scoring::Score& score : scores.ScoresOf(result.bid))
        {
            if (score.member != member || col < 0)
            {
                member = score.member;
                col = m_ctx.index.ScorerColumn(member);
            }
            const std::size_t criterion = CriterionIndex(score.criterion);
            if (col < 0 || criterion == m_rows.size())
            {
                continue;
            }
            Cell& cell = m_rows[criterion][m_head + static_cast<std::size_t>(col)];
            const std::optional<int> moderated =
                m_ctx.input.moderated_scores_used ? scores.ModeratedValue(score) : std::nullopt;
            if (moderated)
            {
                cell = NumberCell(*moderated, Tone::Moderated);
            }
            else if (score.value)
            {
                cell = NumberCell(*score.value);
            }
            else if (score.missing != scoring::MissingReason::None)
            {
                cell = TextCell(MissingText(score.missing), Tone::Muted);
            }
        }
    }

    std::span<const Cell> Row(std::size_t criterion) const { return m_rows[criterion]; }

private:
    std::size_t CriterionIndex(Key key) const
    {
        std::size_t i = 0;
        while (i < m_fund.criteria.size() && m_fund.criteria[i].key != key)
        {
            ++i;
        }
        return i;
    }

    const OutputContext& m_ctx;
    const scoring::Fund& m_fund;
    std::vector<std::vector<Cell>> m_rows; ///< by criterion, in the fund's order
    std::size_t m_head = 0;                ///< cells before the first member column
    bool m_lean = false;
};

std::string FundInitials(std::string_view name)
{
    std::string initials;
    bool start = true;
    for (const char c : name)
    {
        if (c == ' ')
        {
            start = true;
        }
        else if (start)
        {
            initials.push_back(c);
            start = false;
        }
    }
    return initials;
}

std::string WeightText(double weight)
{
    const std::string text = DoubleToText(weight);
    return text.empty() ? "?" : text;
}

void WriteTotalsSheet(const OutputContext& ctx, XlsxWorkbook& book)
{
    XlsxSheet& sheet = book.AddSheet("Totals");
    ctx.meter.Step("Scoring matrix: totals");
    const std::vector<std::string> notes{
        "Each member's total for each bid, 0\xE2\x80\x93"
        "100 points (weights renormalised over "
        "the criteria the member scored).",
        "Bold on blue: includes a score changed in the meeting. Grey italics: an incomplete "
        "sheet. \"Interest declared\": the member did not score this bid."};
    const int header_row = WriteTitleBlock(sheet, ctx, "Scoring matrix: member totals", notes);
    XlsxTable table(sheet, header_row, TotalsColumns(ctx.index, true), ctx.Log(kOutput));
    EmitTotalsRows(ctx, true, table);
    table.Finish(ctx.Page());
    sheet.Activate();
}

/// A sheet per criterion of the fund, all written in one pass over the bids (constant-memory
/// mode streams each sheet to its own file, so rows may interleave between sheets).
void WriteCriterionSheets(const OutputContext& ctx, XlsxWorkbook& book, const ScoreIndex& scores,
                          const scoring::FundResult& fund, const scoring::Fund& form)
{
    const std::string& fund_name = ctx.index.FundName(fund.fund);
    const bool several_funds = ctx.Result().funds.size() > 1;
    ctx.meter.Step("Scoring matrix: " + fund_name + ", criteria");
    // Streamed (large) workbooks are kept lean: no organisation beside each score (the Totals
    // sheet has it) and no rules round the millions of score cells.
    const bool lean = book.IsConstantMemory();
    std::vector<std::unique_ptr<XlsxTable>> tables;
    for (const scoring::Criterion& criterion : form.criteria)
    {
        XlsxSheet& sheet = book.AddSheet(
            several_funds ? FundInitials(fund_name) + " " + criterion.name : criterion.name);
        std::vector<std::string> notes{"Scale " + std::to_string(criterion.scale_min) +
                                       "\xE2\x80\x93" + std::to_string(criterion.scale_max) +
                                       ", weight " + WeightText(criterion.weight_percent) + "%" +
                                       (criterion.gate ? ", gate: a panel median of at least " +
                                                             std::to_string(*criterion.gate)
                                                       : std::string())};
        if (!criterion.question.empty())
        {
            notes.push_back("Question: " + criterion.question);
        }
        if (scores.HasModeration() && ctx.input.moderated_scores_used)
        {
            notes.push_back("Bold on blue: changed in the meeting; the independent score and the "
                            "reason are on the sheet \"Moderated scores\".");
        }
        const int header_row =
            WriteTitleBlock(sheet, ctx, fund_name + " \xE2\x80\x94 " + criterion.name, notes);
        std::vector<Column> columns = RowHeadColumns(false, !lean);
        const std::vector<Column> members =
            MemberColumns(ctx.index, lean ? ColumnKind::Plain : ColumnKind::Count);
        columns.insert(columns.end(), members.begin(), members.end());
        tables.push_back(
            std::make_unique<XlsxTable>(sheet, header_row, std::move(columns), ctx.Log(kOutput)));
    }
    CriterionRows rows(ctx, form, lean);
    for (const scoring::BidResult& result : fund.bids)
    {
        const scoring::Bid& bid = ctx.index.BidOf(result.bid);
        rows.Fill(scores, result, bid);
        for (std::size_t c = 0; c < tables.size(); ++c)
        {
            tables[c]->Row(rows.Row(c), bid.ref);
        }
        ctx.meter.Advance(static_cast<std::int64_t>(tables.size()));
    }
    for (const auto& table : tables)
    {
        table->Finish(ctx.Page());
    }
}

std::vector<Column> ModerationColumns()
{
    return {{"Fund", ColumnKind::Text},           {"Ref", ColumnKind::Text},
            {"Member", ColumnKind::Text},         {"Criterion", ColumnKind::Text},
            {"Independent", ColumnKind::Count},   {"Moderated", ColumnKind::Count},
            {"Reason", ColumnKind::Wrap},         {"Recorded by", ColumnKind::Text},
            {"Recorded at", ColumnKind::DateTime}};
}

void EmitModerationRows(const OutputContext& ctx, TableSink& sink)
{
    std::map<std::pair<Key, Key>, const scoring::Criterion*> criteria; // (fund, key)
    for (const scoring::Fund& fund : ctx.Round().funds)
    {
        for (const scoring::Criterion& criterion : fund.criteria)
        {
            criteria[{fund.key, criterion.key}] = &criterion;
        }
    }
    const ScoreIndex scores(ctx.Round());
    for (const scoring::ModeratedScore& m : ctx.Round().moderated)
    {
        const scoring::Bid& bid = ctx.index.BidOf(m.bid);
        const scoring::Member* member = ctx.index.MemberOf(m.member);
        const auto criterion = criteria.find({bid.fund, m.criterion});
        std::optional<double> independent;
        for (const scoring::Score& score : scores.ScoresOf(m.bid))
        {
            if (score.member == m.member && score.criterion == m.criterion && score.value)
            {
                independent = *score.value;
            }
        }
        const std::array<Cell, 9> cells{
            TextCell(ctx.index.FundName(bid.fund)),
            TextCell(bid.ref),
            TextCell(member != nullptr ? member->name : std::string_view("?")),
            TextCell(criterion != criteria.end() ? criterion->second->name : std::string_view("?")),
            NumberCell(independent),
            m.value ? NumberCell(*m.value) : TextCell("Withdrawn", Tone::Muted),
            TextCell(m.reason),
            TextCell(m.recorded_by),
            TimestampCell(m.recorded_at)};
        sink.Row(cells, bid.ref);
    }
}

void WriteModerationSheet(const OutputContext& ctx, XlsxWorkbook& book)
{
    XlsxSheet& sheet = book.AddSheet("Moderated scores");
    const int header_row = WriteTitleBlock(
        sheet, ctx, "Scores changed in the meeting",
        {"Each change with its reason, oldest first; the latest change of a score applies. The "
         "independent scores are kept unchanged."});
    XlsxTable table(sheet, header_row, ModerationColumns(), ctx.Log(kOutput));
    EmitModerationRows(ctx, table);
    table.Finish(ctx.Page());
}

void EmitScoreRows(const OutputContext& ctx, TableSink& sink)
{
    std::map<std::pair<Key, Key>, const scoring::Criterion*> criteria;
    for (const scoring::Fund& fund : ctx.Round().funds)
    {
        for (const scoring::Criterion& criterion : fund.criteria)
        {
            criteria[{fund.key, criterion.key}] = &criterion;
        }
    }
    const ScoreIndex scores(ctx.Round());
    std::vector<Cell> cells;
    for (const scoring::FundResult& fund : ctx.Result().funds)
    {
        const std::string fund_name = ctx.index.FundName(fund.fund);
        for (const scoring::BidResult& result : fund.bids)
        {
            const scoring::Bid& bid = ctx.index.BidOf(result.bid);
            for (const scoring::Score& score : scores.ScoresOf(result.bid))
            {
                const scoring::Member* member = ctx.index.MemberOf(score.member);
                const auto criterion = criteria.find({bid.fund, score.criterion});
                const std::optional<int> moderated = scores.ModeratedValue(score);
                cells.clear();
                cells.push_back(TextCell(fund_name));
                cells.push_back(TextCell(bid.ref));
                cells.push_back(TextCell(member != nullptr ? member->name : std::string_view()));
                cells.push_back(TextCell(criterion != criteria.end() ? criterion->second->name
                                                                     : std::string_view()));
                cells.push_back(score.value ? NumberCell(*score.value) : BlankCell());
                cells.push_back(TextCell(MissingText(score.missing)));
                cells.push_back(moderated ? NumberCell(*moderated) : BlankCell());
                sink.Row(cells, bid.ref);
            }
            ctx.meter.Advance();
        }
    }
}

std::int64_t CriterionRowCount(const ExportInput& input)
{
    std::int64_t rows = 0;
    for (const scoring::FundResult& fund : input.result.funds)
    {
        for (const scoring::Fund& f : input.round.funds)
        {
            if (f.key == fund.fund)
            {
                rows += static_cast<std::int64_t>(fund.bids.size() * f.criteria.size());
            }
        }
    }
    return rows;
}

} // namespace

std::int64_t ScoringMatrixUnits(const ExportInput& input)
{
    const std::int64_t bids = CountBids(input.result);
    return bids + CriterionRowCount(input);
}

void StageScoringMatrix(const OutputContext& ctx, const std::filesystem::path& target,
                        std::vector<StagedFile>& staged)
{
    ctx.meter.Step("Scoring matrix");
    if (IsCsvPath(target))
    {
        StageCsvTable(target, staged, TotalsColumns(ctx.index, true),
                      [&](CsvTable& table) { EmitTotalsRows(ctx, true, table); });
        return;
    }
    const auto width = static_cast<std::int64_t>(ctx.index.ScoringMembers().size()) + 6;
    const std::int64_t cells = (ctx.index.BidCount() + CriterionRowCount(ctx.input)) * width;
    StageWorkbook(ctx, target, "scoring matrix", cells, staged,
                  [&](XlsxWorkbook& book)
                  {
                      WriteTotalsSheet(ctx, book);
                      const ScoreIndex scores(ctx.Round());
                      for (const scoring::FundResult& fund : ctx.Result().funds)
                      {
                          const scoring::Fund* f = ctx.index.FundOf(fund.fund);
                          if (f == nullptr)
                          {
                              continue;
                          }
                          WriteCriterionSheets(ctx, book, scores, fund, *f);
                      }
                      if (!ctx.Round().moderated.empty())
                      {
                          WriteModerationSheet(ctx, book);
                      }
                  });
}

void StageMatrixCsvTables(const OutputContext& ctx, const std::filesystem::path& folder,
                          std::vector<StagedFile>& staged)
{
    StageScoringMatrix(ctx, folder / "matrix_totals.csv", staged);
    StageCsvTable(folder / "matrix_scores.csv", staged,
                  {{"Fund", ColumnKind::Text},
                   {"Ref", ColumnKind::Text},
                   {"Member", ColumnKind::Text},
                   {"Criterion", ColumnKind::Text},
                   {"Score", ColumnKind::Count},
                   {"Missing", ColumnKind::Text},
                   {"Moderated score", ColumnKind::Count}},
                  [&](CsvTable& table) { EmitScoreRows(ctx, table); });
}

} // namespace coscore::exports::detail
