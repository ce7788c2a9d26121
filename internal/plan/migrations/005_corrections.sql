-- Corrections and withdrawals keep the ledger whole: a filer may withdraw
-- an entry still waiting for review (state 'withdrawn'); a reviewed entry is
-- corrected by a new one (corrects = the earlier id) which, once accepted,
-- supersedes it (superseded_by). Only current accepted entries count.
ALTER TABLE plan_progress ADD COLUMN corrects BIGINT;
ALTER TABLE plan_progress ADD COLUMN superseded_by BIGINT;
