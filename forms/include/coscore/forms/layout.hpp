// SPDX-License-Identifier: MIT
// The tiny layout kit every window is built with (STYLE.md §6): spacing from the font, wrapping
// text that follows the text size, labelled fields, accessible names and native lists.
#pragma once

#include <wx/sizer.h>
#include <wx/string.h>
#include <wx/variant.h>
#include <wx/vector.h>

#include <functional>
#include <initializer_list>
#include <vector>

class wxDataViewListCtrl;
class wxFlexGridSizer;
class wxStaticBox;
class wxStaticText;
class wxWindow;

namespace coscore::forms
{

/// The ordinary gap between controls (8 DIPs).
int Gap(const wxWindow* window);
/// The gap between groups and around a page (16 DIPs).
int BigGap(const wxWindow* window);

/// Static text that wraps to the width it is given, and wraps again when the window or the
/// text size changes (no fixed pixel width). `text` is shown as is: never a mnemonic.
wxStaticText* MakeText(wxWindow* parent, const wxString& text);
/// A bold heading, `scale` times the ordinary size, wrapping like MakeText.
wxStaticText* MakeHeading(wxWindow* parent, const wxString& text, double scale = 1.3);

/// Keeps the label of a static text, radio button or check box wrapped to the control's width.
/// The label is plain text (no mnemonic).
void KeepWrapped(wxWindow* control, const wxString& label);
/// Changes the text of a control made by MakeText/MakeHeading or passed to KeepWrapped.
void SetWrappedLabel(wxWindow* control, const wxString& label);
/// Wraps every kept-wrapped label below `root` again, now, at its current width (after the
/// fonts or the layout changed).
void RewrapAll(wxWindow* root);
/// Lays out `root` and every window inside it, outside in (after fonts changed, or when a
/// hidden page is shown: GTK cannot measure text it does not show).
void LayOutAll(wxWindow* root);
/// Sizes a dialog or small window to about `chars` characters wide and as tall as its wrapped
/// text then needs: readable at any text size.
void FitReadable(wxWindow* top, int chars = 70);

/// Makes the title of a group box bold, and nothing inside it.
void BoldenTitle(wxStaticBox* frame);

/// Sets the name a screen reader reads for a control with no visible label of its own.
void SetAccessibleName(wxWindow* control, const wxString& name);

/// Makes `label` the visible label of `control` for screen readers (LABELLED_BY / LABEL_FOR).
/// wx links a static text to the control created just after it by itself, so a text that is
/// not a label (a paragraph, a count) must be created after the control it stands above.
void LinkLabel(wxStaticText* label, wxWindow* control);

struct ListColumn
{
    wxString title;
    bool right_aligned = false;
};

/// A native list (a GTK tree view: a real table for screen readers) with the given columns,
/// one row selectable, its accessible name set.
wxDataViewListCtrl* MakeList(wxWindow* parent, const wxString& accessible_name,
                             std::initializer_list<ListColumn> columns);

/// One row of a list: its cells (text) and the number it carries (a key).
struct ListRow
{
    wxVector<wxVariant> cells;
    wxUIntPtr data = 0;
};

/// Replaces every row of a list made by MakeList in one step. wxGTK keeps the view in step with
/// each row appended, at a cost that grows with the rows already there: 50,000 bids took ten
/// seconds. The rows go into a new store no view watches yet; the list then takes it whole.
void ReplaceRows(wxDataViewListCtrl* list, const std::vector<ListRow>& rows);

/// A two-column form: each row is a label created just before its control, so that the label
/// names the control for screen readers and its mnemonic (Alt+letter) focuses it.
class FormGrid
{
public:
    explicit FormGrid(wxWindow* parent);
    /// Adds "label" and the control `make(parent)` creates; returns the control.
    template <typename Control>
    Control* Add(const wxString& label, const std::function<Control*(wxWindow*)>& make)
    {
        wxStaticText* text = AddLabel(label);
        Control* control = make(m_parent);
        AddControl(text, control);
        return control;
    }
    /// A control with no label of its own (a check box), in the second column.
    void AddUnlabelled(wxWindow* control);
    wxFlexGridSizer* GetSizer() { return m_sizer; }

private:
    wxStaticText* AddLabel(const wxString& label);
    void AddControl(wxStaticText* label, wxWindow* control);

    wxWindow* m_parent;
    wxFlexGridSizer* m_sizer;
};

} // namespace coscore::forms
