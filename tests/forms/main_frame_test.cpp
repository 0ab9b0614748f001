// SPDX-License-Identifier: MIT
// The main window on the demo round: opens under Xvfb, lists every bid, and is photographed.
#include "gui_support.hpp"
#include "temp_dir.hpp"

#include <coscore/core/demo_round.hpp>
#include <coscore/forms/main_frame.hpp>

#include <boost/test/unit_test.hpp>

#include <wx/notebook.h>

#include <filesystem>

using namespace coscore;

BOOST_AUTO_TEST_SUITE(main_frame)

BOOST_AUTO_TEST_CASE(OpensTheDemoRoundAndListsEveryBid)
{
    test::TempDir dir;
    auto* frame = new forms::MainFrame(core::CreateDemoRound(dir.File("demo.coscore")));
    test::ShowAndWait(frame);
    BOOST_TEST(frame->IsShownOnScreen());
    BOOST_TEST(frame->GetTitle().Contains("Westmere Community Grants"));
    // Score bids, six setup pages, the checklist and the chair's meeting.
    BOOST_TEST(frame->GetPages()->GetPageCount() == 9U);
    BOOST_TEST(frame->GetPages()->GetPageText(8) == "Meeting");
    const std::string shot = test::Screenshot(frame, "main_frame_demo");
    BOOST_TEST(std::filesystem::file_size(shot) > 1000U);
    frame->Destroy();
    test::PumpUntil([] { return wxTopLevelWindows.empty(); });
}

BOOST_AUTO_TEST_SUITE_END()
