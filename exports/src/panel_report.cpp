// SPDX-License-Identifier: MIT
// The panel report: what the panel did and how sure it can be. Summary, bid figures, ranking
// and its uncertainty, voices, equal voice, reliability, flags, ties and sensitivity, and
// native charts (budget use per fund, score spread per bid, means by voice).
#include "export_context.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <functional>

namespace coscore::exports::detail
{
namespace
{

constexpr std::string_view kOutput = "Panel report";

/// Charts of more bids than this show the first ones in rank order (and say so).
constexpr std::size_t kMaxChartBids = 40;

// Colour-blind-safe series colours (Okabe–Ito).
constexpr std::uint32_t kOrange = 0xE69F00;
constexpr std::uint32_t kSkyBlue = 0x56B4E9;
constexpr std::uint32_t kGreen = 0x009E73;
constexpr std::uint32_t kBlue = 0x0072B2;
constexpr std::uint32_t kGrey = 0xBBBBBB;

constexpr std::array<scoring::Voice, scoring::kVoiceCount> kVoices{
    scoring::Voice::LivedExperience, scoring::Voice::Councillors, scoring::Voice::Professionals};

// Groups of bid columns: the xlsx sheets show one group each, the CSV all of them.
enum BidGroup : unsigned
{
    kFigures = 1U,
    kRanking = 2U,
    kVoicesGroup = 4U,
};

std::vector<Column> BidColumns(unsigned groups, bool with_fund)
{
    std::vector<Column> columns;
    if (with_fund)
    {
        columns.push_back({"Fund", ColumnKind::Text});
    }
    columns.push_back({"Rank", ColumnKind::Count});
    columns.push_back({"Ref", ColumnKind::Text});
    columns.push_back({"Organisation", ColumnKind::Text, 26});
    if ((groups & kFigures) != 0U)
    {
        const std::vector<Column> figures{
            {"n", ColumnKind::Count},        {"Mean", ColumnKind::Score},
            {"Median", ColumnKind::Score},   {"Olympic mean", ColumnKind::Score},
            {"SD", ColumnKind::Score},       {"Lowest", ColumnKind::Score},
            {"Highest", ColumnKind::Score},  {"Range", ColumnKind::Score},
            {"IQR", ColumnKind::Score},      {"Z-mean", ColumnKind::Decimal},
            {"Adjusted", ColumnKind::Score}, {"Fundable", ColumnKind::Text},
            {"Flags", ColumnKind::Count}};
        columns.insert(columns.end(), figures.begin(), figures.end());
    }
    if ((groups & kRanking) != 0U)
    {
        const std::vector<Column> ranking{{"Tied", ColumnKind::Text},
                                          {"Rank by mean", ColumnKind::Count},
                                          {"Rank adjusted for leniency", ColumnKind::Count},
                                          {"Median rank (bootstrap)", ColumnKind::Score},
                                          {"50% rank interval", ColumnKind::Text},
                                          {"90% rank interval", ColumnKind::Text},
                                          {"P(funded)", ColumnKind::Percent},
                                          {"Funded", ColumnKind::Text},
                                          {"Award", ColumnKind::Money},
                                          {"Cumulative spend", ColumnKind::Money}};
        columns.insert(columns.end(), ranking.begin(), ranking.end());
    }
    if ((groups & kVoicesGroup) != 0U)
    {
        for (const scoring::Voice voice : kVoices)
        {
            const std::string name(scoring::DisplayName(voice));
            columns.push_back({name + ": n", ColumnKind::Count});
            columns.push_back({name + ": mean", ColumnKind::Score});
        }
        columns.push_back({"Largest gap between voices", ColumnKind::Score});
    }
    return columns;
}

std::optional<double> LargestVoiceGap(const scoring::BidResult& result)
{
    std::optional<double> lowest;
    std::optional<double> highest;
    for (const scoring::VoiceFigures& voice : result.voices)
    {
        if (voice.mean)
        {
            lowest = lowest ? std::min(*lowest, *voice.mean) : *voice.mean;
            highest = highest ? std::max(*highest, *voice.mean) : *voice.mean;
        }
    }
    if (!lowest || !highest)
    {
        return std::nullopt;
    }
    return *highest - *lowest;
}

const scoring::VoiceFigures* FiguresOf(const scoring::BidResult& result, scoring::Voice voice)
{
    for (const scoring::VoiceFigures& figures : result.voices)
    {
        if (figures.voice == voice)
        {
            return &figures;
        }
    }
    return nullptr;
}

void EmitBidRows(const OutputContext& ctx, unsigned groups, bool with_fund, TableSink& sink)
{
    std::vector<Cell> cells;
    std::array<std::string, 3> scratch;
    for (const scoring::FundResult& fund : ctx.Result().funds)
    {
        const std::string fund_name = ctx.index.FundName(fund.fund);
        for (const scoring::BidResult& r : fund.bids)
        {
            const scoring::Bid& bid = ctx.index.BidOf(r.bid);
            cells.clear();
            if (with_fund)
            {
                cells.push_back(TextCell(fund_name));
            }
            cells.push_back(r.rank > 0 ? NumberCell(r.rank) : BlankCell());
            cells.push_back(TextCell(bid.ref));
            cells.push_back(TextCell(bid.organisation));
            if ((groups & kFigures) != 0U)
            {
                const scoring::Figures& f = r.figures;
                cells.push_back(NumberCell(f.n));
                for (const auto& value : {f.mean, f.median, f.olympic, f.sd, f.min, f.max, f.range,
                                          f.iqr, r.zmean, r.adjusted})
                {
                    cells.push_back(NumberCell(value));
                }
                scratch[0] = r.fundable ? "Yes" : "No: failed a gate";
                cells.push_back(TextCell(scratch[0], r.fundable ? Tone::Normal : Tone::Muted));
                cells.push_back(NumberCell(static_cast<double>(r.flags.size())));
            }
            if ((groups & kRanking) != 0U)
            {
                scratch[1] = IntervalText(r.rank_ci50);
                scratch[2] = IntervalText(r.rank_ci90);
                cells.push_back(TextCell(r.tied ? "Tied" : ""));
                cells.push_back(r.raw_rank > 0 ? NumberCell(r.raw_rank) : BlankCell());
                cells.push_back(r.adjusted_rank > 0 ? NumberCell(r.adjusted_rank) : BlankCell());
                cells.push_back(NumberCell(r.median_rank));
                cells.push_back(TextCell(scratch[1]));
                cells.push_back(TextCell(scratch[2]));
                cells.push_back(NumberCell(r.p_funded));
                cells.push_back(TextCell(r.funded ? "Yes" : "No"));
                cells.push_back(MoneyCell(r.award_pence));
                cells.push_back(MoneyCell(r.cumulative_pence));
            }
            if ((groups & kVoicesGroup) != 0U)
            {
                for (const scoring::Voice voice : kVoices)
                {
                    const scoring::VoiceFigures* v = FiguresOf(r, voice);
                    cells.push_back(v != nullptr ? NumberCell(v->n) : BlankCell());
                    cells.push_back(v != nullptr ? NumberCell(v->mean) : BlankCell());
                }
                cells.push_back(NumberCell(LargestVoiceGap(r)));
            }
            sink.Row(cells, bid.ref);
            ctx.meter.Advance();
        }
    }
}

std::vector<Column> FlagColumns()
{
    return {{"Fund", ColumnKind::Text}, {"Rank", ColumnKind::Count},
            {"Ref", ColumnKind::Text},  {"Organisation", ColumnKind::Text, 26},
            {"Flag", ColumnKind::Text}, {"Why", ColumnKind::Wrap, 60}};
}

void EmitFlagRows(const OutputContext& ctx, TableSink& sink)
{
    for (const scoring::FundResult& fund : ctx.Result().funds)
    {
        const std::string fund_name = ctx.index.FundName(fund.fund);
        for (const scoring::BidResult& r : fund.bids)
        {
            const scoring::Bid& bid = ctx.index.BidOf(r.bid);
            for (const scoring::Flag& flag : r.flags)
            {
                const std::array<Cell, 6> cells{TextCell(fund_name),
                                                r.rank > 0 ? NumberCell(r.rank) : BlankCell(),
                                                TextCell(bid.ref),
                                                TextCell(bid.organisation),
                                                TextCell(FlagLabel(flag.code)),
                                                TextCell(flag.text)};
                sink.Row(cells, bid.ref);
            }
        }
    }
}

std::vector<Column> ReliabilityColumns()
{
    return {{"Scope", ColumnKind::Text},        {"Measure", ColumnKind::Text},
            {"Value", ColumnKind::Ratio},       {"95% CI low", ColumnKind::Ratio},
            {"95% CI high", ColumnKind::Ratio}, {"Test statistic", ColumnKind::Decimal},
            {"df1", ColumnKind::Decimal},       {"df2", ColumnKind::Decimal},
            {"p", ColumnKind::Ratio},           {"Note", ColumnKind::Text}};
}

void EmitReliabilityRows(std::string_view scope, const scoring::ReliabilityReport& report,
                         TableSink& sink)
{
    constexpr std::string_view kGaps = "Not computed: some members did not score every bid";
    const auto row = [&](std::string_view measure, Cell value, std::array<Cell, 6> rest = {},
                         std::string_view note = {})
    {
        const std::array<Cell, 10> cells{
            TextCell(scope), TextCell(measure), value,   rest[0], rest[1],
            rest[2],         rest[3],           rest[4], rest[5], TextCell(note, Tone::Muted)};
        sink.Row(cells, {});
    };
    const auto count = [](double value) { return NumberCell(value, Tone::Whole); };
    const auto alpha = [&](std::string_view measure, const std::optional<double>& value)
    { row(measure, NumberCell(value), {}, value ? std::string_view() : "Not computed"); };

    row("Bids (units)", count(report.units));
    row("Members (raters)", count(report.raters));
    row("Pairable values", count(static_cast<double>(report.pairable_values)));
    alpha("Krippendorff's alpha, nominal", report.alpha.nominal);
    alpha("Krippendorff's alpha, ordinal", report.alpha.ordinal);
    alpha("Krippendorff's alpha, interval", report.alpha.interval);
    alpha("Krippendorff's alpha, ratio", report.alpha.ratio);
    if (report.icc.empty())
    {
        row("ICC", BlankCell(), {}, kGaps);
    }
    for (const scoring::IccValue& icc : report.icc)
    {
        row(icc.name, NumberCell(icc.value),
            {NumberCell(icc.ci_lo), NumberCell(icc.ci_hi), NumberCell(icc.f), NumberCell(icc.df1),
             NumberCell(icc.df2), NumberCell(icc.p)});
    }
    if (report.kendall_w)
    {
        const scoring::KendallW& w = *report.kendall_w;
        row("Kendall's W (chi-square test)", NumberCell(w.w),
            {BlankCell(), BlankCell(), NumberCell(w.chi2), count(w.df), BlankCell(),
             NumberCell(w.p)});
    }
    else
    {
        row("Kendall's W", BlankCell(), {}, kGaps);
    }
}

void EmitAllReliabilityRows(const OutputContext& ctx, TableSink& sink)
{
    EmitReliabilityRows("All bids", ctx.Result().reliability, sink);
    for (const scoring::FundResult& fund : ctx.Result().funds)
    {
        EmitReliabilityRows(ctx.index.FundName(fund.fund), fund.reliability, sink);
    }
}

std::vector<Column> VoiceColumns()
{
    return {{"Voice", ColumnKind::Text},
            {"Scoring members", ColumnKind::Count},
            {"Mean total given", ColumnKind::Score},
            {"Mean leniency (points)", ColumnKind::Decimal},
            {"Bids funded if only this voice counted", ColumnKind::Count},
            {"Would be funded too", ColumnKind::Wrap, 36},
            {"Would not be funded", ColumnKind::Wrap, 36}};
}

void EmitVoiceRows(const OutputContext& ctx, TableSink& sink)
{
    for (const scoring::VoiceFundedSet& v : ctx.Result().equal_voice.voices)
    {
        if (v.members == 0)
        {
            // No member speaks with this voice: there is no funded set to compare.
            const std::array<Cell, 7> cells{
                TextCell(scoring::DisplayName(v.voice)),
                NumberCell(0.0),
                BlankCell(),
                BlankCell(),
                BlankCell(),
                TextCell("No scoring member has this voice", Tone::Muted),
                BlankCell()};
            sink.Row(cells, {});
            continue;
        }
        const std::string gained = JoinRefs(ctx.index, v.gained);
        const std::string lost = JoinRefs(ctx.index, v.lost);
        const std::array<Cell, 7> cells{
            TextCell(scoring::DisplayName(v.voice)),
            NumberCell(v.members),
            NumberCell(v.mean_total),
            NumberCell(v.mean_leniency),
            NumberCell(static_cast<double>(v.funded.size())),
            TextCell(gained.empty() ? std::string_view("None") : gained),
            TextCell(lost.empty() ? std::string_view("None") : lost)};
        sink.Row(cells, {});
    }
}

/// Where one fund's chart rows are on the "Chart data" sheet.
struct ChartRows
{
    Key fund = 0;
    int first = 0;
    int last = -1;
    std::size_t shown = 0;
    std::size_t total = 0;
};

constexpr int kDataRef = 1;
constexpr int kDataLowest = 2;
constexpr int kDataToMean = 3;
constexpr int kDataToHighest = 4;
constexpr int kDataVoices = 7; // three columns, in kVoices order

std::vector<ChartRows> WriteChartData(const OutputContext& ctx, XlsxWorkbook& book)
{
    XlsxSheet& sheet = book.AddSheet("Chart data");
    const int header_row = WriteTitleBlock(
        sheet, ctx, "Data behind the charts",
        {"Bids in rank order; at most " + std::to_string(kMaxChartBids) + " per fund."});
    std::vector<Column> columns{{"Fund", ColumnKind::Text},
                                {"Ref", ColumnKind::Text},
                                {"Lowest", ColumnKind::Score},
                                {"Lowest to mean", ColumnKind::Score},
                                {"Mean to highest", ColumnKind::Score},
                                {"Mean", ColumnKind::Score},
                                {"Highest", ColumnKind::Score}};
    for (const scoring::Voice voice : kVoices)
    {
        columns.push_back({std::string(scoring::DisplayName(voice)), ColumnKind::Score});
    }
    XlsxTable table(sheet, header_row, std::move(columns), ctx.Log(kOutput));
    std::vector<ChartRows> rows;
    for (const scoring::FundResult& fund : ctx.Result().funds)
    {
        const std::string fund_name = ctx.index.FundName(fund.fund);
        ChartRows placed{fund.fund, table.NextRow(), table.NextRow() - 1, 0, fund.bids.size()};
        for (const scoring::BidResult& r : fund.bids)
        {
            if (placed.shown == kMaxChartBids)
            {
                break;
            }
            const scoring::Figures& f = r.figures;
            const bool spread = f.min && f.mean && f.max;
            std::vector<Cell> cells{TextCell(fund_name),
                                    TextCell(ctx.index.BidOf(r.bid).ref),
                                    NumberCell(f.min),
                                    spread ? NumberCell(*f.mean - *f.min) : BlankCell(),
                                    spread ? NumberCell(*f.max - *f.mean) : BlankCell(),
                                    NumberCell(f.mean),
                                    NumberCell(f.max)};
            for (const scoring::Voice voice : kVoices)
            {
                const scoring::VoiceFigures* v = FiguresOf(r, voice);
                cells.push_back(v != nullptr ? NumberCell(v->mean) : BlankCell());
            }
            table.Row(cells, ctx.index.BidOf(r.bid).ref);
            ++placed.shown;
        }
        placed.last = table.LastRow();
        rows.push_back(placed);
    }
    table.Finish(ctx.Page());
    return rows;
}

double BarChartHeight(std::size_t bars)
{
    // About 22 pixels a bar plus room for title, axis and legend, against 288 pixels.
    return std::max(1.2, (static_cast<double>(bars) * 22.0 + 130.0) / 288.0);
}

void WriteCharts(const OutputContext& ctx, XlsxWorkbook& book, const std::string& summary_sheet,
                 int summary_first, int summary_last, const std::string& voice_sheet,
                 int voice_first, const std::vector<ChartRows>& data, const std::string& data_sheet)
{
    XlsxSheet& sheet = book.AddSheet("Charts");
    int row = WriteTitleBlock(sheet, ctx, "Charts",
                              {"Each chart's figures are on the sheet \"" + data_sheet +
                               "\" and in the tables of this report."});
    // Charts go one under another, a page break before any chart that would not fit on the
    // page (portrait A4 holds about 46 rows of 20 pixels below the header).
    constexpr int kRowsPerPage = 46;
    std::vector<int> breaks;
    int page_start = 0;
    const auto place = [&](const ChartSpec& spec)
    {
        const int rows = static_cast<int>(std::ceil(spec.height_scale * 288.0 / 20.0)) + 2;
        if (row + rows > page_start + kRowsPerPage && row > page_start)
        {
            breaks.push_back(row);
            page_start = row;
        }
        sheet.InsertChart(row, 0, spec);
        row += rows;
    };

    ChartSpec budget;
    budget.kind = ChartKind::StackedBar;
    budget.title = "Budget use per fund";
    budget.value_title = "Pounds";
    budget.description = "Stacked bars: for each fund, the money awarded and the money left "
                         "of its budget.";
    budget.data_sheet = summary_sheet;
    budget.first_row = summary_first;
    budget.last_row = summary_last;
    budget.category_col = 0;
    budget.series = {{"Spent", 2, false, kBlue}, {"Remaining", 3, false, kGrey}};
    budget.value_format = "\xC2\xA3#,##0";
    budget.value_min = 0.0;
    budget.reverse_categories = true;
    budget.width_scale = 2.0;
    budget.height_scale = BarChartHeight(ctx.Result().funds.size() * 2);
    place(budget);

    ChartSpec voices;
    voices.kind = ChartKind::ClusteredColumn;
    voices.title = "Mean member total by voice, all bids";
    voices.value_title = "Mean total (0\xE2\x80\x93"
                         "100)";
    voices.description = "Columns: the mean of every member total given by each voice.";
    voices.data_sheet = voice_sheet;
    voices.first_row = voice_first;
    voices.last_row = voice_first + scoring::kVoiceCount - 1;
    voices.category_col = 0;
    voices.series = {{"Mean total given", 2, false, kBlue}};
    voices.value_min = 0.0;
    voices.value_max = 100.0;
    voices.width_scale = 2.0;
    voices.height_scale = 1.2;
    place(voices);

    for (const ChartRows& fund : data)
    {
        if (fund.shown == 0)
        {
            continue;
        }
        const std::string name = ctx.index.FundName(fund.fund);
        const std::string of = fund.shown < fund.total
                                   ? " (first " + std::to_string(fund.shown) + " of " +
                                         std::to_string(fund.total) + " bids by rank)"
                                   : std::string();
        const auto fund_chart = [&](ChartKind kind, std::string title, std::string description,
                                    std::string value_title, std::vector<ChartSeries> series,
                                    std::size_t bars, bool legend)
        {
            ChartSpec spec;
            spec.legend = legend;
            spec.kind = kind;
            spec.title = std::move(title) + " \xE2\x80\x94 " + name + of;
            spec.value_title = std::move(value_title);
            spec.description = std::move(description);
            spec.data_sheet = data_sheet;
            spec.first_row = fund.first;
            spec.last_row = fund.last;
            spec.category_col = kDataRef;
            spec.series = std::move(series);
            spec.value_min = 0.0;
            spec.value_max = 100.0;
            spec.reverse_categories = true;
            spec.width_scale = 2.0;
            spec.height_scale = BarChartHeight(bars);
            place(spec);
        };
        fund_chart(ChartKind::StackedBar, "Score spread per bid",
                   "For each bid in rank order, a bar from the lowest to the highest member "
                   "total, split at the mean.",
                   "Member totals (0\xE2\x80\x93"
                   "100): each bar runs from the lowest to the "
                   "highest, light up to the mean, dark above it",
                   {{"Lowest", kDataLowest, true, std::nullopt},
                    {"Lowest to mean", kDataToMean, false, kSkyBlue},
                    {"Mean to highest", kDataToHighest, false, kBlue}},
                   fund.shown, false);
        fund_chart(
            ChartKind::ClusteredBar, "Mean total by voice per bid",
            "For each bid in rank order, the mean member total of each voice: lived "
            "experience, councillors, professionals.",
            "Mean member total (0\xE2\x80\x93"
            "100)",
            {{std::string(scoring::DisplayName(kVoices[0])), kDataVoices, false, kOrange},
             {std::string(scoring::DisplayName(kVoices[1])), kDataVoices + 1, false, kSkyBlue},
             {std::string(scoring::DisplayName(kVoices[2])), kDataVoices + 2, false, kGreen}},
            fund.shown * 2, true);
    }
    sheet.PageBreakBefore(breaks);
    PageSetup page = ctx.Page();
    page.landscape = false;
    sheet.SetupPrint(page);
}

struct SummaryPlace
{
    std::string sheet;
    int first = 0;
    int last = 0;
};

SummaryPlace WriteSummary(const OutputContext& ctx, XlsxWorkbook& book)
{
    XlsxSheet& sheet = book.AddSheet("Summary");
    const scoring::ReconcileResult& result = ctx.Result();
    std::vector<std::string> notes{
        "Bids are ranked by " + std::string(scoring::ToString(result.basis_used)) +
            (result.basis_note.empty() ? "." : ": " + result.basis_note),
        "Flags set the agenda for discussion. Reliability figures show how closely the panel "
        "agreed; they are never reasons to discard anyone's scores."};
    const int header_row = WriteTitleBlock(sheet, ctx, "Panel report", notes);
    XlsxTable table(sheet, header_row,
                    {{"Fund", ColumnKind::Text},
                     {"Budget", ColumnKind::Money},
                     {"Spent", ColumnKind::Money},
                     {"Remaining", ColumnKind::Money},
                     {"Bids", ColumnKind::Count},
                     {"Scored", ColumnKind::Count},
                     {"Funded", ColumnKind::Count},
                     {"Flagged bids", ColumnKind::Count},
                     {"Ties at the line", ColumnKind::Count},
                     {"Funded status differs when adjusted for leniency", ColumnKind::Count, 18}},
                    ctx.Log(kOutput));
    std::array<double, 10> totals{};
    for (const scoring::FundResult& fund : result.funds)
    {
        const auto scored = std::count_if(fund.bids.begin(), fund.bids.end(),
                                          [](const auto& b) { return b.figures.n > 0; });
        const auto flagged = std::count_if(fund.bids.begin(), fund.bids.end(),
                                           [](const auto& b) { return !b.flags.empty(); });
        const auto ties = std::count_if(fund.ties.begin(), fund.ties.end(),
                                        [](const auto& t) { return t.at_line; });
        const std::array<double, 10> values{0.0,
                                            static_cast<double>(fund.budget_pence) / 100.0,
                                            static_cast<double>(fund.spent_pence) / 100.0,
                                            static_cast<double>(fund.remaining_pence) / 100.0,
                                            static_cast<double>(fund.bids.size()),
                                            static_cast<double>(scored),
                                            static_cast<double>(fund.funded_count),
                                            static_cast<double>(flagged),
                                            static_cast<double>(ties),
                                            static_cast<double>(fund.status_changes.size())};
        const std::string name = ctx.index.FundName(fund.fund);
        std::array<Cell, 10> cells{TextCell(name)};
        for (std::size_t i = 1; i < values.size(); ++i)
        {
            totals[i] += values[i];
            cells[i] = i <= 3 ? MoneyCell(i == 1   ? fund.budget_pence
                                          : i == 2 ? fund.spent_pence
                                                   : fund.remaining_pence)
                              : NumberCell(values[i]);
        }
        table.Row(cells, {});
    }
    table.Finish(ctx.Page());
    const int total_row = table.NextRow();
    sheet.WriteText(total_row, 0, "All funds", Style::TotalLabel);
    for (int col = 1; col < 10; ++col)
    {
        sheet.WriteSum(total_row, col, table.FirstRow(), table.LastRow(), col,
                       totals[static_cast<std::size_t>(col)],
                       col <= 3 ? Style::TotalMoney : Style::TotalCount);
    }

    // The round's agreement at a glance (details on the Reliability sheet).
    int row = total_row + 2;
    sheet.WriteText(row++, 0, "How closely the panel agreed (all bids)", Style::Heading);
    const scoring::ReliabilityReport& rel = result.reliability;
    // The label spills over the empty column beside it; the value sits one further.
    const auto line = [&](std::string_view label, const std::optional<double>& value)
    {
        sheet.WriteText(row, 0, label, Style::Label);
        if (value)
        {
            sheet.WriteNumber(row, 2, *value, Style::Ratio);
        }
        else
        {
            sheet.WriteText(row, 2, "Not computed", Style::Muted);
        }
        ++row;
    };
    line("Krippendorff's alpha (interval)", rel.alpha.interval);
    std::optional<double> icc21;
    for (const scoring::IccValue& icc : rel.icc)
    {
        if (icc.name == "ICC(2,1)")
        {
            icc21 = icc.value;
        }
    }
    line("ICC(2,1)", icc21);
    line("Kendall's W", rel.kendall_w ? std::optional<double>(rel.kendall_w->w) : std::nullopt);
    sheet.Activate();
    return {sheet.Name(), table.FirstRow(), table.LastRow()};
}

void WriteTableSheet(const OutputContext& ctx, XlsxWorkbook& book, std::string_view name,
                     std::string_view title, const std::vector<std::string>& notes,
                     std::vector<Column> columns, const std::function<void(XlsxTable&)>& emit)
{
    XlsxSheet& sheet = book.AddSheet(name);
    ctx.meter.Step("Panel report: " + std::string(name));
    const int header_row = WriteTitleBlock(sheet, ctx, title, notes);
    XlsxTable table(sheet, header_row, std::move(columns), ctx.Log(kOutput));
    emit(table);
    table.Finish(ctx.Page());
}

void WriteSensitivity(const OutputContext& ctx, XlsxWorkbook& book)
{
    XlsxSheet& sheet = book.AddSheet("Sensitivity");
    const int header_row = WriteTitleBlock(
        sheet, ctx, "Sensitivity of the ranking",
        {"Bids whose funded status changes when scores are adjusted for members' leniency "
         "(raw and adjusted ranks side by side). Never applied silently: for discussion."});
    XlsxTable changes(sheet, header_row,
                      {{"Fund", ColumnKind::Text, 22},
                       {"Ref", ColumnKind::Text, 20},
                       {"Organisation", ColumnKind::Text, 26},
                       {"Rank by mean", ColumnKind::Count, 12},
                       {"Rank adjusted for leniency", ColumnKind::Count, 40},
                       {"Funded now", ColumnKind::Text}},
                      ctx.Log(kOutput));
    for (const scoring::FundResult& fund : ctx.Result().funds)
    {
        for (const Key key : fund.status_changes)
        {
            const auto found = std::find_if(fund.bids.begin(), fund.bids.end(),
                                            [&](const auto& b) { return b.bid == key; });
            if (found == fund.bids.end())
            {
                continue;
            }
            const scoring::Bid& bid = ctx.index.BidOf(key);
            const std::array<Cell, 6> cells{
                TextCell(ctx.index.FundName(fund.fund)),
                TextCell(bid.ref),
                TextCell(bid.organisation),
                found->raw_rank > 0 ? NumberCell(found->raw_rank) : BlankCell(),
                found->adjusted_rank > 0 ? NumberCell(found->adjusted_rank) : BlankCell(),
                TextCell(found->funded ? "Yes" : "No")};
            changes.Row(cells, bid.ref);
        }
    }
    changes.Finish(ctx.Page());
    if (changes.LastRow() < changes.FirstRow())
    {
        sheet.WriteText(changes.NextRow(), 0, "No bid changes its funded status.", Style::Muted);
    }

    int row = changes.NextRow() + 2;
    sheet.WriteText(row++, 0, "Ties", Style::Heading);
    XlsxTable ties(sheet, row,
                   {{"Fund", ColumnKind::Text},
                    {"Tied bids", ColumnKind::Wrap},
                    {"At the funding line", ColumnKind::Text},
                    {"Resolved", ColumnKind::Text},
                    {"How", ColumnKind::Wrap}},
                   ctx.Log(kOutput));
    for (const scoring::FundResult& fund : ctx.Result().funds)
    {
        for (const scoring::TieGroup& group : fund.ties)
        {
            const std::string refs = JoinRefs(ctx.index, group.bids);
            const std::array<Cell, 5> cells{TextCell(ctx.index.FundName(fund.fund)), TextCell(refs),
                                            TextCell(group.at_line ? "Yes" : "No"),
                                            TextCell(group.resolved ? "Yes" : "No"),
                                            TextCell(group.resolution)};
            ties.Row(cells, {});
        }
    }
    ties.ApplyWidths();
    row = ties.NextRow() + 2;
    sheet.WriteText(row++, 0, "Maximum total score plan (advice only, never applied)",
                    Style::Heading);
    XlsxTable plan(sheet, row,
                   {{"Fund", ColumnKind::Text},
                    {"Bids in the plan", ColumnKind::Wrap},
                    {"Would spend", ColumnKind::Money},
                    {"Total score", ColumnKind::Score},
                    {"Note", ColumnKind::Wrap}},
                   ctx.Log(kOutput));
    for (const scoring::FundResult& fund : ctx.Result().funds)
    {
        const std::string refs = fund.knapsack ? JoinRefs(ctx.index, fund.knapsack->bids) : "";
        const std::array<Cell, 5> cells{
            TextCell(ctx.index.FundName(fund.fund)), TextCell(refs),
            fund.knapsack ? MoneyCell(fund.knapsack->spent_pence) : BlankCell(),
            fund.knapsack ? NumberCell(fund.knapsack->total_score) : BlankCell(),
            TextCell(fund.knapsack_note)};
        plan.Row(cells, {});
    }
    plan.ApplyWidths();
}

} // namespace

std::int64_t PanelReportUnits(const ExportInput& input)
{
    const std::int64_t bids = CountBids(input.result);
    return bids * 3;
}

void StagePanelReport(const OutputContext& ctx, const std::filesystem::path& target,
                      std::vector<StagedFile>& staged)
{
    ctx.meter.Step("Panel report");
    if (IsCsvPath(target))
    {
        StageCsvTable(target, staged, BidColumns(kFigures | kRanking | kVoicesGroup, true),
                      [&](CsvTable& table)
                      { EmitBidRows(ctx, kFigures | kRanking | kVoicesGroup, true, table); });
        return;
    }
    const std::int64_t cells = ctx.index.BidCount() * 45;
    StageWorkbook(
        ctx, target, "panel report", cells, staged,
        [&](XlsxWorkbook& book)
        {
            const SummaryPlace summary = WriteSummary(ctx, book);
            WriteTableSheet(ctx, book, "Bid figures", "Panel figures per bid",
                            {"Member totals are 0\xE2\x80\x93"
                             "100 points. Blank: not defined "
                             "(SD needs two scores, the Olympic mean five)."},
                            BidColumns(kFigures, true),
                            [&](XlsxTable& t)
                            {
                                EmitBidRows(ctx, kFigures, true, t);
                                t.Sheet().AddHighlight(t.FirstRow(), t.Col("Flags"), t.LastRow(),
                                                       t.Col("Flags"), Highlight::AmberIfPositive);
                            });
            WriteTableSheet(ctx, book, "Ranking", "How sure the ranking is",
                            {"Rank intervals and P(funded) come from resampling members "
                             "(bootstrap); wide intervals near the funding line mean the "
                             "order there is uncertain."},
                            BidColumns(kRanking, true),
                            [&](XlsxTable& t) { EmitBidRows(ctx, kRanking, true, t); });
            WriteTableSheet(ctx, book, "Voices", "Means by voice per bid",
                            {"Voices: lived experience (people who use services, carers), "
                             "councillors, professionals (officers, voluntary sector)."},
                            BidColumns(kVoicesGroup, true),
                            [&](XlsxTable& t) { EmitBidRows(ctx, kVoicesGroup, true, t); });
            int voice_first = 0;
            std::string voice_sheet;
            WriteTableSheet(ctx, book, "Equal voice", "Equal voice",
                            {"What would change if only one voice's scores counted, and how "
                             "generous each voice is on average."},
                            VoiceColumns(),
                            [&](XlsxTable& t)
                            {
                                voice_first = t.FirstRow();
                                voice_sheet = t.Sheet().Name();
                                EmitVoiceRows(ctx, t);
                            });
            WriteTableSheet(ctx, book, "Reliability", "How closely the panel agreed",
                            {"Krippendorff's alpha copes with missing scores; ICC and Kendall's "
                             "W need every member to have scored every bid."},
                            ReliabilityColumns(),
                            [&](XlsxTable& t) { EmitAllReliabilityRows(ctx, t); });
            WriteTableSheet(ctx, book, "Flags", "Flags for discussion",
                            {"Each flag with its reason. Flags ask questions; they never "
                             "remove a score."},
                            FlagColumns(), [&](XlsxTable& t) { EmitFlagRows(ctx, t); });
            WriteSensitivity(ctx, book);
            const std::vector<ChartRows> data = WriteChartData(ctx, book);
            WriteCharts(ctx, book, summary.sheet, summary.first, summary.last, voice_sheet,
                        voice_first, data, "Chart data");
        });
}

void StageReportCsvTables(const OutputContext& ctx, const std::filesystem::path& folder,
                          std::vector<StagedFile>& staged)
{
    StagePanelReport(ctx, folder / "report_bids.csv", staged);
    StageCsvTable(folder / "report_flags.csv", staged, FlagColumns(),
                  [&](CsvTable& table) { EmitFlagRows(ctx, table); });
    StageCsvTable(folder / "report_reliability.csv", staged, ReliabilityColumns(),
                  [&](CsvTable& table) { EmitAllReliabilityRows(ctx, table); });
    StageCsvTable(folder / "report_voices.csv", staged, VoiceColumns(),
                  [&](CsvTable& table) { EmitVoiceRows(ctx, table); });
}

} // namespace coscore::exports::detail
