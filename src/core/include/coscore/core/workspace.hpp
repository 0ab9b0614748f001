// SPDX-License-Identifier: MIT
// The one facade over an open round (STYLE.md §6): value-snapshot reads and intention-named
// commands, each one transaction that also appends its audit entry, then a change event.
#pragma once

#include <coscore/core/audit.hpp>
#include <coscore/core/errors.hpp>
#include <coscore/core/round_file.hpp>
#include <coscore/scoring/model.hpp>

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace coscore::core
{

/// Who is acting: written into every audit entry. Officers may unlock funds.
struct Actor
{
    std::string id = "officer"; ///< a member ref, or "officer:<login>"
    bool is_officer = true;
};

/// The default actor of the command line and the officer's desktop: "officer:<login>".
Actor CurrentOfficer();

/// Current time, ISO 8601 UTC to the second ("2026-11-22T14:02:05Z").
std::string NowUtc();

enum class ChangeKind
{
    Round,
    Funds,
    Criteria,
    Members,
    Bids,
    Interests,
    Scores,
    Moderation,
    Decisions,
    Locks,
    TieBreaks,
    Policy,
    Import,
};

struct ChangeEvent
{
    ChangeKind kind = ChangeKind::Round;
    std::vector<scoring::Key> ids; ///< the bids, funds, … that changed
};

/// Keeps a change subscription alive; unsubscribes when destroyed (views keep it as a member).
class Subscription
{
public:
    Subscription() = default;
    explicit Subscription(std::function<void()> release) : m_release(std::move(release)) {}
    ~Subscription() { Reset(); }
    Subscription(Subscription&& other) noexcept : m_release(std::move(other.m_release))
    {
        other.m_release = nullptr;
    }
    Subscription& operator=(Subscription&& other) noexcept
    {
        if (this != &other)
        {
            Reset();
            m_release = std::move(other.m_release);
            other.m_release = nullptr;
        }
        return *this;
    }
    Subscription(const Subscription&) = delete;
    Subscription& operator=(const Subscription&) = delete;
    void Reset()
    {
        if (m_release)
        {
            m_release();
            m_release = nullptr;
        }
    }

private:
    std::function<void()> m_release;
};

/// A member's sheet for one bid with a score slot per criterion of the bid's fund, in form order.
struct SheetView
{
    scoring::ScoreSheet sheet;
    std::vector<scoring::Score> scores; ///< one per criterion; missing NotYet when never scored
};

/// Notes on a sheet that a member edits beside the scores.
struct SheetNotes
{
    scoring::Key bid = 0;
    scoring::Key member = 0;
    std::string strengths;
    std::string concerns;
    std::string questions;
    bool needs_explaining = false;
    std::string supported_by;

    bool operator==(const SheetNotes&) const = default;
};

/// Rows added in one all-or-nothing step (import, demo). Keys are chosen by the caller and must
/// not exist yet; scores reference them.
struct ImportBatch
{
    std::string source; ///< what was imported: "bids.csv (sha256 …)"; ids only, no content
    std::vector<scoring::Fund> funds; ///< with pots and criteria
    /// Criteria added to funds already in the round: (fund key, criterion), in form order.
    std::vector<std::pair<scoring::Key, scoring::Criterion>> criteria;
    std::vector<scoring::Member> members;
    std::vector<scoring::Bid> bids;
    std::vector<scoring::Interest> interests;
    std::vector<scoring::ScoreSheet> sheets;
    std::vector<scoring::Score> scores;
    /// Writes a sheet for every (bid, member) pair scored in `scores`, with the status its scores
    /// give (complete, or in progress); a pair's entry in `sheets`, if any, supplies the notes.
    bool derive_sheets = false;
};

// ---- Imports (issue #4; implemented in src/core/src/workspace_import.cpp) -------------------

/// What an import is validated against: the round's rows except scores, the (bid, member)
/// pairs that already have a sheet or a score, and the next free keys.
struct ImportBaseline
{
    std::vector<scoring::Fund> funds; ///< with criteria and pots
    std::vector<scoring::Member> members;
    std::vector<scoring::Bid> bids; ///< without application fields
    std::vector<scoring::Interest> interests;
    std::vector<std::pair<scoring::Key, scoring::Key>> scored_pairs; ///< (bid, member), sorted
    scoring::Key next_fund = 1;
    scoring::Key next_criterion = 1;
    scoring::Key next_pot = 1;
    scoring::Key next_member = 1;
    scoring::Key next_bid = 1;
};

struct VerifyReport
{
    bool integrity_ok = false;
    bool foreign_keys_ok = false;
    std::vector<std::string> problems;
    AuditVerification audit;
    int schema_version = 0;
    bool Ok() const { return integrity_ok && foreign_keys_ok && audit.Ok() && problems.empty(); }
};

class Workspace
{
public:
    /// Creates a new round file (the path must not exist) and opens it.
    static std::unique_ptr<Workspace> Create(const std::string& path, const std::string& title);
    /// Opens an existing round after the checks of RELIABILITY.md §1 (throws OpenError).
    static std::unique_ptr<Workspace> Open(const std::string& path,
                                           const OpenOptions& options = {});

    ~Workspace();
    Workspace(const Workspace&) = delete;
    Workspace& operator=(const Workspace&) = delete;

    void SetActor(Actor actor) { m_actor = std::move(actor); }
    const Actor& GetActor() const { return m_actor; }
    /// Replaces the clock (tests pin time so that files are reproducible).
    void SetClock(std::function<std::string()> clock) { m_clock = std::move(clock); }
    const std::string& Path() const;
    bool IsReadOnly() const;

    [[nodiscard]] Subscription Subscribe(std::function<void(const ChangeEvent&)> handler);

    // ---- Reads: value snapshots --------------------------------------------------------------
    /// The whole round. `ForScoring` leaves out the score sheets the scoring library does not
    /// read (it reads only those asking for an explanation): at L that is 500,000 sheets, about
    /// 90 MB, which reconcile and export do not need.
    enum class Load
    {
        Everything,
        ForScoring,
    };
    scoring::RoundData LoadRound(Load what = Load::Everything) const;
    scoring::RoundInfo GetRoundInfo() const;
    scoring::Policy GetPolicy() const;
    std::vector<scoring::Fund> ListFunds() const;
    std::vector<scoring::Member> ListMembers() const;
    std::vector<scoring::Bid> ListBids() const;
    std::vector<scoring::Interest> ListInterests() const;
    std::optional<scoring::Member> FindMember(scoring::Key member) const;
    std::optional<scoring::Bid> FindBid(scoring::Key bid) const;
    /// The bids a member may score: every bid except those they declared an interest in.
    std::vector<scoring::Bid> ListBidsForMember(scoring::Key member) const;
    SheetView GetSheet(scoring::Key bid, scoring::Key member) const;
    std::vector<scoring::ModeratedScore> ListModerations(scoring::Key bid) const;
    std::optional<scoring::Decision> GetDecision(scoring::Key bid) const;
    bool IsFundLocked(scoring::Key fund) const;
    std::vector<AuditEntry> ListAudit() const;
    /// Integrity, foreign keys, schema and the audit chain.
    VerifyReport Verify() const;

    // ---- Commands: one transaction and one audit entry each ----------------------------------
    scoring::Key AddFund(const scoring::Fund& fund);
    void SetFundBudget(scoring::Key fund, scoring::Pence budget);
    scoring::Key AddPot(scoring::Key fund, const scoring::Pot& pot);
    scoring::Key AddCriterion(scoring::Key fund, const scoring::Criterion& criterion);
    void UpdateCriterion(const scoring::Criterion& criterion);
    scoring::Key AddMember(const scoring::Member& member);
    scoring::Key AddBid(const scoring::Bid& bid);
    void SetEligibility(scoring::Key bid, scoring::Eligibility eligibility,
                        const std::string& note);
    void DeclareInterest(const scoring::Interest& interest);
    /// Records one criterion score: a value within the scale, or missing with a reason.
    void RecordScore(scoring::Key bid, scoring::Key member, scoring::Key criterion,
                     std::optional<int> value,
                     scoring::MissingReason missing = scoring::MissingReason::NotYet);
    void SaveSheetNotes(const SheetNotes& notes);
    void SubmitSheet(scoring::Key bid, scoring::Key member);
    void RecordModeratedScore(const scoring::ModeratedScore& moderated);
    void SetDecision(const scoring::Decision& decision);
    void LockFund(scoring::Key fund);
    void UnlockFund(scoring::Key fund, const std::string& reason);
    void RecordTieBreak(const scoring::TieBreak& tie_break);
    void SetPolicy(const scoring::Policy& policy);
    void SetProtectiveMarking(const std::string& marking);
    /// Adds every row of the batch, or nothing.
    void Import(const ImportBatch& batch);
    /// Writes a consistent copy (VACUUM INTO), never a file copy of the live round.
    void BackupTo(const std::string& target) const;
    /// Writes a dated backup into `folder` (created if needed): a consistent copy to a temporary
    /// name, integrity-checked, then renamed; keeps the newest `keep` backups of this round and
    /// removes older ones. Returns the backup's path. Throws StorageError if the copy fails its
    /// check (the bad copy is removed, older backups are kept).
    std::string RotateBackup(const std::string& folder, int keep = 10) const;

    // ---- Imports (issue #4; implemented in src/core/src/workspace_import.cpp) ---------------
    /// The round as an import sees it: everything an import validates against, except scores.
    ImportBaseline GetImportBaseline() const;
    /// Records a refused import: one `import_rejected` audit entry (source and counts only).
    void RecordImportRejected(const std::string& source, int errors, int warnings,
                              const std::string& first_code);

    // ---- Setup edits and the scoring page (issue #6; src/core/src/workspace_setup.cpp) ------
    // Each is one transaction and one audit entry, like the commands above. They also serve as
    // the inverse commands of the desktop's undo (undo is a new command with its own entry).

    /// Gives the round a new title.
    void SetRoundTitle(const std::string& title);
    /// Renames a fund and sets its award limits; its budget changes through SetFundBudget.
    void UpdateFund(const scoring::Fund& fund);
    /// Removes a fund with no bids and no criteria yet; its pots go with it.
    void RemoveFund(scoring::Key fund);
    /// Removes a ring-fenced pot from its fund.
    void RemovePot(scoring::Key pot);
    /// Removes a criterion nobody has scored yet; its level descriptors go with it.
    void RemoveCriterion(scoring::Key criterion);
    /// Moves a criterion to `index` (0-based, clamped) in its fund's scoring form.
    void MoveCriterion(scoring::Key criterion, int index);
    /// Changes a member's id, name, role, whether they score and their chair role.
    void UpdateMember(const scoring::Member& member);
    /// Removes a member who has no scores, sheets, interests or returns yet.
    void RemoveMember(scoring::Key member);
    /// Changes a bid's application details and fields; eligibility goes through SetEligibility.
    void UpdateBid(const scoring::Bid& bid);
    /// Removes a bid with no scores, sheets, interests, decisions or tie-breaks yet.
    void RemoveBid(scoring::Key bid);
    /// Every sheet the member has, in bid order (statuses and progress of the scoring page).
    std::vector<scoring::ScoreSheet> ListSheetsForMember(scoring::Key member) const;

    // ---- The chair's meeting (issue #8; src/core/src/workspace_meeting.cpp) -----------------
    /// Withdraws a bid's proposed or agreed decision, so that the bid is undecided again (the
    /// undo of a first decision). One audit entry with the decision withdrawn; refused when the
    /// fund is locked or the bid has no decision.
    void WithdrawDecision(scoring::Key bid);

private:
    explicit Workspace(std::unique_ptr<RoundFile> file);
    /// Runs `body(db, detail)` in one BEGIN IMMEDIATE transaction, appends the audit entry
    /// (`detail` is a JSON object of ids and values), commits, then publishes `event`.
    template <typename Body>
    void Execute(std::string_view action, ChangeEvent event, Body&& body);
    void Publish(const ChangeEvent& event);
    std::string Now() const;

    std::unique_ptr<RoundFile> m_file;
    Actor m_actor;
    std::function<std::string()> m_clock;
    struct Subscribers;
    std::shared_ptr<Subscribers> m_subscribers;
};

} // namespace coscore::core
