// SPDX-License-Identifier: MIT
// The chair's meeting page on the demo round under Xvfb: the reconciliation as shown, filters and
// sorting, the drill-down, moderation, decisions and locks, the tie at the line broken by a
// seeded lottery; each step asserted on the round file and its audit log, not only on widgets.
#include "meeting_expect.hpp"
#include "meeting_fixture.hpp"

#include <coscore/forms/bid_detail.hpp>
#include <coscore/forms/budget_bar.hpp>
#include <coscore/forms/decision_dialog.hpp>
#include <coscore/forms/lock_dialog.hpp>
#include <coscore/forms/meeting_panels.hpp>
#include <coscore/forms/moderation_dialog.hpp>
#include <coscore/forms/tie_break_dialog.hpp>
#include <coscore/scoring/lottery.hpp>

#include <boost/test/unit_test.hpp>

#include <wx/button.h>
#include <wx/checkbox.h>
#include <wx/choice.h>
#include <wx/notebook.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>
#include <wx/uiaction.h>

#include <algorithm>

using namespace coscore;
using namespace coscore::scoring;
using forms::MeetingColumn;

namespace
{

bool Contains(const std::string& text, const std::string& part)
{
    return text.find(part) != std::string::npos;
}

bool Contains(const wxString& text, const std::string& part)
{
    // Wrapped labels carry the line breaks the wrapping added.
    wxString flat = text;
    flat.Replace("\n", " ");
    return Contains(flat.utf8_string(), part);
}

std::vector<std::string> ShownBids(const forms::MeetingView& view)
{
    std::vector<std::string> refs;
    for (const forms::MeetingRow& row : view.rows)
    {
        refs.push_back(row.is_line ? "LINE" : row.text[1].utf8_string());
    }
    return refs;
}

} // namespace

BOOST_FIXTURE_TEST_SUITE(meeting_page, test::MeetingFixture)

BOOST_AUTO_TEST_CASE(ReconcilesTheDemoRoundWithTheFundingLineAndTheTie)
{
    page->SetFund(Fund("Innovation Fund"));
    const forms::MeetingView& view = page->GetView();
    BOOST_TEST(view.bid_count == 12);
    // The line falls after INN-007, the provisionally funded half of the tie.
    const auto shown = ShownBids(view);
    const auto line = std::find(shown.begin(), shown.end(), "LINE");
    BOOST_REQUIRE(line != shown.end());
    BOOST_TEST(*(line - 1) == "INN-007");
    BOOST_TEST(*(line + 1) == "INN-011");
    BOOST_TEST(Cell("INN-007", MeetingColumn::Rank) == "8=");
    BOOST_TEST(Cell("INN-011", MeetingColumn::Rank) == "8=");
    BOOST_TEST(Cell("INN-004", MeetingColumn::Rank) == "1");
    BOOST_TEST(Cell("INN-004", MeetingColumn::Mean) == "92.4");
    BOOST_TEST(Cell("INN-004", MeetingColumn::Requested) == "£15,000");
    BOOST_TEST(Cell("INN-004", MeetingColumn::Award) == "£15,000");
    BOOST_TEST(Cell("INN-006", MeetingColumn::Flags) ==
               "Disagreement, Outlier \u00D72, Voices differ");
    BOOST_TEST(Contains(Cell("INN-010", MeetingColumn::Flags), "Fails a gate"));
    BOOST_TEST(Cell("INN-011", MeetingColumn::Award) == "Tied at the line");
    BOOST_TEST(Cell("INN-010", MeetingColumn::Award) == "Passed over");
    BOOST_TEST(Cell("INN-007", MeetingColumn::Cumulative) == "£100,000");
    // The list shows what the page holds: 12 bids and the line.
    wxDataViewItemArray items;
    page->GetList()->GetModel()->GetChildren(wxDataViewItem(), items);
    BOOST_TEST(items.size() == 13U);
    // Nobody scores for the professionals' voice in the demo: the column stays out of the way.
    BOOST_TEST(page->GetList()
                   ->GetColumn(static_cast<unsigned>(MeetingColumn::Professionals))
                   ->IsHidden());
    // The budget bar's text equivalent and the tie banner.
    BOOST_TEST(Contains(page->GetBudgetBar()->GetText(),
                        "Budget £100,000: £100,000 proposed for 8 bids, £0 left."));
    BOOST_TEST(Contains(page->GetBudgetBar()->GetText(), "Rural villages pot"));
    BOOST_TEST(page->GetTieText()->IsShown());
    BOOST_TEST(Contains(page->GetTieText()->GetLabelText(), "INN-007 and INN-011 are tied"));
    BOOST_TEST(page->GetTieButton()->IsShown());
    // An open tie at the line blocks locking.
    BOOST_TEST(!page->GetLockButton()->IsEnabled());

    page->SetFund(Fund("Sustainability Fund"));
    BOOST_TEST(page->GetView().bid_count == 14);
    BOOST_TEST(!page->GetTieText()->IsShown());
    BOOST_TEST(Contains(Cell("SUS-011", MeetingColumn::Flags), "Ineligible"));
    BOOST_TEST(Contains(Cell("SUS-010", MeetingColumn::Flags), "Outlier"));
    BOOST_TEST(page->GetLockButton()->IsEnabled());
}

BOOST_AUTO_TEST_CASE(FiltersShowFlaggedBidsAndBidsNearTheLine)
{
    page->SetFund(Fund("Innovation Fund"));
    page->SetFilter(true, false);
    for (const forms::MeetingRow& row : page->GetView().rows)
    {
        BOOST_TEST_CONTEXT(row.text[1].utf8_string())
        {
            BOOST_TEST((row.is_line || row.flagged));
        }
    }
    BOOST_TEST(Row("INN-006") != nullptr);
    BOOST_TEST(Row("INN-004") == nullptr);

    page->SetFilter(false, true);
    BOOST_TEST(Row("INN-007") != nullptr);
    BOOST_TEST(Row("INN-011") != nullptr);
    BOOST_TEST(Row("INN-004") == nullptr);
    BOOST_TEST(Row("INN-010") == nullptr);
    page->SetFilter(false, false);
    BOOST_TEST(Row("INN-004") != nullptr);
}

BOOST_AUTO_TEST_CASE(SortsByAnyColumnNumericallyAndDropsTheLineOutOfRankOrder)
{
    page->SetFund(Fund("Innovation Fund"));
    page->SortBy(MeetingColumn::Requested);
    // Out of rank order the funding line row means nothing, so it goes.
    const auto shown = ShownBids(page->GetView());
    BOOST_TEST(std::count(shown.begin(), shown.end(), "LINE") == 0);
    // The order shown, top to bottom: largest request first, compared as money (text order
    // would put £8,600 above £16,700).
    std::vector<Pence> shown_amounts;
    for (const Key bid : page->GetShownOrder())
    {
        BOOST_REQUIRE(bid != 0);
        shown_amounts.push_back(forms::FindRoundBid(page->GetRound(), bid)->requested_pence);
    }
    BOOST_TEST(shown_amounts.size() == 12U);
    BOOST_TEST(std::is_sorted(shown_amounts.rbegin(), shown_amounts.rend()));
    BOOST_TEST(shown_amounts.front() == 1'670'000);
    BOOST_TEST(page->GetSortChoice()->GetSelection() == static_cast<int>(MeetingColumn::Requested));
    page->SortBy(MeetingColumn::Rank);
    const auto ranked = page->GetShownOrder();
    BOOST_TEST(std::count(ranked.begin(), ranked.end(), 0) == 1);
    BOOST_TEST(ranked.front() == Bid("INN-004"));
    BOOST_TEST(ranked[8] == 0); // the line after the eighth bid
}

BOOST_AUTO_TEST_CASE(DrillDownShowsInterestsAsWordsNeverNumbers)
{
    page->SetFund(Fund("Innovation Fund"));
    // Tomasz Nowak (M05) may not score INN-004: he uses the service.
    page->SelectBid(Bid("INN-004"));
    forms::BidDetailPanel* detail = page->GetBidDetail();
    const auto rows = test::ListRows(detail->GetScores());
    const auto tomasz = std::find_if(
        rows.begin(), rows.end(), [](const std::string& r) { return Contains(r, "Tomasz Nowak"); });
    BOOST_REQUIRE(tomasz != rows.end());
    BOOST_TEST(Contains(*tomasz, "declared an interest"));
    BOOST_TEST(
        std::none_of(tomasz->begin(), tomasz->end(), [](char c) { return c >= '0' && c <= '9'; }));
    BOOST_TEST(Contains(detail->GetChartText()->GetLabelText(), "Totals of 7 members"));

    // A minor interest is declared and the member still scores (Cllr Pritchard on SUS-002).
    page->SetFund(Fund("Sustainability Fund"));
    page->SelectBid(Bid("SUS-002"));
    const auto sus = test::ListRows(detail->GetScores());
    const auto sian =
        std::find_if(sus.begin(), sus.end(),
                     [](const std::string& r) { return Contains(r, "declared a minor interest"); });
    BOOST_REQUIRE(sian != sus.end());
    BOOST_TEST(!Contains(*sian, "declared an interest"));

    // The chair declares an interest that bars her from seeing SUS-004: its figures go.
    Interest interest;
    interest.member = Member("M01");
    interest.bid = Bid("SUS-004");
    interest.type = InterestType::EmployeeOrTrustee;
    interest.rule = InterestRule::NoScoreNoSee;
    interest.note = "Declared in the meeting.";
    ws->DeclareInterest(interest);
    page->SelectBid(Bid("SUS-004"));
    BOOST_TEST(Contains(detail->GetNotice()->GetLabelText(), "hidden from you"));
    BOOST_TEST(!detail->GetScores()->IsShown());
    BOOST_TEST(Cell("SUS-004", MeetingColumn::Mean) == "hidden: your interest");
    BOOST_TEST(Cell("SUS-004", MeetingColumn::Median).empty());
    BOOST_TEST(!page->GetDecideButton()->IsEnabled());
    // The deputy chair takes the item over.
    page->SetActor(1);
    BOOST_TEST(page->GetActors()[1].member.has_value());
    BOOST_TEST(Cell("SUS-004", MeetingColumn::Mean) != "hidden: your interest");
}

BOOST_AUTO_TEST_CASE(RecordsAModeratedScoreWithItsReasonAndUndoesIt)
{
    page->SetFund(Fund("Innovation Fund"));
    const Key bid = Bid("INN-006");
    const Key okafor = Member("M02");
    page->SelectBid(bid);
    const double mean_before = *Result("INN-006").figures.mean;
    const Criterion criterion = ws->ListFunds().front().criteria.front();
    const auto independent = ws->GetSheet(bid, okafor).scores.front().value;
    BOOST_REQUIRE(independent.has_value());
    const int moderated = std::min(criterion.scale_max, *independent + 2);
    const std::string reason = "Misread the evidence of need; agreed after discussion";

    wxTEST_DIALOG(page->ModerateSelected(), test::Fill<forms::ModerationDialog>(
                                                [&](forms::ModerationDialog& d)
                                                {
                                                    d.SelectMember(okafor);
                                                    d.SelectCriterion(criterion.key);
                                                    d.SetModeratedValue(moderated);
                                                    d.SetReason(wxString::FromUTF8(reason));
                                                }));

    const auto moderations = ws->ListModerations(bid);
    BOOST_REQUIRE(moderations.size() == 1U);
    BOOST_TEST(moderations.front().member == okafor);
    BOOST_TEST((moderations.front().value == std::optional<int>(moderated)));
    BOOST_TEST(moderations.front().reason == reason);
    BOOST_TEST(moderations.front().recorded_by == "M01");
    // The independent score is kept, unchanged, beside it.
    BOOST_TEST((ws->GetSheet(bid, okafor).scores.front().value == independent));
    const core::AuditEntry entry = LastAudit();
    BOOST_TEST(entry.action == "record_moderated_score");
    BOOST_TEST(entry.actor == "M01");
    BOOST_TEST(Contains(entry.detail, reason));
    // The meeting's figures move at once, and the drill-down shows both scores.
    BOOST_TEST(*Result("INN-006").figures.mean > mean_before);
    const auto rows = test::ListRows(page->GetBidDetail()->GetScores());
    BOOST_TEST(std::any_of(rows.begin(), rows.end(),
                           [&](const std::string& r)
                           {
                               return Contains(r, "David Okafor") &&
                                      Contains(r, std::to_string(*independent) + " \u2192 " +
                                                      std::to_string(moderated) + " (moderated)");
                           }));
    const auto log = test::ListRows(page->GetBidDetail()->GetHistory());
    BOOST_REQUIRE(log.size() == 1U);
    BOOST_TEST(Contains(log.front(), reason));

    // Undo is a new, audited moderation that withdraws it.
    BOOST_REQUIRE(history.Undo());
    const auto after_undo = ws->ListModerations(bid);
    BOOST_REQUIRE(after_undo.size() == 2U);
    BOOST_TEST(!after_undo.back().value.has_value());
    BOOST_TEST(LastAudit().action == "record_moderated_score");
    BOOST_TEST(*Result("INN-006").figures.mean == mean_before, boost::test_tools::tolerance(1e-9));
}

BOOST_AUTO_TEST_CASE(ModerationNeedsAReason)
{
    const Key bid = Bid("INN-006");
    ModeratedScore initial;
    initial.bid = bid;
    forms::ModerationDialog dialog(frame, forms::MakeModerationContext(page->GetRound(), bid),
                                   initial);
    dialog.TransferDataToWindow();
    dialog.SelectMember(Member("M02"));
    dialog.SetModeratedValue(4);
    dialog.SetReason("   ");
    BOOST_TEST(!dialog.TransferDataFromWindow());
    BOOST_TEST(Contains(dialog.GetError()->GetLabelText(), "why the score changed"));
    // Members with a barring interest are not offered.
    const auto context = forms::MakeModerationContext(page->GetRound(), Bid("INN-004"));
    BOOST_TEST(std::none_of(context.members.begin(), context.members.end(),
                            [&](const scoring::Member& m) { return m.ref == "M05"; }));
}

BOOST_AUTO_TEST_CASE(DecidesAndLocksAFundThenOnlyTheOfficerUnlocks)
{
    const Key fund = Fund("Sustainability Fund");
    page->SetFund(fund);
    const Pence spent_before = forms::FindFundResult(page->GetResult(), fund)->spent_pence;
    const auto decide =
        [&](const std::string& ref, const std::function<void(forms::DecisionDialog&)>& fill)
    {
        page->SelectBid(Bid(ref));
        wxTEST_DIALOG(page->DecideSelected(), test::Fill<forms::DecisionDialog>(fill));
    };
    decide("SUS-001",
           [](forms::DecisionDialog& d)
           {
               d.SetKind(DecisionKind::FundInFull);
               d.SetAgreed(true);
           });
    decide("SUS-006",
           [](forms::DecisionDialog& d)
           {
               d.SetKind(DecisionKind::FundReduced);
               d.SetAward("15,000");
               d.SetReason("The second year's costs are not eligible.");
               d.SetAgreed(true);
           });
    decide("SUS-014",
           [](forms::DecisionDialog& d)
           {
               d.SetKind(DecisionKind::Reject);
               d.SetReason("The project duplicates a service already funded.");
               d.SetAgreed(true);
           });

    const auto reduced = ws->GetDecision(Bid("SUS-006"));
    BOOST_REQUIRE(reduced.has_value());
    BOOST_TEST(reduced->kind == DecisionKind::FundReduced);
    BOOST_TEST((reduced->award_pence == std::optional<Pence>(1'500'000)));
    BOOST_TEST(reduced->status == DecisionStatus::Agreed);
    // Feedback was drafted from the members' comments, never naming them.
    BOOST_TEST(Contains(reduced->feedback, "reduced amount of £15,000"));
    BOOST_TEST(!Contains(reduced->feedback, "Okafor"));
    // The funding line and spend moved at once: £4,800 less for SUS-006, and SUS-014's
    // £12,800 no longer spent; SUS-010's £23,000 still does not fit what is left.
    BOOST_TEST(!Result("SUS-014").funded);
    BOOST_TEST(Cell("SUS-006", MeetingColumn::Award) == "£15,000");
    BOOST_TEST(Cell("SUS-006", MeetingColumn::Decision) == "Reduced (agreed)");
    BOOST_TEST(forms::FindFundResult(page->GetResult(), fund)->spent_pence ==
               spent_before - 480'000 - 1'280'000);
    BOOST_TEST(Contains(page->GetBudgetBar()->GetText(), "£17,800 left"));
    BOOST_TEST(!Result("SUS-010").funded);

    // Undo the rejection: the bid goes back to undecided, through an audited withdrawal.
    BOOST_REQUIRE(history.Undo());
    BOOST_TEST(!ws->GetDecision(Bid("SUS-014")).has_value());
    BOOST_TEST(LastAudit().action == "withdraw_decision");
    BOOST_REQUIRE(history.Redo());
    BOOST_TEST(ws->GetDecision(Bid("SUS-014"))->kind == DecisionKind::Reject);

    wxTEST_DIALOG(page->LockCurrentFund(), test::ExpectDialog<forms::LockDialog>(
                                               [](forms::LockDialog*) { return wxID_OK; }));
    BOOST_TEST(ws->IsFundLocked(fund));
    BOOST_TEST(LastAudit().action == "lock_fund");
    BOOST_TEST(LastAudit().actor == "M01");
    BOOST_TEST(ws->GetDecision(Bid("SUS-001"))->status == DecisionStatus::Locked);
    BOOST_TEST(Contains(page->GetStateText()->GetLabelText(), "locked"));
    BOOST_TEST(!page->GetDecideButton()->IsEnabled());
    BOOST_TEST(!page->GetModerateButton()->IsEnabled());
    BOOST_TEST(page->GetUnlockButton()->IsShown());
    BOOST_TEST(!page->GetUnlockButton()->IsEnabled()); // the chair may not unlock
    // Even through the command, the chair is refused and nothing changes.
    const auto entries = ws->ListAudit().size();
    BOOST_TEST(!page->UnlockFund("We changed our minds"));
    BOOST_TEST(ws->IsFundLocked(fund));
    BOOST_TEST(ws->ListAudit().size() == entries);

    page->SetActor(page->GetActors().size() - 1); // the grants officer
    BOOST_TEST(page->GetUnlockButton()->IsEnabled());
    wxTEST_DIALOG(page->UnlockCurrentFund(),
                  test::Fill<forms::UnlockDialog>([](forms::UnlockDialog& d)
                                                  { d.SetReason("Cabinet asked for a recount"); }));
    BOOST_TEST(!ws->IsFundLocked(fund));
    BOOST_TEST(LastAudit().action == "unlock_fund");
    BOOST_TEST(Contains(LastAudit().actor, "officer:"));
    BOOST_TEST(Contains(LastAudit().detail, "Cabinet asked for a recount"));
    BOOST_TEST(ws->GetDecision(Bid("SUS-001"))->status == DecisionStatus::Agreed);
    BOOST_TEST(page->GetDecideButton()->IsEnabled());
}

BOOST_AUTO_TEST_CASE(DecisionsNeedTheirReasons)
{
    const Key bid = Bid("SUS-006");
    Decision initial;
    initial.bid = bid;
    forms::DecisionDialog dialog(frame, forms::MakeDecisionContext(page->GetRound(), bid), initial);
    dialog.TransferDataToWindow();
    // Drafted feedback from the members' comments is there from the start.
    BOOST_TEST(Contains(dialog.GetFeedback()->GetValue(), "Thank you for your application"));
    dialog.SetKind(DecisionKind::FundReduced);
    dialog.SetAward("30,000"); // more than the £19,800 requested
    dialog.SetReason("Costs");
    BOOST_TEST(!dialog.TransferDataFromWindow());
    BOOST_TEST(Contains(dialog.GetError()->GetLabelText(), "less than"));
    dialog.SetKind(DecisionKind::Defer);
    dialog.SetReason("");
    BOOST_TEST(!dialog.TransferDataFromWindow());
    dialog.SetKind(DecisionKind::FundWithConditions);
    dialog.SetConditions("");
    BOOST_TEST(!dialog.TransferDataFromWindow());
    dialog.SetConditions("Report quarterly on attendance.");
    BOOST_TEST(dialog.TransferDataFromWindow());
    BOOST_TEST(dialog.GetValue().kind == DecisionKind::FundWithConditions);
    BOOST_TEST(!ws->GetDecision(bid).has_value()); // the dialog itself writes nothing
}

BOOST_AUTO_TEST_CASE(BreaksTheDemoTieByALotteryWithAFixedSeed)
{
    const Key fund = Fund("Innovation Fund");
    page->SetFund(fund);
    const std::vector<Key> group{Bid("INN-007"), Bid("INN-011")};
    const auto audit_before = ws->ListAudit().size();

    wxTEST_DIALOG(page->BreakTie(), test::Fill<forms::TieBreakDialog>(
                                        [](forms::TieBreakDialog& d)
                                        {
                                            d.ChooseLottery(true);
                                            d.SetSeed("42");
                                        }));

    const RoundData round = ws->LoadRound();
    BOOST_REQUIRE(round.tie_breaks.size() == 1U);
    const TieBreak& record = round.tie_breaks.front();
    BOOST_TEST(record.by_lottery);
    BOOST_TEST(record.seed == 42U);
    BOOST_TEST((record.order == DrawLottery(group, 42)));
    BOOST_TEST(!record.recorded_at.empty());
    BOOST_TEST(ws->ListAudit().size() == audit_before + 1);
    BOOST_TEST(LastAudit().action == "record_tie_break");
    BOOST_TEST(Contains(LastAudit().detail, "\"seed\":42"));
    // The page shows the seed, the draw and the time, and funds the bid drawn first.
    const std::string drawn_first = forms::BidRefText(round, record.order.front()).utf8_string();
    const std::string drawn_second = forms::BidRefText(round, record.order.back()).utf8_string();
    BOOST_TEST(Result(drawn_first).funded);
    BOOST_TEST(!Result(drawn_second).funded);
    const wxString banner = page->GetTieText()->GetLabelText();
    BOOST_TEST(Contains(banner, "seed 42"));
    BOOST_TEST(Contains(banner, "drawn in the order " + drawn_first + " and " + drawn_second));
    BOOST_TEST(Contains(banner, record.recorded_at));
    BOOST_TEST(!page->GetTieButton()->IsShown());
    BOOST_TEST(page->GetLockButton()->IsEnabled());
    // A lottery is final: it is not in the undo history.
    BOOST_TEST(!history.CanUndo());
}

BOOST_AUTO_TEST_CASE(TheChairsOrderNeedsAReason)
{
    const Key fund = Fund("Innovation Fund");
    auto context = forms::MakeTieBreakContext(page->GetRound(), page->GetResult(), fund);
    BOOST_REQUIRE(context.has_value());
    BOOST_TEST(context->bids.size() == 2U);
    forms::TieBreakDialog dialog(frame, *context);
    dialog.TransferDataToWindow();
    dialog.ChooseLottery(false);
    dialog.Move(0, +1);
    BOOST_TEST(!dialog.TransferDataFromWindow());
    dialog.SetReason("INN-011 reaches the rural villages the pot is for.");
    BOOST_REQUIRE(dialog.TransferDataFromWindow());
    BOOST_TEST(!dialog.GetValue().by_lottery);
    BOOST_TEST(dialog.GetValue().order.front() == context->bids.back().key);
    BOOST_REQUIRE(page->RecordTieBreak(dialog.GetValue()));
    BOOST_TEST(Contains(page->GetTieText()->GetLabelText(), "Chair's decision"));
    BOOST_TEST(Result("INN-011").funded);
}

BOOST_AUTO_TEST_CASE(PanelsExplainSensitivityCertaintyVoicesAndReliability)
{
    page->SetFund(Fund("Innovation Fund"));
    BOOST_TEST(test::ListRows(page->GetSensitivity()->GetList()).size() == 12U);
    BOOST_TEST(!page->GetSensitivity()->GetChanges()->GetLabelText().empty());
    const auto sure = test::ListRows(page->GetCertainty()->GetList());
    BOOST_TEST(sure.size() == 12U);
    BOOST_TEST(Contains(sure.front(), "INN-004"));
    BOOST_TEST(Contains(page->GetVoices()->GetWhatIf()->GetLabelText(),
                        "If only members with lived experience had scored"));
    BOOST_TEST(Contains(page->GetVoices()->GetWhatIf()->GetLabelText(), "INN-012"));
    BOOST_TEST(
        Contains(page->GetReliability()->GetAlpha()->GetLabelText(), "Krippendorff's alpha"));
    BOOST_TEST(Contains(page->GetReliability()->GetIcc()->GetLabelText(), "not available"));

    // SNSF mode is a policy change: recorded, undoable, and it adds the Bayesian columns.
    page->GetCertainty()->GetSnsf()->SetValue(true);
    wxCommandEvent click(wxEVT_CHECKBOX, page->GetCertainty()->GetSnsf()->GetId());
    click.SetInt(1);
    click.SetEventObject(page->GetCertainty()->GetSnsf());
    page->GetCertainty()->GetSnsf()->GetEventHandler()->ProcessEvent(click);
    BOOST_TEST(ws->GetPolicy().snsf_mode);
    BOOST_TEST(LastAudit().action == "set_policy");
    BOOST_TEST(page->GetCertainty()->GetList()->GetColumnCount() == 8U);
    BOOST_TEST(Contains(page->GetCertainty()->GetBand()->GetLabelText(), "SNSF mode"));
    BOOST_REQUIRE(history.Undo());
    BOOST_TEST(!ws->GetPolicy().snsf_mode);
}

BOOST_AUTO_TEST_CASE(KeyboardMovesThroughTheListAndOpensTheBid)
{
    page->SetFund(Fund("Innovation Fund"));
    page->SelectBid(Bid("INN-004"));
    page->GetList()->SetFocus();
    test::Settle();
    wxUIActionSimulator sim;
    sim.Char(WXK_DOWN);
    BOOST_TEST(test::PumpUntil([&] { return page->GetSelectedBid() == Bid("INN-001"); }));
    BOOST_TEST(Contains(page->GetBidDetail()->GetHeading()->GetLabelText(), "INN-001"));
}

BOOST_AUTO_TEST_SUITE_END()
