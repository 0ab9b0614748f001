// SPDX-License-Identifier: MIT
// A bid's drill-down in the meeting: every member's score per criterion and total (an interest
// shows as "declared an interest", never a number), comments, "needs explaining" requests, the
// spread of totals as a small chart with its text equivalent, and the moderation history.
#pragma once

#include <coscore/scoring/model.hpp>
#include <coscore/scoring/reconcile.hpp>

#include <wx/scrolwin.h>

#include <optional>
#include <vector>

class wxDataViewListCtrl;
class wxStaticText;
class wxTextCtrl;

namespace coscore::forms
{

class ScoreChart;

/// One member's total on the chart, by voice.
struct ChartPoint
{
    scoring::Voice voice = scoring::Voice::LivedExperience;
    double total = 0.0;
};

/// The chart's text equivalent: every total by voice, the median and the mean.
wxString ChartText(const std::vector<ChartPoint>& points, std::optional<double> median,
                   std::optional<double> mean);

class BidDetailPanel : public wxScrolledWindow
{
public:
    explicit BidDetailPanel(wxWindow* parent);

    /// Shows `bid` (nothing when empty) as `viewer` may see it: a bid they declared a
    /// no-score-no-see interest in shows only a notice.
    void ShowBid(const scoring::RoundData& round, const scoring::ReconcileResult& result,
                 std::optional<scoring::Key> bid, std::optional<scoring::Key> viewer);

    wxStaticText* GetHeading() const { return m_heading; }
    wxStaticText* GetNotice() const { return m_notice; }
    wxStaticText* GetFigures() const { return m_figures; }
    wxStaticText* GetFlags() const { return m_flags; }
    wxDataViewListCtrl* GetScores() const { return m_scores; }
    wxStaticText* GetChartText() const { return m_chart_text; }
    wxStaticText* GetExplain() const { return m_explain; }
    wxTextCtrl* GetComments() const { return m_comments; }
    wxDataViewListCtrl* GetHistory() const { return m_history; }

private:
    void BuildScoreColumns(const scoring::Fund& fund);
    void FillScores(const scoring::RoundData& round, const scoring::BidResult& result,
                    const scoring::Fund& fund);
    void FillComments(const scoring::RoundData& round, scoring::Key bid);
    void FillHistory(const scoring::RoundData& round, scoring::Key bid);
    void ShowParts(bool show);

    scoring::Key m_columns_fund = 0; ///< whose criteria the score table's columns are
    wxStaticText* m_heading = nullptr;
    wxStaticText* m_notice = nullptr;
    wxStaticText* m_figures = nullptr;
    wxStaticText* m_flags = nullptr;
    wxStaticText* m_scores_label = nullptr;
    wxDataViewListCtrl* m_scores = nullptr;
    wxStaticText* m_chart_label = nullptr;
    ScoreChart* m_chart = nullptr;
    wxStaticText* m_chart_text = nullptr;
    wxStaticText* m_explain_label = nullptr;
    wxStaticText* m_explain = nullptr;
    wxStaticText* m_comments_label = nullptr;
    wxTextCtrl* m_comments = nullptr;
    wxStaticText* m_history_label = nullptr;
    wxDataViewListCtrl* m_history = nullptr;
};

} // namespace coscore::forms
