// SPDX-License-Identifier: MIT
// reconcile: the per-fund ranked list with figures, flags and the funding line.
#include "commands.hpp"
#include "json_output.hpp"
#include "options.hpp"

#include <coscore/core/workspace.hpp>
#include <coscore/scoring/reconcile.hpp>

#include <cstdio>
#include <iostream>
#include <map>

namespace coscore::cli
{

using namespace scoring;

namespace
{

std::string Pounds(Pence pence)
{
    const bool negative = pence < 0;
    const Pence abs = negative ? -pence : pence;
    const std::string digits = std::to_string(abs / 100);
    std::string whole;
    for (std::size_t i = 0; i < digits.size(); ++i)
    {
        if (i > 0 && (digits.size() - i) % 3 == 0)
        {
            whole += ',';
        }
        whole += digits[i];
    }
    char text[48];
    std::snprintf(text, sizeof text, "%s£%s.%02d", negative ? "-" : "", whole.c_str(),
                  static_cast<int>(abs % 100));
    return text;
}

std::string Fixed(const std::optional<double>& value)
{
    if (!value)
    {
        return "–";
    }
    char text[32];
    std::snprintf(text, sizeof text, "%.1f", *value);
    return text;
}

std::string Clip(const std::string& text, std::size_t width)
{
    // Clip on a UTF-8 character boundary.
    if (text.size() <= width)
    {
        return text;
    }
    std::size_t end = width - 1;
    while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80)
    {
        --end;
    }
    return text.substr(0, end) + "…";
}

// Pads to display width: counts UTF-8 characters, not bytes ("£" is one column).
std::string Pad(const std::string& text, std::size_t width, bool right = false)
{
    std::size_t columns = 0;
    for (const char c : text)
    {
        columns += (static_cast<unsigned char>(c) & 0xC0) != 0x80 ? 1 : 0;
    }
    const std::string fill(columns < width ? width - columns : 0, ' ');
    return right ? fill + text : text + fill;
}

std::string Row(const std::string& rank, const std::string& ref, const std::string& organisation,
                const std::string& n, const std::string& mean, const std::string& median,
                const std::string& requested, const std::string& award, const std::string& flags)
{
    return Pad(rank, 5) + " " + Pad(ref, 9) + " " + Pad(organisation, 30) + " " + Pad(n, 3, true) +
           " " + Pad(mean, 6, true) + " " + Pad(median, 6, true) + " " + Pad(requested, 12, true) +
           " " + Pad(award, 12, true) + "  " + flags + "\n";
}

void PrintFund(const Fund& fund, const FundResult& f, const std::map<Key, const Bid*>& bids)
{
    std::cout << "\n"
              << fund.name << ": budget " << Pounds(f.budget_pence) << ", proposed "
              << Pounds(f.spent_pence) << ", remaining " << Pounds(f.remaining_pence) << "\n";
    std::cout << Row("Rank", "Bid", "Organisation", "n", "Mean", "Median", "Requested", "Award",
                     "Flags");
    bool line_shown = false;
    for (const BidResult& b : f.bids)
    {
        if (!b.funded && !line_shown)
        {
            std::cout << "----- funding line -----\n";
            line_shown = true;
        }
        const Bid* bid = bids.at(b.bid);
        std::string flags;
        for (const Flag& flag : b.flags)
        {
            flags += (flags.empty() ? "" : ", ") + flag.code;
        }
        const std::string rank = std::to_string(b.rank) + (b.tied ? "=" : "");
        std::cout << Row(rank, bid->ref, Clip(bid->organisation, 30), std::to_string(b.figures.n),
                         Fixed(b.figures.mean), Fixed(b.figures.median), Pounds(b.requested_pence),
                         Pounds(b.award_pence), flags);
    }
    for (const TieGroup& t : f.ties)
    {
        if (t.at_line && !t.resolved)
        {
            std::cout << "A tie at the funding line needs a chair's decision or a lottery.\n";
        }
    }
}

} // namespace

int RunReconcile(const Args& args)
{
    po::options_description options("reconcile");
    options.add_options()("round", po::value<std::string>(), "round file")(
        "fund", po::value<std::string>(), "only this fund (by name)")("json",
                                                                      "print the documented JSON");
    po::positional_options_description positional;
    positional.add("round", 1);
    const auto vm = ParseArgs(args, options, positional);
    core::OpenOptions open;
    open.read_only = true;
    const auto ws = core::Workspace::Open(RoundArg(vm), open);
    const RoundData round = ws->LoadRound(core::Workspace::Load::ForScoring);
    std::optional<Key> only_fund;
    if (vm.count("fund"))
    {
        const std::string name = vm["fund"].as<std::string>();
        for (const Fund& f : round.funds)
        {
            only_fund = f.name == name ? std::optional<Key>(f.key) : only_fund;
        }
        if (!only_fund)
        {
            std::string names;
            for (const Fund& f : round.funds)
            {
                names += (names.empty() ? "" : ", ") + f.name;
            }
            throw UsageError("there is no fund called \"" + name + "\"; the funds are: " + names);
        }
    }
    const ReconcileResult result = Reconcile(round);
    if (vm.count("json"))
    {
        // Written as it goes: at L the JSON is about 45 MB.
        core::JsonWriter json(std::cout, true);
        WriteReconcile(json, round, result, only_fund);
        json.Finish();
        std::cout << "\n";
        return kExitOk;
    }
    std::map<Key, const Bid*> bids;
    for (const Bid& b : round.bids)
    {
        bids[b.key] = &b;
    }
    std::cout << round.info.title << " — ranked by " << ToString(result.basis_used) << "\n";
    if (!result.basis_note.empty())
    {
        std::cout << result.basis_note << "\n";
    }
    for (const FundResult& f : result.funds)
    {
        for (const Fund& fund : round.funds)
        {
            if (fund.key == f.fund && (!only_fund || *only_fund == f.fund))
            {
                PrintFund(fund, f, bids);
            }
        }
    }
    return kExitOk;
}

} // namespace coscore::cli
