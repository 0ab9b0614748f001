// SPDX-License-Identifier: MIT
// One criterion as a panel member sees it: its question and guidance, then a native radio button
// per level labelled with the level and its descriptor, and "Not scored yet". The scoring page
// and the scoring-form editor's preview both use it, so the preview is exactly what members see.
#pragma once

#include <coscore/scoring/model.hpp>

#include <wx/panel.h>

#include <functional>
#include <optional>
#include <vector>

class wxRadioButton;

namespace coscore::forms
{

/// The label of a level's radio button: "3 — Good: the need is clear …", or "3" alone.
wxString LevelLabel(const scoring::LevelDescriptor& level);

class CriterionView : public wxPanel
{
public:
    /// `position` and `count` give "Question 2 of 5".
    CriterionView(wxWindow* parent, const scoring::Criterion& criterion, int position, int count);

    const scoring::Criterion& GetCriterion() const { return m_criterion; }
    /// Shows a value (or "Not scored yet") without reporting a change.
    void SetValue(std::optional<int> value);
    std::optional<int> GetValue() const;
    /// Picks a level as the member would and reports the change; false when not a level here.
    bool PickLevel(int level);
    /// Picks "Not scored yet" as the member would and reports the change.
    void PickNotScored();
    /// Called with the new value whenever the member picks one.
    void OnPicked(std::function<void(std::optional<int>)> handler) { m_on_picked = handler; }
    void SetEditable(bool editable);
    /// The level a digit key means here (`digit` 0–9), if any: on a 1–10 scale "0" means 10.
    std::optional<int> LevelForDigit(int digit) const;
    /// Whether `window` is one of this criterion's radio buttons.
    bool Owns(const wxWindow* window) const;
    /// Puts the keyboard focus on the chosen button, as Tab into the group would.
    void FocusChoice();
    wxRadioButton* GetLevelButton(int level) const;
    wxRadioButton* GetNotScoredButton() const { return m_not_scored; }

private:
    void Picked(std::optional<int> value);

    scoring::Criterion m_criterion;
    wxRadioButton* m_not_scored = nullptr;
    std::vector<wxRadioButton*> m_levels; ///< scale_min first
    std::function<void(std::optional<int>)> m_on_picked;
};

} // namespace coscore::forms
