// SPDX-License-Identifier: MIT
// The in-app text size (Ctrl+ / Ctrl−, Preferences): on top of the system's own text scale.
#pragma once

class wxWindow;

namespace coscore::forms
{

inline constexpr double kMinTextScale = 1.0;
inline constexpr double kMaxTextScale = 3.0;

/// Multiplies the font size of `root` and of every window below it by `factor`, keeping each
/// window's size relative to its neighbours (headings stay larger than body text).
void ScaleFonts(wxWindow* root, double factor);

/// Records the text size a top-level window is shown at (its windows were scaled by it).
void RememberTextScale(const wxWindow* top, double scale);
/// The text size of the top-level window `window` is in, relative to the system's (1.0 when
/// not scaled): what new windows inside it, and dialogs over it, are scaled by.
double TextScaleOf(const wxWindow* window);

/// Brings a new dialog to the text size of the window it belongs to, and fits it again.
void MatchTextSize(wxWindow* dialog, const wxWindow* parent);

/// The next step up (`direction` > 0) or down from `scale`: 100, 125, 150, 175, 200, 250, 300%.
double NextTextScale(double scale, int direction);

} // namespace coscore::forms
