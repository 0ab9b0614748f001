// SPDX-License-Identifier: MIT
// Re-reconciliation after a change in the meeting: keeps a round and every bid's member totals,
// so that a changed score recomputes one bid's totals instead of the whole round's.
#pragma once

#include <coscore/scoring/reconcile.hpp>

#include <memory>

namespace coscore::scoring
{

/// Holds a round snapshot and its reconciliation. Not thread-safe; one owner (the meeting view).
class Reconciler
{
public:
    /// Reconciles `round` once; the result equals Reconcile(round, options).
    explicit Reconciler(RoundData round, ReconcileOptions options = {});
    ~Reconciler();
    Reconciler(Reconciler&&) noexcept;
    Reconciler& operator=(Reconciler&&) noexcept;
    Reconciler(const Reconciler&) = delete;
    Reconciler& operator=(const Reconciler&) = delete;

    const RoundData& Round() const;
    const ReconcileResult& Result() const;

    /// Records one independent score (a value, or missing with a reason), replacing the row of
    /// the same (bid, member, criterion), and re-reconciles. Keeps RoundData::scores sorted.
    const ReconcileResult& SetScore(const Score& score);

    /// Appends a moderated score (the latest per cell applies; an empty value withdraws it) and
    /// re-reconciles.
    const ReconcileResult& AddModeratedScore(const ModeratedScore& moderated);

    /// Replaces the options (e.g. to turn the bootstrap on once the meeting pauses) and
    /// re-reconciles.
    const ReconcileResult& SetOptions(const ReconcileOptions& options);

private:
    struct State;
    std::unique_ptr<State> m_state;
};

} // namespace coscore::scoring
