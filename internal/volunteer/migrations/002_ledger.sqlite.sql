-- SQLite keeps the ledger in seq order as its rowid (INTEGER PRIMARY KEY),
-- so verify reads the table in order without an index.
-- The hours ledger: rows are only ever appended. Each row's hash is an
-- HMAC-SHA-256 (under a key derived like the audit key) over its fields and
-- the previous row's hash; the head row carries a MAC of the last seq and
-- hash, so a truncated tail is found too. Corrections are new rows.
CREATE TABLE volunteer_hours (
    seq          INTEGER PRIMARY KEY,        -- the rowid: the walk in seq order reads the table itself
    volunteer_id BIGINT NOT NULL,
    day          TEXT NOT NULL,               -- YYYY-MM-DD, Beijing time
    minutes      INTEGER NOT NULL,            -- negative for a correction
    source       TEXT NOT NULL,               -- checkout, claim, correction
    ref_id       BIGINT NOT NULL DEFAULT 0,   -- the sign-up or claim
    by_user      BIGINT NOT NULL DEFAULT 0,
    at           BIGINT NOT NULL,
    prev_hash    TEXT NOT NULL,
    hash         TEXT NOT NULL
);
CREATE INDEX volunteer_hours_vol ON volunteer_hours (volunteer_id, day);
CREATE INDEX volunteer_hours_at ON volunteer_hours (at);

CREATE TABLE volunteer_hours_head (
    id   INTEGER PRIMARY KEY,
    seq  BIGINT NOT NULL,
    hash TEXT NOT NULL,
    mac  TEXT NOT NULL
);
INSERT INTO volunteer_hours_head (id, seq, hash, mac) VALUES (1, 0, '', '');

