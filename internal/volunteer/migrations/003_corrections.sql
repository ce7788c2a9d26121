-- Hour corrections by staff: filed with a reason against one ledger entry,
-- approved by a different person, then appended to the ledger as a new
-- entry (source correction, ref_id = the correction). Nothing here is ever
-- deleted; a decided correction keeps who decided it and when.
CREATE TABLE volunteer_corrections (
    id           BIGINT PRIMARY KEY,
    volunteer_id BIGINT NOT NULL REFERENCES volunteers (id),
    entry_seq    BIGINT NOT NULL,             -- the ledger entry corrected
    minutes      INTEGER NOT NULL,            -- signed: negative takes time off
    reason       TEXT NOT NULL,
    status       TEXT NOT NULL,               -- pending, approved, rejected
    filed_by     BIGINT NOT NULL,
    decided_by   BIGINT NOT NULL DEFAULT 0,
    decided_at   BIGINT NOT NULL DEFAULT 0,
    ledger_seq   BIGINT NOT NULL DEFAULT 0,   -- the correction's own entry, once approved
    created_at   BIGINT NOT NULL
);
CREATE INDEX volunteer_corrections_vol ON volunteer_corrections (volunteer_id, status);
CREATE INDEX volunteer_corrections_entry ON volunteer_corrections (entry_seq);

-- A star whose basis a correction took below its hours is flagged for
-- review (never removed silently): staff keep it or revoke it.
ALTER TABLE volunteer_stars ADD COLUMN review_since BIGINT NOT NULL DEFAULT 0;   -- flagged at; 0: not flagged
ALTER TABLE volunteer_stars ADD COLUMN review_outcome TEXT NOT NULL DEFAULT '';  -- '', kept, revoked
ALTER TABLE volunteer_stars ADD COLUMN reviewed_by BIGINT NOT NULL DEFAULT 0;
ALTER TABLE volunteer_stars ADD COLUMN reviewed_at BIGINT NOT NULL DEFAULT 0;
