-- Claims (认领申请, issue 17 §5.3): a registrant whose ID number another
-- record already holds is not told so; their profile keeps the number
-- without its blind index and a claim asks the staff of the org owning that
-- record to confirm (the account is then linked to it) or refuse.
CREATE TABLE person_claims (
    id          BIGINT PRIMARY KEY,
    person_id   BIGINT NOT NULL REFERENCES people (id) ON DELETE CASCADE, -- the record held
    claimant_id BIGINT REFERENCES people (id) ON DELETE SET NULL,          -- the registrant's own profile
    user_id     BIGINT NOT NULL,
    status      TEXT NOT NULL DEFAULT 'pending',                          -- pending, confirmed, refused
    created_at  BIGINT NOT NULL,
    resolved_by BIGINT,
    resolved_at BIGINT
);
CREATE INDEX person_claims_person ON person_claims (person_id, status);
CREATE INDEX person_claims_claimant ON person_claims (claimant_id);
-- Attempts to give an ID number on one's own profile, for the rate limit
-- per account and per address; rows older than the window are pruned.
CREATE TABLE id_attempts (
    user_id BIGINT NOT NULL,
    addr    TEXT NOT NULL,
    at      BIGINT NOT NULL
);
CREATE INDEX id_attempts_user ON id_attempts (user_id, at);
CREATE INDEX id_attempts_addr ON id_attempts (addr, at);
CREATE INDEX id_attempts_at ON id_attempts (at);
