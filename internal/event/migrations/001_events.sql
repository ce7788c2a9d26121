-- Events (全国科普日, 科技活动周, 大篷车 stops, lectures) of an org, the
-- tickets of their registrations with a waiting list, and the check-in
-- scans phones send when they are online again.
CREATE TABLE events (
    id         BIGINT PRIMARY KEY,
    org_id     BIGINT NOT NULL REFERENCES orgs (id),
    venue_id   BIGINT NOT NULL DEFAULT 0,         -- a venue of internal/venue, 0 for none
    title      TEXT NOT NULL,
    kind       TEXT NOT NULL,                     -- lecture, kepuri, week, caravan, other
    audience   TEXT NOT NULL DEFAULT '',
    place      TEXT NOT NULL DEFAULT '',
    capacity   INTEGER NOT NULL,
    confirmed  INTEGER NOT NULL DEFAULT 0,        -- confirmed tickets, kept with each change
    starts_at  BIGINT NOT NULL,
    ends_at    BIGINT NOT NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE INDEX events_org ON events (org_id, starts_at);
CREATE INDEX events_starts ON events (starts_at);

CREATE TABLE event_tickets (
    id          BIGINT PRIMARY KEY,
    event_id    BIGINT NOT NULL REFERENCES events (id),
    code        TEXT NOT NULL UNIQUE,              -- what the QR ticket carries
    name        TEXT NOT NULL,
    status      TEXT NOT NULL,                     -- confirmed, waiting, cancelled
    created_at  BIGINT NOT NULL,
    promoted_at BIGINT NOT NULL DEFAULT 0,
    cancelled_at BIGINT NOT NULL DEFAULT 0
);
CREATE INDEX event_tickets_event ON event_tickets (event_id, status, id);

-- Every scan a device sent, once: (device, nonce) makes a replayed batch
-- change nothing. outcome: accepted, duplicate, rejected, walk_in.
CREATE TABLE event_scans (
    id          BIGINT PRIMARY KEY,
    event_id    BIGINT NOT NULL DEFAULT 0,
    ticket_code TEXT NOT NULL,
    device      TEXT NOT NULL,
    nonce       TEXT NOT NULL,
    scanned_at  BIGINT NOT NULL,
    received_at BIGINT NOT NULL,
    outcome     TEXT NOT NULL,
    reason      TEXT NOT NULL DEFAULT '',
    UNIQUE (device, nonce)
);
CREATE INDEX event_scans_event ON event_scans (event_id, outcome);

-- One row per ticket that came in: however many devices scanned it.
CREATE TABLE event_attendance (
    ticket_id  BIGINT PRIMARY KEY REFERENCES event_tickets (id),
    event_id   BIGINT NOT NULL REFERENCES events (id),
    scan_id    BIGINT NOT NULL,
    device     TEXT NOT NULL,
    checked_at BIGINT NOT NULL
);
CREATE INDEX event_attendance_event ON event_attendance (event_id);
