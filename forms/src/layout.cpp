// SPDX-License-Identifier: MIT
#include <coscore/forms/layout.hpp>
#include <coscore/forms/text_scale.hpp>

#include <wx/control.h>
#include <wx/dataview.h>
#include <wx/dialog.h>
#include <wx/display.h>
#include <wx/scrolwin.h>
#include <wx/sizer.h>
#include <wx/statbox.h>
#include <wx/stattext.h>
#include <wx/textwrapper.h>
#include <wx/window.h>

#ifdef __WXGTK__
#include <gtk/gtk.h>
#endif

#include <algorithm>
#include <map>
#include <vector>

#ifdef __WXGTK__
#include <gtk/gtk.h>
#endif

namespace coscore::forms
{

namespace
{

#ifdef __WXGTK__
// The widget that takes focus and speaks for the control: the tree view inside a data view,
// the text view inside a multi-line text's scrolled window.
GtkWidget* FocusWidget(wxWindow* control)
{
    if (auto* list = dynamic_cast<wxDataViewCtrl*>(control))
    {
        return list->GtkGetTreeView();
    }
    return control->GetConnectWidget();
}

GtkLabel* LabelOf(wxWindow* control)
{
    GtkWidget* widget = control->GetHandle();
    if (GTK_IS_LABEL(widget))
    {
        return GTK_LABEL(widget);
    }
    if (GTK_IS_BIN(widget))
    {
        GtkWidget* child = gtk_bin_get_child(GTK_BIN(widget));
        if (child != nullptr && GTK_IS_LABEL(child))
        {
            return GTK_LABEL(child);
        }
    }
    return nullptr;
}
#endif

} // namespace

int Gap(const wxWindow* window)
{
    return window->FromDIP(8);
}

int BigGap(const wxWindow* window)
{
    return window->FromDIP(16);
}

namespace
{

// The text of a kept-wrapped label, and the width and font size it was last wrapped for.
struct WrapState
{
    wxString text;
    int width = -1;
    double points = 0;
};

std::map<wxWindow*, WrapState>& WrappedLabels()
{
    static std::map<wxWindow*, WrapState> labels;
    return labels;
}

class LineJoiner : public wxTextWrapper
{
public:
    wxString text;

protected:
    void OnOutputLine(const wxString& line) override { text += line; }
    void OnNewLine() override { text += '\n'; }
};

wxString LongestLine(const wxString& text)
{
    wxString longest;
    for (const wxString& line : wxSplit(text, '\n', '\0'))
    {
        longest = line.length() > longest.length() ? line : longest;
    }
    return longest;
}

void Rewrap(wxWindow* control, WrapState& state, bool force)
{
    const int width = control->GetSize().x;
    const double points = control->GetFont().GetFractionalPointSize();
    if (width <= 1 || (!force && width == state.width && points == state.points))
    {
        return;
    }
    state.width = width;
    state.points = points;
    // A radio button or check box spends some width on its indicator.
    const wxString shown = wxControl::RemoveMnemonics(control->GetLabel());
    const int indicator =
        std::max(0, control->GetBestSize().x - control->GetTextExtent(LongestLine(shown)).x);
    LineJoiner joiner;
    // A character's width to spare: GTK and wx measure text a little differently.
    joiner.Wrap(control, state.text,
                std::max(control->FromDIP(60), width - indicator - control->GetCharWidth()));
    if (joiner.text == shown)
    {
        return;
    }
    control->SetLabel(wxControl::EscapeMnemonics(joiner.text));
    control->InvalidateBestSize();
    // The new height must reach the sizers, and a scrolled page must learn its new length; a
    // dialog grows to show it all.
    for (wxWindow* parent = control->GetParent(); parent != nullptr; parent = parent->GetParent())
    {
        parent->Layout();
        if (auto* scrolled = dynamic_cast<wxScrolledWindow*>(parent))
        {
            scrolled->FitInside();
            break;
        }
        if (parent->IsTopLevel())
        {
            if (dynamic_cast<wxDialog*>(parent) != nullptr && parent->GetSizer() != nullptr &&
                parent->GetSizer()->GetMinSize().y > parent->GetClientSize().y)
            {
                parent->Fit();
            }
            break;
        }
    }
}

} // namespace

void KeepWrapped(wxWindow* control, const wxString& label)
{
    WrappedLabels()[control] = WrapState{label, -1, 0};
    control->SetLabel(wxControl::EscapeMnemonics(label));
    // Let the sizer give it the width there is, not the width of one long line.
    control->SetMinSize(wxSize(control->FromDIP(120), -1));
    // Checked when idle rather than on size events: GTK does not send every native control a
    // size event when its parent's layout changes, and a wrap must follow every change.
    control->Bind(wxEVT_IDLE,
                  [control](wxIdleEvent& event)
                  {
                      event.Skip();
                      const auto it = WrappedLabels().find(control);
                      if (it != WrappedLabels().end() && control->IsShownOnScreen())
                      {
                          Rewrap(control, it->second, false);
                      }
                  });
    control->Bind(wxEVT_DESTROY,
                  [control](wxWindowDestroyEvent& event)
                  {
                      if (event.GetEventObject() == control)
                      {
                          WrappedLabels().erase(control);
                      }
                      event.Skip();
                  });
}

void SetWrappedLabel(wxWindow* control, const wxString& label)
{
    const auto it = WrappedLabels().find(control);
    if (it == WrappedLabels().end())
    {
        KeepWrapped(control, label);
        return;
    }
    if (it->second.text == label)
    {
        return;
    }
    it->second.text = label;
    control->SetLabel(wxControl::EscapeMnemonics(label));
    control->InvalidateBestSize();
    Rewrap(control, it->second, true);
}

void RewrapAll(wxWindow* root)
{
    // Rewrapping lays parents out again, which may add or remove entries: copy first.
    std::vector<wxWindow*> below;
    for (const auto& [control, state] : WrappedLabels())
    {
        for (wxWindow* w = control; w != nullptr; w = w->GetParent())
        {
            if (w == root)
            {
                below.push_back(control);
                break;
            }
        }
    }
    for (wxWindow* control : below)
    {
        const auto it = WrappedLabels().find(control);
        if (it != WrappedLabels().end())
        {
            Rewrap(control, it->second, true);
        }
    }
}

void LayOutAll(wxWindow* root)
{
    root->Layout();
    if (auto* scrolled = dynamic_cast<wxScrolledWindow*>(root))
    {
        scrolled->FitInside();
    }
    for (wxWindow* child : root->GetChildren())
    {
        if (!child->IsTopLevel())
        {
            LayOutAll(child);
        }
    }
}

namespace
{

// A dialog larger than the screen (large text on a small screen) gets wx's own layout
// adaptation: its contents move into a scrolled window and its buttons stay in sight.
void FitOnScreen(wxWindow* top)
{
    auto* dialog = dynamic_cast<wxDialog*>(top);
    if (dialog == nullptr)
    {
        return;
    }
    if (!dialog->GetLayoutAdaptationDone())
    {
        dialog->SetLayoutAdaptationMode(wxDIALOG_ADAPTATION_MODE_ENABLED);
        if (dialog->CanDoLayoutAdaptation())
        {
            dialog->DoLayoutAdaptation();
        }
    }
    // Centred over a tall main window, a tall dialog can still hang off the bottom of the
    // screen: move it up (and left) until all of it, buttons included, is in the work area.
    const wxRect area = wxDisplay(dialog).GetClientArea();
    const wxRect rect = dialog->GetScreenRect();
    if (!area.Contains(rect))
    {
        dialog->Move(std::max(area.x, std::min(rect.x, area.GetRight() - rect.width + 1)),
                     std::max(area.y, std::min(rect.y, area.GetBottom() - rect.height + 1)));
    }
}

} // namespace

void FitReadable(wxWindow* top, int chars)
{
    // The window's own font is the system's; its text may be shown larger (Ctrl +).
    const double scale = TextScaleOf(top);
    top->SetMinClientSize(wxSize(static_cast<int>(top->GetCharWidth() * chars * scale), -1));
    // Wrapping changes heights, and heights change the room for wrapping: settle in two passes.
    for (int pass = 0; pass < 2; ++pass)
    {
        top->Fit();
        LayOutAll(top);
        RewrapAll(top);
    }
    top->Fit();
    // GTK measures text in its final style only once it is shown: measure again then, and
    // only then make it fit the screen (its text size is final by then).
    top->Bind(
        wxEVT_SHOW,
        [top](wxShowEvent& event)
        {
            event.Skip();
            if (event.IsShown())
            {
                top->CallAfter(
                    [top]
                    {
                        LayOutAll(top);
                        RewrapAll(top);
                        const wxSize need = top->GetSizer() != nullptr
                                                ? top->GetSizer()->GetMinSize()
                                                : top->GetClientSize();
                        // A dialog already moved into a scrolled window keeps its
                        // size: fitting it again would shrink it to the scroller's.
                        const auto* dialog = dynamic_cast<wxDialog*>(top);
                        const bool adapted = dialog != nullptr && dialog->GetLayoutAdaptationDone();
                        if (adapted)
                        {
                            return;
                        }
                        if (need.y > top->GetClientSize().y || need.x > top->GetClientSize().x)
                        {
                            top->Fit();
                        }
                        FitOnScreen(top);
                    });
            }
        });
}

wxStaticText* MakeText(wxWindow* parent, const wxString& text)
{
    auto* label = new wxStaticText(parent, wxID_ANY, wxString());
    KeepWrapped(label, text);
    return label;
}

wxStaticText* MakeHeading(wxWindow* parent, const wxString& text, double scale)
{
    auto* heading = new wxStaticText(parent, wxID_ANY, wxString());
    heading->SetFont(heading->GetFont().Scaled(static_cast<float>(scale)).Bold());
    KeepWrapped(heading, text);
    return heading;
}

void SetAccessibleName(wxWindow* control, const wxString& name)
{
#ifdef __WXGTK__
    AtkObject* accessible = gtk_widget_get_accessible(FocusWidget(control));
    atk_object_set_name(accessible, name.utf8_str());
#endif
    control->SetName(name);
}

void LinkLabel(wxStaticText* label, wxWindow* control)
{
#ifdef __WXGTK__
    if (GtkLabel* gtk_label = LabelOf(label))
    {
        gtk_label_set_mnemonic_widget(gtk_label, FocusWidget(control));
    }
#else
    (void)label;
    (void)control;
#endif
}

wxDataViewListCtrl* MakeList(wxWindow* parent, const wxString& accessible_name,
                             std::initializer_list<ListColumn> columns)
{
    auto* list = new wxDataViewListCtrl(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                                        wxDV_ROW_LINES | wxDV_SINGLE | wxDV_VERT_RULES);
    for (const ListColumn& column : columns)
    {
        list->AppendTextColumn(column.title, wxDATAVIEW_CELL_INERT, wxCOL_WIDTH_AUTOSIZE,
                               column.right_aligned ? wxALIGN_RIGHT : wxALIGN_LEFT,
                               wxDATAVIEW_COL_RESIZABLE);
    }
    // Small enough to leave room beside it at large text; the columns scroll if need be.
    list->SetMinSize(list->FromDIP(wxSize(240, 160)));
    SetAccessibleName(list, accessible_name);
    return list;
}

void ReplaceRows(wxDataViewListCtrl* list, const std::vector<ListRow>& rows)
{
    auto* store = new wxDataViewListStore();
    for (unsigned c = 0; c < list->GetColumnCount(); ++c)
    {
        store->AppendColumn("string"); // MakeList's columns are all text
    }
    for (const ListRow& row : rows)
    {
        store->AppendItem(row.cells, row.data);
    }
    list->AssociateModel(store);
    store->DecRef(); // the list holds it now
    // An autosized column makes GTK measure every row, in the background, for as long as the
    // list is shown: seconds for 50,000 rows. Past this many rows each column is as wide as its
    // heading and its first rows need, measured once.
    constexpr std::size_t kMeasuredRows = 500;
#ifdef __WXGTK__
    gtk_tree_view_set_fixed_height_mode(GTK_TREE_VIEW(list->GtkGetTreeView()), FALSE);
#endif
    for (unsigned c = 0; c < list->GetColumnCount(); ++c)
    {
        wxDataViewColumn* column = list->GetColumn(c);
        if (rows.size() <= kMeasuredRows)
        {
            column->SetWidth(wxCOL_WIDTH_AUTOSIZE);
            continue;
        }
        std::size_t chars = column->GetTitle().length();
        for (std::size_t r = 0; r < kMeasuredRows; ++r)
        {
            if (c < rows[r].cells.size())
            {
                chars = std::max(chars, rows[r].cells[c].GetString().length());
            }
        }
        column->SetWidth(list->GetCharWidth() * static_cast<int>(chars + 2));
    }
#ifdef __WXGTK__
    // With every column of a fixed width, GTK can also take every row as one line high instead
    // of measuring each in the background (which holds up other idle work, such as closing a
    // dialog, for seconds). GTK allows the mode only while every column has a fixed width.
    if (rows.size() > kMeasuredRows)
    {
        gtk_tree_view_set_fixed_height_mode(GTK_TREE_VIEW(list->GtkGetTreeView()), TRUE);
    }
#endif
}

FormGrid::FormGrid(wxWindow* parent)
    : m_parent(parent), m_sizer(new wxFlexGridSizer(2, Gap(parent), BigGap(parent)))
{
    m_sizer->AddGrowableCol(1, 1);
}

wxStaticText* FormGrid::AddLabel(const wxString& label)
{
    auto* text = new wxStaticText(m_parent, wxID_ANY, label);
    m_sizer->Add(text, wxSizerFlags().Right().Top().Border(wxTOP, m_parent->FromDIP(4)));
    return text;
}

void FormGrid::AddControl(wxStaticText* label, wxWindow* control)
{
    LinkLabel(label, control);
    // The label's words also name the control for code (tests find fields by them).
    wxString name = label->GetLabelText();
    name.EndsWith(":", &name);
    control->SetName(name);
    m_sizer->Add(control, wxSizerFlags().Expand());
}

void FormGrid::AddUnlabelled(wxWindow* control)
{
    m_sizer->AddSpacer(0);
    m_sizer->Add(control, wxSizerFlags().Expand());
}

void BoldenTitle(wxStaticBox* frame)
{
#ifdef __WXGTK__
    // A font set on a GTK frame is inherited by everything inside it, so only the title's own
    // label is made bold: the choices and guidance below keep the ordinary weight.
    GtkWidget* title = gtk_frame_get_label_widget(GTK_FRAME(frame->GetHandle()));
    if (title != nullptr && GTK_IS_LABEL(title))
    {
        PangoAttrList* attributes = pango_attr_list_new();
        pango_attr_list_insert(attributes, pango_attr_weight_new(PANGO_WEIGHT_BOLD));
        gtk_label_set_attributes(GTK_LABEL(title), attributes);
        pango_attr_list_unref(attributes);
        frame->InvalidateBestSize();
    }
#else
    frame->SetOwnFont(frame->GetFont().Bold());
#endif
}

} // namespace coscore::forms
