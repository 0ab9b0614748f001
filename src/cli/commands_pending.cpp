// SPDX-License-Identifier: MIT
// Commands whose libraries are still being wired (issues #4, #5).
#include "commands.hpp"

namespace coscore::cli
{

int RunExport(const Args&)
{
    throw Error("export is not available in this build yet (issue #5).");
}

int RunImport(const Args&)
{
    throw Error("import is not available in this build yet (issue #4).");
}

} // namespace coscore::cli
