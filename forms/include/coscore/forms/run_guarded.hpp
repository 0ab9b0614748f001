// SPDX-License-Identifier: MIT
// The one catch site per GUI entry point (STYLE.md §5.7).
#pragma once

#include <functional>

class wxWindow;

namespace coscore::forms
{

/// Runs `fn`; ignores Cancelled, shows a coscore::Error as a message that says what to do, and
/// reports anything else as an internal error. Returns false when `fn` threw.
bool RunGuarded(wxWindow* parent, const std::function<void()>& fn);

} // namespace coscore::forms
