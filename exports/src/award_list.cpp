// SPDX-License-Identifier: MIT
// The award list for Cabinet and finance: a summary of every fund, then one sheet per fund with
// every bid in rank order, its decision in Cabinet wording and the money.
#include "export_context.hpp"

#include <array>
#include <unordered_map>

namespace coscore::exports::detail
{
namespace
{

constexpr std::string_view kOutput = "Award list";

constexpr std::array<scoring::DecisionKind, 5> kKinds{
    scoring::DecisionKind::FundInFull, scoring::DecisionKind::FundReduced,
    scoring::DecisionKind::FundWithConditions, scoring::DecisionKind::Reject,
    scoring::DecisionKind::Defer};

std::vector<Column> AwardColumns(bool with_fund)
{
    std::vector<Column> columns;
    if (with_fund)
    {
        columns.push_back({"Fund", ColumnKind::Text});
    }
    const std::vector<Column> rest{
        {"Rank", ColumnKind::Count},
        {"Ref", ColumnKind::Text},
        {"Organisation", ColumnKind::Wrap, 24},
        {"Project", ColumnKind::Wrap, 28},
        {"Area", ColumnKind::Text},
        {"Requested", ColumnKind::Money},
        {"Awarded", ColumnKind::Money},
        {"Decision", ColumnKind::Wrap, 16},
        {"Status", ColumnKind::Text},
        {"Conditions", ColumnKind::Wrap, 28},
        {"Reasons", ColumnKind::Wrap, 28},
        {"Mean score", ColumnKind::Score},
        {"n", ColumnKind::Count},
        {"Flags", ColumnKind::Wrap, 20},
        {"Notes", ColumnKind::Wrap, 28},
    };
    columns.insert(columns.end(), rest.begin(), rest.end());
    return columns;
}

/// What the panel should know beside the figures: pot, skips, ties, failed gates.
std::string AwardNotes(const scoring::BidResult& bid, const scoring::TieGroup* tie)
{
    std::vector<std::string> parts;
    if (!bid.allocation_note.empty())
    {
        parts.push_back(bid.allocation_note);
    }
    if (!bid.pot.empty() && bid.allocation_note.find(bid.pot) == std::string::npos)
    {
        parts.push_back("Funded from the pot \"" + bid.pot + "\"");
    }
    if (tie != nullptr)
    {
        std::string text = tie->at_line ? "Tied at the funding line" : "Tied";
        if (tie->resolved && !tie->resolution.empty())
        {
            text += ": " + tie->resolution;
        }
        else if (tie->at_line)
        {
            text += ": not yet resolved";
        }
        parts.push_back(text);
    }
    else if (bid.tied)
    {
        parts.push_back("Tied");
    }
    for (const std::string& gate : bid.failed_gates)
    {
        parts.push_back("Failed the gate on \"" + gate + "\"");
    }
    std::string text;
    for (const std::string& part : parts)
    {
        text += (text.empty() ? "" : ". ") + part;
    }
    return text;
}

void EmitAwardRows(const OutputContext& ctx, const scoring::FundResult& fund, bool with_fund,
                   TableSink& sink)
{
    std::unordered_map<Key, const scoring::TieGroup*> ties;
    for (const scoring::TieGroup& group : fund.ties)
    {
        for (const Key bid : group.bids)
        {
            ties[bid] = &group;
        }
    }
    const std::string fund_name = ctx.index.FundName(fund.fund);
    std::vector<Cell> cells;
    for (const scoring::BidResult& result : fund.bids)
    {
        const scoring::Bid& bid = ctx.index.BidOf(result.bid);
        const scoring::Decision* decision = ctx.index.DecisionOf(result.bid);
        const auto tie = ties.find(result.bid);
        const std::string flags = FlagLabels(result.flags);
        const std::string notes = AwardNotes(result, tie == ties.end() ? nullptr : tie->second);
        const bool decided = result.decision.has_value();

        cells.clear();
        if (with_fund)
        {
            cells.push_back(TextCell(fund_name));
        }
        cells.push_back(result.rank > 0 ? NumberCell(result.rank) : BlankCell());
        cells.push_back(TextCell(bid.ref));
        cells.push_back(TextCell(bid.organisation));
        cells.push_back(TextCell(bid.project_title));
        cells.push_back(TextCell(bid.ward));
        cells.push_back(MoneyCell(result.requested_pence));
        cells.push_back(MoneyCell(result.award_pence));
        cells.push_back(TextCell(DecisionText(result), decided ? Tone::Normal : Tone::Muted));
        cells.push_back(TextCell(StatusText(result.decision_status)));
        cells.push_back(decision != nullptr ? TextCell(decision->conditions) : BlankCell());
        cells.push_back(decision != nullptr ? TextCell(decision->reason) : BlankCell());
        cells.push_back(NumberCell(result.figures.mean));
        cells.push_back(NumberCell(result.figures.n));
        cells.push_back(TextCell(flags));
        cells.push_back(TextCell(notes));
        sink.Row(cells, bid.ref);
        ctx.meter.Advance();
    }
}

std::vector<Column> SummaryColumns()
{
    std::vector<Column> columns{
        {"Fund", ColumnKind::Text},   {"Budget", ColumnKind::Money},
        {"Spent", ColumnKind::Money}, {"Remaining", ColumnKind::Money},
        {"Bids", ColumnKind::Count},  {"Funded", ColumnKind::Count},
    };
    for (const scoring::DecisionKind kind : kKinds)
    {
        columns.push_back({std::string(scoring::CabinetWording(kind)), ColumnKind::Count});
    }
    columns.push_back({"Not yet decided", ColumnKind::Count});
    return columns;
}

/// Decision counts of a fund: one per kind of kKinds, then "not yet decided".
std::array<int, kKinds.size() + 1> DecisionCounts(const scoring::FundResult& fund)
{
    std::array<int, kKinds.size() + 1> counts{};
    for (const scoring::BidResult& bid : fund.bids)
    {
        const std::size_t slot =
            bid.decision ? static_cast<std::size_t>(*bid.decision) : kKinds.size();
        ++counts.at(slot);
    }
    return counts;
}

void EmitSummaryRows(const OutputContext& ctx, TableSink& sink)
{
    std::vector<Cell> cells;
    for (const scoring::FundResult& fund : ctx.Result().funds)
    {
        const std::string name = ctx.index.FundName(fund.fund);
        cells.clear();
        cells.push_back(TextCell(name));
        cells.push_back(MoneyCell(fund.budget_pence));
        cells.push_back(MoneyCell(fund.spent_pence));
        cells.push_back(MoneyCell(fund.remaining_pence));
        cells.push_back(NumberCell(static_cast<double>(fund.bids.size())));
        cells.push_back(NumberCell(fund.funded_count));
        for (const int count : DecisionCounts(fund))
        {
            cells.push_back(NumberCell(count));
        }
        sink.Row(cells, {});
    }
}

void WriteSummarySheet(const OutputContext& ctx, XlsxWorkbook& book)
{
    XlsxSheet& sheet = book.AddSheet("Summary");
    std::vector<std::string> notes;
    notes.push_back("Bids are ranked by " +
                    std::string(scoring::ToString(ctx.Result().basis_used)) +
                    (ctx.Result().basis_note.empty() ? "." : ": " + ctx.Result().basis_note));
    notes.push_back("Audit chain head: " + (ctx.input.audit_head_hex.empty()
                                                ? std::string("not supplied")
                                                : ctx.input.audit_head_hex));
    const int header_row = WriteTitleBlock(sheet, ctx, "Award list", notes);

    XlsxTable table(sheet, header_row, SummaryColumns(), ctx.Log(kOutput));
    EmitSummaryRows(ctx, table);
    table.Finish(ctx.Page());

    // Totals over the funds, as formulas with their values cached.
    const int total_row = table.NextRow();
    sheet.WriteText(total_row, 0, "All funds", Style::TotalLabel);
    const auto& funds = ctx.Result().funds;
    const auto sum_pence = [&](auto field)
    {
        Pence sum = 0;
        for (const scoring::FundResult& fund : funds)
        {
            sum += field(fund);
        }
        return static_cast<double>(sum) / 100.0;
    };
    sheet.WriteSum(total_row, 1, table.FirstRow(), table.LastRow(), 1,
                   sum_pence([](const auto& f) { return f.budget_pence; }), Style::TotalMoney);
    sheet.WriteSum(total_row, 2, table.FirstRow(), table.LastRow(), 2,
                   sum_pence([](const auto& f) { return f.spent_pence; }), Style::TotalMoney);
    sheet.WriteSum(total_row, 3, table.FirstRow(), table.LastRow(), 3,
                   sum_pence([](const auto& f) { return f.remaining_pence; }), Style::TotalMoney);
    std::vector<double> counts(SummaryColumns().size(), 0.0);
    for (const scoring::FundResult& fund : funds)
    {
        counts[4] += static_cast<double>(fund.bids.size());
        counts[5] += fund.funded_count;
        const auto decided = DecisionCounts(fund);
        for (std::size_t i = 0; i < decided.size(); ++i)
        {
            counts[6 + i] += decided[i];
        }
    }
    for (std::size_t col = 4; col < counts.size(); ++col)
    {
        sheet.WriteSum(total_row, static_cast<int>(col), table.FirstRow(), table.LastRow(),
                       static_cast<int>(col), counts[col], Style::TotalCount);
    }

    // Ring-fenced pots and ties at the line, when there are any, below the funds.
    int row = total_row + 2;
    bool any_pots = false;
    for (const scoring::FundResult& fund : funds)
    {
        any_pots = any_pots || !fund.pots.empty();
    }
    if (any_pots)
    {
        sheet.WriteText(row++, 0, "Ring-fenced pots", Style::Heading);
        XlsxTable pots(sheet, row,
                       {{"Fund", ColumnKind::Text},
                        {"Pot", ColumnKind::Text, 20},
                        {"At least", ColumnKind::Money},
                        {"Spent", ColumnKind::Money},
                        {"Met", ColumnKind::Text}},
                       ctx.Log(kOutput));
        for (const scoring::FundResult& fund : funds)
        {
            for (const scoring::PotResult& pot : fund.pots)
            {
                const std::array<Cell, 5> cells{TextCell(ctx.index.FundName(fund.fund)),
                                                TextCell(pot.name), MoneyCell(pot.minimum_pence),
                                                MoneyCell(pot.spent_pence),
                                                TextCell(pot.met ? "Yes" : "No")};
                pots.Row(cells, {});
            }
        }
        pots.ApplyWidths();
        row = pots.NextRow() + 1;
    }
    std::vector<std::pair<Key, const scoring::TieGroup*>> line_ties;
    for (const scoring::FundResult& fund : funds)
    {
        for (const scoring::TieGroup& group : fund.ties)
        {
            if (group.at_line)
            {
                line_ties.emplace_back(fund.fund, &group);
            }
        }
    }
    if (!line_ties.empty())
    {
        sheet.WriteText(row++, 0, "Ties at the funding line", Style::Heading);
        XlsxTable ties(sheet, row,
                       {{"Fund", ColumnKind::Text},
                        {"Tied bids", ColumnKind::Wrap, 20},
                        {"Resolved", ColumnKind::Text},
                        {"How", ColumnKind::Wrap, 36}},
                       ctx.Log(kOutput));
        for (const auto& [fund, group] : line_ties)
        {
            const std::string refs = JoinRefs(ctx.index, group->bids);
            const std::array<Cell, 4> cells{
                TextCell(ctx.index.FundName(fund)), TextCell(refs),
                TextCell(group->resolved ? "Yes" : "No"),
                TextCell(group->resolved
                             ? std::string_view(group->resolution)
                             : std::string_view("Needs a chair's decision or a lottery"))};
            ties.Row(cells, {});
        }
        ties.ApplyWidths();
    }
    sheet.Activate();
}

void WriteFundSheet(const OutputContext& ctx, XlsxWorkbook& book, const scoring::FundResult& fund)
{
    const std::string name = ctx.index.FundName(fund.fund);
    XlsxSheet& sheet = book.AddSheet(name);
    ctx.meter.Step("Award list: " + name);

    Pence awarded = 0;
    Pence requested = 0;
    for (const scoring::BidResult& bid : fund.bids)
    {
        awarded += bid.award_pence;
        requested += bid.requested_pence;
    }
    if (awarded != fund.spent_pence)
    {
        ctx.warnings.push_back(
            {std::string(kOutput),
             sheet.Name(),
             {},
             "Awarded",
             std::string(kOutput) + ", sheet '" + sheet.Name() + "': the awards add up to " +
                 PoundsText(awarded) + " but the fund's spent total is " +
                 PoundsText(fund.spent_pence) + ". Reconcile the round again before sending it."});
    }
    const std::vector<std::string> notes{"Budget " + PoundsText(fund.budget_pence) +
                                         " \xC2\xB7 Spent " + PoundsText(fund.spent_pence) +
                                         " \xC2\xB7 Remaining " + PoundsText(fund.remaining_pence) +
                                         " \xC2\xB7 " + std::to_string(fund.funded_count) + " of " +
                                         std::to_string(fund.bids.size()) + " bids funded"};
    const int header_row = WriteTitleBlock(sheet, ctx, name + " \xE2\x80\x94 award list", notes);

    XlsxTable table(sheet, header_row, AwardColumns(false), ctx.Log(kOutput));
    EmitAwardRows(ctx, fund, false, table);

    const int first = table.FirstRow();
    const int last = table.LastRow();
    const int requested_col = table.Col("Requested");
    const int awarded_col = table.Col("Awarded");
    const int label_col = requested_col - 1;
    table.Sheet().AddHighlight(first, table.Col("Flags"), last, table.Col("Flags"),
                               Highlight::AmberIfText);
    table.Sheet().AddHighlight(first, awarded_col, last, awarded_col, Highlight::GreenIfPositive);
    table.Finish(ctx.Page());

    // Totals and the budget line, as formulas with their values cached.
    const int total_row = table.NextRow();
    sheet.WriteText(total_row, label_col, "Total", Style::TotalLabel);
    sheet.WriteSum(total_row, requested_col, first, last, requested_col,
                   static_cast<double>(requested) / 100.0, Style::TotalMoney);
    sheet.WriteSum(total_row, awarded_col, first, last, awarded_col,
                   static_cast<double>(awarded) / 100.0, Style::TotalMoney);
    const int budget_row = total_row + 2;
    sheet.WriteText(budget_row, label_col, "Budget", Style::Label);
    sheet.WriteNumber(budget_row, awarded_col, static_cast<double>(fund.budget_pence) / 100.0,
                      Style::Money);
    sheet.WriteText(budget_row + 1, label_col, "Spent", Style::Label);
    sheet.WriteSum(budget_row + 1, awarded_col, first, last, awarded_col,
                   static_cast<double>(awarded) / 100.0, Style::Money);
    sheet.WriteText(budget_row + 2, label_col, "Remaining", Style::TotalLabel);
    sheet.WriteDifference(
        budget_row + 2, awarded_col, {budget_row, awarded_col}, {budget_row + 1, awarded_col},
        static_cast<double>(fund.budget_pence - awarded) / 100.0, Style::TotalMoney);
}

} // namespace

std::int64_t AwardListUnits(const ExportInput& input)
{
    const std::int64_t bids = CountBids(input.result);
    return bids + 1;
}

void StageAwardList(const OutputContext& ctx, const std::filesystem::path& target,
                    std::vector<StagedFile>& staged)
{
    ctx.meter.Step("Award list");
    if (IsCsvPath(target))
    {
        StageCsvTable(target, staged, AwardColumns(true),
                      [&](CsvTable& table)
                      {
                          for (const scoring::FundResult& fund : ctx.Result().funds)
                          {
                              EmitAwardRows(ctx, fund, true, table);
                          }
                      });
        return;
    }
    const std::int64_t cells = ctx.index.BidCount() * 16;
    StageWorkbook(ctx, target, "award list", cells, staged,
                  [&](XlsxWorkbook& book)
                  {
                      WriteSummarySheet(ctx, book);
                      for (const scoring::FundResult& fund : ctx.Result().funds)
                      {
                          WriteFundSheet(ctx, book, fund);
                      }
                  });
}

void StageAwardCsvTables(const OutputContext& ctx, const std::filesystem::path& folder,
                         std::vector<StagedFile>& staged)
{
    StageAwardList(ctx, folder / "awards.csv", staged);
    StageCsvTable(folder / "awards_summary.csv", staged, SummaryColumns(),
                  [&](CsvTable& table) { EmitSummaryRows(ctx, table); });
}

} // namespace coscore::exports::detail
