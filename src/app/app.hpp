// SPDX-License-Identifier: MIT
// The CoScore wxApp: settings, the command line, and opening the first window.
#pragma once

#include <wx/app.h>

#include <string>

namespace coscore::app
{

class CoScoreApp : public wxApp
{
public:
    bool OnInit() override;
    void OnInitCmdLine(wxCmdLineParser& parser) override;
    bool OnCmdLineParsed(wxCmdLineParser& parser) override;
    bool OnExceptionInMainLoop() override;
    int OnExit() override;

private:
    void OnBenchIdle(wxIdleEvent& event);

    std::string m_file;
    bool m_demo = false;
    bool m_read_only = false;
    bool m_bench_done = false;
};

/// The --help text, printed without a display.
std::string HelpText();

} // namespace coscore::app
