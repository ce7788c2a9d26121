-- Background work of every module (package jobs). A row is a job's whole
-- state, so any app node can run it, show its progress or take it over: the
-- node holding it renews lease_until while the handler runs; a running job
-- whose lease has passed belongs to a node that died, and the next node
-- that polls claims it again (lease_token tells the old holder it lost it).
-- Results and errors are codes with JSON arguments, translated when shown.
CREATE TABLE jobs (
    id               BIGINT PRIMARY KEY,
    kind             TEXT NOT NULL,
    org_id           BIGINT NOT NULL DEFAULT 0,  -- 0: no org (system work; sysadmins only)
    user_id          BIGINT NOT NULL DEFAULT 0,  -- who asked for it; 0: the system
    args             TEXT NOT NULL DEFAULT '{}',
    state            TEXT NOT NULL,              -- queued, running, done, failed, cancelled
    attempts         INTEGER NOT NULL DEFAULT 0,
    max_attempts     INTEGER NOT NULL DEFAULT 3,
    run_after        BIGINT NOT NULL,
    lease_until      BIGINT NOT NULL DEFAULT 0,
    lease_token      BIGINT NOT NULL DEFAULT 0,
    node             TEXT NOT NULL DEFAULT '',
    cancel_requested INTEGER NOT NULL DEFAULT 0,
    progress_done    BIGINT NOT NULL DEFAULT 0,
    progress_total   BIGINT NOT NULL DEFAULT 0,
    message_key      TEXT NOT NULL DEFAULT '',
    message_args     TEXT NOT NULL DEFAULT '[]',
    result           TEXT NOT NULL DEFAULT '',
    error_code       TEXT NOT NULL DEFAULT '',
    error_args       TEXT NOT NULL DEFAULT '[]',
    created_at       BIGINT NOT NULL,
    started_at       BIGINT NOT NULL DEFAULT 0,
    finished_at      BIGINT NOT NULL DEFAULT 0,
    updated_at       BIGINT NOT NULL
);
CREATE INDEX jobs_ready ON jobs (state, run_after);
CREATE INDEX jobs_user ON jobs (user_id, kind, state);
CREATE INDEX jobs_created ON jobs (created_at);
