// SPDX-License-Identifier: MIT
// The start window: what someone sees when CoScore opens without a round — try the demo, open a
// round, start a new one, or pick a recent round.
#pragma once

#include <wx/frame.h>

class wxButton;
class wxListBox;

namespace coscore::forms
{

class StartFrame : public wxFrame
{
public:
    StartFrame();
    ~StartFrame() override;

    wxListBox* GetRecentList() const { return m_recent; }
    wxButton* GetDemoButton() const { return m_demo; }
    /// Opens the recent round chosen in the list.
    void OpenChosenRecent();

private:
    void FillRecent();

    wxListBox* m_recent = nullptr;
    wxButton* m_demo = nullptr;
    wxButton* m_open_recent = nullptr;
};

} // namespace coscore::forms
