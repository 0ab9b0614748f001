// SPDX-License-Identifier: MIT
// "Break the tie": bids tied at the funding line are put in order either by the chair's decision,
// with a recorded reason, or by a seeded lottery. The lottery is drawn only when the chair
// confirms, so it cannot be drawn again until it gives a wanted result; its seed, the order drawn
// and the time are shown on the page and kept in the audit log.
#pragma once

#include <coscore/scoring/model.hpp>
#include <coscore/scoring/reconcile.hpp>

#include <wx/dialog.h>

#include <cstdint>
#include <optional>
#include <vector>

class wxButton;
class wxListBox;
class wxRadioButton;
class wxStaticText;
class wxTextCtrl;

namespace coscore::forms
{

struct TieBreakContext
{
    scoring::Key fund = 0;
    std::vector<scoring::Bid> bids; ///< the tie group, in the provisional order
    std::vector<wxString> figures;  ///< one line of figures per bid ("mean 57.9, median 60")
    std::uint64_t seed = 0;         ///< the seed offered for a lottery
};

/// The context of the tie at `fund`'s line from a round snapshot and its reconciliation, with a
/// fresh seed nobody could have known in advance; empty when there is no tie at the line.
std::optional<TieBreakContext> MakeTieBreakContext(const scoring::RoundData& round,
                                                   const scoring::ReconcileResult& result,
                                                   scoring::Key fund);

class TieBreakDialog : public wxDialog
{
public:
    TieBreakDialog(wxWindow* parent, TieBreakContext context);

    bool TransferDataToWindow() override;
    bool TransferDataFromWindow() override;
    /// The tie-break to record (valid after TransferDataFromWindow()): a lottery is drawn here,
    /// with scoring::MakeLotteryTieBreak, from the seed shown.
    const scoring::TieBreak& GetValue() const { return m_value; }

    // For tests: what a chair would pick and type.
    void ChooseLottery(bool lottery);
    void SetSeed(const wxString& seed);
    void SetReason(const wxString& reason);
    /// Moves the bid at `index` of the chair's order up (-1) or down (+1).
    void Move(int index, int direction);
    wxListBox* GetOrder() const { return m_order; }
    wxStaticText* GetError() const { return m_error; }

private:
    void UpdateFields();

    TieBreakContext m_context;
    std::vector<scoring::Key> m_chair_order;
    scoring::TieBreak m_value;
    wxRadioButton* m_by_chair = nullptr;
    wxRadioButton* m_by_lottery = nullptr;
    wxListBox* m_order = nullptr;
    wxButton* m_up = nullptr;
    wxButton* m_down = nullptr;
    wxTextCtrl* m_reason = nullptr;
    wxTextCtrl* m_seed = nullptr;
    wxStaticText* m_error = nullptr;
};

/// Asks how to break the tie; empty when cancelled.
std::optional<scoring::TieBreak> EditTieBreak(wxWindow* parent, const TieBreakContext& context);

} // namespace coscore::forms
