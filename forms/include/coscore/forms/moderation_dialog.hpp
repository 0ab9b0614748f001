// SPDX-License-Identifier: MIT
// "Moderate a score": the chair records, for one member and one criterion of a bid, the score
// agreed in discussion, with a required reason. The independent score stays as it was and is
// shown beside it; choosing "no moderated score" withdraws an earlier moderation.
#pragma once

#include <coscore/scoring/model.hpp>

#include <wx/dialog.h>

#include <optional>
#include <vector>

class wxChoice;
class wxStaticText;
class wxTextCtrl;

namespace coscore::forms
{

/// What the dialog offers: the bid's criteria, the members who may be moderated (they scored
/// and have no barring interest) and the bid's scores and moderation history.
struct ModerationContext
{
    scoring::Bid bid;
    scoring::Fund fund;
    std::vector<scoring::Member> members;
    std::vector<scoring::Score> scores;             ///< the bid's independent scores
    std::vector<scoring::ModeratedScore> moderated; ///< the bid's moderations, oldest first
};

/// The context of `bid` from a round snapshot.
ModerationContext MakeModerationContext(const scoring::RoundData& round, scoring::Key bid);

class ModerationDialog : public wxDialog
{
public:
    ModerationDialog(wxWindow* parent, ModerationContext context, scoring::ModeratedScore initial);

    bool TransferDataToWindow() override;
    bool TransferDataFromWindow() override;
    /// The moderation as edited (valid after TransferDataFromWindow()).
    const scoring::ModeratedScore& GetValue() const { return m_value; }

    // For tests: what a chair would pick and type.
    void SelectMember(scoring::Key member);
    void SelectCriterion(scoring::Key criterion);
    /// A level of the criterion's scale, or empty for "no moderated score".
    void SetModeratedValue(std::optional<int> value);
    void SetReason(const wxString& reason);
    wxStaticText* GetIndependent() const { return m_independent; }
    wxStaticText* GetError() const { return m_error; }

private:
    std::optional<scoring::Key> SelectedMember() const;
    const scoring::Criterion* SelectedCriterion() const;
    void FillLevels();
    void ShowCell();

    ModerationContext m_context;
    scoring::ModeratedScore m_value;
    wxChoice* m_member = nullptr;
    wxChoice* m_criterion = nullptr;
    wxStaticText* m_independent = nullptr;
    wxChoice* m_level = nullptr;
    wxTextCtrl* m_reason = nullptr;
    wxStaticText* m_error = nullptr;
};

/// Asks for a moderated score on the context's bid; empty when cancelled.
std::optional<scoring::ModeratedScore> EditModeratedScore(wxWindow* parent,
                                                          const ModerationContext& context,
                                                          scoring::ModeratedScore initial);

} // namespace coscore::forms
