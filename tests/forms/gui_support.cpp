// SPDX-License-Identifier: MIT
#include "gui_support.hpp"

#include <wx/app.h>
#include <wx/button.h>
#include <wx/checkbox.h>
#include <wx/display.h>
#include <wx/image.h>
#include <wx/radiobut.h>
#include <wx/scrolwin.h>
#include <wx/stattext.h>
#include <wx/stopwatch.h>
#include <wx/toplevel.h>
#include <wx/uiaction.h>
#include <wx/utils.h>
#include <wx/window.h>

#include <gdk/gdk.h>

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

std::vector<std::string> ClippedControls(wxWindow* root)
{
    std::vector<std::string> clipped;
    for (wxWindow* child : root->GetChildren())
    {
        if (!child->IsShownOnScreen() || child->IsTopLevel())
        {
            continue;
        }
        const bool has_text = dynamic_cast<wxStaticText*>(child) != nullptr ||
                              dynamic_cast<wxButton*>(child) != nullptr ||
                              dynamic_cast<wxRadioButton*>(child) != nullptr ||
                              dynamic_cast<wxCheckBox*>(child) != nullptr;
        const wxSize size = child->GetSize();
        const wxSize best = child->GetBestSize();
        // One pixel of slack: GTK rounds fractional font metrics either way.
        if (has_text && (size.x + 1 < best.x || size.y + 1 < best.y))
        {
            clipped.push_back(wxString(child->GetClassInfo()->GetClassName()).ToStdString() + " '" +
                              child->GetLabel().ToStdString(wxConvUTF8) + "' " +
                              std::to_string(size.x) + "x" + std::to_string(size.y) + " < " +
                              std::to_string(best.x) + "x" + std::to_string(best.y));
        }
        const auto below = ClippedControls(child);
        clipped.insert(clipped.end(), below.begin(), below.end());
    }
    return clipped;
}

std::string Screenshot(wxWindow* window, const std::string& name)
{
    window->Update();
    Settle();
    const wxRect rect = window->GetScreenRect();
    // Read the X server's own pixels: in one process, wxScreenDC on GTK 3 keeps returning the
    // first window it ever captured, so later windows would be photographed stale.
    GdkPixbuf* pixbuf = gdk_pixbuf_get_from_window(gdk_get_default_root_window(), rect.x, rect.y,
                                                   rect.width, rect.height);
    wxImage image(rect.width, rect.height);
    if (pixbuf != nullptr)
    {
        const int channels = gdk_pixbuf_get_n_channels(pixbuf);
        const int stride = gdk_pixbuf_get_rowstride(pixbuf);
        const guchar* pixels = gdk_pixbuf_get_pixels(pixbuf);
        for (int y = 0; y < rect.height; ++y)
        {
            for (int x = 0; x < rect.width; ++x)
            {
                const guchar* p = pixels + y * stride + x * channels;
                image.SetRGB(x, y, p[0], p[1], p[2]);
            }
        }
        g_object_unref(pixbuf);
    }
    const char* suffix = std::getenv("COSCORE_SHOT_SUFFIX");
    const std::string path = std::string(COSCORE_SCREENSHOT_DIR) + "/" + name +
                             (suffix != nullptr ? suffix : "") + ".png";
    image.SaveFile(path, wxBITMAP_TYPE_PNG);
    return path;
}

bool FitsOnScreen(const wxWindow* top)
{
    return wxDisplay(top).GetClientArea().Contains(top->GetScreenRect());
}

} // namespace coscore::test
