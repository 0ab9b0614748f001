// SPDX-License-Identifier: MIT
// One main window per open round.
#pragma once

#include <coscore/core/workspace.hpp>

#include <wx/frame.h>

#include <memory>

class wxDataViewListCtrl;
class wxStaticText;

namespace coscore::forms
{

class MainFrame : public wxFrame
{
public:
    explicit MainFrame(std::unique_ptr<core::Workspace> workspace);
    ~MainFrame() override;

    core::Workspace& GetWorkspace() { return *m_workspace; }
    wxDataViewListCtrl* GetBidList() { return m_bids; }

private:
    void BuildMenus();
    void BuildContent();
    void Refresh(const core::ChangeEvent& event);
    void FillBids();
    void OnAbout(wxCommandEvent& event);

    std::unique_ptr<core::Workspace> m_workspace;
    core::Subscription m_subscription;
    wxStaticText* m_summary = nullptr;
    wxDataViewListCtrl* m_bids = nullptr;
};

/// The About box (also used by the start window).
void ShowAbout(wxWindow* parent);

} // namespace coscore::forms
