// SPDX-License-Identifier: MIT
// Undo and redo of edits (wxCommandProcessor): each step runs a Workspace command, so an undo is
// a new command with its own audit entry, never a rollback of history.
#pragma once

#include <coscore/core/workspace.hpp>

#include <wx/cmdproc.h>

#include <functional>

class wxMenu;

namespace coscore::forms
{

/// One step of an edit, run against the open round.
using EditStep = std::function<void(core::Workspace&)>;

/// A Workspace command as a wxCommand: Do runs `redo`, Undo runs `undo`, both as `actor`.
/// Errors are shown (wxLogError) and make the step fail, leaving the history where it was.
class WorkspaceCommand : public wxCommand
{
public:
    WorkspaceCommand(core::Workspace& workspace, core::Actor actor, const wxString& name,
                     EditStep redo, EditStep undo);
    bool Do() override;
    bool Undo() override;

private:
    bool Run(const EditStep& step);

    core::Workspace& m_workspace;
    core::Actor m_actor;
    EditStep m_redo;
    EditStep m_undo;
};

/// The undo history of one open round.
class CommandHistory
{
public:
    explicit CommandHistory(core::Workspace& workspace);

    /// Runs an edit; with an `undo` it joins the history. Returns false (the error shown) when
    /// the round refused it.
    bool Submit(const core::Actor& actor, const wxString& name, EditStep redo, EditStep undo = {});
    bool Undo();
    bool Redo();
    bool CanUndo() const { return m_processor.CanUndo(); }
    bool CanRedo() const { return m_processor.CanRedo(); }
    /// Keeps the Edit menu's Undo/Redo labels ("Undo Score: Local need") up to date.
    void SetEditMenu(wxMenu* menu);
    wxCommandProcessor& Processor() { return m_processor; }

private:
    core::Workspace& m_workspace;
    wxCommandProcessor m_processor;
};

} // namespace coscore::forms
