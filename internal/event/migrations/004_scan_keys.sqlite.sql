-- A scan is kept once by (event, device, nonce), no longer by (device,
-- nonce) across every event: a phone that scans at two events with a
-- nonce repeated was answered at the second from the first's kept scan,
-- and a forged batch of another event's nonces learned that event's
-- answers. Every scan kept so far is unique on (device, nonce), so on the
-- wider key too. Sync looks a kept scan up within its event.
--
-- SQLite cannot drop a table's UNIQUE constraint, so the table is copied
-- into one without it (no table refers to event_scans by a foreign key).
CREATE TABLE event_scans_004 (
    id          BIGINT PRIMARY KEY,
    event_id    BIGINT NOT NULL DEFAULT 0,
    ticket_code TEXT NOT NULL,
    device      TEXT NOT NULL,
    nonce       TEXT NOT NULL,
    scanned_at  BIGINT NOT NULL,
    received_at BIGINT NOT NULL,
    outcome     TEXT NOT NULL,
    reason      TEXT NOT NULL DEFAULT ''
);
INSERT INTO event_scans_004 (id, event_id, ticket_code, device, nonce, scanned_at, received_at, outcome, reason)
    SELECT id, event_id, ticket_code, device, nonce, scanned_at, received_at, outcome, reason FROM event_scans;
DROP TABLE event_scans;
ALTER TABLE event_scans_004 RENAME TO event_scans;
CREATE INDEX event_scans_event ON event_scans (event_id, outcome);
CREATE UNIQUE INDEX event_scans_nonce ON event_scans (event_id, device, nonce);
