// SPDX-License-Identifier: MIT
// The import wizard (PRODUCT.md §3 step 1): pick a file → check the column mapping → read the
// validation report → import, all or nothing.
#pragma once

#include <coscore/core/workspace.hpp>

class wxWindow;

namespace coscore::forms
{

/// Runs the wizard for bids (or another table the officer picks); true when rows were imported.
bool RunImportWizard(wxWindow* parent, core::Workspace& workspace);

} // namespace coscore::forms
