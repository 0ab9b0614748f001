// SPDX-License-Identifier: MIT
// Headless GUI test support (CONVENTIONS.md §2): one real wxApp, pumping, simulated input,
// expected dialogs and screenshots.
#pragma once

#include <wx/testing.h>

#include <functional>
#include <string>
#include <vector>

class wxWindow;

namespace coscore::test
{

/// Yields to the event loop until `condition` holds or `timeout_ms` passes; returns the condition.
bool PumpUntil(const std::function<bool()>& condition, int timeout_ms = 5000);

/// Lets pending events and paints run (a few short yields), for screenshots and layout.
void Settle();

/// Shows a top-level window at (0,0) and waits until it is on screen.
void ShowAndWait(wxWindow* window);

/// Destroys a top-level window and waits until it is gone.
void DestroyAndWait(wxWindow* window);

/// Scrolls the page holding `window` so that it is on screen, as a mouse user would.
void ScrollIntoView(wxWindow* window);

/// Scrolls `window` into view, moves the simulated mouse to its middle and clicks it; yields
/// after each step.
void Click(wxWindow* window);

/// Presses one key (with modifiers) through the simulator and yields.
void Press(int key, int modifiers = 0);

/// Presses Tab until `condition` holds (at most `limit` times); returns the condition.
bool TabUntil(const std::function<bool()>& condition, int limit = 40);

/// Saves what is on screen over the window's rectangle to COSCORE_SCREENSHOT_DIR/name.png and
/// returns the path. `COSCORE_SHOT_SUFFIX` (e.g. "_hc" under a high-contrast theme) is appended.
std::string Screenshot(wxWindow* window, const std::string& name);

/// The visible labels, buttons and choices below `root` that got less room than they need (their
/// text would be cut off), as "Class 'label'" lines; empty when nothing is clipped.
std::vector<std::string> ClippedControls(wxWindow* root);
/// Whether a top-level window lies wholly inside the screen's work area (its buttons can be
/// reached), however large its text.
bool FitsOnScreen(const wxWindow* top);

/// An expected modal dialog of type T, handled by `act` (fill it in, return the button id).
template <class T>
class ExpectDialog : public wxExpectModalBase<T, ExpectDialog<T>>
{
public:
    explicit ExpectDialog(std::function<int(T*)> act) : m_act(std::move(act)) {}

protected:
    int OnInvoked(T* dialog) const override { return m_act(dialog); }

private:
    std::function<int(T*)> m_act;
};

} // namespace coscore::test
