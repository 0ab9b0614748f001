// SPDX-License-Identifier: MIT
// Reconciliation of a round: panel figures, flags, ranks, allocation and how sure the ranking is
// (PRODUCT.md §4). Pure: takes a RoundData snapshot, returns values.
#pragma once

#include <coscore/scoring/model.hpp>
#include <coscore/scoring/reliability.hpp>

#include <array>
#include <optional>
#include <string>
#include <vector>

namespace coscore::scoring
{

/// Summary statistics of a set of member totals (0–100 points). Empty optionals when undefined
/// (no scores; SD needs n ≥ 2; Olympic mean needs n ≥ 5; IQR is reported for n ≥ 1).
struct Figures
{
    int n = 0;
    std::optional<double> mean;
    std::optional<double> median;
    std::optional<double> olympic;
    std::optional<double> sd; ///< sample SD (n − 1)
    std::optional<double> min;
    std::optional<double> max;
    std::optional<double> range;
    std::optional<double> iqr; ///< type-7 quantiles
};

struct VoiceFigures
{
    Voice voice = Voice::LivedExperience;
    int n = 0;
    std::optional<double> mean;
    Figures figures; ///< every panel figure over this voice's totals (n and mean repeat above)
};

/// One member's total on one bid, or why there is none.
struct MemberTotal
{
    Key member = 0;
    std::optional<double> total;                 ///< 0–100; empty when not scored
    MissingReason missing = MissingReason::None; ///< why not scored (Interest, Absent, …)
    bool incomplete = false;                     ///< some criteria scored, some missing
    bool moderated = false;                      ///< at least one criterion uses a moderated score
};

/// A flag sets the meeting's agenda; `code` is stable, `text` is the plain-English reason.
struct Flag
{
    std::string code; ///< range, iqr, sd, outlier, voice_gap, quorum, quorum_voice,
                      ///< needs_explaining, incomplete, gate, ineligible, award_min, award_max
    std::string text;
};

struct BidResult
{
    Key bid = 0;
    std::vector<MemberTotal> members; ///< one per scoring member, in member order
    Figures figures;
    std::array<VoiceFigures, kVoiceCount> voices{};
    std::optional<double> zmean;           ///< empty when z-normalisation is not allowed
    std::optional<double> adjusted;        ///< leniency-adjusted score (additive model)
    std::optional<double> basis_score;     ///< the score the policy ranks by
    bool fundable = true;                  ///< false when a criterion gate fails (by panel median)
    std::vector<std::string> failed_gates; ///< criterion names
    std::vector<Flag> flags;

    int rank = 0; ///< 1 = best, by the policy's basis; tied bids share a rank; 0 = not scored
    bool tied = false;
    int raw_rank = 0;      ///< by the plain mean
    int adjusted_rank = 0; ///< by the leniency-adjusted score

    // How sure the ranking is (bootstrap over members).
    std::optional<double> median_rank;
    std::optional<RankInterval> rank_ci50;
    std::optional<RankInterval> rank_ci90;
    std::optional<double> p_funded;

    // Allocation.
    Pence requested_pence = 0;
    Pence award_pence = 0; ///< 0 when not funded
    bool funded = false;
    Pence cumulative_pence = 0; ///< spend after this bid, in rank order
    std::optional<DecisionKind> decision;
    std::optional<DecisionStatus> decision_status;
    std::string
        allocation_note; ///< "Skipped: £12,000 requested, £8,500 left", "From the rural pot"
    std::string pot;     ///< name of the pot that funded it, if any
};

struct PotResult
{
    std::string name;
    Pence minimum_pence = 0;
    Pence spent_pence = 0;
    bool met = false;
};

/// A group of bids with the same basis score after the tie-break rules, straddling the line.
struct TieGroup
{
    std::vector<Key> bids;
    bool at_line = false; ///< funding some but not all of the group is a decision to make
    bool resolved = false;
    std::string resolution; ///< "Chair's decision: …" or "Lottery, seed 42: INN-004 drawn first"
};

/// One entry of the knapsack "maximum total score" plan, shown as advice only.
struct KnapsackAdvice
{
    std::vector<Key> bids;
    Pence spent_pence = 0;
    double total_score = 0.0;
};

/// Bayesian (SNSF) ranking of one bid, when the policy turns SNSF mode on.
struct BayesBid
{
    Key bid = 0;
    double expected_rank = 0.0;
    double sucra = 0.0;
    double pcer = 0.0;
    double rank_pm = 0.0; ///< rank of the posterior mean
    RankInterval ci50;
    RankInterval ci90;
    double p_funded = 0.0;
    std::string group; ///< "accepted" | "lottery" | "rejected"
};

struct FundResult
{
    Key fund = 0;
    Pence budget_pence = 0;
    Pence spent_pence = 0;
    Pence remaining_pence = 0;
    std::vector<BidResult> bids; ///< in rank order
    std::vector<PotResult> pots;
    int funded_count = 0;
    std::vector<TieGroup> ties;
    std::vector<Key> status_changes; ///< funded status differs between raw and adjusted ranks
    std::optional<KnapsackAdvice> knapsack;
    std::string knapsack_note;   ///< how the plan was found, or why there is none
    std::vector<BayesBid> bayes; ///< empty unless SNSF mode
    std::optional<double> bayes_mc_error;
    ReliabilityReport reliability; ///< of member totals over this fund's bids
};

struct MemberLeniency
{
    Key member = 0;
    int bids_scored = 0;
    std::optional<double> leniency; ///< additive-model member effect (points; + = generous)
    std::optional<double> mean_given;
};

struct VoiceFundedSet
{
    Voice voice = Voice::LivedExperience;
    std::vector<Key> funded; ///< the funded set if only this voice's scores counted
    std::vector<Key> gained; ///< funded under this voice but not in reality
    std::vector<Key> lost;   ///< funded in reality but not under this voice
    std::optional<double> mean_leniency;
    int members = 0;                  ///< scoring members of this voice
    std::optional<double> mean_total; ///< mean of every member total this voice gave
};

struct EqualVoice
{
    std::array<VoiceFundedSet, kVoiceCount> voices{};
};

struct ReconcileResult
{
    bool zmean_allowed = false; ///< every scoring member scored ≥ policy.zmean_min_bids bids
    RankBasis basis_used = RankBasis::Mean; ///< falls back to Mean when ZMean is not allowed
    std::string basis_note; ///< empty, or why the basis differs from the policy's for some bids
    std::vector<FundResult> funds;
    std::vector<MemberLeniency> leniency;
    EqualVoice equal_voice;
    ReliabilityReport reliability; ///< over all bids
};

struct ReconcileOptions
{
    bool use_moderated = true; ///< rank by moderated scores where recorded
    bool bootstrap = true;     ///< compute rank intervals and P(funded)
    bool reliability = true;
};

/// Reconciles every fund of the round. Deterministic for the same data and policy seed.
ReconcileResult Reconcile(const RoundData& round, const ReconcileOptions& options = {});

} // namespace coscore::scoring
