// SPDX-License-Identifier: MIT
// The exports of PRODUCT.md §7 — award list, scoring matrix, panel report, feedback sheet and
// audit log, as xlsx and CSV — written from a round snapshot and its reconciliation.
#pragma once

#include <coscore/exports/export_error.hpp>
#include <coscore/scoring/model.hpp>
#include <coscore/scoring/reconcile.hpp>

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace coscore::exports
{

/// One audit log entry as the exports print it (the caller converts from the core's entry).
struct AuditRow
{
    std::int64_t seq = 0;
    std::string at;     ///< ISO 8601 UTC, e.g. "2026-03-14T10:02:11Z"
    std::string actor;  ///< a member id or "officer:<login>"
    std::string action; ///< "record_score", "declare_interest", …
    std::string detail; ///< JSON of ids and values
    std::string hash_hex;
};

/// Everything an export reads. Holds references: the round and its result must outlive it.
struct ExportInput
{
    ExportInput(const scoring::RoundData& round_data, const scoring::ReconcileResult& reconciled)
        : round(round_data), result(reconciled)
    {
    }

    const scoring::RoundData& round;
    const scoring::ReconcileResult& result; ///< Reconcile(round) — the figures every export prints
    std::vector<AuditRow> audit;            ///< oldest first; only the audit log prints them
    std::string audit_head_hex;             ///< the chain head, printed on the award list
    /// Printed in every header and footer; empty optional = the round's own marking.
    std::optional<std::string> protective_marking;
    /// Pinned "generated at" time: printed, and stored as the files' creation time, so the same
    /// input gives byte-identical files.
    std::chrono::sys_seconds generated_at{};
    /// Whether `result` was reconciled with moderated scores (ReconcileOptions::use_moderated);
    /// the matrix then shows the moderated value of each changed score.
    bool moderated_scores_used = true;
};

/// When to write a workbook in libxlsxwriter's constant-memory mode (rows streamed to a temp
/// file; no tables or merges, which CoScore never uses).
enum class MemoryMode
{
    Auto,     ///< on for workbooks over `kConstantMemoryCells` cells
    Constant, ///< always
    InMemory, ///< never (chart data caches are only filled in this mode)
};

/// Above this many cells a workbook is streamed (MemoryMode::Auto).
inline constexpr std::int64_t kConstantMemoryCells = 200'000;

/// Progress of long work: `fraction` in [0, 1] and the step in plain English. Return false to
/// cancel; the export then throws coscore::Cancelled and leaves no file behind.
using ProgressCallback = std::function<bool(double fraction, std::string_view step)>;

struct ExportOptions
{
    MemoryMode memory = MemoryMode::Auto;
    /// For libxlsxwriter's temporary files; empty = the system's. Debian's libxlsxwriter 1.1.4
    /// is built to use tmpfile() and ignores it (its files are unlinked at once: none is left).
    std::filesystem::path temp_folder;
    ProgressCallback progress; ///< may be empty
    /// Threads that may write at once: 0 = two on a machine with two cores or more, else one;
    /// 1 = everything on the calling thread (more than two are not used). With two, two outputs
    /// are written side by side, a streamed scoring matrix writes half of its criterion sheets
    /// on the second thread, and streamed workbooks are zipped two sheets at a time (the pinned
    /// libxlsxwriter). The files are the same either way.
    int threads = 0;
};

/// Which outputs go where. A path ending in `.csv` (any case) gets that output's main table as
/// CSV; any other path gets the xlsx workbook. `csv_folder` gets every table as CSV.
struct ExportRequest
{
    std::optional<std::filesystem::path> awards;
    std::optional<std::filesystem::path> matrix;
    std::optional<std::filesystem::path> report;
    std::optional<std::filesystem::path> feedback;
    std::optional<std::filesystem::path> audit;
    std::optional<std::filesystem::path> csv_folder; ///< created when missing
};

/// The reconciliation the requested outputs print. Rank intervals, P(funded) and the
/// reliability figures reach only the panel report (and its CSV tables) and are most of the work
/// of reconciling a large round: they are left out when neither is asked for.
scoring::ReconcileOptions ReconcileOptionsFor(const ExportRequest& request);

/// Something the user should know about a file that was written anyway.
struct ExportWarning
{
    std::string output; ///< "Award list", "Scoring matrix", …
    std::string sheet;  ///< sheet or CSV file name
    std::string bid;    ///< the bid's reference, when the warning is about a bid
    std::string column;
    std::string message; ///< a whole sentence naming output, bid and column
};

struct ExportReport
{
    std::vector<std::filesystem::path> written; ///< in the order written
    std::vector<ExportWarning> warnings;
};

/// Writes every requested output. Each file is written under a temporary name beside its
/// target and renamed only when all of them are complete, so a failure or a cancel leaves no
/// file under any target name (files already there stay as they were).
/// Throws ExportError (naming the file and what to do) or coscore::Cancelled.
ExportReport ExportAll(const ExportInput& input, const ExportRequest& request,
                       const ExportOptions& options = {});

/// Award list for Cabinet and finance: a summary sheet and one sheet per fund listing every bid
/// (rank, ref, organisation, project, area, requested, awarded, decision in Cabinet wording,
/// conditions, reasons, mean, n, flags), with budget, spent and remaining.
ExportReport WriteAwardList(const ExportInput& input, const std::filesystem::path& path,
                            const ExportOptions& options = {});

/// Scoring matrix: bids × scoring members totals, and one sheet per criterion of each fund;
/// a member with a barring interest shows "Interest declared", never a number.
ExportReport WriteScoringMatrix(const ExportInput& input, const std::filesystem::path& path,
                                const ExportOptions& options = {});

/// Panel report: summary, bid figures, voices, reliability, flags, ties and sensitivity, and
/// native charts (score spread per bid, means by voice, budget use per fund).
ExportReport WritePanelReport(const ExportInput& input, const std::filesystem::path& path,
                              const ExportOptions& options = {});

/// Feedback sheet for mail merge: one row per bid with the decision and the applicant feedback.
ExportReport WriteFeedbackSheet(const ExportInput& input, const std::filesystem::path& path,
                                const ExportOptions& options = {});

/// Audit log: every entry with its hash, and the chain head.
ExportReport WriteAuditLog(const ExportInput& input, const std::filesystem::path& path,
                           const ExportOptions& options = {});

/// Every table as CSV (UTF-8 with BOM, CRLF, RFC 4180, every field quoted, formula guard) in
/// `folder`, created when missing: awards.csv, awards_summary.csv, matrix_totals.csv,
/// matrix_scores.csv, report_bids.csv, report_flags.csv, report_reliability.csv,
/// report_voices.csv, feedback.csv, audit_log.csv.
ExportReport WriteCsvFolder(const ExportInput& input, const std::filesystem::path& folder,
                            const ExportOptions& options = {});

} // namespace coscore::exports
