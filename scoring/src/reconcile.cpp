// SPDX-License-Identifier: MIT
#include "flags.hpp"
#include "panel.hpp"
#include "reconcile_steps.hpp"

#include <coscore/scoring/reconcile.hpp>
#include <coscore/scoring/reconciler.hpp>

#include <algorithm>
#include <tuple>
#include <utility>

namespace coscore::scoring
{
namespace
{

/// The work of Reconcile() split where a changed score enters: every bid is described (member
/// totals, figures, flags) once; a change re-describes one bid; the rest is assembled anew.
class Engine
{
public:
    Engine(const RoundData& round, bool use_moderated)
        : m_round(round), m_panel(round, use_moderated)
    {
        m_described.reserve(round.bids.size());
        for (std::size_t b = 0; b < round.bids.size(); ++b)
        {
            m_described.push_back(Describe(b));
        }
    }

    /// Describes bid `key` again after one of its rows changed in place; false when unknown.
    bool Redescribe(Key key)
    {
        const std::uint32_t b = m_panel.Bids().Find(key);
        if (b == kNoIndex)
        {
            return false;
        }
        m_described[b] = Describe(b);
        return true;
    }

    ReconcileResult Assemble(const ReconcileOptions& options) const
    {
        return AssembleFrom(m_described, options);
    }

    /// Assemble() for a reconciliation done once: the descriptions are moved rather than
    /// copied (at L, 20,000 bids' descriptions are about 35 MB).
    ReconcileResult AssembleOnce(const ReconcileOptions& options) &&
    {
        return AssembleFrom(std::move(m_described), options);
    }

private:
    ReconcileResult AssembleFrom(std::vector<BidResult> described,
                                 const ReconcileOptions& options) const
    {
        const std::vector<std::uint32_t>& scorers = m_panel.Scorers();
        RoundModels models = FitRoundModels(m_round, scorers, described);

        ReconcileResult out;
        out.zmean_allowed = models.zmean_allowed;
        out.basis_used = models.basis;
        out.basis_note = models.basis_note;

        // Each fund's bids, split off before any fund is reconciled so that the round's list
        // is freed first (at L it is 20,000 descriptions: the peak of a reconciliation).
        const std::size_t fund_count = m_round.funds.size();
        std::vector<std::vector<BidResult>> bids(fund_count);
        std::vector<std::vector<const Bid*>> source(fund_count);
        for (std::size_t b = 0; b < described.size(); ++b)
        {
            if (const std::uint32_t f = m_panel.FundOf(b); f < fund_count)
            {
                source[f].push_back(&m_round.bids[b]);
            }
        }
        for (std::size_t f = 0; f < fund_count; ++f)
        {
            bids[f].reserve(source[f].size());
        }
        for (std::size_t b = 0; b < described.size(); ++b)
        {
            if (const std::uint32_t f = m_panel.FundOf(b); f < fund_count)
            {
                bids[f].push_back(std::move(described[b]));
            }
        }
        std::vector<BidResult>().swap(described);

        std::vector<FundOutcome> outcomes;
        std::vector<const Fund*> funds;
        for (std::size_t f = 0; f < fund_count; ++f)
        {
            outcomes.push_back(ReconcileFund(m_round, options, scorers, m_round.funds[f],
                                             std::move(bids[f]), source[f]));
            funds.push_back(&m_round.funds[f]);
        }
        out.equal_voice = CompareVoices(m_round, scorers, models, outcomes, funds);
        if (options.reliability)
        {
            std::vector<BidRow> rows;
            for (const FundOutcome& outcome : outcomes)
            {
                for (const BidResult& b : outcome.result.bids)
                {
                    if (b.figures.n > 0)
                    {
                        rows.push_back({&b, &m_round.bids[m_panel.Bids().Find(b.bid)]});
                    }
                }
            }
            out.reliability = ComputeReliability(TotalsTable(m_round, scorers, rows, false));
        }
        out.leniency = std::move(models.leniency);
        for (FundOutcome& outcome : outcomes)
        {
            out.funds.push_back(std::move(outcome.result));
        }
        return out;
    }

    BidResult Describe(std::size_t b) const
    {
        const std::uint32_t f = m_panel.FundOf(b);
        return DescribeBid(m_round, m_panel.Scorers(), f == kNoIndex ? nullptr : &m_round.funds[f],
                           m_round.bids[b], m_panel.Build(b));
    }

    const RoundData& m_round;
    PanelBuilder m_panel;
    std::vector<BidResult> m_described; ///< per round bid, before ranking
};

auto CellOf(const Score& s)
{
    return std::tuple(s.bid, s.member, s.criterion);
}

} // namespace

ReconcileResult Reconcile(const RoundData& round, const ReconcileOptions& options)
{
    return Engine(round, options.use_moderated).AssembleOnce(options);
}

struct Reconciler::State
{
    RoundData round;
    ReconcileOptions options;
    std::unique_ptr<Engine> engine;
    ReconcileResult result;

    void Rebuild()
    {
        engine = std::make_unique<Engine>(round, options.use_moderated);
        result = engine->Assemble(options);
    }
};

Reconciler::Reconciler(RoundData round, ReconcileOptions options)
    : m_state(std::make_unique<State>())
{
    m_state->round = std::move(round);
    m_state->options = options;
    m_state->Rebuild();
}

Reconciler::~Reconciler() = default;
Reconciler::Reconciler(Reconciler&&) noexcept = default;
Reconciler& Reconciler::operator=(Reconciler&&) noexcept = default;

const RoundData& Reconciler::Round() const
{
    return m_state->round;
}

const ReconcileResult& Reconciler::Result() const
{
    return m_state->result;
}

const ReconcileResult& Reconciler::SetScore(const Score& score)
{
    State& s = *m_state;
    auto& scores = s.round.scores;
    const auto it =
        std::lower_bound(scores.begin(), scores.end(), score,
                         [](const Score& a, const Score& b) { return CellOf(a) < CellOf(b); });
    if (it != scores.end() && CellOf(*it) == CellOf(score))
    {
        // Same row, same place: the indexes stay valid, so only this bid is described again.
        *it = score;
        s.engine->Redescribe(score.bid);
        s.result = s.engine->Assemble(s.options);
        return s.result;
    }
    scores.insert(it, score);
    s.Rebuild();
    return s.result;
}

const ReconcileResult& Reconciler::AddModeratedScore(const ModeratedScore& moderated)
{
    m_state->round.moderated.push_back(moderated);
    m_state->Rebuild();
    return m_state->result;
}

const ReconcileResult& Reconciler::SetOptions(const ReconcileOptions& options)
{
    m_state->options = options;
    m_state->Rebuild();
    return m_state->result;
}

} // namespace coscore::scoring
