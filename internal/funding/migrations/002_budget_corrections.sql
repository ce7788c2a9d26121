-- A correction keeps history: the corrected entry stays, marked superseded
-- by the entry that replaces it (an amount of 0 withdraws it), which names it
-- and gives the reason. Sums read the entries no other has superseded.
ALTER TABLE funding_budgets ADD COLUMN corrects_id BIGINT NOT NULL DEFAULT 0;
ALTER TABLE funding_budgets ADD COLUMN superseded_by BIGINT NOT NULL DEFAULT 0;
ALTER TABLE funding_budgets ADD COLUMN reason TEXT NOT NULL DEFAULT '';
