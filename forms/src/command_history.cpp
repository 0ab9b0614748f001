// SPDX-License-Identifier: MIT
#include <coscore/forms/command_history.hpp>
#include <coscore/forms/run_guarded.hpp>

#include <wx/menu.h>

namespace coscore::forms
{

WorkspaceCommand::WorkspaceCommand(core::Workspace& workspace, core::Actor actor,
                                   const wxString& name, EditStep redo, EditStep undo)
    : wxCommand(static_cast<bool>(undo), name), m_workspace(workspace), m_actor(std::move(actor)),
      m_redo(std::move(redo)), m_undo(std::move(undo))
{
}

bool WorkspaceCommand::Run(const EditStep& step)
{
    // The audit log names whoever acted: the member scoring, or the officer setting up.
    m_workspace.SetActor(m_actor);
    return RunGuarded(nullptr, [&] { step(m_workspace); });
}

bool WorkspaceCommand::Do()
{
    return Run(m_redo);
}

bool WorkspaceCommand::Undo()
{
    return m_undo && Run(m_undo);
}

CommandHistory::CommandHistory(core::Workspace& workspace)
    : m_workspace(workspace), m_processor(100)
{
}

bool CommandHistory::Submit(const core::Actor& actor, const wxString& name, EditStep redo,
                            EditStep undo)
{
    const bool undoable = static_cast<bool>(undo);
    // Submit deletes the command when Do fails, and when it cannot be undone.
    return m_processor.Submit(
        new WorkspaceCommand(m_workspace, actor, name, std::move(redo), std::move(undo)), undoable);
}

bool CommandHistory::Undo()
{
    return m_processor.Undo();
}

bool CommandHistory::Redo()
{
    return m_processor.Redo();
}

void CommandHistory::SetEditMenu(wxMenu* menu)
{
    m_processor.SetEditMenu(menu);
    m_processor.SetMenuStrings();
}

} // namespace coscore::forms
