// SPDX-License-Identifier: MIT
// The subcommands of coscore-cli (PRODUCT.md §6). Each takes its own arguments (without the
// command name) and returns the process exit code; bad input throws UsageError or coscore::Error.
#pragma once

#include <coscore/scoring/error.hpp>

#include <string>
#include <vector>

namespace coscore::cli
{

/// Exit codes: documented in the README and in --help.
inline constexpr int kExitOk = 0;
inline constexpr int kExitFailed = 1; ///< refused input, failed check, environmental failure
inline constexpr int kExitUsage = 2;  ///< wrong arguments

/// Wrong command-line arguments: printed with a pointer to --help.
class UsageError : public Error
{
public:
    using Error::Error;
};

using Args = std::vector<std::string>;

int RunDemo(const Args& args);
int RunNew(const Args& args);
int RunVerify(const Args& args);
int RunReconcile(const Args& args);
int RunPolicy(const Args& args);
int RunReliability(const Args& args);
int RunRank(const Args& args);
int RunExport(const Args& args);
int RunImport(const Args& args);

/// The full --help text.
std::string HelpText();

} // namespace coscore::cli
