// SPDX-License-Identifier: MIT
// The meeting page's fund panels: raw and adjusted ranks side by side, how sure the ranking is
// (with SNSF mode), equal voice, and the panel's reliability, each figure with a plain sentence.
#pragma once

#include <coscore/scoring/model.hpp>
#include <coscore/scoring/reconcile.hpp>

#include <wx/scrolwin.h>

#include <functional>

class wxBoxSizer;
class wxCheckBox;
class wxDataViewListCtrl;
class wxStaticText;

namespace coscore::forms
{

/// A scrolled page of the meeting's details that shows one fund.
class FundPanel : public wxScrolledWindow
{
public:
    virtual void ShowFund(const scoring::RoundData& round, const scoring::ReconcileResult& result,
                          scoring::Key fund) = 0;

protected:
    explicit FundPanel(wxWindow* parent);
    void Add(wxWindow* window, int proportion = 0);
    wxStaticText* AddText(const wxString& text, bool bold = false);
    void Relayout();

private:
    wxBoxSizer* m_sizer = nullptr;
};

/// Raw (plain mean) and leniency-adjusted ranks side by side, and the bids whose funded status
/// differs between them.
class SensitivityPanel : public FundPanel
{
public:
    explicit SensitivityPanel(wxWindow* parent);
    void ShowFund(const scoring::RoundData& round, const scoring::ReconcileResult& result,
                  scoring::Key fund) override;
    wxStaticText* GetChanges() const { return m_changes; }
    wxDataViewListCtrl* GetList() const { return m_list; }

private:
    wxStaticText* m_basis = nullptr;
    wxStaticText* m_changes = nullptr;
    wxDataViewListCtrl* m_list = nullptr;
};

/// How sure the ranking is: bootstrap rank intervals and the chance of being funded; in SNSF
/// mode also expected ranks, 50% credible intervals and the lottery band.
class CertaintyPanel : public FundPanel
{
public:
    /// `set_snsf` turns SNSF mode on or off in the round's policy (the page runs the command).
    CertaintyPanel(wxWindow* parent, std::function<void(bool)> set_snsf);
    void ShowFund(const scoring::RoundData& round, const scoring::ReconcileResult& result,
                  scoring::Key fund) override;
    wxCheckBox* GetSnsf() const { return m_snsf; }
    wxStaticText* GetBand() const { return m_band; }
    wxDataViewListCtrl* GetList() const { return m_list; }

private:
    void BuildColumns(bool snsf);

    std::function<void(bool)> m_set_snsf;
    bool m_columns_snsf = false;
    wxCheckBox* m_snsf = nullptr;
    wxStaticText* m_band = nullptr;
    wxDataViewListCtrl* m_list = nullptr;
};

/// Equal voice: means by voice per bid, each voice's leniency, and the funded set if only one
/// voice's scores counted, with the bids that would change.
class VoicePanel : public FundPanel
{
public:
    explicit VoicePanel(wxWindow* parent);
    void ShowFund(const scoring::RoundData& round, const scoring::ReconcileResult& result,
                  scoring::Key fund) override;
    wxStaticText* GetWhatIf() const { return m_what_if; }
    wxDataViewListCtrl* GetVoices() const { return m_voices; }
    wxDataViewListCtrl* GetBids() const { return m_bids; }

private:
    wxStaticText* m_what_if = nullptr;
    wxDataViewListCtrl* m_voices = nullptr;
    wxDataViewListCtrl* m_bids = nullptr;
};

/// Krippendorff's alpha, ICC and Kendall's W of the fund's totals, each with one plain sentence.
class ReliabilityPanel : public FundPanel
{
public:
    explicit ReliabilityPanel(wxWindow* parent);
    void ShowFund(const scoring::RoundData& round, const scoring::ReconcileResult& result,
                  scoring::Key fund) override;
    wxStaticText* GetAlpha() const { return m_alpha; }
    wxStaticText* GetIcc() const { return m_icc; }
    wxStaticText* GetKendall() const { return m_kendall; }

private:
    wxStaticText* m_alpha = nullptr;
    wxStaticText* m_icc = nullptr;
    wxStaticText* m_kendall = nullptr;
};

/// One plain sentence on each reliability figure (empty figure: why it is not shown).
wxString AlphaSentence(std::optional<double> alpha);
wxString IccSentence(const std::vector<scoring::IccValue>& icc);
wxString KendallSentence(const std::optional<scoring::KendallW>& w);

} // namespace coscore::forms
