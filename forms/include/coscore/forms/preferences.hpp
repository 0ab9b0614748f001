// SPDX-License-Identifier: MIT
// Preferences (PRODUCT.md §5): the text size and the backup folder, kept in the user's settings
// (wxConfig); and the protective marking of the open round's exports, kept in the round.
#pragma once

#include <wx/dialog.h>
#include <wx/string.h>

#include <optional>

class wxChoice;
class wxComboBox;
class wxDirPickerCtrl;

namespace coscore::forms
{

struct Preferences
{
    double text_scale = 1.0; ///< 1.0 = the system's text size
    wxString backup_folder;  ///< rotated backups of every round go here
};

/// CoScore's own folder for the user's data (the demo round, backups): $XDG_DATA_HOME/coscore
/// (~/.local/share/coscore) on Linux, the platform's local data folder elsewhere.
wxString UserDataFolder();
/// The folder backups go to unless the user chose another.
wxString DefaultBackupFolder();
/// Reads the preferences (defaults for anything not set yet).
Preferences LoadPreferences();
void SavePreferences(const Preferences& preferences);

struct EditedPreferences
{
    Preferences preferences;
    wxString marking; ///< the round's protective marking; empty for none
};

class PreferencesDialog : public wxDialog
{
public:
    PreferencesDialog(wxWindow* parent, const Preferences& preferences, const wxString& marking,
                      bool marking_read_only);
    EditedPreferences GetValues() const;
    void SetTextScale(double scale);
    void SetMarking(const wxString& marking);
    void SetBackupFolder(const wxString& folder);

private:
    wxChoice* m_text_size = nullptr;
    wxComboBox* m_marking = nullptr;
    wxDirPickerCtrl* m_backups = nullptr;
};

/// Shows the preferences; empty when cancelled.
std::optional<EditedPreferences> EditPreferences(wxWindow* parent, const Preferences& preferences,
                                                 const wxString& marking, bool marking_read_only);

} // namespace coscore::forms
