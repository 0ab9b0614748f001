// SPDX-License-Identifier: MIT
// The panel member's scoring page driven like a member would: keyboard only, mouse, declaring an
// interest, undo, and closing and reopening. Every assertion is on the round file as well as on
// the widgets.
#include "demo_frame.hpp"

#include <coscore/forms/criterion_view.hpp>
#include <coscore/forms/interest_dialog.hpp>

#include <boost/test/unit_test.hpp>

#include <wx/button.h>
#include <wx/checkbox.h>
#include <wx/choice.h>
#include <wx/dataview.h>
#include <wx/radiobut.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>
#include <wx/uiaction.h>

using namespace coscore;
using namespace coscore::scoring;
using coscore::test::DemoFrame;

namespace
{

std::size_t SettledCount(core::Workspace& ws, Key member)
{
    std::size_t settled = 0;
    for (const ScoreSheet& s : ws.ListSheetsForMember(member))
    {
        settled += s.status == SheetStatus::Complete || s.status == SheetStatus::Submitted;
    }
    return settled;
}

// The criterion whose radio button has the keyboard focus, if any.
int FocusedCriterion(forms::ScoringPage& page)
{
    const auto& views = page.GetCriteria();
    for (std::size_t i = 0; i < views.size(); ++i)
    {
        if (views[i]->Owns(wxWindow::FindFocus()))
        {
            return static_cast<int>(i);
        }
    }
    return -1;
}

} // namespace

BOOST_AUTO_TEST_SUITE(scoring_page)

BOOST_AUTO_TEST_CASE(TheDemoOpensAsAMemberWithBidsLeftToScore)
{
    DemoFrame demo;
    forms::ScoringPage& page = demo.Page();
    const Key aisha = demo.MemberKey("M06");
    BOOST_REQUIRE(page.GetMember().value_or(0) == aisha);
    BOOST_TEST(page.GetMemberChoice()->GetStringSelection().StartsWith("Aisha Rahman"));
    const auto bids = demo.Ws().ListBidsForMember(aisha);
    BOOST_TEST(page.GetBidList()->GetItemCount() == bids.size());
    const wxString progress =
        wxString::Format("%zu of %zu bids scored", SettledCount(demo.Ws(), aisha), bids.size());
    BOOST_TEST(page.GetProgress()->GetLabel() == progress);
    // She starts on her first unfinished bid, with what she already scored showing.
    const Key first = demo.BidKey("INN-005");
    BOOST_TEST(page.GetBid().value_or(0) == first);
    const auto sheet = demo.Ws().GetSheet(first, aisha);
    for (std::size_t i = 0; i < sheet.scores.size(); ++i)
    {
        const auto shown = page.GetCriteria().at(i)->GetValue();
        const auto stored = sheet.scores[i].value;
        BOOST_TEST((shown ? *shown : -1) == (stored ? *stored : -1));
    }
    BOOST_TEST(page.GetBidText()->GetValue().Contains("Summary"));
    BOOST_TEST(page.GetCriteria().front()->GetLevelButton(3)->GetLabel().Contains(
        "Good: the need is clear"));
    test::Screenshot(demo.frame, "scoring_page");
}

BOOST_AUTO_TEST_CASE(AWholeBidIsScoredWithTheKeyboardOnly)
{
    DemoFrame demo;
    forms::ScoringPage& page = demo.Page();
    const Key bid = demo.BidKey("INN-010");
    page.ShowBid(bid);
    page.GetBidList()->SetFocus();
    test::Settle();
    const std::vector<int> levels{3, 4, 2, 5, 1};
    for (std::size_t i = 0; i < levels.size(); ++i)
    {
        BOOST_TEST_CONTEXT("question " << i + 1)
        {
            BOOST_REQUIRE(
                test::TabUntil([&] { return FocusedCriterion(page) == static_cast<int>(i); }));
            test::Press('0' + levels[i]);
            BOOST_TEST(test::PumpUntil([&] { return demo.StoredScore(bid, i) == levels[i]; }));
            BOOST_TEST(page.GetCriteria()[i]->GetValue().value_or(-1) == levels[i]);
            BOOST_TEST(page.GetSavedState()->GetLabel().StartsWith("Saved"));
        }
    }
    const Key aisha = *page.GetMember();
    BOOST_TEST(demo.Ws().GetSheet(bid, aisha).sheet.status == SheetStatus::Complete);
    // Comments by keyboard: Tab to "Strengths", type, Tab away, and they are saved.
    BOOST_REQUIRE(test::TabUntil([&] { return page.GetStrengths()->HasFocus(); }));
    wxUIActionSimulator sim;
    sim.Text("Clear plan with local partners");
    test::Press(WXK_TAB);
    BOOST_TEST(test::PumpUntil(
        [&] {
            return demo.Ws().GetSheet(bid, aisha).sheet.strengths ==
                   "Clear plan with local partners";
        }));
    // Every change was recorded in Aisha's name.
    BOOST_TEST(demo.Ws().ListAudit().back().actor == "M06");
    // Alt+N moves on to the next bid.
    test::Press('n', wxMOD_ALT);
    BOOST_TEST(test::PumpUntil([&] { return page.GetBid().value_or(0) != bid; }));
    test::Screenshot(demo.frame, "scoring_keyboard_next_bid");
}

BOOST_AUTO_TEST_CASE(DeclaringAnInterestRemovesTheBidAndIsRecorded)
{
    DemoFrame demo;
    forms::ScoringPage& page = demo.Page();
    const Key bid = *page.GetBid();
    const Key aisha = *page.GetMember();
    const auto before = page.GetBidList()->GetItemCount();
    wxTEST_DIALOG(
        {
            test::Click(page.GetDeclareButton());
            test::PumpUntil([&] { return demo.Ws().ListInterests().size() == 5U; });
        },
        test::ExpectDialog<forms::DeclareInterestDialog>(
            [](forms::DeclareInterestDialog* dialog)
            {
                // Nothing is chosen for the member: "Declare" waits for their answer.
                BOOST_TEST(!dialog->GetType().has_value());
                BOOST_TEST(!dialog->FindWindow(wxID_OK)->IsEnabled());
                dialog->SetType(InterestType::Volunteers);
                dialog->SetNote("I help at their Saturday session.");
                test::Screenshot(dialog, "declare_interest_dialog");
                return wxID_OK;
            }));
    const auto interests = demo.Ws().ListInterests();
    const auto it =
        std::find_if(interests.begin(), interests.end(),
                     [&](const Interest& i) { return i.bid == bid && i.member == aisha; });
    BOOST_REQUIRE(it != interests.end());
    BOOST_TEST(it->type == InterestType::Volunteers);
    BOOST_TEST(it->rule == InterestRule::NoScoreMaySpeak);
    BOOST_TEST(it->note == "I help at their Saturday session.");
    BOOST_TEST(demo.Ws().ListAudit().back().action == "declare_interest");
    BOOST_TEST(demo.Ws().ListAudit().back().actor == "M06");
    // The bid has left her list and the page has moved on.
    BOOST_TEST(page.GetBidList()->GetItemCount() == before - 1);
    BOOST_TEST(page.GetBid().value_or(0) != bid);
}

BOOST_AUTO_TEST_CASE(AScoreSurvivesClosingAndReopening)
{
    DemoFrame demo;
    const Key bid = demo.BidKey("INN-010");
    demo.Page().ShowBid(bid);
    test::Settle();
    wxRadioButton* level = demo.Page().GetCriteria().at(1)->GetLevelButton(4);
    test::Click(level);
    BOOST_REQUIRE(test::PumpUntil([&] { return demo.StoredScore(bid, 1) == 4; }));
    demo.Close();
    // A new window on the same file shows the score, read back from disk.
    demo.Open(core::Workspace::Open(demo.path));
    demo.Page().ShowBid(bid);
    BOOST_TEST(demo.StoredScore(bid, 1) == 4);
    BOOST_TEST(demo.Page().GetCriteria().at(1)->GetValue().value_or(-1) == 4);
    BOOST_TEST(demo.Page().GetCriteria().at(1)->GetLevelButton(4)->GetValue());
}

BOOST_AUTO_TEST_CASE(UndoPutsAScoreBackAsANewAuditedCommand)
{
    DemoFrame demo;
    const Key bid = demo.BidKey("INN-012");
    demo.Page().ShowBid(bid);
    test::Settle();
    test::Click(demo.Page().GetCriteria().at(0)->GetLevelButton(2));
    BOOST_REQUIRE(test::PumpUntil([&] { return demo.StoredScore(bid, 0) == 2; }));
    test::Click(demo.Page().GetCriteria().at(0)->GetLevelButton(5));
    BOOST_REQUIRE(test::PumpUntil([&] { return demo.StoredScore(bid, 0) == 5; }));
    const auto audit = demo.Ws().ListAudit().size();
    test::Press('z', wxMOD_CONTROL);
    BOOST_TEST(test::PumpUntil([&] { return demo.StoredScore(bid, 0) == 2; }));
    BOOST_TEST(demo.Page().GetCriteria().at(0)->GetValue().value_or(-1) == 2);
    const auto entries = demo.Ws().ListAudit();
    BOOST_TEST(entries.size() == audit + 1);
    BOOST_TEST(entries.back().action == "record_score");
    BOOST_TEST(entries.back().actor == "M06");
    BOOST_TEST(entries.back().detail.find("\"old\":5") != std::string::npos);
    // Undo again: back to "not scored yet", never 0.
    test::Press('z', wxMOD_CONTROL);
    BOOST_TEST(test::PumpUntil([&] { return demo.StoredScore(bid, 0) == DemoFrame::kNone; }));
    BOOST_TEST(demo.Ws().GetSheet(bid, *demo.Page().GetMember()).scores[0].missing ==
               MissingReason::NotYet);
    BOOST_TEST(demo.Page().GetCriteria().at(0)->GetNotScoredButton()->GetValue());
    // Redo brings the score back.
    demo.frame->GetHistory().Redo();
    BOOST_TEST(demo.StoredScore(bid, 0) == 2);
}

BOOST_AUTO_TEST_CASE(CommentsAreSavedWhenTypingPausesAndTheFlagAtOnce)
{
    DemoFrame demo;
    forms::ScoringPage& page = demo.Page();
    const Key bid = *page.GetBid();
    const Key aisha = *page.GetMember();
    const std::string expected = demo.Ws().GetSheet(bid, aisha).sheet.concerns + " Winter?";
    page.GetConcerns()->SetFocus();
    page.GetConcerns()->SetInsertionPointEnd();
    test::Settle();
    wxUIActionSimulator sim;
    sim.Text(" Winter?");
    test::Settle();
    BOOST_TEST(page.GetSavedState()->GetLabel().StartsWith("Saving"));
    BOOST_TEST(
        test::PumpUntil([&] { return demo.Ws().GetSheet(bid, aisha).sheet.concerns == expected; }));
    BOOST_TEST(page.GetSavedState()->GetLabel().StartsWith("Saved"));
    test::Click(page.GetNeedsExplaining());
    BOOST_TEST(
        test::PumpUntil([&] { return demo.Ws().GetSheet(bid, aisha).sheet.needs_explaining; }));
}

BOOST_AUTO_TEST_CASE(ChangingTheTextSizeSavesNoComments)
{
    // GTK reported a change in the comment fields when only their fonts changed, and the page
    // saved the unchanged comments: an audit entry and an undo step for nothing.
    DemoFrame demo;
    const std::size_t audit_before = demo.Ws().ListAudit().size();
    for (const double scale : {2.0, 1.0})
    {
        demo.frame->SetTextScale(scale);
        // Longer than the pause after typing that saves comments.
        const wxLongLong until = wxGetLocalTimeMillis() + 2000;
        test::PumpUntil([&] { return wxGetLocalTimeMillis() > until; }, 3000);
    }
    BOOST_TEST(demo.Ws().ListAudit().size() == audit_before);
    BOOST_TEST(!demo.frame->GetHistory().CanUndo());
}

BOOST_AUTO_TEST_CASE(ASubmittedSheetIsShownButCannotChange)
{
    DemoFrame demo;
    forms::ScoringPage& page = demo.Page();
    const Key bid = demo.BidKey("INN-001"); // Aisha completed it; submit it as a return would
    demo.Ws().SubmitSheet(bid, *page.GetMember());
    page.ShowBid(bid);
    test::Settle();
    BOOST_TEST(!page.GetCriteria().front()->GetLevelButton(1)->IsEnabled());
    BOOST_TEST(!page.GetStrengths()->IsEditable());
    const auto stored = demo.StoredScore(bid, 0);
    BOOST_TEST(!page.GetCriteria().front()->PickLevel(stored == 1 ? 2 : 1));
    BOOST_TEST(demo.StoredScore(bid, 0) == stored);
    test::Screenshot(demo.frame, "scoring_submitted");
}

BOOST_AUTO_TEST_CASE(ChoosingAnotherMemberScoresInTheirName)
{
    DemoFrame demo;
    forms::ScoringPage& page = demo.Page();
    page.SetMember(std::nullopt);
    test::Settle();
    test::Screenshot(demo.frame, "scoring_choose_member");
    const Key peter = demo.MemberKey("M07");
    page.SetMember(peter);
    BOOST_TEST(page.GetMemberChoice()->GetStringSelection().StartsWith("Peter Clarke"));
    // Peter declared no interest: every bid; all submitted in the demo.
    BOOST_TEST(page.GetBidList()->GetItemCount() == demo.Ws().ListBidsForMember(peter).size());
    BOOST_TEST(!demo.Ws().FindMember(demo.MemberKey("M09"))->scores);
    // Helen advises and does not score: she is not offered.
    for (unsigned i = 0; i < page.GetMemberChoice()->GetCount(); ++i)
    {
        BOOST_TEST(!page.GetMemberChoice()->GetString(i).StartsWith("Helen Forbes"));
    }
}

BOOST_AUTO_TEST_SUITE_END()
