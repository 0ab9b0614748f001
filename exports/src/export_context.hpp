// SPDX-License-Identifier: MIT
// What every output shares: lookups into the round, the plain-English wording of figures, the
// title block, page set-up and document properties, and the outputs' entry points.
#pragma once

#include "progress.hpp"
#include "staged_file.hpp"
#include "table.hpp"
#include "xlsx_writer.hpp"

#include <coscore/exports/export.hpp>

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace coscore::exports::detail
{

using scoring::Key;
using scoring::Pence;

/// Lookups by key into the round and its result, built once per export.
class RoundIndex
{
public:
    explicit RoundIndex(const ExportInput& input);

    const scoring::Bid& BidOf(Key bid) const;
    const scoring::Fund* FundOf(Key fund) const;
    const scoring::Member* MemberOf(Key member) const;
    const scoring::Decision* DecisionOf(Key bid) const;
    /// Bids in the order of the result: fund by fund, in rank order.
    std::int64_t BidCount() const { return m_bid_count; }
    /// Scoring members in member order (the columns of every matrix).
    const std::vector<const scoring::Member*>& ScoringMembers() const { return m_scorers; }
    /// Column of a scoring member in ScoringMembers(), or -1.
    int ScorerColumn(Key member) const;
    /// The fund's name ("Fund 7" for a key the round does not know); lives as long as the index.
    const std::string& FundName(Key fund) const;

private:
    std::unordered_map<Key, std::size_t> m_bids;
    std::unordered_map<Key, std::size_t> m_funds;
    std::unordered_map<Key, std::size_t> m_members;
    std::unordered_map<Key, std::size_t> m_decisions;
    std::unordered_map<Key, int> m_scorer_columns;
    std::unordered_map<Key, std::string> m_fund_names;
    std::vector<const scoring::Member*> m_scorers;
    const ExportInput* m_input = nullptr;
    std::int64_t m_bid_count = 0;
};

/// Threads an export may use: 1 or 2 (ExportOptions::threads, the machine's cores).
int ExportThreads(const ExportOptions& options);

/// Everything an output needs while it writes.
struct OutputContext
{
    const ExportInput& input;
    const RoundIndex& index;
    const ExportOptions& options;
    ProgressMeter& meter;
    std::vector<ExportWarning>& warnings;

    const scoring::RoundData& Round() const { return input.round; }
    const scoring::ReconcileResult& Result() const { return input.result; }
    std::string Marking() const;
    PageSetup Page() const;
    DocumentInfo Document(std::string_view what) const;
    WarningLog Log(std::string_view output) const { return {std::string(output), &warnings}; }
    bool ConstantMemory(std::int64_t cells) const;
    /// Threads this export may use: 1 or 2 (ExportOptions::threads).
    int Threads() const { return ExportThreads(options); }
};

// Plain-English wording, shared by xlsx and CSV.
std::string_view FlagLabel(std::string_view code);
std::string FlagLabels(const std::vector<scoring::Flag>& flags);
std::string_view DecisionText(const scoring::BidResult& bid);
std::string_view StatusText(const std::optional<scoring::DecisionStatus>& status);
std::string_view MissingText(scoring::MissingReason reason);
std::string PoundsText(Pence pence);                                            ///< "£12,500.00"
std::string IntervalText(const std::optional<scoring::RankInterval>& interval); ///< "3–5"
std::string GeneratedText(std::chrono::sys_seconds when); ///< "14 March 2026, 10:00 UTC"
std::string IsoText(std::chrono::sys_seconds when);       ///< "2026-03-14T10:00:00Z"
std::string JoinRefs(const RoundIndex& index, const std::vector<Key>& bids);

/// Title block at the top of a sheet: marking, title, generated time, then `notes` (one line
/// each). Returns the first free row (one blank row left after the block).
int WriteTitleBlock(XlsxSheet& sheet, const OutputContext& ctx, std::string_view title,
                    const std::vector<std::string>& notes);

/// True when a path names a CSV file (".csv", any case).
bool IsCsvPath(const std::filesystem::path& path);

/// A CSV file staged beside `target`, written by `write`, closed; appended to `staged`.
template <typename Write>
void StageCsv(const std::filesystem::path& target, std::vector<StagedFile>& staged, Write write)
{
    StagedFile file(target);
    CsvFile csv(file.TempPath(), target);
    write(csv);
    csv.Close();
    staged.push_back(std::move(file));
}

/// One table as a CSV file staged beside `target`: the header, then `emit(table)`.
template <typename Emit>
void StageCsvTable(const std::filesystem::path& target, std::vector<StagedFile>& staged,
                   const std::vector<Column>& columns, Emit emit)
{
    StageCsv(target, staged,
             [&](CsvFile& csv)
             {
                 CsvTable table(csv, columns);
                 emit(table);
             });
}

/// Number of bids in a reconciliation (all funds).
std::int64_t CountBids(const scoring::ReconcileResult& result);

/// An xlsx workbook staged beside `target`: properties set, built by `build(book)`, closed;
/// appended to `staged`. Constant-memory mode when `cells` is large (ExportOptions::memory).
template <typename Build>
void StageWorkbook(const OutputContext& ctx, const std::filesystem::path& target,
                   std::string_view what, std::int64_t cells, std::vector<StagedFile>& staged,
                   Build build)
{
    StagedFile file(target);
    XlsxWorkbook book(file.TempPath(), target, ctx.ConstantMemory(cells), ctx.options.temp_folder,
                      ctx.Threads());
    book.SetDocument(ctx.Document(what));
    build(book);
    ctx.meter.Step("Saving " + target.filename().string());
    book.Close();
    staged.push_back(std::move(file));
}

// The outputs. Each stages its file(s) (committed by the caller) and plans its work first.
std::int64_t AwardListUnits(const ExportInput& input);
void StageAwardList(const OutputContext& ctx, const std::filesystem::path& target,
                    std::vector<StagedFile>& staged);
void StageAwardCsvTables(const OutputContext& ctx, const std::filesystem::path& folder,
                         std::vector<StagedFile>& staged);

std::int64_t ScoringMatrixUnits(const ExportInput& input);
void StageScoringMatrix(const OutputContext& ctx, const std::filesystem::path& target,
                        std::vector<StagedFile>& staged);
void StageMatrixCsvTables(const OutputContext& ctx, const std::filesystem::path& folder,
                          std::vector<StagedFile>& staged);

std::int64_t PanelReportUnits(const ExportInput& input);
void StagePanelReport(const OutputContext& ctx, const std::filesystem::path& target,
                      std::vector<StagedFile>& staged);
void StageReportCsvTables(const OutputContext& ctx, const std::filesystem::path& folder,
                          std::vector<StagedFile>& staged);

std::int64_t FeedbackSheetUnits(const ExportInput& input);
void StageFeedbackSheet(const OutputContext& ctx, const std::filesystem::path& target,
                        std::vector<StagedFile>& staged);

std::int64_t AuditLogUnits(const ExportInput& input);
void StageAuditLog(const OutputContext& ctx, const std::filesystem::path& target,
                   std::vector<StagedFile>& staged);

} // namespace coscore::exports::detail
