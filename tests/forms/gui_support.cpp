// SPDX-License-Identifier: MIT
#include "gui_support.hpp"

#include <wx/app.h>
#include <wx/dcmemory.h>
#include <wx/dcscreen.h>
#include <wx/image.h>
#include <wx/stopwatch.h>
#include <wx/toplevel.h>
#include <wx/utils.h>
#include <wx/window.h>

namespace coscore::test
{

bool PumpUntil(const std::function<bool()>& condition, int timeout_ms)
{
    wxStopWatch watch;
    while (!condition())
    {
        if (watch.Time() > timeout_ms)
        {
            return false;
        }
        wxTheApp->Yield(true);
        wxMilliSleep(5);
    }
    wxTheApp->Yield(true);
    return true;
}

void ShowAndWait(wxWindow* window)
{
    window->SetPosition({0, 0});
    window->Show();
    PumpUntil([window] { return window->IsShownOnScreen(); });
    // Let GTK finish the first layout and paint before anything looks at the window.
    for (int i = 0; i < 20; ++i)
    {
        wxTheApp->Yield(true);
        wxMilliSleep(5);
    }
}

std::string Screenshot(wxWindow* window, const std::string& name)
{
    window->Update();
    wxTheApp->Yield(true);
    const wxRect rect = window->GetScreenRect();
    wxBitmap bitmap(rect.width, rect.height);
    {
        wxScreenDC screen;
        wxMemoryDC memory(bitmap);
        memory.Blit(0, 0, rect.width, rect.height, &screen, rect.x, rect.y);
    }
    const std::string path = std::string(COSCORE_SCREENSHOT_DIR) + "/" + name + ".png";
    bitmap.SaveFile(path, wxBITMAP_TYPE_PNG);
    return path;
}

} // namespace coscore::test
