// SPDX-License-Identifier: MIT
// The feedback sheet for mail merge: one row per bid, plain column names, amounts both as
// numbers and as text ("£12,500.00"), because mail merge often loses number formats.
#include "export_context.hpp"

namespace coscore::exports::detail
{
namespace
{

constexpr std::string_view kOutput = "Feedback sheet";

std::vector<Column> FeedbackColumns()
{
    return {{"Reference", ColumnKind::Text},
            {"Organisation", ColumnKind::Wrap, 26},
            {"Project title", ColumnKind::Wrap, 28},
            {"Fund", ColumnKind::Text},
            {"Amount requested", ColumnKind::Money},
            {"Amount requested text", ColumnKind::Text},
            {"Decision", ColumnKind::Text},
            {"Amount awarded", ColumnKind::Money},
            {"Amount awarded text", ColumnKind::Text},
            {"Conditions", ColumnKind::Wrap, 30},
            {"Reason", ColumnKind::Wrap, 30},
            {"Feedback", ColumnKind::Wrap, 48},
            {"Mean score out of 100", ColumnKind::Score},
            {"Rank", ColumnKind::Count},
            {"Bids in fund", ColumnKind::Count}};
}

void EmitFeedbackRows(const OutputContext& ctx, TableSink& sink)
{
    std::vector<Cell> cells;
    for (const scoring::FundResult& fund : ctx.Result().funds)
    {
        const std::string fund_name = ctx.index.FundName(fund.fund);
        for (const scoring::BidResult& result : fund.bids)
        {
            const scoring::Bid& bid = ctx.index.BidOf(result.bid);
            const scoring::Decision* decision = ctx.index.DecisionOf(result.bid);
            const std::string requested = PoundsText(result.requested_pence);
            const std::string awarded = PoundsText(result.award_pence);
            cells.clear();
            cells.push_back(TextCell(bid.ref));
            cells.push_back(TextCell(bid.organisation));
            cells.push_back(TextCell(bid.project_title));
            cells.push_back(TextCell(fund_name));
            cells.push_back(MoneyCell(result.requested_pence));
            cells.push_back(TextCell(requested));
            cells.push_back(TextCell(DecisionText(result)));
            cells.push_back(MoneyCell(result.award_pence));
            cells.push_back(TextCell(awarded));
            cells.push_back(decision != nullptr ? TextCell(decision->conditions) : BlankCell());
            cells.push_back(decision != nullptr ? TextCell(decision->reason) : BlankCell());
            cells.push_back(decision != nullptr ? TextCell(decision->feedback) : BlankCell());
            cells.push_back(NumberCell(result.figures.mean));
            cells.push_back(result.rank > 0 ? NumberCell(result.rank) : BlankCell());
            cells.push_back(NumberCell(static_cast<double>(fund.bids.size())));
            sink.Row(cells, bid.ref);
            ctx.meter.Advance();
        }
    }
}

} // namespace

std::int64_t FeedbackSheetUnits(const ExportInput& input)
{
    return CountBids(input.result);
}

void StageFeedbackSheet(const OutputContext& ctx, const std::filesystem::path& target,
                        std::vector<StagedFile>& staged)
{
    ctx.meter.Step("Feedback sheet");
    if (IsCsvPath(target))
    {
        StageCsvTable(target, staged, FeedbackColumns(),
                      [&](CsvTable& table) { EmitFeedbackRows(ctx, table); });
        return;
    }
    const std::int64_t cells = ctx.index.BidCount() * 15;
    StageWorkbook(ctx, target, "feedback sheet", cells, staged,
                  [&](XlsxWorkbook& book)
                  {
                      // Mail merge reads the first sheet from its first row: no title block.
                      XlsxSheet& sheet = book.AddSheet("Feedback");
                      XlsxTable table(sheet, 0, FeedbackColumns(), ctx.Log(kOutput));
                      EmitFeedbackRows(ctx, table);
                      table.Finish(ctx.Page());
                  });
}

} // namespace coscore::exports::detail
