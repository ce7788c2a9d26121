-- 科普: the public portal's items (articles, videos, 辟谣), their earlier
-- versions, emergencies, rumour leads, uploaded media and reach counters.
CREATE TABLE kepu_series (
    id          BIGINT PRIMARY KEY,
    org_id      BIGINT NOT NULL REFERENCES orgs (id),
    title       TEXT NOT NULL,
    summary     TEXT NOT NULL DEFAULT '',
    created_at  BIGINT NOT NULL
);

CREATE TABLE kepu_emergencies (
    id          BIGINT PRIMARY KEY,
    org_id      BIGINT NOT NULL REFERENCES orgs (id),
    topic       TEXT NOT NULL,
    region      TEXT NOT NULL,
    status      TEXT NOT NULL,            -- open, closed
    opened_by   BIGINT NOT NULL,
    opened_at   BIGINT NOT NULL,
    closed_at   BIGINT NOT NULL DEFAULT 0
);

-- Editors an administrator designates to publish at once during one emergency.
CREATE TABLE kepu_emergency_editors (
    emergency_id BIGINT NOT NULL REFERENCES kepu_emergencies (id),
    user_id      BIGINT NOT NULL,
    PRIMARY KEY (emergency_id, user_id)
);

CREATE TABLE kepu_items (
    id            BIGINT PRIMARY KEY,
    -- The zh-CN original of a translation (its own id for an original):
    -- versions in other languages share it and are reviewed each on its own.
    group_id      BIGINT NOT NULL,
    lang          TEXT NOT NULL,
    org_id        BIGINT NOT NULL REFERENCES orgs (id),
    kind          TEXT NOT NULL,          -- article, video, debunk
    title         TEXT NOT NULL,
    summary       TEXT NOT NULL DEFAULT '',
    body          TEXT NOT NULL DEFAULT '', -- sanitized HTML
    video_url     TEXT NOT NULL DEFAULT '',
    video_media   BIGINT NOT NULL DEFAULT 0,
    cover_media   BIGINT NOT NULL DEFAULT 0,
    audience      TEXT NOT NULL,
    topic         TEXT NOT NULL DEFAULT '',
    series_id     BIGINT NOT NULL DEFAULT 0,
    emergency_id  BIGINT NOT NULL DEFAULT 0,
    lead_id       BIGINT NOT NULL DEFAULT 0,
    status        TEXT NOT NULL,          -- draft, review, reviewed, published, withdrawn
    author_id     BIGINT NOT NULL,
    author_name   TEXT NOT NULL,
    -- The expert the scientific review went to (科学性审核) and what they said.
    reviewer_person BIGINT NOT NULL DEFAULT 0,
    reviewer_user   BIGINT NOT NULL DEFAULT 0,
    reviewer_name   TEXT NOT NULL DEFAULT '',
    reviewer_field  TEXT NOT NULL DEFAULT '',
    review_note     TEXT NOT NULL DEFAULT '',
    reviewed_at     BIGINT NOT NULL DEFAULT 0,
    -- Published on the emergency path before its review: the page shows
    -- "审核中" until the review is done.
    review_pending  INTEGER NOT NULL DEFAULT 0,
    editor_id       BIGINT NOT NULL DEFAULT 0,
    editor_name     TEXT NOT NULL DEFAULT '',
    published_at    BIGINT NOT NULL DEFAULT 0,
    corrected_at    BIGINT NOT NULL DEFAULT 0,
    withdrawn_at    BIGINT NOT NULL DEFAULT 0,
    withdraw_reason TEXT NOT NULL DEFAULT '',
    version         INTEGER NOT NULL DEFAULT 1,
    search_text     TEXT NOT NULL DEFAULT '',
    created_at      BIGINT NOT NULL,
    updated_at      BIGINT NOT NULL
);
CREATE INDEX kepu_items_pub ON kepu_items (status, published_at);
CREATE INDEX kepu_items_group ON kepu_items (group_id, lang);
CREATE INDEX kepu_items_org ON kepu_items (org_id, status);
CREATE INDEX kepu_items_emergency ON kepu_items (emergency_id);

-- A published item's earlier versions: a correction keeps what readers saw
-- before and says what changed.
CREATE TABLE kepu_versions (
    item_id     BIGINT NOT NULL REFERENCES kepu_items (id),
    version     INTEGER NOT NULL,
    title       TEXT NOT NULL,
    body        TEXT NOT NULL,
    note        TEXT NOT NULL,            -- the change note of the next version
    changed_by  BIGINT NOT NULL,
    changed_at  BIGINT NOT NULL,
    PRIMARY KEY (item_id, version)
);

-- Rumour leads (辟谣线索) from the public.
CREATE TABLE kepu_leads (
    id          BIGINT PRIMARY KEY,
    org_id      BIGINT NOT NULL REFERENCES orgs (id),
    claim       TEXT NOT NULL,
    link        TEXT NOT NULL DEFAULT '',
    shot_media  BIGINT NOT NULL DEFAULT 0,
    contact     TEXT NOT NULL DEFAULT '',
    source      TEXT NOT NULL,            -- keyed hash of the address, for the rate limit
    status      TEXT NOT NULL,            -- new, rejected, assigned, answered, published
    outcome     TEXT NOT NULL DEFAULT '',
    expert_user BIGINT NOT NULL DEFAULT 0,
    expert_person BIGINT NOT NULL DEFAULT 0,
    expert_name TEXT NOT NULL DEFAULT '',
    expert_field TEXT NOT NULL DEFAULT '',
    due_at      BIGINT NOT NULL DEFAULT 0,
    item_id     BIGINT NOT NULL DEFAULT 0,
    told_at     BIGINT NOT NULL DEFAULT 0,
    filed_at    BIGINT NOT NULL,
    updated_at  BIGINT NOT NULL
);
CREATE INDEX kepu_leads_status ON kepu_leads (status, filed_at);
CREATE INDEX kepu_leads_source ON kepu_leads (source, filed_at);

-- Uploaded images (re-encoded, metadata stripped) and videos. Nodes are
-- stateless, so the bytes live in the database.
CREATE TABLE kepu_media (
    id          BIGINT PRIMARY KEY,
    org_id      BIGINT NOT NULL,
    type        TEXT NOT NULL,
    width       INTEGER NOT NULL DEFAULT 0,
    height      INTEGER NOT NULL DEFAULT 0,
    size        BIGINT NOT NULL,
    data        {{blob}} NOT NULL,
    created_by  BIGINT NOT NULL,
    created_at  BIGINT NOT NULL
);

-- Reach per item and day; unique readers per org and day by keyed hash
-- (the hash changes every day and is never joined to anything else).
CREATE TABLE kepu_reach (
    item_id     BIGINT NOT NULL,
    day         INTEGER NOT NULL,         -- yyyymmdd, Beijing time
    views       BIGINT NOT NULL DEFAULT 0,
    shares      BIGINT NOT NULL DEFAULT 0,
    PRIMARY KEY (item_id, day)
);
CREATE TABLE kepu_readers (
    org_id      BIGINT NOT NULL,
    day         INTEGER NOT NULL,
    reader      TEXT NOT NULL,
    PRIMARY KEY (org_id, day, reader)
);

-- One row: bumped in every transaction that changes what the public sees,
-- so every node's page cache knows with one cheap read when to drop.
CREATE TABLE kepu_state (
    id          INTEGER PRIMARY KEY,
    version     BIGINT NOT NULL
);
INSERT INTO kepu_state (id, version) VALUES (1, 1);
