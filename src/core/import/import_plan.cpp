// SPDX-License-Identifier: MIT
// The steps of an import: preview one file, plan (read and check every file against the round,
// writing nothing), commit (one transaction, one audit entry), or refuse (one import_rejected
// audit entry and nothing else).
#include "import_tables.hpp"
#include "text_encoding.hpp"

#include <coscore/core/import.hpp>

#include <fcntl.h>
#include <sodium.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <cstdio>
#include <thread>
#include <tuple>

namespace coscore::core
{

using namespace imports;

struct ImportPlan::State
{
    ImportReport report;
    ImportBatch batch;
    std::int64_t audit_head = 0; ///< the round's last audit entry when the plan was made
};

struct ImportStart::State
{
    ImportBaseline baseline;
    std::vector<bool> locked_funds;
    std::int64_t audit_head = 0;
};

ImportPlan::ImportPlan() : m_state(std::make_unique<State>())
{
}
ImportPlan::ImportPlan(std::unique_ptr<State> state) : m_state(std::move(state))
{
}
ImportPlan::~ImportPlan() = default;
ImportPlan::ImportPlan(ImportPlan&&) noexcept = default;
ImportPlan& ImportPlan::operator=(ImportPlan&&) noexcept = default;

const ImportReport& ImportPlan::Report() const
{
    return m_state->report;
}

namespace
{

/// SHA-256 of a file's bytes as lower-case hex, read in chunks; empty when it cannot be read
/// or `stop` was set.
std::string FileSha256(const std::string& path, const std::atomic<bool>& stop)
{
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0 || sodium_init() < 0)
    {
        if (fd >= 0)
        {
            ::close(fd);
        }
        return {};
    }
    crypto_hash_sha256_state state;
    crypto_hash_sha256_init(&state);
    std::array<unsigned char, 1 << 16> chunk{};
    ssize_t got = 0;
    while (!stop.load(std::memory_order_relaxed) &&
           (got = ::read(fd, chunk.data(), chunk.size())) > 0)
    {
        crypto_hash_sha256_update(&state, chunk.data(), static_cast<unsigned long long>(got));
    }
    ::close(fd);
    if (got != 0)
    {
        return {}; // a read error, or stopped
    }
    std::array<unsigned char, crypto_hash_sha256_BYTES> digest{};
    crypto_hash_sha256_final(&state, digest.data());
    std::array<char, crypto_hash_sha256_BYTES * 2 + 1> hex{};
    sodium_bin2hex(hex.data(), hex.size(), digest.data(), digest.size());
    return hex.data();
}

/// The SHA-256 of each file of a request, hashed on a thread of its own while the files are
/// read and checked: at L hashing the 160 MB scores file alone took half a second. A plan that
/// ends early (an error, a cancel) stops the hashing at its next chunk.
class FileHashes
{
public:
    explicit FileHashes(const std::vector<ImportFile>& files) : m_hashes(files.size())
    {
        m_thread = std::thread(
            [this, paths = PathsOf(files)]
            {
                for (std::size_t i = 0; i < paths.size(); ++i)
                {
                    m_hashes[i] = FileSha256(paths[i], m_stop);
                }
            });
    }
    ~FileHashes()
    {
        m_stop.store(true);
        Wait();
    }
    FileHashes(const FileHashes&) = delete;
    FileHashes& operator=(const FileHashes&) = delete;

    /// Every file's hash, in the request's order (waits for the thread).
    const std::vector<std::string>& All()
    {
        Wait();
        return m_hashes;
    }

private:
    static std::vector<std::string> PathsOf(const std::vector<ImportFile>& files)
    {
        std::vector<std::string> paths;
        for (const ImportFile& file : files)
        {
            paths.push_back(file.path);
        }
        return paths;
    }
    void Wait()
    {
        if (m_thread.joinable())
        {
            m_thread.join();
        }
    }

    std::vector<std::string> m_hashes;
    std::atomic<bool> m_stop{false};
    std::thread m_thread;
};

std::int64_t AuditHead(const Workspace& workspace)
{
    const auto entries = workspace.ListAudit();
    return entries.empty() ? 0 : entries.back().seq;
}

ImportState StateOf(const Workspace& workspace)
{
    const ImportStart start = StartImport(workspace);
    return ImportState(start.Internal().baseline, start.Internal().locked_funds);
}

/// Problems with the request itself, before any file is read.
void CheckRequest(const ImportRequest& request, IssueLog& log)
{
    const auto request_issue =
        [&](Severity severity, std::string code, std::string message, std::string fix)
    {
        ImportIssue issue;
        issue.severity = severity;
        issue.code = std::move(code);
        issue.file = "(command)";
        issue.message = std::move(message);
        issue.fix = std::move(fix);
        log.Add(std::move(issue));
    };
    if (request.files.empty())
    {
        request_issue(Severity::Error, "request.no_files", "No file was given to import.",
                      "Name at least one file, for example --bids bids.csv.");
    }
    for (std::size_t i = 0; i < request.files.size(); ++i)
    {
        for (std::size_t j = i + 1; j < request.files.size(); ++j)
        {
            if (request.files[i].table == request.files[j].table)
            {
                request_issue(Severity::Error, "request.two_files",
                              "Two files were given for the " +
                                  std::string(ToString(request.files[i].table)) + ".",
                              "Import one file per table at a time, or join the files first.");
            }
        }
    }
    for (const ColumnMapping& map : request.mappings)
    {
        const bool used = std::any_of(request.files.begin(), request.files.end(),
                                      [&](const ImportFile& f) { return f.table == map.table; });
        if (!used)
        {
            request_issue(Severity::Note, "request.unused_mapping",
                          "--map " + std::string(ToString(map.table)) + "." + map.field +
                              " is not used: no " + std::string(ToString(map.table)) +
                              " file was given.",
                          "");
        }
    }
}

ImportCounts CountsOf(const ImportBatch& batch)
{
    ImportCounts counts;
    counts.funds = static_cast<std::int64_t>(batch.funds.size());
    counts.criteria = static_cast<std::int64_t>(batch.criteria.size());
    for (const scoring::Fund& f : batch.funds)
    {
        counts.criteria += static_cast<std::int64_t>(f.criteria.size());
    }
    counts.members = static_cast<std::int64_t>(batch.members.size());
    counts.bids = static_cast<std::int64_t>(batch.bids.size());
    counts.interests = static_cast<std::int64_t>(batch.interests.size());
    counts.scores = static_cast<std::int64_t>(batch.scores.size());
    std::int64_t sheets = 0;
    for (std::size_t i = 0; i < batch.scores.size(); ++i)
    {
        const bool first = i == 0 || batch.scores[i].bid != batch.scores[i - 1].bid ||
                           batch.scores[i].member != batch.scores[i - 1].member;
        sheets += first ? 1 : 0;
    }
    counts.sheets = sheets;
    return counts;
}

} // namespace

ImportPreview PreviewImportFile(const Workspace& workspace, const ImportFile& file,
                                const ImportRequest& request, std::size_t max_rows)
{
    IssueLog log;
    ImportState state = StateOf(workspace);
    SourceContext context(log, file.path, file.table);
    const auto handler = MakeHandler(file.table, state, context, request);
    ImportPreview preview;
    const TableResult result = ReadTable(file, request.options, context, *handler,
                                         std::max<std::size_t>(max_rows, 1), &preview.rows);
    preview.file = result.file;
    if (result.layout)
    {
        preview.header_row = result.layout->header_row;
        preview.headings = result.layout->headings;
        preview.fields = result.layout->fields;
        preview.wide_matrix = result.layout->wide;
    }
    else
    {
        for (const ImportField& f : ImportFields(file.table))
        {
            preview.fields.push_back({std::string(f.name), MatchKind::Missing, -1, ""});
        }
    }
    preview.issues = log.Finish();
    return preview;
}

ImportStart::ImportStart(std::unique_ptr<State> state) : m_state(std::move(state))
{
}
ImportStart::ImportStart(ImportStart&&) noexcept = default;
ImportStart& ImportStart::operator=(ImportStart&&) noexcept = default;
ImportStart::~ImportStart() = default;

ImportStart StartImport(const Workspace& workspace)
{
    auto start = std::make_unique<ImportStart::State>();
    start->audit_head = AuditHead(workspace);
    start->baseline = workspace.GetImportBaseline();
    for (const scoring::Fund& f : start->baseline.funds)
    {
        start->locked_funds.push_back(workspace.IsFundLocked(f.key));
    }
    return ImportStart(std::move(start));
}

ImportPlan PlanImport(const Workspace& workspace, const ImportRequest& request)
{
    return PlanImport(StartImport(workspace), request);
}

ImportPlan PlanImport(ImportStart start, const ImportRequest& request,
                      const ImportProgress& progress)
{
    auto plan = std::make_unique<ImportPlan::State>();
    plan->audit_head = start.Internal().audit_head;
    IssueLog log;
    CheckRequest(request, log);
    ImportState state(start.Internal().baseline, start.Internal().locked_funds);
    FileHashes hashes(request.files);
    std::vector<std::size_t> order; // the request's files, in the order the tables are read
    for (const ImportTable table : AllImportTables())
    {
        for (std::size_t i = 0; i < request.files.size(); ++i)
        {
            const ImportFile& file = request.files[i];
            if (file.table != table)
            {
                continue;
            }
            SourceContext context(log, file.path, table);
            context.SetProgress(progress);
            const auto handler = MakeHandler(table, state, context, request);
            ReadTable(file, request.options, context, *handler);
            order.push_back(i);
        }
    }
    // The audit names what was imported by table and content hash: ids only.
    std::string source;
    for (const std::size_t i : order)
    {
        source += (source.empty() ? "" : "; ") + std::string(ToString(request.files[i].table)) +
                  " sha256:" + hashes.All()[i];
    }
    plan->batch = std::move(state.batch);
    plan->batch.source = source;
    plan->batch.derive_sheets = true;
    // Key order is the cheapest insert order; Workspace::Import then needs no copy. Files
    // usually come in that order already.
    const auto before = [](const scoring::Score& x, const scoring::Score& y)
    { return std::tie(x.bid, x.member, x.criterion) < std::tie(y.bid, y.member, y.criterion); };
    auto& scores = plan->batch.scores;
    if (!std::is_sorted(scores.begin(), scores.end(), before))
    {
        std::sort(scores.begin(), scores.end(), before);
    }
    plan->report.counts = CountsOf(plan->batch);
    plan->report.issues = log.Finish();
    return ImportPlan(std::move(plan));
}

ImportReport CommitImport(Workspace& workspace, const ImportPlan& plan, bool accept_warnings)
{
    ImportReport report = plan.Report();
    report.imported = false;
    if (!report.CanImport(accept_warnings))
    {
        return report;
    }
    if (AuditHead(workspace) != plan.Internal().audit_head)
    {
        throw CommandError("The round changed after the files were checked. Check the files "
                           "again, then import.");
    }
    workspace.Import(plan.Internal().batch);
    report.imported = true;
    return report;
}

ImportReport ImportFiles(Workspace& workspace, const ImportRequest& request)
{
    const ImportPlan plan = PlanImport(workspace, request);
    ImportReport report = CommitImport(workspace, plan, request.accept_warnings);
    if (!report.imported && !workspace.IsReadOnly())
    {
        const auto first =
            std::find_if(report.issues.begin(), report.issues.end(),
                         [](const ImportIssue& i) { return i.severity != Severity::Note; });
        workspace.RecordImportRejected(plan.Internal().batch.source, report.Errors(),
                                       report.Warnings(),
                                       first != report.issues.end() ? first->code : "");
    }
    return report;
}

} // namespace coscore::core
