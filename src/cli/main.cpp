// SPDX-License-Identifier: MIT
// coscore-cli: the officer's scripting tool and the headless main job. No display needed.
#include "commands.hpp"

#include <coscore/core/errors.hpp>

#include <boost/program_options/errors.hpp>

#include <functional>
#include <iostream>
#include <map>

#ifndef COSCORE_VERSION
#define COSCORE_VERSION "0.0.0"
#endif

namespace
{

using coscore::cli::Args;

const std::map<std::string, std::function<int(const Args&)>>& Commands()
{
    using namespace coscore::cli;
    static const std::map<std::string, std::function<int(const Args&)>> kCommands{
        {"demo", &RunDemo},           {"new", &RunNew},       {"verify", &RunVerify},
        {"reconcile", &RunReconcile}, {"policy", &RunPolicy}, {"reliability", &RunReliability},
        {"rank", &RunRank},           {"export", &RunExport}, {"import", &RunImport},
    };
    return kCommands;
}

int Usage(const std::string& message)
{
    std::cerr << "coscore-cli: " << message << "\nRun 'coscore-cli --help' for the commands.\n";
    return coscore::cli::kExitUsage;
}

} // namespace

int main(int argc, char** argv)
{
    std::ios::sync_with_stdio(false);
    const Args all(argv + 1, argv + argc);
    if (all.empty())
    {
        return Usage("no command given");
    }
    const std::string& first = all.front();
    if (first == "--version" || first == "-V")
    {
        std::cout << "coscore-cli " << COSCORE_VERSION << "\n";
        return coscore::cli::kExitOk;
    }
    if (first == "--help" || first == "-h" || first == "help")
    {
        std::cout << coscore::cli::HelpText();
        return coscore::cli::kExitOk;
    }
    const auto command = Commands().find(first);
    if (command == Commands().end())
    {
        return Usage("unknown command '" + first + "'");
    }
    try
    {
        return command->second(Args(all.begin() + 1, all.end()));
    }
    catch (const coscore::cli::UsageError& e)
    {
        return Usage(first + ": " + e.what());
    }
    catch (const boost::program_options::error& e)
    {
        return Usage(first + ": " + e.what());
    }
    catch (const coscore::Cancelled&)
    {
        std::cerr << "coscore-cli: cancelled; nothing was changed.\n";
        return coscore::cli::kExitFailed;
    }
    catch (const coscore::Error& e)
    {
        std::cerr << "coscore-cli " << first << ": " << e.what() << "\n";
        return coscore::cli::kExitFailed;
    }
    catch (const std::exception& e)
    {
        std::cerr << "coscore-cli " << first << ": internal error: " << e.what()
                  << "\nPlease report this; nothing was changed.\n";
        return coscore::cli::kExitFailed;
    }
}
