// SPDX-License-Identifier: MIT
#include <coscore/forms/import_wizard.hpp>

namespace coscore::forms
{

bool RunImportWizard(wxWindow* /*parent*/, core::Workspace& /*workspace*/)
{
    return false;
}

} // namespace coscore::forms
