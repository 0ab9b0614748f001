// SPDX-License-Identifier: MIT
// The scoring matrix: every scoring member's total for every bid, then one sheet per criterion
// of each fund with the raw scores. A member with a barring interest shows "Interest declared",
// never a number; a score changed in the meeting is marked and listed on its own sheet.
#include "export_context.hpp"

#include <coscore/scoring/error.hpp>

#include <algorithm>
#include <array>
#include <chrono>
#include <condition_variable>
#include <exception>
#include <map>
#include <memory>
#include <mutex>
#include <thread>
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

/// The member cells of one bid for the criteria [first, last) of its fund, filled in one pass
/// over the bid's scores (the scores are sorted by member, then criterion).
class CriterionRows
{
public:
    CriterionRows(const OutputContext& ctx, const scoring::Fund& fund, bool lean, std::size_t first,
                  std::size_t last)
        : m_ctx(ctx), m_fund(fund), m_first(first), m_rows(last - first), m_lean(lean)
    {
        COSCORE_EXPECTS(first < last && last <= fund.criteria.size());
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
            if (col < 0 || criterion < m_first || criterion - m_first >= m_rows.size())
            {
                continue;
            }
            Cell& cell = m_rows[criterion - m_first][m_head + static_cast<std::size_t>(col)];
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

    /// The row of the fund's criterion `criterion` (in [first, last)).
    std::span<const Cell> Row(std::size_t criterion) const { return m_rows[criterion - m_first]; }

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
    std::size_t m_first = 0;               ///< the fund's criterion of m_rows.front()
    std::vector<std::vector<Cell>> m_rows; ///< by criterion, in the fund's order
    std::size_t m_head = 0;                ///< cells before the first member column
    bool m_lean = false;
};

/// Warnings of rows written on one thread, with the bid (its index in the fund) of each, so
/// that those of two threads can be put back in the order one thread gives.
struct RowWarnings
{
    std::vector<ExportWarning> warnings; ///< the tables' WarningLog points here
    std::vector<std::size_t> bids;       ///< by warning

    void EndBid(std::size_t bid) { bids.resize(warnings.size(), bid); }
};

/// Bid by bid, as one thread writes them: the first thread's sheets come before the second's.
void MergeWarnings(RowWarnings& first, RowWarnings& second, std::vector<ExportWarning>& out)
{
    std::size_t i = 0;
    std::size_t j = 0;
    while (i < first.warnings.size() || j < second.warnings.size())
    {
        const bool take_first = j == second.warnings.size() ||
                                (i < first.warnings.size() && first.bids[i] <= second.bids[j]);
        out.push_back(std::move(take_first ? first.warnings[i++] : second.warnings[j++]));
    }
}

/// Writes the rows of the fund's criterion sheets [first, last) (tables[c] is criterion c).
void WriteCriterionRows(const OutputContext& ctx, const ScoreIndex& scores,
                        const scoring::FundResult& fund, const scoring::Fund& form, bool lean,
                        std::span<const std::unique_ptr<XlsxTable>> tables, std::size_t first,
                        std::size_t last, RowWarnings* warnings)
{
    if (first >= last)
    {
        return; // a fund without criteria
    }
    CriterionRows rows(ctx, form, lean, first, last);
    for (std::size_t b = 0; b < fund.bids.size(); ++b)
    {
        const scoring::BidResult& result = fund.bids[b];
        const scoring::Bid& bid = ctx.index.BidOf(result.bid);
        rows.Fill(scores, result, bid);
        for (std::size_t c = first; c < last; ++c)
        {
            tables[c]->Row(rows.Row(c), bid.ref);
        }
        if (warnings != nullptr)
        {
            warnings->EndBid(b);
        }
        ctx.meter.Advance(static_cast<std::int64_t>(last - first));
    }
}

/// Writes the rows of a streamed workbook's criterion sheets on two threads: the first half of
/// the sheets on a worker, the rest here.
///
/// Why this is safe: each sheet (its XlsxSheet, XlsxTable and libxlsxwriter worksheet, whose
/// rows go to its own temporary file) is only ever touched by one of the two threads, and all of
/// them were made, headers written, before the worker starts. libxlsxwriter 1.1.4 writes a
/// streamed cell with per-sheet state only (worksheet_write_number/string/blank, set_row; a
/// finished row goes through stdio to the sheet's own temporary file), except that a format is
/// numbered on first use in a hash the workbook shares: streamed workbooks number every format
/// when made (XlsxWorkbook::NumberFormats), so the threads only read it. Shared on our side: the
/// round and its index (read only), the progress meter (Advance is thread-safe; only its owner
/// thread reports, here while it waits) and the warnings, kept per thread and merged after.
/// Errors: the first thread to fail stops the other through the meter, and a real error wins
/// over the Cancelled it caused; a cancel stops both. The workbook is then abandoned as before.
void WriteCriterionRowsOnTwoThreads(const OutputContext& ctx, const ScoreIndex& scores,
                                    const scoring::FundResult& fund, const scoring::Fund& form,
                                    std::span<const std::unique_ptr<XlsxTable>> tables,
                                    std::array<RowWarnings, 2>& warnings)
{
    const std::size_t split = tables.size() / 2;
    std::array<std::exception_ptr, 2> errors;
    std::mutex mutex;
    std::condition_variable finished;
    bool worker_done = false;
    std::thread worker(
        [&]
        {
            try
            {
                WriteCriterionRows(ctx, scores, fund, form, true, tables, 0, split, &warnings[0]);
            }
            catch (...)
            {
                errors[0] = std::current_exception();
                ctx.meter.Stop();
            }
            const std::lock_guard lock(mutex);
            worker_done = true;
            finished.notify_all();
        });
    bool cancelled = false;
    try
    {
        WriteCriterionRows(ctx, scores, fund, form, true, tables, split, tables.size(),
                           &warnings[1]);
        // The meter's owner keeps reporting, and listening for cancel, until the worker is done.
        std::unique_lock lock(mutex);
        while (!finished.wait_for(lock, std::chrono::milliseconds(50), [&] { return worker_done; }))
        {
            if (ctx.meter.IsOwner())
            {
                lock.unlock();
                cancelled = !ctx.meter.Poll() || cancelled;
                lock.lock();
            }
        }
    }
    catch (...)
    {
        errors[1] = std::current_exception();
        ctx.meter.Stop();
    }
    worker.join();
    RethrowFirstError(errors);
    if (cancelled)
    {
        throw coscore::Cancelled();
    }
}

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
/// mode streams each sheet to its own file, so rows may interleave between sheets). Streamed
/// workbooks write half of the sheets on a second thread when the export may use two.
void WriteCriterionSheets(const OutputContext& ctx, XlsxWorkbook& book, const ScoreIndex& scores,
                          const scoring::FundResult& fund, const scoring::Fund& form)
{
    const std::string& fund_name = ctx.index.FundName(fund.fund);
    const bool several_funds = ctx.Result().funds.size() > 1;
    ctx.meter.Step("Scoring matrix: " + fund_name + ", criteria");
    // Streamed (large) workbooks are kept lean: no organisation beside each score (the Totals
    // sheet has it) and no rules round the millions of score cells.
    const bool lean = book.IsConstantMemory();
    const bool two_threads = lean && ctx.Threads() > 1 && form.criteria.size() > 1;
    std::array<RowWarnings, 2> thread_warnings;
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
        WarningLog log = ctx.Log(kOutput);
        if (two_threads)
        {
            const bool first_half = tables.size() < form.criteria.size() / 2;
            log.warnings = &thread_warnings[first_half ? 0 : 1].warnings;
        }
        tables.push_back(
            std::make_unique<XlsxTable>(sheet, header_row, std::move(columns), std::move(log)));
    }
    if (two_threads)
    {
        WriteCriterionRowsOnTwoThreads(ctx, scores, fund, form, tables, thread_warnings);
        MergeWarnings(thread_warnings[0], thread_warnings[1], ctx.warnings);
    }
    else
    {
        WriteCriterionRows(ctx, scores, fund, form, lean, tables, 0, tables.size(), nullptr);
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
