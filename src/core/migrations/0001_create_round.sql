-- Schema v1 of a CoScore round file: every concept of PRODUCT.md §2.
-- STRICT tables with explicit primary keys (the session extension needs them for returns).

CREATE TABLE round (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    uuid TEXT NOT NULL,
    title TEXT NOT NULL CHECK (length(trim(title)) > 0),
    created_at TEXT NOT NULL,
    protective_marking TEXT NOT NULL DEFAULT ''
) STRICT;

CREATE TABLE policy (
    name TEXT PRIMARY KEY,
    value TEXT NOT NULL
) STRICT, WITHOUT ROWID;

CREATE TABLE funds (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(trim(name)) > 0),
    budget_pence INTEGER NOT NULL CHECK (budget_pence >= 0),
    min_award_pence INTEGER CHECK (min_award_pence IS NULL OR min_award_pence >= 0),
    max_award_pence INTEGER CHECK (max_award_pence IS NULL OR max_award_pence >= 0),
    position INTEGER NOT NULL,
    locked INTEGER NOT NULL DEFAULT 0 CHECK (locked IN (0, 1))
) STRICT;

CREATE TABLE pots (
    id INTEGER PRIMARY KEY,
    fund_id INTEGER NOT NULL REFERENCES funds (id),
    name TEXT NOT NULL CHECK (length(trim(name)) > 0),
    minimum_pence INTEGER NOT NULL CHECK (minimum_pence >= 0),
    field TEXT NOT NULL,
    UNIQUE (fund_id, name)
) STRICT;

CREATE TABLE pot_values (
    pot_id INTEGER NOT NULL REFERENCES pots (id),
    value TEXT NOT NULL,
    PRIMARY KEY (pot_id, value)
) STRICT, WITHOUT ROWID;

-- Each fund has its own scoring form; its criteria follow.
CREATE TABLE scoring_forms (
    fund_id INTEGER PRIMARY KEY REFERENCES funds (id),
    title TEXT NOT NULL DEFAULT '',
    introduction TEXT NOT NULL DEFAULT ''
) STRICT;

CREATE TABLE criteria (
    id INTEGER PRIMARY KEY,
    fund_id INTEGER NOT NULL REFERENCES scoring_forms (fund_id),
    ref TEXT NOT NULL COLLATE NOCASE CHECK (length(trim(ref)) > 0),
    name TEXT NOT NULL CHECK (length(trim(name)) > 0),
    question TEXT NOT NULL DEFAULT '',
    guidance TEXT NOT NULL DEFAULT '',
    easy_read TEXT NOT NULL DEFAULT '',
    weight_percent REAL NOT NULL CHECK (weight_percent >= 0 AND weight_percent <= 100),
    scale_min INTEGER NOT NULL,
    scale_max INTEGER NOT NULL,
    gate INTEGER,
    position INTEGER NOT NULL,
    UNIQUE (fund_id, ref),
    CHECK (scale_max > scale_min AND scale_max - scale_min <= 100),
    CHECK (gate IS NULL OR gate BETWEEN scale_min AND scale_max)
) STRICT;

CREATE TABLE criterion_levels (
    criterion_id INTEGER NOT NULL REFERENCES criteria (id),
    level INTEGER NOT NULL,
    descriptor TEXT NOT NULL,
    easy_read TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (criterion_id, level)
) STRICT, WITHOUT ROWID;

CREATE TABLE members (
    id INTEGER PRIMARY KEY,
    ref TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(trim(ref)) > 0),
    name TEXT NOT NULL CHECK (length(trim(name)) > 0),
    role TEXT NOT NULL CHECK (role IN ('councillor', 'person_using_services', 'carer',
                                       'voluntary_sector', 'officer')),
    scores INTEGER NOT NULL CHECK (scores IN (0, 1)),
    chair TEXT NOT NULL DEFAULT 'none' CHECK (chair IN ('none', 'chair', 'co_chair', 'deputy')),
    position INTEGER NOT NULL
) STRICT;

CREATE TABLE bids (
    id INTEGER PRIMARY KEY,
    ref TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(trim(ref)) > 0),
    fund_id INTEGER NOT NULL REFERENCES funds (id),
    organisation TEXT NOT NULL,
    project_title TEXT NOT NULL,
    requested_pence INTEGER NOT NULL CHECK (requested_pence >= 0),
    ward TEXT NOT NULL DEFAULT '',
    summary TEXT NOT NULL DEFAULT '',
    eligibility TEXT NOT NULL DEFAULT 'not_checked'
        CHECK (eligibility IN ('not_checked', 'eligible', 'ineligible')),
    eligibility_note TEXT NOT NULL DEFAULT '',
    position INTEGER NOT NULL
) STRICT;
CREATE INDEX bids_by_fund ON bids (fund_id, position);

-- Further application fields, kept in the applicant's order and shown to members.
CREATE TABLE bid_fields (
    bid_id INTEGER NOT NULL REFERENCES bids (id),
    position INTEGER NOT NULL,
    name TEXT NOT NULL,
    value TEXT NOT NULL,
    PRIMARY KEY (bid_id, position)
) STRICT, WITHOUT ROWID;

-- Declared interests are append-only: a declaration is never edited or withdrawn silently.
CREATE TABLE interests (
    member_id INTEGER NOT NULL REFERENCES members (id),
    bid_id INTEGER NOT NULL REFERENCES bids (id),
    type TEXT NOT NULL CHECK (type IN ('employee_or_trustee', 'uses_service', 'volunteers',
                                       'family_or_friend', 'financial', 'other')),
    rule TEXT NOT NULL CHECK (rule IN ('no_score_no_see', 'no_score_may_speak',
                                       'declared_may_score')),
    declared_at TEXT NOT NULL,
    note TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (member_id, bid_id)
) STRICT, WITHOUT ROWID;
CREATE TRIGGER interests_no_update BEFORE UPDATE ON interests
BEGIN
    SELECT RAISE(ABORT, 'declared interests are append-only');
END;
CREATE TRIGGER interests_no_delete BEFORE DELETE ON interests
BEGIN
    SELECT RAISE(ABORT, 'declared interests are append-only');
END;

CREATE TABLE score_sheets (
    bid_id INTEGER NOT NULL REFERENCES bids (id),
    member_id INTEGER NOT NULL REFERENCES members (id),
    status TEXT NOT NULL DEFAULT 'not_started'
        CHECK (status IN ('not_started', 'in_progress', 'complete', 'submitted')),
    strengths TEXT NOT NULL DEFAULT '',
    concerns TEXT NOT NULL DEFAULT '',
    questions TEXT NOT NULL DEFAULT '',
    needs_explaining INTEGER NOT NULL DEFAULT 0 CHECK (needs_explaining IN (0, 1)),
    supported_by TEXT NOT NULL DEFAULT '',
    updated_at TEXT NOT NULL,
    PRIMARY KEY (bid_id, member_id)
) STRICT, WITHOUT ROWID;

-- Independent scores: a value, or missing with a reason; never 0 for missing.
CREATE TABLE scores (
    bid_id INTEGER NOT NULL REFERENCES bids (id),
    member_id INTEGER NOT NULL REFERENCES members (id),
    criterion_id INTEGER NOT NULL REFERENCES criteria (id),
    value INTEGER,
    missing_reason TEXT CHECK (missing_reason IN ('not_yet', 'interest', 'absent', 'abstained')),
    PRIMARY KEY (bid_id, member_id, criterion_id),
    CHECK ((value IS NULL) = (missing_reason IS NOT NULL))
) STRICT, WITHOUT ROWID;
CREATE TRIGGER scores_guard_insert BEFORE INSERT ON scores
BEGIN
    SELECT RAISE(ABORT, 'score refused: the member has declared an interest in this bid')
    WHERE NEW.value IS NOT NULL AND EXISTS (
        SELECT 1 FROM interests i
        WHERE i.member_id = NEW.member_id AND i.bid_id = NEW.bid_id
          AND i.rule <> 'declared_may_score');
    SELECT RAISE(ABORT, 'score refused: outside the criterion scale, or a criterion of another fund')
    WHERE NOT EXISTS (
        SELECT 1 FROM criteria c JOIN bids b ON b.fund_id = c.fund_id
        WHERE c.id = NEW.criterion_id AND b.id = NEW.bid_id
          AND (NEW.value IS NULL OR NEW.value BETWEEN c.scale_min AND c.scale_max));
END;
CREATE TRIGGER scores_guard_update BEFORE UPDATE ON scores
BEGIN
    SELECT RAISE(ABORT, 'score refused: the member has declared an interest in this bid')
    WHERE NEW.value IS NOT NULL AND EXISTS (
        SELECT 1 FROM interests i
        WHERE i.member_id = NEW.member_id AND i.bid_id = NEW.bid_id
          AND i.rule <> 'declared_may_score');
    SELECT RAISE(ABORT, 'score refused: outside the criterion scale, or a criterion of another fund')
    WHERE NOT EXISTS (
        SELECT 1 FROM criteria c JOIN bids b ON b.fund_id = c.fund_id
        WHERE c.id = NEW.criterion_id AND b.id = NEW.bid_id
          AND (NEW.value IS NULL OR NEW.value BETWEEN c.scale_min AND c.scale_max));
END;

-- Scores changed in the meeting, beside the independent ones; the latest row per cell applies,
-- and a NULL value withdraws the moderation. History is kept.
CREATE TABLE moderated_scores (
    id INTEGER PRIMARY KEY,
    bid_id INTEGER NOT NULL REFERENCES bids (id),
    member_id INTEGER NOT NULL REFERENCES members (id),
    criterion_id INTEGER NOT NULL REFERENCES criteria (id),
    value INTEGER,
    reason TEXT NOT NULL CHECK (length(trim(reason)) > 0),
    recorded_by TEXT NOT NULL,
    recorded_at TEXT NOT NULL
) STRICT;
CREATE INDEX moderated_by_cell ON moderated_scores (bid_id, member_id, criterion_id, id);
CREATE TRIGGER moderated_no_update BEFORE UPDATE ON moderated_scores
BEGIN
    SELECT RAISE(ABORT, 'moderation history is append-only');
END;
CREATE TRIGGER moderated_no_delete BEFORE DELETE ON moderated_scores
BEGIN
    SELECT RAISE(ABORT, 'moderation history is append-only');
END;

CREATE TABLE decisions (
    bid_id INTEGER PRIMARY KEY REFERENCES bids (id),
    kind TEXT NOT NULL CHECK (kind IN ('fund_in_full', 'fund_reduced', 'fund_with_conditions',
                                       'reject', 'defer')),
    award_pence INTEGER CHECK (award_pence IS NULL OR award_pence >= 0),
    conditions TEXT NOT NULL DEFAULT '',
    reason TEXT NOT NULL DEFAULT '',
    feedback TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL DEFAULT 'proposed' CHECK (status IN ('proposed', 'agreed', 'locked')),
    updated_at TEXT NOT NULL,
    CHECK (kind <> 'fund_reduced' OR (award_pence IS NOT NULL AND length(trim(reason)) > 0)),
    CHECK (kind <> 'fund_with_conditions' OR length(trim(conditions)) > 0),
    CHECK (kind NOT IN ('reject', 'defer') OR length(trim(reason)) > 0)
) STRICT;

-- A tie group at the funding line resolved by the chair or by a seeded lottery.
CREATE TABLE tie_breaks (
    id INTEGER PRIMARY KEY,
    fund_id INTEGER NOT NULL REFERENCES funds (id),
    by_lottery INTEGER NOT NULL CHECK (by_lottery IN (0, 1)),
    seed INTEGER NOT NULL DEFAULT 0,
    reason TEXT NOT NULL DEFAULT '',
    recorded_by TEXT NOT NULL,
    recorded_at TEXT NOT NULL,
    CHECK (by_lottery = 1 OR length(trim(reason)) > 0)
) STRICT;
CREATE TABLE tie_break_bids (
    tie_break_id INTEGER NOT NULL REFERENCES tie_breaks (id),
    position INTEGER NOT NULL,
    bid_id INTEGER NOT NULL REFERENCES bids (id),
    PRIMARY KEY (tie_break_id, position)
) STRICT, WITHOUT ROWID;

-- Append-only, hash-chained: hash = SHA-256(prev_hash || canonical record). `detail` holds ids
-- and values, never names or application text, so a personal-data purge keeps the chain valid.
CREATE TABLE audit_log (
    seq INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    actor TEXT NOT NULL,
    action TEXT NOT NULL,
    detail TEXT NOT NULL,
    prev_hash BLOB NOT NULL,
    hash BLOB NOT NULL
) STRICT;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only');
END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only');
END;
