// SPDX-License-Identifier: MIT
// A photograph of every screen of the shell, the scoring page and the setup pages, at the
// ordinary and at double text size, each checked for text that does not fit. CTest runs these
// again under a high-contrast theme and at twice the system text size (label "screens").
#include "demo_frame.hpp"

#include <coscore/forms/interest_dialog.hpp>
#include <coscore/forms/preferences.hpp>
#include <coscore/forms/setup_dialogs.hpp>
#include <coscore/forms/start_frame.hpp>
#include <coscore/forms/text_scale.hpp>

#include <boost/test/unit_test.hpp>

#include <wx/notebook.h>
#include <wx/settings.h>
#include <wx/textctrl.h>

#include <filesystem>
#include <functional>

using namespace coscore;
using namespace coscore::scoring;
namespace utf = boost::unit_test;

namespace
{

void ExpectNothingClipped(wxWindow* window, const std::string& name)
{
    BOOST_TEST_CONTEXT(name)
    {
        const auto clipped = test::ClippedControls(window);
        BOOST_TEST(clipped.empty());
        for (const std::string& line : clipped)
        {
            BOOST_TEST_MESSAGE("clipped: " << line);
        }
    }
}

void Photograph(wxWindow* window, const std::string& name)
{
    const std::string path = test::Screenshot(window, name);
    BOOST_TEST(std::filesystem::file_size(path) > 5000U, name << " is a real picture");
    ExpectNothingClipped(window, name);
}

// Shows a dialog without its modal loop, photographs it, and closes it.
void PhotographDialog(wxDialog* dialog, wxWindow* parent, const std::string& name)
{
    forms::MatchTextSize(dialog, parent);
    test::ShowAndWait(dialog);
    Photograph(dialog, name);
    BOOST_TEST(test::FitsOnScreen(dialog), name << " fits on the screen");
    dialog->Destroy();
    test::Settle();
}

Fund FirstFund(core::Workspace& ws)
{
    return ws.ListFunds().front();
}

void PhotographEveryScreen(test::DemoFrame& demo, const std::string& size)
{
    wxNotebook* pages = demo.frame->GetPages();
    for (size_t i = 0; i < pages->GetPageCount(); ++i)
    {
        pages->SetSelection(i);
        test::Settle();
        std::string title = pages->GetPageText(i).Lower().ToStdString();
        std::replace(title.begin(), title.end(), ' ', '_');
        Photograph(demo.frame, "page_" + title + "_" + size);
    }
    pages->SetSelection(0);
    test::Settle();
    wxWindow* page = pages->GetPage(0);
    core::Workspace& ws = demo.Ws();
    const Bid bid = *ws.FindBid(*demo.Page().GetBid());
    PhotographDialog(new forms::DeclareInterestDialog(page, bid), page, "dialog_declare_" + size);
    PhotographDialog(new forms::FundDialog(page, FirstFund(ws)), page, "dialog_fund_" + size);
    wxArrayString fields;
    fields.Add("ward");
    PhotographDialog(new forms::PotDialog(page, FirstFund(ws).pots.front(), fields), page,
                     "dialog_pot_" + size);
    PhotographDialog(new forms::CriterionDialog(page, FirstFund(ws).criteria.front()), page,
                     "dialog_criterion_" + size);
    PhotographDialog(new forms::MemberDialog(page, ws.ListMembers().front()), page,
                     "dialog_member_" + size);
    PhotographDialog(new forms::BidDialog(page, bid, ws.ListFunds()), page, "dialog_bid_" + size);
    PhotographDialog(new forms::EligibilityDialog(page, bid), page, "dialog_eligibility_" + size);
    PhotographDialog(new forms::RecordInterestDialog(page, ws.ListMembers(), ws.ListBids()), page,
                     "dialog_record_interest_" + size);
    PhotographDialog(
        new forms::PreferencesDialog(page, forms::LoadPreferences(), "OFFICIAL", false), page,
        "dialog_preferences_" + size);
}

} // namespace

BOOST_AUTO_TEST_SUITE(screens, *utf::label("screens"))

BOOST_AUTO_TEST_CASE(TheStartWindow)
{
    auto* start = new forms::StartFrame;
    test::ShowAndWait(start);
    Photograph(start, "start");
    test::DestroyAndWait(start);
}

BOOST_AUTO_TEST_CASE(EveryScreenAtTheOrdinaryTextSize)
{
    test::DemoFrame demo;
    PhotographEveryScreen(demo, "1x");
}

BOOST_AUTO_TEST_CASE(EveryScreenAtDoubleTextSize)
{
    test::DemoFrame demo;
    demo.frame->SetTextScale(2.0);
    test::Settle();
    // The bid's own text is 1.25 times the page's: now 2.5 times the system's.
    const double system =
        wxSystemSettings::GetFont(wxSYS_DEFAULT_GUI_FONT).GetFractionalPointSize();
    BOOST_TEST(demo.Page().GetBidText()->GetFont().GetFractionalPointSize() > 2.4 * system);
    PhotographEveryScreen(demo, "2x");
    demo.frame->SetTextScale(1.0);
}

BOOST_AUTO_TEST_SUITE_END()
