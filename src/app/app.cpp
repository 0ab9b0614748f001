// SPDX-License-Identifier: MIT
#include "app.hpp"

#include <coscore/forms/main_frame.hpp>
#include <coscore/forms/round_opener.hpp>
#include <coscore/forms/string_convert.hpp>

#include <wx/cmdline.h>
#include <wx/filename.h>
#include <wx/log.h>
#include <wx/stdpaths.h>
#include <wx/uilocale.h>

namespace coscore::app
{

std::string HelpText()
{
    return "Usage: coscore [FILE.coscore] [--demo] [--read-only]\n"
           "\n"
           "CoScore: fair, recorded scoring and decisions for co-produced grants panels.\n"
           "\n"
           "  FILE.coscore   open this round\n"
           "  --demo         open a fresh copy of the demo round\n"
           "  --read-only    open the round without changing it\n"
           "  --help, -h     this text\n"
           "  --version      the version\n"
           "\n"
           "The command-line tool coscore-cli does the same work without a display.\n";
}

void CoScoreApp::OnInitCmdLine(wxCmdLineParser& parser)
{
    parser.AddSwitch("", "demo", "open a fresh copy of the demo round");
    parser.AddSwitch("", "read-only", "open the round without changing it");
    parser.AddParam("round file", wxCMD_LINE_VAL_STRING, wxCMD_LINE_PARAM_OPTIONAL);
}

bool CoScoreApp::OnCmdLineParsed(wxCmdLineParser& parser)
{
    m_demo = parser.Found("demo");
    m_read_only = parser.Found("read-only");
    if (parser.GetParamCount() > 0)
    {
        m_file = forms::ToUtf8(parser.GetParam(0));
    }
    return true;
}

bool CoScoreApp::OnInit()
{
    SetAppName("coscore");
    SetAppDisplayName("CoScore");
    wxInitAllImageHandlers();
    // Thousands separators and dates follow the user's locale (en_GB: £1,234.50, 22/11/2026).
    wxUILocale::UseDefault();
    // wxFileConfig does not create ~/.config itself (CONVENTIONS.md pitfall 9).
    wxStandardPaths::Get().SetFileLayout(wxStandardPaths::FileLayout_XDG);
    wxFileName::Mkdir(wxStandardPaths::Get().GetUserConfigDir(), wxS_DIR_DEFAULT,
                      wxPATH_MKDIR_FULL);
    if (!wxApp::OnInit())
    {
        return false;
    }
    forms::MainFrame* frame = nullptr;
    if (m_demo)
    {
        frame = forms::OpenDemoWindow(nullptr);
    }
    else if (!m_file.empty())
    {
        frame = forms::OpenRoundWindow(nullptr, m_file, m_read_only);
    }
    if (frame == nullptr)
    {
        // Nothing asked for, or it could not be opened (the reason is shown): start here.
        forms::ShowStartFrame();
    }
    return true;
}

bool CoScoreApp::OnExceptionInMainLoop()
{
    // Last resort: every entry point runs through RunGuarded, so this is a bug.
    try
    {
        throw;
    }
    catch (const std::exception& e)
    {
        wxLogError(_("CoScore met an internal error and must close: %s"), forms::ToWx(e.what()));
    }
    return false;
}

} // namespace coscore::app
