-- The audit log: append-only, each record chained to the previous one by
-- SHA-256. audit_head holds the last sequence number and hash so that a
-- truncated tail is detected and appends serialize on one row lock.
CREATE TABLE audit_log (
    seq        BIGINT PRIMARY KEY,
    id         BIGINT NOT NULL UNIQUE,
    at         BIGINT NOT NULL,
    actor_id   BIGINT NOT NULL DEFAULT 0,
    actor_name TEXT NOT NULL DEFAULT '',
    org_id     BIGINT NOT NULL DEFAULT 0,
    org_path   TEXT NOT NULL DEFAULT '',
    action     TEXT NOT NULL,
    target     TEXT NOT NULL DEFAULT '',
    summary    TEXT NOT NULL DEFAULT '',
    ip         TEXT NOT NULL DEFAULT '',
    request_id TEXT NOT NULL DEFAULT '',
    prev_hash  TEXT NOT NULL,
    hash       TEXT NOT NULL
);
CREATE INDEX audit_log_at ON audit_log (at);
CREATE INDEX audit_log_actor ON audit_log (actor_id, at);
CREATE INDEX audit_log_action ON audit_log (action, at);

CREATE TABLE audit_head (
    id   INTEGER PRIMARY KEY,
    seq  BIGINT NOT NULL,
    hash TEXT NOT NULL
);
INSERT INTO audit_head (id, seq, hash) VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
