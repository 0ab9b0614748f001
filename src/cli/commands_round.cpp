// SPDX-License-Identifier: MIT
// Round-level commands: demo, new, verify, policy.
#include "commands.hpp"
#include "json_output.hpp"
#include "options.hpp"

#include <coscore/core/demo_round.hpp>
#include <coscore/core/json.hpp>
#include <coscore/core/policy_settings.hpp>
#include <coscore/core/workspace.hpp>

#include <iostream>

namespace coscore::cli
{

int RunDemo(const Args& args)
{
    po::options_description options("demo");
    options.add_options()("round", po::value<std::string>(), "round file to write");
    po::positional_options_description positional;
    positional.add("round", 1);
    const auto vm = ParseArgs(args, options, positional);
    const std::string path = RoundArg(vm);
    const auto ws = core::CreateDemoRound(path);
    const auto round = ws->LoadRound();
    std::cout << "Wrote the demo round to " << path << ": " << round.funds.size() << " funds, "
              << round.bids.size() << " bids, " << round.members.size() << " members, "
              << round.scores.size() << " criterion scores.\n";
    return kExitOk;
}

int RunNew(const Args& args)
{
    po::options_description options("new");
    options.add_options()("round", po::value<std::string>(), "round file to create")(
        "title", po::value<std::string>(), "the round's title");
    po::positional_options_description positional;
    positional.add("round", 1);
    const auto vm = ParseArgs(args, options, positional);
    if (!vm.count("title"))
    {
        throw UsageError("give the round a title with --title \"…\"");
    }
    const std::string path = RoundArg(vm);
    core::Workspace::Create(path, vm["title"].as<std::string>());
    std::cout << "Created " << path << ".\n";
    return kExitOk;
}

int RunVerify(const Args& args)
{
    po::options_description options("verify");
    options.add_options()("round", po::value<std::string>(),
                          "round file to check")("json", "print the result as JSON");
    po::positional_options_description positional;
    positional.add("round", 1);
    const auto vm = ParseArgs(args, options, positional);
    core::OpenOptions open;
    open.read_only = true; // verification never writes
    const auto ws = core::Workspace::Open(RoundArg(vm), open);
    const core::VerifyReport report = ws->Verify();
    if (vm.count("json"))
    {
        core::JsonWriter json(true);
        json.BeginObject();
        json.Field("ok", report.Ok()).Field("schema_version", report.schema_version);
        json.Field("integrity_ok", report.integrity_ok);
        json.Field("foreign_keys_ok", report.foreign_keys_ok);
        json.Key("audit").BeginObject();
        json.Field("entries", report.audit.entries);
        json.Key("first_broken_seq").Optional(report.audit.first_broken_seq);
        json.Field("problem", report.audit.problem);
        json.Field("head_hash", report.audit.head_hash_hex);
        json.EndObject();
        json.Key("problems").BeginArray();
        for (const auto& p : report.problems)
        {
            json.String(p);
        }
        json.EndArray().EndObject();
        std::cout << json.Text() << "\n";
    }
    else
    {
        std::cout << "Round format: version " << report.schema_version << "\n"
                  << "Integrity check: " << (report.integrity_ok ? "ok" : "FAILED") << "\n"
                  << "References between tables: " << (report.foreign_keys_ok ? "ok" : "FAILED")
                  << "\n";
        if (report.audit.Ok())
        {
            std::cout << "Audit log: " << report.audit.entries << " entries, chain intact (head "
                      << report.audit.head_hash_hex.substr(0, 16) << "…)\n";
        }
        else
        {
            std::cout << "Audit log: BROKEN at entry " << *report.audit.first_broken_seq << ": "
                      << report.audit.problem << "\n";
        }
        for (const auto& p : report.problems)
        {
            std::cout << "Problem: " << p << "\n";
        }
        std::cout << (report.Ok() ? "The round file is sound.\n"
                                  : "The round file has problems: restore it from a backup.\n");
    }
    return report.Ok() ? kExitOk : kExitFailed;
}

int RunPolicy(const Args& args)
{
    po::options_description options("policy");
    options.add_options()("round", po::value<std::string>(), "round file")(
        "rank-by", po::value<std::string>(),
        "mean|median|olympic|zmean|adjusted")("allocation", po::value<std::string>(), "skip|stop")(
        "flag-range", po::value<std::string>(), "range flag threshold, % of the scale")(
        "flag-iqr", po::value<std::string>(), "IQR flag threshold, % of the scale")(
        "flag-sd", po::value<std::string>(), "SD flag threshold, % of the scale")(
        "flag-outlier", po::value<std::string>(), "outlier flag threshold, % of the scale")(
        "flag-voice-gap", po::value<std::string>(), "voice gap flag threshold, % of the scale")(
        "snsf-mode", po::value<std::string>(), "on|off: Bayesian ranking and lottery band")(
        "seed", po::value<std::string>(), "seed for resampling, Bayesian draws and lotteries")(
        "set", po::value<std::vector<std::string>>()->composing(),
        "NAME=VALUE for any setting")("json", "print the policy as JSON");
    po::positional_options_description positional;
    positional.add("round", 1);
    const auto vm = ParseArgs(args, options, positional);

    std::vector<std::pair<std::string, std::string>> changes;
    for (const char* flag : {"rank-by", "allocation", "flag-range", "flag-iqr", "flag-sd",
                             "flag-outlier", "flag-voice-gap", "snsf-mode", "seed"})
    {
        if (vm.count(flag))
        {
            std::string name(flag);
            std::replace(name.begin(), name.end(), '-', '_');
            changes.emplace_back(name, vm[flag].as<std::string>());
        }
    }
    if (vm.count("set"))
    {
        for (const std::string& item : vm["set"].as<std::vector<std::string>>())
        {
            const auto eq = item.find('=');
            if (eq == std::string::npos)
            {
                throw UsageError("--set takes NAME=VALUE, not '" + item + "'");
            }
            changes.emplace_back(item.substr(0, eq), item.substr(eq + 1));
        }
    }
    // Check every change before opening the round for writing: a refusal touches nothing.
    const std::string path = RoundArg(vm);
    core::OpenOptions read_only;
    read_only.read_only = true;
    scoring::Policy policy = core::Workspace::Open(path, read_only)->GetPolicy();
    for (const auto& [name, value] : changes)
    {
        if (auto error = core::ApplyPolicySetting(policy, name, value))
        {
            throw UsageError(*error + " (nothing was changed)");
        }
    }
    if (!changes.empty())
    {
        core::Workspace::Open(path)->SetPolicy(policy);
    }
    const auto settings = core::PolicyToSettings(policy);
    if (vm.count("json"))
    {
        core::JsonWriter json(true);
        WritePolicy(json, policy);
        std::cout << json.Text() << "\n";
        return kExitOk;
    }
    if (!changes.empty())
    {
        std::cout << "Policy changed (recorded in the audit log):\n";
    }
    for (const auto& [name, value] : settings)
    {
        std::cout << "  " << name << " = " << value << "\n";
    }
    return kExitOk;
}

} // namespace coscore::cli
