// SPDX-License-Identifier: MIT
// Headless GUI test support (CONVENTIONS.md §2): one real wxApp, pumping, screenshots.
#pragma once

#include <functional>
#include <string>

class wxWindow;

namespace coscore::test
{

/// Yields to the event loop until `condition` holds or `timeout_ms` passes; returns the condition.
bool PumpUntil(const std::function<bool()>& condition, int timeout_ms = 5000);

/// Shows a top-level window at (0,0) and waits until it is on screen.
void ShowAndWait(wxWindow* window);

/// Saves what is on screen over the window's rectangle to COSCORE_SCREENSHOT_DIR/name.png and
/// returns the path.
std::string Screenshot(wxWindow* window, const std::string& name);

} // namespace coscore::test
