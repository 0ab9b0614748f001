// SPDX-License-Identifier: MIT
#include "options.hpp"

namespace coscore::cli
{

po::variables_map ParseArgs(const Args& args, const po::options_description& options,
                            const po::positional_options_description& positional)
{
    po::variables_map vm;
    po::store(po::command_line_parser(args).options(options).positional(positional).run(), vm);
    po::notify(vm);
    return vm;
}

std::string RoundArg(const po::variables_map& vm)
{
    if (!vm.count("round"))
    {
        throw UsageError("name the round file (ROUND.coscore)");
    }
    return vm["round"].as<std::string>();
}

} // namespace coscore::cli
