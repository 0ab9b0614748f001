// SPDX-License-Identifier: MIT
// A main window on a fresh demo round in a private folder, scoring as the demo's member with
// work to do (Aisha Rahman, M06), at the ordinary text size and a fixed window size.
#pragma once

#include "gui_support.hpp"
#include "print.hpp"
#include "temp_dir.hpp"

#include <coscore/core/demo_round.hpp>
#include <coscore/forms/main_frame.hpp>
#include <coscore/forms/round_opener.hpp>
#include <coscore/forms/scoring_page.hpp>

#include <boost/test/unit_test.hpp>

#include <memory>
#include <string>

namespace coscore::test
{

struct DemoFrame
{
    TempDir dir;
    std::string path = dir.File("demo.coscore");
    forms::MainFrame* frame = nullptr;

    DemoFrame() { Open(core::CreateDemoRound(path)); }
    ~DemoFrame() { Close(); }
    DemoFrame(const DemoFrame&) = delete;
    DemoFrame& operator=(const DemoFrame&) = delete;

    void Open(std::unique_ptr<core::Workspace> workspace)
    {
        forms::FrameOptions options;
        options.scoring_member = forms::FirstMemberWithWork(*workspace);
        frame = new forms::MainFrame(std::move(workspace), options);
        frame->SetTextScale(1.0);
        frame->SetSize(frame->FromDIP(wxSize(1200, 860)));
        ShowAndWait(frame);
    }
    /// Closes the window as the user would (comments saved, backup written), then waits.
    void Close()
    {
        if (frame != nullptr)
        {
            frame->Close(true);
            PumpUntil([this] { return wxTopLevelWindows.Find(frame) == nullptr; });
            frame = nullptr;
        }
    }
    core::Workspace& Ws() { return frame->GetWorkspace(); }
    forms::ScoringPage& Page() { return *frame->GetScoringPage(); }
    scoring::Key BidKey(const std::string& ref)
    {
        for (const scoring::Bid& b : Ws().ListBids())
        {
            if (b.ref == ref)
            {
                return b.key;
            }
        }
        BOOST_FAIL("no bid " << ref);
        return 0;
    }
    scoring::Key MemberKey(const std::string& ref)
    {
        for (const scoring::Member& m : Ws().ListMembers())
        {
            if (m.ref == ref)
            {
                return m.key;
            }
        }
        BOOST_FAIL("no member " << ref);
        return 0;
    }
    /// The stored score of the current member on `bid` for the criterion at `index`; -1 when
    /// there is none (never stored as 0).
    int StoredScore(scoring::Key bid, std::size_t index)
    {
        const auto sheet = Ws().GetSheet(bid, *Page().GetMember());
        const auto& score = sheet.scores.at(index);
        return score.value ? *score.value : kNone;
    }
    static constexpr int kNone = -1;
};

} // namespace coscore::test
