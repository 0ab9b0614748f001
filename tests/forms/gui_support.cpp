// SPDX-License-Identifier: MIT
#include "gui_support.hpp"

#include <wx/app.h>
#include <wx/dcmemory.h>
#include <wx/dcscreen.h>
#include <wx/image.h>
#include <wx/scrolwin.h>
#include <wx/stopwatch.h>
#include <wx/toplevel.h>
#include <wx/uiaction.h>
#include <wx/utils.h>
#include <wx/window.h>

#include <algorithm>
#include <cstdlib>

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

void Settle()
{
    for (int i = 0; i < 20; ++i)
    {
        wxTheApp->Yield(true);
        wxMilliSleep(5);
    }
}

void ShowAndWait(wxWindow* window)
{
    window->SetPosition({0, 0});
    window->Show();
    PumpUntil([window] { return window->IsShownOnScreen(); });
    // Let GTK finish the first layout and paint before anything looks at the window.
    Settle();
}

void DestroyAndWait(wxWindow* window)
{
    window->Destroy();
    PumpUntil([window] { return wxTopLevelWindows.Find(window) == nullptr; });
}

void ScrollIntoView(wxWindow* window)
{
    for (wxWindow* parent = window->GetParent(); parent != nullptr; parent = parent->GetParent())
    {
        if (auto* scrolled = dynamic_cast<wxScrolledWindow*>(parent))
        {
            const wxPoint at = window->GetScreenPosition() - scrolled->GetScreenPosition();
            const wxPoint virtual_at = scrolled->CalcUnscrolledPosition(at);
            int unit_x = 0;
            int unit_y = 0;
            scrolled->GetScrollPixelsPerUnit(&unit_x, &unit_y);
            if (unit_y > 0)
            {
                scrolled->Scroll(
                    -1, std::max(0, (virtual_at.y - scrolled->GetClientSize().y / 3) / unit_y));
            }
            Settle();
            return;
        }
    }
}

void Click(wxWindow* window)
{
    ScrollIntoView(window);
    wxUIActionSimulator sim;
    const wxRect rect = window->GetScreenRect();
    sim.MouseMove(rect.x + rect.width / 2, rect.y + rect.height / 2);
    wxTheApp->Yield(true);
    sim.MouseClick();
    wxTheApp->Yield(true);
    Settle();
}

void Press(int key, int modifiers)
{
    wxUIActionSimulator sim;
    sim.Char(key, modifiers);
    wxTheApp->Yield(true);
    Settle();
}

bool TabUntil(const std::function<bool()>& condition, int limit)
{
    for (int i = 0; i < limit && !condition(); ++i)
    {
        Press(WXK_TAB);
    }
    return condition();
}

std::string Screenshot(wxWindow* window, const std::string& name)
{
    window->Update();
    Settle();
    const wxRect rect = window->GetScreenRect();
    wxBitmap bitmap(rect.width, rect.height);
    {
        wxScreenDC screen;
        wxMemoryDC memory(bitmap);
        memory.Blit(0, 0, rect.width, rect.height, &screen, rect.x, rect.y);
    }
    const char* suffix = std::getenv("COSCORE_SHOT_SUFFIX");
    const std::string path = std::string(COSCORE_SCREENSHOT_DIR) + "/" + name +
                             (suffix != nullptr ? suffix : "") + ".png";
    bitmap.SaveFile(path, wxBITMAP_TYPE_PNG);
    return path;
}

} // namespace coscore::test
