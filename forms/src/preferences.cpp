// SPDX-License-Identifier: MIT
#include <coscore/forms/layout.hpp>
#include <coscore/forms/preferences.hpp>
#include <coscore/forms/text_scale.hpp>

#include <wx/app.h>
#include <wx/choice.h>
#include <wx/combobox.h>
#include <wx/config.h>
#include <wx/filename.h>
#include <wx/filepicker.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/stdpaths.h>
#include <wx/utils.h>

#include <array>
#include <cmath>

namespace coscore::forms
{

namespace
{

constexpr std::array<int, 7> kTextSizes{100, 125, 150, 175, 200, 250, 300};

} // namespace

wxString UserDataFolder()
{
#if defined(__UNIX__) && !defined(__APPLE__)
    // wx's XDG layout moves only the settings file; data follows the XDG rules here too.
    wxString base;
    if (!wxGetEnv("XDG_DATA_HOME", &base) || base.empty())
    {
        base = wxFileName::GetHomeDir() + "/.local/share";
    }
    return wxFileName(base, wxTheApp->GetAppName()).GetFullPath();
#else
    return wxStandardPaths::Get().GetUserLocalDataDir();
#endif
}

wxString DefaultBackupFolder()
{
    wxFileName folder = wxFileName::DirName(UserDataFolder());
    folder.AppendDir("backups");
    return folder.GetPath();
}

Preferences LoadPreferences()
{
    Preferences p;
    wxConfigBase* config = wxConfigBase::Get();
    p.text_scale = config->ReadDouble("/View/TextScale", 1.0);
    if (!(p.text_scale >= 1.0 && p.text_scale <= 3.0))
    {
        p.text_scale = 1.0;
    }
    p.backup_folder = config->Read("/Backups/Folder", DefaultBackupFolder());
    return p;
}

void SavePreferences(const Preferences& preferences)
{
    wxConfigBase* config = wxConfigBase::Get();
    config->Write("/View/TextScale", preferences.text_scale);
    config->Write("/Backups/Folder", preferences.backup_folder);
    config->Flush();
}

PreferencesDialog::PreferencesDialog(wxWindow* parent, const Preferences& preferences,
                                     const wxString& marking, bool marking_read_only)
    : wxDialog(parent, wxID_ANY, _("Preferences"), wxDefaultPosition, wxDefaultSize,
               wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER)
{
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    FormGrid grid(this);
    m_text_size = grid.Add<wxChoice>(_("&Text size:"),
                                     [](wxWindow* p)
                                     {
                                         auto* choice = new wxChoice(p, wxID_ANY);
                                         for (int size : kTextSizes)
                                         {
                                             choice->Append(wxString::Format("%d%%", size));
                                         }
                                         return choice;
                                     });
    grid.AddUnlabelled(MakeText(this, _("Ctrl and + or - change it at any time.")));
    m_marking = grid.Add<wxComboBox>(
        _("Protective &marking on this round's exports:"),
        [](wxWindow* p)
        {
            const wxString choices[] = {wxString(), "OFFICIAL", "OFFICIAL-SENSITIVE"};
            return new wxComboBox(p, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize, 3,
                                  choices);
        });
    m_marking->Enable(!marking_read_only);
    grid.AddUnlabelled(
        MakeText(this, _("Printed at the top and bottom of every spreadsheet exported "
                         "from this round. Leave it empty for none.")));
    m_backups = grid.Add<wxDirPickerCtrl>(
        _("&Backups folder:"), [](wxWindow* p)
        { return new wxDirPickerCtrl(p, wxID_ANY, wxString(), _("Choose the backups folder")); });
    grid.AddUnlabelled(
        MakeText(this, _("CoScore keeps the ten newest backups of each round here, "
                         "written every ten minutes while you work and when you close.")));
    sizer->Add(grid.GetSizer(), wxSizerFlags(1).Expand().Border(wxALL, BigGap(this)));
    sizer->Add(CreateStdDialogButtonSizer(wxOK | wxCANCEL),
               wxSizerFlags().Expand().Border(wxALL, Gap(this)));
    SetSizer(sizer);
    FitReadable(this, 60);
    SetTextScale(preferences.text_scale);
    SetMarking(marking);
    SetBackupFolder(preferences.backup_folder);
}

void PreferencesDialog::SetTextScale(double scale)
{
    int best = 0;
    for (std::size_t i = 0; i < kTextSizes.size(); ++i)
    {
        if (std::abs(kTextSizes[i] - scale * 100) <
            std::abs(kTextSizes[static_cast<std::size_t>(best)] - scale * 100))
        {
            best = static_cast<int>(i);
        }
    }
    m_text_size->SetSelection(best);
}

void PreferencesDialog::SetMarking(const wxString& marking)
{
    m_marking->SetValue(marking);
}

void PreferencesDialog::SetBackupFolder(const wxString& folder)
{
    m_backups->SetPath(folder);
}

EditedPreferences PreferencesDialog::GetValues() const
{
    EditedPreferences values;
    const int index = std::max(0, m_text_size->GetSelection());
    values.preferences.text_scale = kTextSizes[static_cast<std::size_t>(index)] / 100.0;
    values.preferences.backup_folder = m_backups->GetPath();
    if (values.preferences.backup_folder.empty())
    {
        values.preferences.backup_folder = DefaultBackupFolder();
    }
    values.marking = m_marking->GetValue().Strip(wxString::both);
    return values;
}

std::optional<EditedPreferences> EditPreferences(wxWindow* parent, const Preferences& preferences,
                                                 const wxString& marking, bool marking_read_only)
{
    PreferencesDialog dialog(parent, preferences, marking, marking_read_only);
    MatchTextSize(&dialog, parent);
    if (dialog.ShowModal() != wxID_OK)
    {
        return std::nullopt;
    }
    return dialog.GetValues();
}

} // namespace coscore::forms
