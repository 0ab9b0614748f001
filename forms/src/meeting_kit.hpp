// SPDX-License-Identifier: MIT
// What the meeting's dialogs and pictures share: the inline problem line a dialog shows instead
// of a message box, the relabelled OK button, the modal "edit a copy" call, and a window that
// only draws a picture of figures said in text beside it.
#pragma once

#include <coscore/forms/text_scale.hpp>

#include <wx/dialog.h>
#include <wx/window.h>

#include <optional>
#include <type_traits>
#include <utility>

class wxDC;
class wxSizer;
class wxStaticText;

namespace coscore::forms
{

/// Adds a block (text, field, group) to a dialog's column: full width, spaced from the edges.
void AddBlock(wxSizer* sizer, wxWindow* block);
/// A bold line under a dialog's fields where its validation says what to fix.
wxStaticText* AddProblemText(wxWindow* dialog, wxSizer* sizer);
/// Shows `problem` in the dialog's problem line and puts the focus where the fix is; returns
/// false, for TransferDataFromWindow() to return.
bool ShowProblem(wxStaticText* line, const wxString& problem, wxWindow* focus);
/// Adds the standard OK and Cancel buttons, the OK one saying what it does.
void AddOkCancel(wxDialog* dialog, wxSizer* sizer, const wxString& ok_label);

/// Shows a dialog that edits a copy, modally at its parent's text size: its value when the
/// user accepts, nothing when they cancel. The caller runs the command.
template <typename Dialog, typename... Args>
auto EditModally(wxWindow* parent, Args&&... args)
    -> std::optional<std::decay_t<decltype(std::declval<Dialog&>().GetValue())>>
{
    Dialog dialog(parent, std::forward<Args>(args)...);
    MatchTextSize(&dialog, parent);
    if (dialog.ShowModal() != wxID_OK)
    {
        return std::nullopt;
    }
    return dialog.GetValue();
}

/// A window that draws a picture of figures that are also given as text beside it, repainted
/// when resized; its size follows the text size.
class PictureWindow : public wxWindow
{
public:
    explicit PictureWindow(wxWindow* parent);

protected:
    /// Draws the picture on a cleared background of the theme's window colour.
    virtual void Draw(wxDC& dc, const wxSize& size) = 0;
};

} // namespace coscore::forms
