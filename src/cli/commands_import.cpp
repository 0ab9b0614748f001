// SPDX-License-Identifier: MIT
// import: funds, criteria, members, bids, interests and scores from CSV or XLSX, all or nothing.
#include "commands.hpp"
#include "options.hpp"

#include <coscore/core/import.hpp>
#include <coscore/core/workspace.hpp>

#include <algorithm>
#include <iostream>
#include <string>
#include <string_view>

namespace coscore::cli
{

int RunImport(const Args& args)
{
    po::options_description options("import");
    options.add_options()("round", po::value<std::string>(), "round file");
    for (const core::ImportTable table : core::AllImportTables())
    {
        const std::string name(core::ToString(table));
        options.add_options()(name.c_str(), po::value<std::string>(),
                              ("the " + name + " file (.csv or .xlsx)").c_str());
    }
    options.add_options()("sheet", po::value<std::vector<std::string>>()->composing(),
                          "TABLE=SHEET: the sheet of an XLSX file to read")(
        "map", po::value<std::vector<std::string>>()->composing(), "TABLE.FIELD=COLUMN")(
        "fund", po::value<std::string>(), "the fund of a bids file without a fund column")(
        "accept-warnings", "import although there are warnings")(
        "encoding", po::value<std::string>(), "windows-1252 for a file saved as ANSI")(
        "decimal-comma", "read 1.234,50 as £1,234.50 in a semicolon-separated file");
    po::positional_options_description positional;
    positional.add("round", 1);
    const auto vm = ParseArgs(args, options, positional);

    core::ImportRequest request;
    for (const core::ImportTable table : core::AllImportTables())
    {
        const std::string name(core::ToString(table));
        if (vm.count(name))
        {
            request.files.push_back({table, vm[name].as<std::string>(), {}});
        }
    }
    if (request.files.empty())
    {
        throw UsageError("name at least one file: --funds, --criteria, --members, --bids, "
                         "--interests or --scores");
    }
    if (vm.count("sheet"))
    {
        for (const std::string& item : vm["sheet"].as<std::vector<std::string>>())
        {
            const auto eq = item.find('=');
            const auto parsed =
                eq == std::string::npos ? std::nullopt : core::ParseImportTable(item.substr(0, eq));
            const core::ImportTable table = parsed.value_or(core::ImportTable::Funds);
            auto file = std::find_if(request.files.begin(), request.files.end(),
                                     [&](const core::ImportFile& f)
                                     { return parsed.has_value() && f.table == table; });
            if (file == request.files.end())
            {
                throw UsageError("--sheet takes TABLE=SHEET for a table you import, not '" + item +
                                 "'");
            }
            file->sheet = item.substr(eq + 1);
        }
    }
    if (vm.count("map"))
    {
        for (const std::string& item : vm["map"].as<std::vector<std::string>>())
        {
            try
            {
                request.mappings.push_back(core::ParseColumnMapping(item));
            }
            catch (const core::ImportError& e)
            {
                throw UsageError(std::string(e.what()) + " " + e.Fix());
            }
        }
    }
    if (vm.count("fund"))
    {
        request.fund = vm["fund"].as<std::string>();
    }
    if (vm.count("encoding"))
    {
        const std::string encoding = vm["encoding"].as<std::string>();
        if (encoding != "windows-1252" && encoding != "cp1252" && encoding != "ansi")
        {
            throw UsageError("--encoding takes windows-1252 (files are otherwise read as UTF-8 "
                             "or UTF-16 with a byte-order mark)");
        }
        request.options.encoding = core::TextEncoding::Windows1252;
    }
    request.options.decimal_comma = vm.count("decimal-comma") > 0;
    request.accept_warnings = vm.count("accept-warnings") > 0;

    const auto ws = core::Workspace::Open(RoundArg(vm));
    const core::ImportReport report = core::ImportFiles(*ws, request);
    for (const std::string& line : report.Lines())
    {
        (report.imported ? std::cout : std::cerr) << line << "\n";
    }
    std::string summary = report.Summary();
    // The summary says how to accept warnings in words; here that is a flag.
    constexpr std::string_view kAccept = "import again accepting them";
    if (const auto at = summary.find(kAccept); at != std::string::npos)
    {
        summary.replace(at, kAccept.size(), "run again with --accept-warnings");
    }
    (report.imported ? std::cout : std::cerr) << summary << "\n";
    return report.imported ? kExitOk : kExitFailed;
}

} // namespace coscore::cli
