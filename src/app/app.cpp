// SPDX-License-Identifier: MIT
#include "app.hpp"

#include <coscore/forms/main_frame.hpp>
#include <coscore/forms/round_opener.hpp>
#include <coscore/forms/string_convert.hpp>

#include <wx/cmdline.h>
#include <wx/config.h>
#include <wx/filename.h>
#include <wx/log.h>
#include <wx/stdpaths.h>
#include <wx/uilocale.h>

#include <charconv>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <sstream>

#ifdef __linux__
#include <time.h>
#include <unistd.h>
#endif

namespace coscore::app
{

namespace
{

// Static initialisation runs just before main(): the clock of last resort.
const auto kStartedAt = std::chrono::steady_clock::now();

/// Milliseconds since the process started. On Linux the kernel's start time (10 ms steps) also
/// counts loading the shared libraries, which a clock started in main() would miss.
double MillisecondsSinceStart()
{
#ifdef __linux__
    std::ifstream stat("/proc/self/stat");
    std::string line;
    std::getline(stat, line);
    // Field 22 (starttime, in clock ticks after boot) is the 20th after the ")" ending field 2.
    std::istringstream fields(line.substr(line.rfind(')') + 1));
    std::string field;
    for (int i = 0; i < 20 && fields >> field; ++i)
    {
    }
    unsigned long long ticks = 0;
    timespec now{};
    if (fields &&
        std::from_chars(field.data(), field.data() + field.size(), ticks).ec == std::errc() &&
        clock_gettime(CLOCK_BOOTTIME, &now) == 0)
    {
        const double started_s =
            static_cast<double>(ticks) / static_cast<double>(sysconf(_SC_CLK_TCK));
        return (static_cast<double>(now.tv_sec) + static_cast<double>(now.tv_nsec) * 1e-9 -
                started_s) *
               1000.0;
    }
#endif
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - kStartedAt)
        .count();
}

} // namespace

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
    // For the benchmarks (bench/run_benchmarks.py, PRODUCT.md §8: start to idle): the first
    // idle moment with a window on screen prints the time since the process started and closes
    // every window the ordinary way, so the exit status says the start was clean.
    if (wxGetenv("COSCORE_BENCH_EXIT_WHEN_IDLE") == wxString("1"))
    {
        Bind(wxEVT_IDLE, &CoScoreApp::OnBenchIdle, this);
    }
    return true;
}

void CoScoreApp::OnBenchIdle(wxIdleEvent& event)
{
    event.Skip();
    const wxWindow* top = GetTopWindow();
    // Idle comes only once the queue is empty, but a handler may just have queued more work.
    if (m_bench_done || top == nullptr || !top->IsShownOnScreen() || HasPendingEvents())
    {
        return;
    }
    m_bench_done = true;
    std::printf("idle_ms=%.1f\n", MillisecondsSinceStart());
    std::fflush(stdout);
    forms::CloseEveryWindow();
}

int CoScoreApp::OnExit()
{
    // The settings are written when the config object goes, after the last window has closed:
    // an error then (a settings folder that cannot be written) goes to standard error, since
    // no window is left to show it in.
    delete wxLog::SetActiveTarget(new wxLogStderr);
    delete wxConfigBase::Set(nullptr);
    return wxApp::OnExit();
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
