// SPDX-License-Identifier: MIT
// The audit log: every entry, oldest first, with its hash; the chain head on top.
#include "export_context.hpp"

#include <array>

namespace coscore::exports::detail
{
namespace
{

constexpr std::string_view kOutput = "Audit log";

std::vector<Column> AuditColumns()
{
    return {{"Seq", ColumnKind::Count},       {"When (UTC)", ColumnKind::DateTime},
            {"Who", ColumnKind::Text},        {"Action", ColumnKind::Text},
            {"Detail", ColumnKind::Wrap, 60}, {"Hash", ColumnKind::Mono, 66}};
}

void EmitAuditRows(const OutputContext& ctx, TableSink& sink)
{
    for (const AuditRow& entry : ctx.input.audit)
    {
        const std::array<Cell, 6> cells{NumberCell(static_cast<double>(entry.seq)),
                                        TimestampCell(entry.at),
                                        TextCell(entry.actor),
                                        TextCell(entry.action),
                                        TextCell(entry.detail),
                                        TextCell(entry.hash_hex)};
        sink.Row(cells, {});
        ctx.meter.Advance();
    }
}

} // namespace

std::int64_t AuditLogUnits(const ExportInput& input)
{
    return static_cast<std::int64_t>(input.audit.size());
}

void StageAuditLog(const OutputContext& ctx, const std::filesystem::path& target,
                   std::vector<StagedFile>& staged)
{
    ctx.meter.Step("Audit log");
    if (IsCsvPath(target))
    {
        StageCsvTable(target, staged, AuditColumns(),
                      [&](CsvTable& table) { EmitAuditRows(ctx, table); });
        return;
    }
    const auto cells = static_cast<std::int64_t>(ctx.input.audit.size()) * 6;
    StageWorkbook(ctx, target, "audit log", cells, staged,
                  [&](XlsxWorkbook& book)
                  {
                      XlsxSheet& sheet = book.AddSheet("Audit log");
                      const std::string head = ctx.input.audit_head_hex.empty()
                                                   ? std::string("not supplied")
                                                   : ctx.input.audit_head_hex;
                      const int header_row = WriteTitleBlock(
                          sheet, ctx, "Audit log",
                          {std::to_string(ctx.input.audit.size()) +
                               " entries, oldest first. Each hash covers the entry and the hash "
                               "before it.",
                           "Chain head: " + head});
                      XlsxTable table(sheet, header_row, AuditColumns(), ctx.Log(kOutput));
                      EmitAuditRows(ctx, table);
                      table.Finish(ctx.Page());
                  });
}

} // namespace coscore::exports::detail
