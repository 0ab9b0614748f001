// SPDX-License-Identifier: MIT
// reliability and rank: how well a panel agrees, and how sure a ranking is, for a round file or
// any long-form ratings file (unit,rater,value; a blank value is missing).
#include "commands.hpp"
#include "json_output.hpp"
#include "options.hpp"

#include <coscore/core/import_reader.hpp>
#include <coscore/core/workspace.hpp>
#include <coscore/scoring/rank_uncertainty.hpp>
#include <coscore/scoring/ratings_table.hpp>
#include <coscore/scoring/reconcile.hpp>

#include <charconv>
#include <cmath>
#include <cstdio>
#include <iostream>

namespace coscore::cli
{

using namespace scoring;

namespace
{

std::optional<double> ParseNumber(std::string_view text)
{
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t'))
    {
        text.remove_prefix(1);
    }
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t'))
    {
        text.remove_suffix(1);
    }
    double value = 0.0;
    const auto* end = text.data() + text.size();
    const auto result = std::from_chars(text.data(), end, value);
    if (text.empty() || result.ec != std::errc() || result.ptr != end || !std::isfinite(value))
    {
        return std::nullopt;
    }
    return value;
}

// Reads unit,rater,value rows (CSV or XLSX); a first row whose value is not a number is a header.
RatingsTable ReadRatings(const std::string& path)
{
    std::vector<LongRating> rows;
    std::vector<std::string> problems;
    bool first = true;
    core::ReadTableRows(path, {},
                        [&](const core::RowView& row)
                        {
                            const auto cell = [&row](std::size_t i) {
                                return i < row.cells.size() ? std::string(row.cells[i].text)
                                                            : std::string();
                            };
                            const std::string value = cell(2);
                            const auto number = ParseNumber(value);
                            if (std::exchange(first, false) && !number && !value.empty())
                            {
                                return true; // the header row
                            }
                            if (row.cells.size() < 2 || row.cells.size() > 3)
                            {
                                problems.push_back("line " + std::to_string(row.number) +
                                                   ": expected unit,rater,value");
                            }
                            else if (!value.empty() && !number)
                            {
                                problems.push_back("line " + std::to_string(row.number) + ": \"" +
                                                   value + "\" is not a number");
                            }
                            rows.push_back({cell(0), cell(1), number});
                            return true;
                        });
    const RatingsTableBuild built = BuildRatingsTable(rows);
    for (const RatingsIssue& issue : built.issues)
    {
        // The builder counts data rows from 1; the file has its header above them.
        problems.push_back("row " + std::to_string(issue.row) + ": " + issue.message);
    }
    if (!problems.empty())
    {
        std::string text = path + " cannot be used as it is:";
        for (const auto& p : problems)
        {
            text += "\n  " + p;
        }
        throw Error(text + "\nFix these rows (each unit and rater once, numbers only) and run "
                           "again.");
    }
    if (built.table.units.empty())
    {
        throw Error(path + " has no ratings: expected rows of unit,rater,value.");
    }
    return built.table;
}

std::string Number(const std::optional<double>& value, int decimals = 3)
{
    if (!value)
    {
        return "–";
    }
    char text[48];
    std::snprintf(text, sizeof text, "%.*f", decimals, *value);
    return text;
}

void PrintReliability(const ReliabilityReport& r)
{
    std::cout << r.units << " bids (units), " << r.raters << " raters, " << r.pairable_values
              << " pairable values\n"
              << "Krippendorff's alpha: nominal " << Number(r.alpha.nominal) << ", ordinal "
              << Number(r.alpha.ordinal) << ", interval " << Number(r.alpha.interval) << ", ratio "
              << Number(r.alpha.ratio) << "\n";
    if (r.icc.empty())
    {
        std::cout << "ICC and Kendall's W need every rater to rate every unit; this table has "
                     "gaps.\n";
    }
    for (const IccValue& icc : r.icc)
    {
        std::cout << icc.name << " = " << Number(icc.value) << "  (95% CI " << Number(icc.ci_lo)
                  << " to " << Number(icc.ci_hi) << ")\n";
    }
    if (r.kendall_w)
    {
        std::cout << "Kendall's W = " << Number(r.kendall_w->w) << " (chi-square "
                  << Number(r.kendall_w->chi2, 2) << ", df " << r.kendall_w->df << ", p "
                  << Number(r.kendall_w->p, 4) << ")\n";
    }
}

std::pair<double, double> ParseScale(const std::string& text)
{
    const auto colon = text.find(':');
    const auto lo = colon == std::string::npos ? std::nullopt : ParseNumber(text.substr(0, colon));
    const auto hi = colon == std::string::npos ? std::nullopt : ParseNumber(text.substr(colon + 1));
    if (!lo || !hi || *hi <= *lo)
    {
        throw UsageError("--scale takes MIN:MAX with MIN below MAX, e.g. 1:6, not '" + text + "'");
    }
    return {*lo, *hi};
}

} // namespace

int RunReliability(const Args& args)
{
    po::options_description options("reliability");
    options.add_options()("round", po::value<std::string>(), "round file")(
        "ratings", po::value<std::string>(),
        "ratings file: unit,rater,value")("json", "print the documented JSON");
    po::positional_options_description positional;
    positional.add("round", 1);
    const auto vm = ParseArgs(args, options, positional);
    if (vm.count("round") == vm.count("ratings"))
    {
        throw UsageError("give either a round file or --ratings F.csv");
    }
    ReliabilityReport report;
    std::vector<std::pair<std::string, ReliabilityReport>> funds;
    if (vm.count("ratings"))
    {
        report = ComputeReliability(ReadRatings(vm["ratings"].as<std::string>()));
    }
    else
    {
        core::OpenOptions open;
        open.read_only = true;
        const RoundData round = core::Workspace::Open(RoundArg(vm), open)->LoadRound();
        ReconcileOptions reconcile;
        reconcile.bootstrap = false;
        const ReconcileResult result = Reconcile(round, reconcile);
        report = result.reliability;
        for (const FundResult& f : result.funds)
        {
            for (const Fund& fund : round.funds)
            {
                if (fund.key == f.fund)
                {
                    funds.emplace_back(fund.name, f.reliability);
                }
            }
        }
    }
    if (vm.count("json"))
    {
        core::JsonWriter json(true);
        WriteReliability(json, report);
        std::string text = json.Text();
        if (!funds.empty())
        {
            // Per fund beside the documented keys: close the object, add "funds", reopen.
            core::JsonWriter per_fund(true);
            per_fund.BeginArray();
            for (const auto& [name, r] : funds)
            {
                per_fund.BeginObject().Field("name", name).Key("reliability");
                WriteReliability(per_fund, r);
                per_fund.EndObject();
            }
            per_fund.EndArray();
            text.pop_back();
            text += ",\n  \"funds\": " + per_fund.Text() + "\n}";
        }
        std::cout << text << "\n";
        return kExitOk;
    }
    PrintReliability(report);
    for (const auto& [name, r] : funds)
    {
        std::cout << "\n" << name << ":\n";
        PrintReliability(r);
    }
    return kExitOk;
}

int RunRank(const Args& args)
{
    po::options_description options("rank");
    options.add_options()("ratings", po::value<std::string>(), "ratings file: unit,rater,value")(
        "fundable", po::value<int>(), "how many can be funded")(
        "method", po::value<std::string>()->default_value("mean"), "mean|bootstrap|bayes")(
        "seed", po::value<std::uint64_t>()->default_value(1), "seed (same seed, same result)")(
        "draws", po::value<int>()->default_value(0), "resamples or posterior draws (0: default)")(
        "scale", po::value<std::string>(),
        "MIN:MAX when not the observed range")("json", "print the documented JSON");
    const auto vm = ParseArgs(args, options, {});
    if (!vm.count("ratings") || !vm.count("fundable"))
    {
        throw UsageError("give --ratings F.csv and --fundable M");
    }
    RankOptions rank;
    const auto method = ParseRankMethod(vm["method"].as<std::string>());
    if (!method)
    {
        throw UsageError("--method is mean, bootstrap or bayes");
    }
    rank.method = *method;
    rank.fundable = vm["fundable"].as<int>();
    rank.seed = vm["seed"].as<std::uint64_t>();
    rank.draws = vm["draws"].as<int>();
    if (rank.fundable < 0 || rank.draws < 0)
    {
        throw UsageError("--fundable and --draws cannot be negative");
    }
    if (vm.count("scale"))
    {
        rank.scale = ParseScale(vm["scale"].as<std::string>());
    }
    const RankReport report = RankRatings(ReadRatings(vm["ratings"].as<std::string>()), rank);
    if (vm.count("json"))
    {
        core::JsonWriter json(true);
        WriteRank(json, report);
        std::cout << json.Text() << "\n";
        return kExitOk;
    }
    std::cout << "Method " << ToString(report.method) << ", " << report.fundable
              << " fundable, seed " << report.seed << ", " << report.draws << " draws"
              << (report.exact ? " (exact)" : "") << "\n";
    for (const RankedUnit& u : report.units)
    {
        std::cout << u.id << ": rank " << u.rank << (u.tied ? "=" : "") << ", mean "
                  << Number(u.mean, 2);
        if (u.expected_rank)
        {
            std::cout << ", expected rank " << Number(u.expected_rank, 2);
        }
        if (u.rank_ci50)
        {
            std::cout << ", 50% interval " << u.rank_ci50->lo << "–" << u.rank_ci50->hi;
        }
        if (u.p_funded)
        {
            std::cout << ", P(funded) " << Number(u.p_funded, 2);
        }
        if (!u.group.empty())
        {
            std::cout << ", " << u.group;
        }
        std::cout << "\n";
    }
    return kExitOk;
}

} // namespace coscore::cli
