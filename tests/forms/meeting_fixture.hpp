// SPDX-License-Identifier: MIT
// The chair's meeting page on a fresh demo round in a private folder, in a plain frame of a
// projector's size, acting as the demo's chair; helpers to find bids and read the page.
#pragma once

#include "gui_support.hpp"
#include "print.hpp"
#include "temp_dir.hpp"

#include <coscore/core/demo_round.hpp>
#include <coscore/forms/command_history.hpp>
#include <coscore/forms/layout.hpp>
#include <coscore/forms/meeting_page.hpp>
#include <coscore/forms/text_scale.hpp>

#include <boost/test/unit_test.hpp>

#include <wx/app.h>
#include <wx/dataview.h>
#include <wx/frame.h>
#include <wx/sizer.h>
#include <wx/testing.h>

#include <functional>
#include <memory>
#include <string>

namespace coscore::test
{

struct MeetingFixture
{
    TempDir dir;
    std::unique_ptr<core::Workspace> ws = core::CreateDemoRound(dir.File("demo.coscore"));
    forms::CommandHistory history{*ws};
    wxFrame* frame = nullptr;
    forms::MeetingPage* page = nullptr;

    MeetingFixture()
    {
        frame = new wxFrame(nullptr, wxID_ANY, "Meeting");
        frame->SetSize(frame->FromDIP(wxSize(1260, 980)));
        page = new forms::MeetingPage(frame, *ws, history);
        auto* sizer = new wxBoxSizer(wxVERTICAL);
        sizer->Add(page, wxSizerFlags(1).Expand());
        frame->SetSizer(sizer);
        ShowAndWait(frame);
    }
    ~MeetingFixture()
    {
        frame->Destroy();
        PumpUntil([] { return wxTopLevelWindows.empty(); });
    }
    MeetingFixture(const MeetingFixture&) = delete;
    MeetingFixture& operator=(const MeetingFixture&) = delete;

    scoring::Key Fund(const std::string& name) const
    {
        for (const scoring::Fund& f : ws->ListFunds())
        {
            if (f.name == name)
            {
                return f.key;
            }
        }
        BOOST_FAIL("no fund " << name);
        return 0;
    }
    scoring::Key Bid(const std::string& ref) const
    {
        for (const scoring::Bid& b : ws->ListBids())
        {
            if (b.ref == ref)
            {
                return b.key;
            }
        }
        BOOST_FAIL("no bid " << ref);
        return 0;
    }
    scoring::Key Member(const std::string& ref) const
    {
        for (const scoring::Member& m : ws->ListMembers())
        {
            if (m.ref == ref)
            {
                return m.key;
            }
        }
        BOOST_FAIL("no member " << ref);
        return 0;
    }
    /// The page's current figures for a bid.
    const scoring::BidResult& Result(const std::string& ref) const
    {
        const scoring::BidResult* found = forms::FindBidResult(page->GetResult(), Bid(ref));
        BOOST_REQUIRE(found != nullptr);
        return *found;
    }
    /// The row of a bid in the ranked list as shown, or null.
    const forms::MeetingRow* Row(const std::string& ref) const
    {
        for (const forms::MeetingRow& row : page->GetView().rows)
        {
            if (!row.is_line && row.bid == Bid(ref))
            {
                return &row;
            }
        }
        return nullptr;
    }
    std::string Cell(const std::string& ref, forms::MeetingColumn column) const
    {
        const forms::MeetingRow* row = Row(ref);
        BOOST_REQUIRE(row != nullptr);
        return row->text[static_cast<std::size_t>(column)].utf8_string();
    }
    /// The newest audit entry.
    core::AuditEntry LastAudit() const { return ws->ListAudit().back(); }
};

/// The text of every row of a list control, cells joined by " | ".
inline std::vector<std::string> ListRows(wxDataViewListCtrl* list)
{
    std::vector<std::string> rows;
    for (int r = 0; r < list->GetItemCount(); ++r)
    {
        std::string row;
        for (unsigned c = 0; c < list->GetColumnCount(); ++c)
        {
            row += (c > 0 ? " | " : "") +
                   list->GetTextValue(static_cast<unsigned>(r), c).utf8_string();
        }
        rows.push_back(row);
    }
    return rows;
}

/// Lays the window out at a new text size, as the main window's Ctrl+ does.
inline void ScaleText(wxWindow* top, double factor)
{
    forms::ScaleFonts(top, factor);
    // Dialogs opened over the window take its recorded size, as over the main window.
    forms::RememberTextScale(top, forms::TextScaleOf(top) * factor);
    forms::RewrapAll(top);
    top->Layout();
    top->SendSizeEvent();
    Settle();
}

} // namespace coscore::test
