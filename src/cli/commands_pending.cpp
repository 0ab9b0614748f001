// SPDX-License-Identifier: MIT
// Commands whose libraries are still being wired (issue #4).
#include "commands.hpp"

namespace coscore::cli
{

int RunImport(const Args&)
{
    throw Error("import is not available in this build yet (issue #4).");
}

} // namespace coscore::cli
