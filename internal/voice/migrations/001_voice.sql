-- 建言与诉求: what sci-tech workers and the public send a 科协, and the
-- answer they get. contact is sealed with package pii (never in clear);
-- code_hash is the SHA-256 of the tracking code (查询码), so the table
-- alone gives no one a way to follow an item.
CREATE TABLE voice_items (
    id           BIGINT PRIMARY KEY,
    org_id       BIGINT NOT NULL REFERENCES orgs (id),
    kind         TEXT NOT NULL,
    topic        TEXT NOT NULL,
    title        TEXT NOT NULL,
    body         TEXT NOT NULL,
    status       TEXT NOT NULL,
    filer_user   BIGINT NOT NULL DEFAULT 0,
    filer_name   TEXT NOT NULL DEFAULT '',
    contact      TEXT NOT NULL DEFAULT '',
    code_hash    TEXT NOT NULL UNIQUE,
    source       TEXT NOT NULL DEFAULT '',
    handler_user BIGINT NOT NULL DEFAULT 0,
    handler_name TEXT NOT NULL DEFAULT '',
    answer       TEXT NOT NULL DEFAULT '',
    rating       TEXT NOT NULL DEFAULT '',
    reopened     INTEGER NOT NULL DEFAULT 0,
    filed_at     BIGINT NOT NULL,
    accepted_at  BIGINT NOT NULL DEFAULT 0,
    due_at       BIGINT NOT NULL DEFAULT 0,
    answered_at  BIGINT NOT NULL DEFAULT 0,
    close_at     BIGINT NOT NULL DEFAULT 0,
    closed_at    BIGINT NOT NULL DEFAULT 0,
    updated_at   BIGINT NOT NULL
);
CREATE INDEX voice_items_org ON voice_items (org_id, filed_at);
CREATE INDEX voice_items_filed ON voice_items (filed_at, id);
CREATE INDEX voice_items_due ON voice_items (due_at, id);
-- The overdue count of the home page reads this index alone.
CREATE INDEX voice_items_status ON voice_items (status, due_at, org_id, filer_user);
CREATE INDEX voice_items_filer ON voice_items (filer_user, filed_at);
CREATE INDEX voice_items_source ON voice_items (source, filed_at);

-- Every step of an item, appended and never changed: the timeline. A
-- correction of an answer is a new row; the old text stays in its own.
-- internal rows (notes between staff) are not shown to the filer.
CREATE TABLE voice_events (
    id         BIGINT PRIMARY KEY,
    item_id    BIGINT NOT NULL REFERENCES voice_items (id),
    at         BIGINT NOT NULL,
    actor_user BIGINT NOT NULL DEFAULT 0,
    actor_name TEXT NOT NULL DEFAULT '',
    action     TEXT NOT NULL,
    note       TEXT NOT NULL DEFAULT '',
    detail     TEXT NOT NULL DEFAULT '',
    internal   INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX voice_events_item ON voice_events (item_id, at, id);
