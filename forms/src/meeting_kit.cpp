// SPDX-License-Identifier: MIT
#include "meeting_kit.hpp"

#include <coscore/forms/layout.hpp>

#include <wx/button.h>
#include <wx/dcbuffer.h>
#include <wx/settings.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

namespace coscore::forms
{

void AddBlock(wxSizer* sizer, wxWindow* block)
{
    sizer->Add(block, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT | wxTOP, BigGap(block)));
}

wxStaticText* AddProblemText(wxWindow* dialog, wxSizer* sizer)
{
    wxStaticText* line = MakeText(dialog, wxString());
    line->SetFont(line->GetFont().Bold());
    AddBlock(sizer, line);
    return line;
}

bool ShowProblem(wxStaticText* line, const wxString& problem, wxWindow* focus)
{
    SetWrappedLabel(line, problem);
    focus->SetFocus();
    line->GetParent()->Layout();
    return false;
}

void AddOkCancel(wxDialog* dialog, wxSizer* sizer, const wxString& ok_label)
{
    sizer->Add(dialog->CreateStdDialogButtonSizer(wxOK | wxCANCEL),
               wxSizerFlags().Expand().Border(wxALL, Gap(dialog)));
    if (auto* ok = dynamic_cast<wxButton*>(dialog->FindWindow(wxID_OK)))
    {
        ok->SetLabel(ok_label);
    }
}

PictureWindow::PictureWindow(wxWindow* parent) : wxWindow(parent, wxID_ANY)
{
    SetBackgroundStyle(wxBG_STYLE_PAINT);
    Bind(wxEVT_PAINT,
         [this](wxPaintEvent&)
         {
             wxAutoBufferedPaintDC dc(this);
             dc.SetBackground(wxBrush(wxSystemSettings::GetColour(wxSYS_COLOUR_WINDOW)));
             dc.Clear();
             dc.SetFont(GetFont());
             dc.SetTextForeground(wxSystemSettings::GetColour(wxSYS_COLOUR_WINDOWTEXT));
             Draw(dc, GetClientSize());
         });
    Bind(wxEVT_SIZE,
         [this](wxSizeEvent& event)
         {
             Refresh();
             event.Skip();
         });
}

} // namespace coscore::forms
