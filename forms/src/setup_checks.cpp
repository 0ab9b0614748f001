// SPDX-License-Identifier: MIT
#include <coscore/forms/money.hpp>
#include <coscore/forms/setup_checks.hpp>
#include <coscore/forms/string_convert.hpp>

#include <wx/intl.h>

#include <algorithm>
#include <cmath>

namespace coscore::forms
{

using namespace scoring;

namespace
{

wxString Percent(double value)
{
    return std::abs(value - std::round(value)) < 1e-9
               ? wxString::Format("%d%%", static_cast<int>(std::lround(value)))
               : wxString::Format("%.1f%%", value);
}

void CheckFund(const Fund& fund, std::vector<SetupCheck>& out)
{
    const wxString name = ToWx(fund.name);
    if (fund.budget_pence <= 0)
    {
        out.push_back({false, wxString::Format(_("The %s has no budget yet: set it on the Funds "
                                                 "page."),
                                               name)});
    }
    if (fund.criteria.empty())
    {
        out.push_back({false, wxString::Format(_("The %s form has no questions yet: add them on "
                                                 "the Scoring forms page."),
                                               name)});
        return;
    }
    double weights = 0.0;
    int undescribed = 0;
    for (const Criterion& c : fund.criteria)
    {
        weights += c.weight_percent;
        const auto described =
            std::count_if(c.descriptors.begin(), c.descriptors.end(),
                          [](const LevelDescriptor& d) { return !d.text.empty(); });
        undescribed += described < c.Span() + 1 ? 1 : 0;
    }
    const bool whole = std::abs(weights - 100.0) < 0.05;
    out.push_back(
        {whole, whole ? wxString::Format(_("Weights of the %s form add up to 100%%."), name)
                      : wxString::Format(_("Weights of the %s form add up to %s: they should add "
                                           "up to 100%%."),
                                         name, Percent(weights))});
    out.push_back({undescribed == 0,
                   undescribed == 0
                       ? wxString::Format(_("Every level of the %s form says what it means."), name)
                       : wxString::Format(wxPLURAL("%d question of the %s form has levels with no "
                                                   "description: members choose by description.",
                                                   "%d questions of the %s form have levels with "
                                                   "no description: members choose by "
                                                   "description.",
                                                   static_cast<unsigned>(undescribed)),
                                          undescribed, name)});
    Pence ring_fenced = 0;
    for (const Pot& pot : fund.pots)
    {
        ring_fenced += pot.minimum_pence;
    }
    if (ring_fenced > fund.budget_pence)
    {
        out.push_back({false, wxString::Format(_("The pots of the %s ring-fence %s, more than its "
                                                 "budget of %s."),
                                               name, FormatPounds(ring_fenced, true),
                                               FormatPounds(fund.budget_pence, true))});
    }
}

} // namespace

std::vector<SetupCheck> RunSetupChecks(const RoundData& round)
{
    std::vector<SetupCheck> out;
    if (round.funds.empty())
    {
        out.push_back({false, _("There are no funds yet: add one on the Funds page.")});
    }
    for (const Fund& fund : round.funds)
    {
        CheckFund(fund, out);
    }

    const auto scorers = std::count_if(round.members.begin(), round.members.end(),
                                       [](const Member& m) { return m.scores; });
    const bool enough = scorers >= round.policy.quorum_min_n;
    out.push_back({enough, wxString::Format(wxPLURAL("%d panel member scores bids.",
                                                     "%d panel members score bids.",
                                                     static_cast<unsigned>(scorers)),
                                            static_cast<int>(scorers)) +
                               (enough ? wxString()
                                       : wxString::Format(_(" At least %d are needed."),
                                                          round.policy.quorum_min_n))});
    const bool lived = std::any_of(
        round.members.begin(), round.members.end(),
        [](const Member& m) { return m.scores && VoiceOf(m.role) == Voice::LivedExperience; });
    out.push_back({lived, lived ? _("People with lived experience score bids.")
                                : _("No scoring member uses services or is a carer: the panel "
                                    "needs lived experience.")});
    const bool chaired =
        std::any_of(round.members.begin(), round.members.end(),
                    [](const Member& m)
                    { return m.chair == ChairRole::Chair || m.chair == ChairRole::CoChair; });
    out.push_back({chaired, chaired ? _("The panel has a chair.")
                                    : _("Nobody chairs the panel yet: choose a chair on the "
                                        "Members page.")});

    if (round.bids.empty())
    {
        out.push_back({false, _("There are no bids yet: add or import them on the Bids page.")});
        return out;
    }
    const auto unchecked =
        std::count_if(round.bids.begin(), round.bids.end(),
                      [](const Bid& b) { return b.eligibility == Eligibility::NotChecked; });
    // Name the first few, so that the officer knows where to go (on the Bids page).
    wxString which;
    int named = 0;
    for (const Bid& b : round.bids)
    {
        if (b.eligibility == Eligibility::NotChecked && named++ < 5)
        {
            which << (which.empty() ? ": " : ", ") << ToWx(b.ref);
        }
    }
    if (named > 5)
    {
        which << _(" and others");
    }
    out.push_back({unchecked == 0,
                   unchecked == 0 ? _("Every bid has an eligibility check.")
                                  : wxString::Format(wxPLURAL("%d bid has no eligibility check",
                                                              "%d bids have no eligibility check",
                                                              static_cast<unsigned>(unchecked)),
                                                     static_cast<int>(unchecked)) +
                                        which + "."});
    for (const Bid& bid : round.bids)
    {
        const auto barred = std::count_if(round.interests.begin(), round.interests.end(),
                                          [&](const Interest& i)
                                          { return i.bid == bid.key && BarsScoring(i.rule); });
        const auto can_score = scorers - barred;
        if (scorers > 0 && can_score < round.policy.quorum_min_n)
        {
            out.push_back({false, wxString::Format(_("After declared interests, only %d members "
                                                     "can score %s."),
                                                   static_cast<int>(can_score), ToWx(bid.ref))});
        }
    }
    return out;
}

} // namespace coscore::forms
