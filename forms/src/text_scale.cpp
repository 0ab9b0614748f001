// SPDX-License-Identifier: MIT
#include <coscore/forms/layout.hpp>
#include <coscore/forms/text_scale.hpp>

#include <wx/bookctrl.h>
#include <wx/font.h>
#include <wx/panel.h>
#include <wx/toplevel.h>
#include <wx/window.h>

#ifdef __WXGTK__
#include <gtk/gtk.h>
#endif

#include <array>
#include <cmath>
#include <map>

namespace coscore::forms
{

namespace
{

// Panels and books only hold other windows. Giving one a font would pass it on to everything
// inside through GTK's style inheritance, and the windows inside would then be scaled twice.
bool IsContainer(const wxWindow* window)
{
    return dynamic_cast<const wxPanel*>(window) != nullptr ||
           dynamic_cast<const wxBookCtrlBase*>(window) != nullptr || window->IsTopLevel();
}

#ifdef __WXGTK__
// A notebook's tab titles are labels of their own, outside the pages.
void ScaleTabTitles(wxBookCtrlBase* book, double factor)
{
    GtkWidget* notebook = book->GetHandle();
    if (!GTK_IS_NOTEBOOK(notebook))
    {
        return;
    }
    for (size_t i = 0; i < book->GetPageCount(); ++i)
    {
        GtkWidget* title =
            gtk_notebook_get_tab_label(GTK_NOTEBOOK(notebook), book->GetPage(i)->GetHandle());
        if (title == nullptr)
        {
            continue;
        }
        PangoFontDescription* font = nullptr;
        gtk_style_context_get(gtk_widget_get_style_context(title), GTK_STATE_FLAG_NORMAL, "font",
                              &font, nullptr);
        if (font == nullptr)
        {
            continue;
        }
        pango_font_description_set_size(
            font, static_cast<gint>(pango_font_description_get_size(font) * factor));
        G_GNUC_BEGIN_IGNORE_DEPRECATIONS
        gtk_widget_override_font(title, font);
        G_GNUC_END_IGNORE_DEPRECATIONS
        pango_font_description_free(font);
    }
}
#endif

} // namespace

void ScaleFonts(wxWindow* root, double factor)
{
    if (std::abs(factor - 1.0) < 1e-6)
    {
        return;
    }
    // Children first: each is read at its own size before anything above it changes.
    for (wxWindow* child : root->GetChildren())
    {
        if (!child->IsTopLevel())
        {
            ScaleFonts(child, factor);
        }
    }
#ifdef __WXGTK__
    if (auto* book = dynamic_cast<wxBookCtrlBase*>(root))
    {
        ScaleTabTitles(book, factor);
    }
#endif
    if (IsContainer(root))
    {
        return;
    }
    wxFont font = root->GetFont();
    if (font.IsOk())
    {
        font.SetFractionalPointSize(font.GetFractionalPointSize() * factor);
        root->SetOwnFont(font);
    }
    root->InvalidateBestSize();
}

namespace
{

std::map<const wxWindow*, double>& Scales()
{
    static std::map<const wxWindow*, double> scales;
    return scales;
}

} // namespace

void RememberTextScale(const wxWindow* top, double scale)
{
    if (std::abs(scale - 1.0) < 1e-6)
    {
        Scales().erase(top);
    }
    else
    {
        Scales()[top] = scale;
    }
}

double TextScaleOf(const wxWindow* window)
{
    const wxWindow* top = wxGetTopLevelParent(const_cast<wxWindow*>(window));
    const auto it = Scales().find(top);
    return it == Scales().end() ? 1.0 : it->second;
}

void MatchTextSize(wxWindow* dialog, const wxWindow* parent)
{
    if (parent == nullptr)
    {
        return;
    }
    const double scale = TextScaleOf(parent);
    ScaleFonts(dialog, scale);
    RememberTextScale(dialog, scale);
    dialog->Bind(wxEVT_DESTROY,
                 [dialog](wxWindowDestroyEvent& event)
                 {
                     if (event.GetEventObject() == dialog)
                     {
                         RememberTextScale(dialog, 1.0);
                     }
                     event.Skip();
                 });
    FitReadable(dialog);
}

double NextTextScale(double scale, int direction)
{
    static constexpr std::array<double, 7> kSteps{1.0, 1.25, 1.5, 1.75, 2.0, 2.5, 3.0};
    if (direction > 0)
    {
        for (double step : kSteps)
        {
            if (step > scale + 1e-6)
            {
                return step;
            }
        }
        return kSteps.back();
    }
    for (auto it = kSteps.rbegin(); it != kSteps.rend(); ++it)
    {
        if (*it < scale - 1e-6)
        {
            return *it;
        }
    }
    return kSteps.front();
}

} // namespace coscore::forms
