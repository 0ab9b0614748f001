// SPDX-License-Identifier: MIT
// The import wizard over the main window of the demo round: file → columns → report → import,
// with real files on disk. A good file adds its bids in one audited step; a file with errors
// shows them by row and column and changes nothing; a bids file without a fund column needs the
// fund chosen. Every step is photographed.
#include "demo_frame.hpp"

#include <coscore/forms/import_wizard.hpp>
#include <coscore/forms/text_scale.hpp>

#include <boost/test/unit_test.hpp>

#include <wx/app.h>
#include <wx/button.h>
#include <wx/checkbox.h>
#include <wx/progdlg.h>
#include <wx/textctrl.h>

#include <fstream>

using namespace coscore;
using Step = forms::ImportWizard::Step;

namespace
{

std::string WriteFile(test::DemoFrame& demo, const std::string& name, const std::string& text)
{
    const std::string path = demo.dir.File(name);
    std::ofstream(path, std::ios::binary) << text;
    return path;
}

// Headings as a grants portal writes them (synonyms), a £ amount with a thousands comma, and a
// summary with a line break inside quotes.
const char* const kGoodBids =
    "Application ref,Organisation,Project title,Fund,Amount requested (£),Ward,Summary\r\n"
    "INN-101,Westmere Repair Café,Fix-it Saturdays,Innovation Fund,\"£1,234.50\",Kingsmoor,"
    "\"Monthly repair sessions.\nTools lent free.\"\r\n"
    "SUS-101,Oakham Fen Bus Friends,Community minibus,Sustainability Fund,8000,Oakham Fen,"
    "Keeps the minibus running\r\n";

forms::ImportWizard* OpenWizard(test::DemoFrame& demo)
{
    auto* wizard = new forms::ImportWizard(demo.frame, demo.Ws());
    forms::MatchTextSize(wizard, demo.frame);
    test::ShowAndWait(wizard);
    return wizard;
}

std::size_t AuditCount(test::DemoFrame& demo)
{
    return demo.Ws().ListAudit().size();
}

/// A portal export of `rows` bids: large enough that checking it takes a while.
std::string LargeBidsFile(int rows)
{
    std::string csv = "bid_id,organisation,project_title,fund,amount_requested,summary\n";
    for (int i = 0; i < rows; ++i)
    {
        csv += "BIG-" + std::to_string(i) + ",Group " + std::to_string(i) +
               ",Project,Innovation Fund,5000,\"A summary, with a comma and a line\nbreak\"\n";
    }
    return csv;
}

/// The progress window while the wizard checks a file, or null.
wxProgressDialog* OpenProgressWindow()
{
    for (wxWindow* top : wxTopLevelWindows)
    {
        if (auto* progress = dynamic_cast<wxProgressDialog*>(top); progress != nullptr)
        {
            return progress;
        }
    }
    return nullptr;
}

/// Runs `act` on the progress window as soon as it is on screen (from the event loop that the
/// wizard runs while it waits for the check); records whether it appeared.
void WhenProgressShows(bool& appeared, std::function<void(wxProgressDialog*)> act)
{
    wxTheApp->CallAfter(
        [&appeared, act = std::move(act)]
        {
            appeared = test::PumpUntil([] { return OpenProgressWindow() != nullptr; }, 20000);
            if (appeared)
            {
                act(OpenProgressWindow());
            }
        });
}

} // namespace

BOOST_AUTO_TEST_SUITE(import_wizard)

BOOST_AUTO_TEST_CASE(ALargeFileIsCheckedWithProgressThenImported)
{
    test::DemoFrame demo;
    const std::size_t bids_before = demo.Ws().ListBids().size();
    auto* wizard = OpenWizard(demo);
    // Large enough to pass the progress window a few times; shown at once for the test.
    constexpr int kRows = 50'000;
    wizard->SetProgressDelay(std::chrono::milliseconds(0));
    wizard->SetFile(WriteFile(demo, "large.csv", LargeBidsFile(kRows)));
    BOOST_REQUIRE(wizard->Next());
    bool appeared = false;
    WhenProgressShows(appeared,
                      [](wxProgressDialog* progress)
                      {
                          test::Settle();
                          test::Screenshot(progress, "import_2b_checking");
                      });
    BOOST_REQUIRE(wizard->Next());
    BOOST_TEST(appeared);
    BOOST_REQUIRE(wizard->GetReport() != nullptr);
    BOOST_TEST(wizard->GetReport()->Errors() == 0);
    BOOST_TEST(wizard->GetReport()->counts.bids == kRows);
    BOOST_TEST(wizard->GetReport()->Warnings() == 0);
    BOOST_REQUIRE(wizard->Import());
    test::DestroyAndWait(wizard);
    BOOST_TEST(demo.Ws().ListBids().size() == bids_before + kRows);
}

BOOST_AUTO_TEST_CASE(StoppingTheCheckImportsNothingAndSaysSo)
{
    test::DemoFrame demo;
    // At twice the text size: the progress window and the page that says what happened.
    demo.frame->SetTextScale(2.0);
    const std::size_t bids_before = demo.Ws().ListBids().size();
    const std::size_t audit_before = AuditCount(demo);
    auto* wizard = OpenWizard(demo);
    wizard->SetProgressDelay(std::chrono::milliseconds(0));
    wizard->SetFile(WriteFile(demo, "large.csv", LargeBidsFile(600'000)));
    BOOST_REQUIRE(wizard->Next());
    bool appeared = false;
    WhenProgressShows(appeared,
                      [](wxProgressDialog* progress)
                      {
                          // As a user presses Cancel on the progress window (first: the check
                          // must not end while the window is photographed).
                          auto* cancel = wxDynamicCast(progress->FindWindow(wxID_CANCEL), wxButton);
                          BOOST_REQUIRE(cancel != nullptr);
                          wxCommandEvent press(wxEVT_BUTTON, wxID_CANCEL);
                          press.SetEventObject(cancel);
                          cancel->GetEventHandler()->ProcessEvent(press);
                          test::Settle();
                          test::Screenshot(progress, "import_2b_checking_2x");
                      });
    BOOST_TEST(!wizard->Next());
    BOOST_TEST(appeared);
    BOOST_TEST(static_cast<int>(wizard->GetStep()) == static_cast<int>(Step::Columns));
    BOOST_TEST(wizard->GetReport() == nullptr);
    test::Settle();
    test::Screenshot(wizard, "import_2c_stopped_2x");
    BOOST_TEST(test::FitsOnScreen(wizard));
    test::DestroyAndWait(wizard);
    demo.frame->SetTextScale(1.0);
    BOOST_TEST(demo.Ws().ListBids().size() == bids_before);
    BOOST_TEST(AuditCount(demo) == audit_before);
}

BOOST_AUTO_TEST_CASE(AGoodBidsFileIsImportedInOneAuditedStep)
{
    test::DemoFrame demo;
    const std::size_t bids_before = demo.Ws().ListBids().size();
    const std::size_t audit_before = AuditCount(demo);
    auto* wizard = OpenWizard(demo);
    test::Screenshot(wizard, "import_1_file");

    wizard->SetFile(WriteFile(demo, "portal.csv", kGoodBids));
    BOOST_REQUIRE(wizard->Next());
    BOOST_TEST(static_cast<int>(wizard->GetStep()) == static_cast<int>(Step::Columns));
    BOOST_REQUIRE(wizard->GetPreview() != nullptr);
    // The synonyms were recognised and the columns chosen for the officer.
    BOOST_TEST(wizard->GetChosenColumn("bid_id") == "Application ref");
    BOOST_TEST(wizard->GetChosenColumn("amount_requested") == "Amount requested (£)");
    BOOST_TEST(wizard->GetChosenColumn("ward") == "Ward");
    test::Settle();
    test::Screenshot(wizard, "import_2_columns");
    BOOST_TEST(test::FitsOnScreen(wizard));

    BOOST_REQUIRE(wizard->Next());
    BOOST_TEST(static_cast<int>(wizard->GetStep()) == static_cast<int>(Step::Report));
    BOOST_REQUIRE(wizard->GetReport() != nullptr);
    BOOST_TEST(wizard->GetReport()->Errors() == 0);
    BOOST_TEST(wizard->GetReport()->counts.bids == 2);
    BOOST_TEST(wizard->GetImportButton()->IsEnabled());
    test::Settle();
    test::Screenshot(wizard, "import_3_report");
    // Nothing is written before Import.
    BOOST_TEST(demo.Ws().ListBids().size() == bids_before);

    BOOST_REQUIRE(wizard->Import());
    test::DestroyAndWait(wizard);
    BOOST_TEST(demo.Ws().ListBids().size() == bids_before + 2);
    const auto repair = demo.Ws().FindBid(demo.BidKey("INN-101"));
    BOOST_REQUIRE(repair.has_value());
    BOOST_TEST(repair->requested_pence == 123450);
    BOOST_TEST(repair->organisation == "Westmere Repair Café");
    BOOST_TEST(AuditCount(demo) == audit_before + 1);
}

BOOST_AUTO_TEST_CASE(AFileWithErrorsShowsThemAndChangesNothing)
{
    test::DemoFrame demo;
    const std::size_t bids_before = demo.Ws().ListBids().size();
    const std::size_t audit_before = AuditCount(demo);
    auto* wizard = OpenWizard(demo);
    wizard->SetFile(WriteFile(demo, "bad.csv",
                              "bid_id,organisation,project_title,fund,amount_requested\n"
                              "INN-201,Good Group,Fine project,Innovation Fund,500\n"
                              "INN-202,Lost Group,Odd project,Lottery Fund,500\n"
                              "INN-203,Money Group,Big project,Innovation Fund,lots\n"));
    BOOST_REQUIRE(wizard->Next());
    BOOST_REQUIRE(wizard->Next());
    const core::ImportReport* report = wizard->GetReport();
    BOOST_REQUIRE(report != nullptr);
    BOOST_TEST(report->Errors() >= 2);
    // Each problem is named by file, line and column, with a fix, in a text a screen reader reads.
    const std::string text = wizard->GetReportText()->GetValue().utf8_string();
    BOOST_TEST(text.find("bad.csv, line 3") != std::string::npos, text);
    BOOST_TEST(text.find("Lottery Fund") != std::string::npos, text);
    BOOST_TEST(text.find("line 4") != std::string::npos, text);
    BOOST_TEST(text.find("Fix:") != std::string::npos, text);
    BOOST_TEST(!wizard->GetImportButton()->IsEnabled());
    test::Settle();
    test::Screenshot(wizard, "import_3_report_errors");
    BOOST_TEST(!wizard->Import());
    test::DestroyAndWait(wizard);
    BOOST_TEST(demo.Ws().ListBids().size() == bids_before);
    BOOST_TEST(AuditCount(demo) == audit_before);
}

BOOST_AUTO_TEST_CASE(ABidsFileWithoutAFundColumnNeedsTheFundChosen)
{
    test::DemoFrame demo;
    const std::size_t bids_before = demo.Ws().ListBids().size();
    auto* wizard = OpenWizard(demo);
    wizard->SetFile(WriteFile(demo, "no_fund.csv",
                              "Reference,Applicant,Project,Amount\n"
                              "INN-301,Kingsmoor Knitters,Warm hats,650\n"));
    BOOST_REQUIRE(wizard->Next());
    // The fund is needed and the file has no column for it: the wizard says what to do.
    BOOST_TEST(!wizard->Next());
    BOOST_TEST(static_cast<int>(wizard->GetStep()) == static_cast<int>(Step::Columns));
    wizard->Back();
    wizard->SetFundOfEveryBid("Innovation Fund");
    BOOST_REQUIRE(wizard->Next());
    BOOST_REQUIRE(wizard->Next());
    BOOST_TEST(wizard->GetReport()->Errors() == 0);
    // £650 is below the Innovation Fund's smallest award: a warning, imported only when the
    // officer ticks that they have checked it.
    BOOST_TEST(wizard->GetReport()->Warnings() == 1);
    const std::string text = wizard->GetReportText()->GetValue().utf8_string();
    BOOST_TEST(text.find("no_fund.csv, line 2, column \"Amount\"") != std::string::npos, text);
    BOOST_TEST(text.find(demo.dir.File("")) == std::string::npos, "the report names the file, "
                                                                  "not its folder");
    BOOST_TEST(!wizard->GetImportButton()->IsEnabled());
    BOOST_TEST(!wizard->Import());
    BOOST_TEST(wizard->GetAcceptWarnings()->IsShown());
    wizard->GetAcceptWarnings()->SetValue(true);
    wxCommandEvent tick(wxEVT_CHECKBOX, wizard->GetAcceptWarnings()->GetId());
    tick.SetEventObject(wizard->GetAcceptWarnings());
    wizard->GetAcceptWarnings()->ProcessWindowEvent(tick);
    BOOST_TEST(wizard->GetImportButton()->IsEnabled());
    test::Settle();
    test::Screenshot(wizard, "import_3_report_warning");
    BOOST_REQUIRE(wizard->Import());
    test::DestroyAndWait(wizard);
    BOOST_TEST(demo.Ws().ListBids().size() == bids_before + 1);
    const auto hats = demo.Ws().FindBid(demo.BidKey("INN-301"));
    BOOST_REQUIRE(hats.has_value());
    BOOST_TEST(hats->requested_pence == 65000);
}

BOOST_AUTO_TEST_CASE(AFileThatCannotBeReadIsRefusedOnTheFirstPage)
{
    test::DemoFrame demo;
    auto* wizard = OpenWizard(demo);
    BOOST_TEST(!wizard->Next()); // no file chosen yet
    wizard->SetFile(WriteFile(demo, "not_a_workbook.xlsx", "this is not a zip file"));
    BOOST_TEST(!wizard->Next());
    BOOST_TEST(static_cast<int>(wizard->GetStep()) == static_cast<int>(Step::File));
    test::Settle();
    test::Screenshot(wizard, "import_1_file_refused");
    test::DestroyAndWait(wizard);
}

BOOST_AUTO_TEST_SUITE_END()
