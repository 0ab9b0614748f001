// SPDX-License-Identifier: MIT
// Commands whose libraries are still being built (issues #3, #4, #5).
#include "commands.hpp"

namespace coscore::cli
{

int RunReliability(const Args&)
{
    throw Error("reliability is not available in this build yet (issue #3).");
}

int RunRank(const Args&)
{
    throw Error("rank is not available in this build yet (issue #3).");
}

int RunExport(const Args&)
{
    throw Error("export is not available in this build yet (issue #5).");
}

int RunImport(const Args&)
{
    throw Error("import is not available in this build yet (issue #4).");
}

} // namespace coscore::cli
