-- Schema v2: the returns board (PRODUCT.md §3 step 4): which member returned what, and when.
-- A return is accepted only with a sequence number above the last one accepted.
CREATE TABLE member_returns (
    member_id INTEGER NOT NULL REFERENCES members (id),
    seq INTEGER NOT NULL CHECK (seq > 0),
    received_at TEXT NOT NULL,
    package_hash BLOB NOT NULL,
    scores_applied INTEGER NOT NULL CHECK (scores_applied >= 0),
    PRIMARY KEY (member_id, seq)
) STRICT, WITHOUT ROWID;
