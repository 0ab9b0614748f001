// SPDX-License-Identifier: MIT
// Opening rounds into windows: one main window per round, recent files, the demo round, a new
// round, the start window, and what to say when a round is open somewhere else.
#pragma once

#include <coscore/core/workspace.hpp>

#include <optional>
#include <string>

class wxFileHistory;
class wxWindow;

namespace coscore::forms
{

class MainFrame;

/// The recently opened rounds, shared by every window and kept in the user's settings.
wxFileHistory& RecentRounds();

/// Opens the round at `path` in its own window, or brings forward the window already showing it.
/// A round another person or program holds is offered read-only. Returns the window, or null
/// when it was not opened (the reason has been shown, saying what to do).
MainFrame* OpenRoundWindow(wxWindow* parent, const std::string& path, bool read_only = false);

/// Asks for a round file and opens it.
MainFrame* OpenRoundByDialog(wxWindow* parent);

/// Writes a fresh copy of the demo round into the user's data folder and opens it as a panel
/// member with bids still to score; brings the demo window forward if it is already open.
MainFrame* OpenDemoWindow(wxWindow* parent);

/// Asks where to save a new round and its title, creates it and opens it.
MainFrame* NewRoundWindow(wxWindow* parent);

/// The first scoring member with a bid not yet scored (who the demo starts as).
std::optional<scoring::Key> FirstMemberWithWork(const core::Workspace& workspace);

/// Shows the start window (open, recent rounds, new round, demo).
void ShowStartFrame();

/// Closes every round window and the start window (File > Quit).
void CloseEveryWindow();

} // namespace coscore::forms
