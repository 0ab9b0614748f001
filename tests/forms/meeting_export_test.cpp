// SPDX-License-Identifier: MIT
// The export dialog on the demo round: every output written into the chosen folder on a worker
// thread with progress, "open the folder" offered at the end; a stop leaves no file behind.
#include "meeting_fixture.hpp"

#include <coscore/forms/export_dialog.hpp>

#include <boost/test/unit_test.hpp>

#include <wx/button.h>
#include <wx/gauge.h>
#include <wx/stattext.h>

#include <filesystem>

using namespace coscore;

namespace
{

bool Contains(const wxString& text, const std::string& part)
{
    wxString flat = text;
    flat.Replace("\n", " ");
    return flat.utf8_string().find(part) != std::string::npos;
}

} // namespace

BOOST_FIXTURE_TEST_SUITE(meeting_export, test::MeetingFixture)

BOOST_AUTO_TEST_CASE(ExportsEveryOutputIntoTheChosenFolder)
{
    const std::filesystem::path folder = dir.Path() / "exports";
    std::filesystem::create_directories(folder);
    auto* dialog = new forms::ExportDialog(frame, *ws);
    test::ShowAndWait(dialog);
    dialog->SetFolder(wxString::FromUTF8(folder.string()));
    BOOST_TEST(!dialog->GetOpenFolderButton()->IsEnabled());
    BOOST_REQUIRE(dialog->StartExport());
    BOOST_TEST(!dialog->GetExportButton()->IsEnabled());
    BOOST_REQUIRE(test::PumpUntil([&] { return !dialog->IsRunning(); }, 30000));
    for (const forms::ExportOutput output :
         {forms::ExportOutput::Awards, forms::ExportOutput::Matrix, forms::ExportOutput::Report,
          forms::ExportOutput::Feedback, forms::ExportOutput::Audit})
    {
        const auto path = folder / forms::ExportFileName(output);
        BOOST_TEST_CONTEXT(path.string())
        {
            BOOST_TEST(std::filesystem::is_regular_file(path));
            BOOST_TEST(std::filesystem::file_size(path) > 1000U);
        }
    }
    BOOST_TEST(std::filesystem::is_regular_file(folder / "csv" / "awards.csv"));
    BOOST_TEST(dialog->GetWritten().size() > 5U);
    BOOST_TEST(Contains(dialog->GetStatus()->GetLabelText(), "Done: wrote"));
    BOOST_TEST(dialog->GetGauge()->GetValue() == dialog->GetGauge()->GetRange());
    BOOST_TEST(dialog->GetOpenFolderButton()->IsEnabled());
    BOOST_TEST(dialog->GetExportButton()->IsEnabled());
    test::Screenshot(dialog, "meeting_export_done_normal");
    test::DestroyAndWait(dialog);
}

BOOST_AUTO_TEST_CASE(StoppingAnExportLeavesNoFileBehind)
{
    const std::filesystem::path folder = dir.Path() / "stopped";
    std::filesystem::create_directories(folder);
    auto* dialog = new forms::ExportDialog(frame, *ws);
    test::ShowAndWait(dialog);
    dialog->SetFolder(wxString::FromUTF8(folder.string()));
    // Stop at the first report from the worker, as a chair pressing Stop at once would.
    dialog->SetProgressObserver([dialog](double, std::string_view) { dialog->Cancel(); });
    BOOST_REQUIRE(dialog->StartExport());
    BOOST_REQUIRE(test::PumpUntil([&] { return !dialog->IsRunning(); }, 30000));
    BOOST_TEST(Contains(dialog->GetStatus()->GetLabelText(), "Export stopped"));
    BOOST_TEST(std::filesystem::is_empty(folder));
    BOOST_TEST(dialog->GetWritten().empty());
    BOOST_TEST(!dialog->GetOpenFolderButton()->IsEnabled());
    BOOST_TEST(dialog->GetExportButton()->IsEnabled());
    test::DestroyAndWait(dialog);
}

BOOST_AUTO_TEST_CASE(NothingToExportSaysSo)
{
    auto* dialog = new forms::ExportDialog(frame, *ws);
    // It offers the round's own folder to begin with.
    BOOST_TEST(dialog->GetFolder().utf8_string() == dir.Path().string());
    for (std::size_t i = 0; i < forms::kExportOutputCount; ++i)
    {
        dialog->SetOutput(static_cast<forms::ExportOutput>(i), false);
    }
    BOOST_TEST(!dialog->StartExport());
    BOOST_TEST(Contains(dialog->GetStatus()->GetLabelText(), "Tick at least one"));
    dialog->SetOutput(forms::ExportOutput::Awards, true);
    dialog->SetFolder(wxString::FromUTF8((dir.Path() / "missing").string()));
    BOOST_TEST(!dialog->StartExport());
    BOOST_TEST(Contains(dialog->GetStatus()->GetLabelText(), "folder that exists"));
    test::DestroyAndWait(dialog);
}

BOOST_AUTO_TEST_SUITE_END()
