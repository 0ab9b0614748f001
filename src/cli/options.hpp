// SPDX-License-Identifier: MIT
// Parsing a subcommand's arguments with Boost.Program_options.
#pragma once

#include "commands.hpp"

#include <boost/program_options.hpp>

#include <string>

namespace coscore::cli
{

namespace po = boost::program_options;

/// Parses `args` against `options`, with `positional` names taking the bare arguments in order.
po::variables_map ParseArgs(const Args& args, const po::options_description& options,
                            const po::positional_options_description& positional);

/// The required positional ROUND argument.
std::string RoundArg(const po::variables_map& vm);

} // namespace coscore::cli
