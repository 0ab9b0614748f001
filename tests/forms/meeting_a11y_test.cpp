// SPDX-License-Identifier: MIT
// What a screen reader finds on the chair's meeting page and in each of its dialogs: every
// interactive control named, every list a real table with headings. Checked through AT-SPI by
// tests/forms/a11y/meeting_a11y.py. Disabled in the ordinary GUI run (no accessibility bus
// there); CTest's forms.meeting_a11y runs it by name through tests/forms/a11y/run_meeting_a11y.sh.
#include "meeting_fixture.hpp"

#include <coscore/forms/decision_dialog.hpp>
#include <coscore/forms/export_dialog.hpp>
#include <coscore/forms/import_wizard.hpp>
#include <coscore/forms/lock_dialog.hpp>
#include <coscore/forms/moderation_dialog.hpp>
#include <coscore/forms/tie_break_dialog.hpp>

#include <boost/test/unit_test.hpp>

#include <wx/notebook.h>
#include <wx/process.h>
#include <wx/txtstrm.h>
#include <wx/utils.h>

#include <string>
#include <vector>

using namespace coscore;
using namespace coscore::scoring;
namespace utf = boost::unit_test;

namespace
{

/// Runs the AT-SPI check on the window titled `title` of this process while the event loop
/// keeps answering the screen reader's questions; returns the check's exit code.
int CheckWindow(const wxString& title, const std::vector<wxString>& tables)
{
    std::vector<wxString> args{COSCORE_PYTHON3,
                               COSCORE_SOURCE_DIR "/tests/forms/a11y/meeting_a11y.py",
                               wxString::Format("%lu", wxGetProcessId()), title};
    args.insert(args.end(), tables.begin(), tables.end());
    std::vector<const wchar_t*> argv;
    for (const wxString& arg : args)
    {
        argv.push_back(arg.wc_str());
    }
    argv.push_back(nullptr);
    int status = -1;
    bool done = false;
    wxProcess process;
    process.Redirect();
    process.Bind(wxEVT_END_PROCESS,
                 [&](wxProcessEvent& event)
                 {
                     status = event.GetExitCode();
                     done = true;
                 });
    wxString output;
    const auto drain = [&]
    {
        for (wxInputStream* stream : {process.GetInputStream(), process.GetErrorStream()})
        {
            while (stream != nullptr && stream->CanRead())
            {
                char buffer[4096];
                stream->Read(buffer, sizeof buffer);
                output += wxString::FromUTF8(buffer, stream->LastRead());
            }
        }
    };
    if (wxExecute(argv.data(), wxEXEC_ASYNC | wxEXEC_NODISABLE, &process) <= 0)
    {
        BOOST_FAIL("could not start " << COSCORE_PYTHON3);
    }
    test::PumpUntil(
        [&]
        {
            drain();
            return done;
        },
        60000);
    drain();
    BOOST_TEST_MESSAGE(output.utf8_string());
    return status;
}

void CheckDialog(wxDialog* dialog, wxWindow* parent, const std::vector<wxString>& tables)
{
    forms::MatchTextSize(dialog, parent);
    dialog->TransferDataToWindow();
    test::ShowAndWait(dialog);
    BOOST_TEST_CONTEXT(dialog->GetTitle().utf8_string())
    {
        BOOST_TEST(CheckWindow(dialog->GetTitle(), tables) == 0);
    }
    test::DestroyAndWait(dialog);
}

} // namespace

BOOST_FIXTURE_TEST_SUITE(meeting_a11y, test::MeetingFixture)

BOOST_AUTO_TEST_CASE(EveryControlOfTheMeetingIsNamed, *utf::label("a11y") * utf::disabled())
{
    const Key innovation = Fund("Innovation Fund");
    page->SetFund(innovation);
    page->SelectBid(Bid("INN-006"));
    const std::vector<std::vector<wxString>> tab_tables{{"Scores by member", "Moderation history"},
                                                        {"Raw and adjusted ranks"},
                                                        {"How sure the ranking is"},
                                                        {"Voices", "Means by voice"},
                                                        {}};
    for (std::size_t tab = 0; tab < tab_tables.size(); ++tab)
    {
        page->GetDetails()->SetSelection(tab);
        test::Settle();
        std::vector<wxString> tables{"Ranked bids"};
        tables.insert(tables.end(), tab_tables[tab].begin(), tab_tables[tab].end());
        BOOST_TEST_CONTEXT("tab " << tab)
        {
            BOOST_TEST(CheckWindow(frame->GetTitle(), tables) == 0);
        }
    }
    const RoundData& round = page->GetRound();
    ModeratedScore moderated;
    moderated.bid = Bid("INN-006");
    CheckDialog(new forms::ModerationDialog(
                    frame, forms::MakeModerationContext(round, moderated.bid), moderated),
                frame, {});
    Decision decision;
    decision.bid = Bid("INN-006");
    CheckDialog(
        new forms::DecisionDialog(frame, forms::MakeDecisionContext(round, decision.bid), decision),
        frame, {});
    const auto tie = forms::MakeTieBreakContext(round, page->GetResult(), innovation);
    BOOST_REQUIRE(tie.has_value());
    CheckDialog(new forms::TieBreakDialog(frame, *tie), frame, {});
    CheckDialog(new forms::LockDialog(frame, forms::LockSummary{"Innovation Fund", 12, 9, 1, 2,
                                                                page->GetView().budget_text}),
                frame, {});
    CheckDialog(new forms::UnlockDialog(frame, "Innovation Fund"), frame, {});
    CheckDialog(new forms::ExportDialog(frame, *ws), frame, {});
    // The officer's import wizard, on its first page.
    CheckDialog(new forms::ImportWizard(frame, *ws), frame, {});
}

BOOST_AUTO_TEST_SUITE_END()
