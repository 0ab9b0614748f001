// SPDX-License-Identifier: MIT
// Screenshots of every screen of the chair's meeting at the ordinary text size and at large text
// (200%), for people to look at: the page and each details tab, the projector view, and each
// dialog. Each shot must show the window on screen (a real, non-empty picture).
#include "meeting_fixture.hpp"

#include <coscore/forms/decision_dialog.hpp>
#include <coscore/forms/export_dialog.hpp>
#include <coscore/forms/lock_dialog.hpp>
#include <coscore/forms/moderation_dialog.hpp>
#include <coscore/forms/tie_break_dialog.hpp>
#include <coscore/scoring/lottery.hpp>

#include <boost/test/unit_test.hpp>

#include <wx/notebook.h>

#include <filesystem>
#include <functional>

using namespace coscore;
using namespace coscore::scoring;

namespace
{

struct TextSize
{
    const char* name;
    double scale;
};

constexpr TextSize kSizes[] = {{"normal", 1.0}, {"large", 2.0}};

void Shoot(wxWindow* window, const std::string& name)
{
    const std::string path = test::Screenshot(window, name);
    BOOST_TEST_CONTEXT(name)
    {
        BOOST_TEST(std::filesystem::file_size(path) > 2000U);
    }
}

/// Makes a change, lets it be laid out and painted, and photographs the window.
void ShootAfter(wxWindow* window, const std::string& name, const std::function<void()>& change)
{
    change();
    test::Settle();
    Shoot(window, name);
}

/// Shows a dialog over the page at the page's text size, photographs it, closes it.
void ShootDialog(wxDialog* dialog, wxWindow* parent, const std::string& name)
{
    forms::MatchTextSize(dialog, parent);
    dialog->TransferDataToWindow();
    test::ShowAndWait(dialog);
    test::Settle();
    Shoot(dialog, name);
    BOOST_TEST(test::FitsOnScreen(dialog), name << " fits on the screen");
    test::DestroyAndWait(dialog);
}

} // namespace

BOOST_FIXTURE_TEST_SUITE(meeting_screens, test::MeetingFixture)

BOOST_AUTO_TEST_CASE(EveryScreenAtNormalAndLargeText)
{
    // SNSF mode on, so that "How sure" shows the Bayesian columns and the lottery band.
    Policy policy = ws->GetPolicy();
    policy.snsf_mode = true;
    ws->SetPolicy(policy);
    const Key innovation = Fund("Innovation Fund");
    for (const TextSize& size : kSizes)
    {
        const std::string suffix = std::string("_") + size.name;
        test::ScaleText(frame, size.scale);
        page->SetFund(innovation);
        page->SelectBid(Bid("INN-006"));
        static const char* const kTabs[] = {"bid", "raw_adjusted", "how_sure", "equal_voice",
                                            "reliability"};
        for (std::size_t tab = 0; tab < page->GetDetails()->GetPageCount(); ++tab)
        {
            const std::string name = std::string("meeting_") + kTabs[tab] + suffix;
            if (tab == 0)
            {
                test::Settle();
                Shoot(frame, name);
                continue;
            }
            ShootAfter(frame, name, [&] { page->GetDetails()->SetSelection(tab); });
        }
        ShootAfter(frame, "meeting_projector" + suffix, [&] { page->SetProjectorMode(true); });
        page->SetProjectorMode(false);
        page->GetDetails()->SetSelection(0);

        const RoundData& round = page->GetRound();
        ModeratedScore moderated;
        moderated.bid = Bid("INN-006");
        moderated.member = Member("M02");
        moderated.criterion = round.funds.front().criteria.front().key;
        ShootDialog(new forms::ModerationDialog(
                        frame, forms::MakeModerationContext(round, moderated.bid), moderated),
                    frame, "meeting_moderation_dialog" + suffix);
        Decision decision;
        decision.bid = Bid("INN-006");
        ShootDialog(new forms::DecisionDialog(
                        frame, forms::MakeDecisionContext(round, decision.bid), decision),
                    frame, "meeting_decision_dialog" + suffix);
        const auto tie = forms::MakeTieBreakContext(round, page->GetResult(), innovation);
        BOOST_REQUIRE(tie.has_value());
        ShootDialog(new forms::TieBreakDialog(frame, *tie), frame,
                    "meeting_tie_break_dialog" + suffix);
        forms::LockSummary summary;
        summary.fund_name = "Innovation Fund";
        summary.bids = 12;
        summary.agreed = 9;
        summary.proposed = 1;
        summary.undecided = 2;
        summary.budget_text = page->GetView().budget_text;
        ShootDialog(new forms::LockDialog(frame, summary), frame, "meeting_lock_dialog" + suffix);
        ShootDialog(new forms::UnlockDialog(frame, "Innovation Fund"), frame,
                    "meeting_unlock_dialog" + suffix);
        ShootDialog(new forms::ExportDialog(frame, *ws), frame, "meeting_export_dialog" + suffix);
        test::ScaleText(frame, 1.0 / size.scale);
    }
}

BOOST_AUTO_TEST_CASE(TheTieResolvedAndAFundLocked)
{
    const Key innovation = Fund("Innovation Fund");
    page->SetFund(innovation);
    const auto tie = forms::MakeTieBreakContext(page->GetRound(), page->GetResult(), innovation);
    BOOST_REQUIRE(tie.has_value());
    std::vector<Key> group;
    for (const auto& bid : tie->bids)
    {
        group.push_back(bid.key);
    }
    BOOST_REQUIRE(page->RecordTieBreak(MakeLotteryTieBreak(innovation, group, 42)));
    BOOST_REQUIRE(page->LockFund());
    ShootAfter(frame, "meeting_tie_resolved_locked_normal",
               [&] { page->SelectBid(Bid("INN-011")); });
}

BOOST_AUTO_TEST_SUITE_END()
