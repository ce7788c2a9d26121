-- Every scan the door's phones sent (package checkin), kept once by the
-- device and its nonce within a conference: a batch sent again is answered
-- from here the same way, and a scan that did not count is kept with its
-- reason, never dropped. reg_id is 0 for a code that named no registration
-- of this conference.
CREATE TABLE conference_scans (
    id          BIGINT PRIMARY KEY,
    conf_id     BIGINT NOT NULL REFERENCES conference_confs (id),
    reg_id      BIGINT NOT NULL DEFAULT 0,
    code        TEXT NOT NULL,
    device      TEXT NOT NULL,
    nonce       TEXT NOT NULL,
    scanned_at  BIGINT NOT NULL,
    received_at BIGINT NOT NULL,
    outcome     TEXT NOT NULL,
    reason      TEXT NOT NULL DEFAULT '',
    by_name     TEXT NOT NULL DEFAULT '',
    UNIQUE (conf_id, device, nonce)
);
CREATE INDEX conference_scans_conf ON conference_scans (conf_id, outcome);
