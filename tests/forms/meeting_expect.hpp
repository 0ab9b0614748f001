// SPDX-License-Identifier: MIT
// wxTEST_DIALOG expectations for the meeting's dialogs: each fills the dialog as a chair would,
// then accepts it only if the dialog's own validation does (as its OK button would).
#pragma once

#include "gui_support.hpp"

#include <wx/dialog.h>

#include <functional>

namespace coscore::test
{

/// Expects a modal dialog of type T: fills it with `fill`, then answers OK if it validates.
template <typename T>
ExpectDialog<T> Fill(std::function<void(T&)> fill)
{
    return ExpectDialog<T>(
        [fill = std::move(fill)](T* dialog)
        {
            // wxTEST_DIALOG answers before ShowModal() would fill the controls.
            dialog->TransferDataToWindow();
            fill(*dialog);
            return dialog->Validate() && dialog->TransferDataFromWindow() ? wxID_OK : wxID_CANCEL;
        });
}

} // namespace coscore::test
