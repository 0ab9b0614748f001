// SPDX-License-Identifier: MIT
#include <coscore/forms/layout.hpp>
#include <coscore/forms/text_scale.hpp>

#include <wx/font.h>
#include <wx/settings.h>
#include <wx/window.h>

#include <array>
#include <cmath>

namespace coscore::forms
{

void ScaleFonts(wxWindow* root, double factor)
{
    if (std::abs(factor - 1.0) < 1e-6)
    {
        return;
    }
    wxFont font = root->GetFont();
    if (font.IsOk())
    {
        font.SetFractionalPointSize(font.GetFractionalPointSize() * factor);
        // SetOwnFont: children must not inherit a font they are about to be scaled again from.
        root->SetOwnFont(font);
    }
    for (wxWindow* child : root->GetChildren())
    {
        if (!child->IsTopLevel())
        {
            ScaleFonts(child, factor);
        }
    }
    root->InvalidateBestSize();
}

double TextScaleOf(const wxWindow* window)
{
    const double system =
        wxSystemSettings::GetFont(wxSYS_DEFAULT_GUI_FONT).GetFractionalPointSize();
    return system > 0 ? window->GetFont().GetFractionalPointSize() / system : 1.0;
}

void MatchTextSize(wxWindow* dialog, const wxWindow* parent)
{
    if (parent == nullptr)
    {
        return;
    }
    ScaleFonts(dialog, TextScaleOf(parent));
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
