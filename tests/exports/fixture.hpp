// SPDX-License-Identifier: MIT
// A small, realistic round for the export tests: two funds with their own forms, seven scoring
// members and an advising officer, twelve bids, interests, an absence, an incomplete sheet, a
// moderated score, every kind of decision, and an audit log. Deterministic.
#pragma once

#include <coscore/exports/export.hpp>
#include <coscore/scoring/model.hpp>
#include <coscore/scoring/reconcile.hpp>

#include <chrono>
#include <string>
#include <vector>

namespace coscore::test
{

/// 14 March 2026, 10:00:00 UTC: the pinned "generated at" of every fixture export.
inline constexpr std::chrono::sys_seconds kPinnedTime{std::chrono::seconds{1773482400}};

inline constexpr const char* kAuditHead =
    "9f2c4e1a7b3d5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8";

/// The round, built the same way every time.
scoring::RoundData MakeFixtureRound();

/// `count` audit rows ending in kAuditHead.
std::vector<exports::AuditRow> MakeAuditRows(int count);

/// A round, its reconciliation and audit rows, kept together so ExportInput can refer to them.
struct Fixture
{
    scoring::RoundData round;
    scoring::ReconcileResult result;
    std::vector<exports::AuditRow> audit;

    exports::ExportInput Input() const;
};

/// Reconciles `round` (with moderated scores) and adds audit rows.
Fixture MakeFixture(scoring::RoundData round);

} // namespace coscore::test
