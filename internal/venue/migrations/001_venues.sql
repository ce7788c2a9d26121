-- Venues and bases of 科普: 科技馆, 科普教育基地, 科普e站 (with its “六有”),
-- 科普画廊 and 流动科技馆/大篷车, their evidence, yearly reviews (动态管理)
-- and annual visitor counts.
CREATE TABLE venues (
    id           BIGINT PRIMARY KEY,
    org_id       BIGINT NOT NULL REFERENCES orgs (id),
    kind         TEXT NOT NULL,              -- museum, base, estation, gallery, mobile
    name         TEXT NOT NULL,
    level        TEXT NOT NULL DEFAULT '',   -- national, provincial, city, county, ''
    region_code  TEXT NOT NULL DEFAULT '',   -- GB/T 2260
    township     TEXT NOT NULL DEFAULT '',   -- 乡镇（街道）
    address      TEXT NOT NULL DEFAULT '',
    lng          DOUBLE PRECISION,
    lat          DOUBLE PRECISION,
    hours        TEXT NOT NULL DEFAULT '',
    capacity     INTEGER NOT NULL DEFAULT 0,
    contact      TEXT NOT NULL DEFAULT '',
    status       TEXT NOT NULL DEFAULT 'kept', -- kept, warned, removed (动态管理)
    has_place    INTEGER NOT NULL DEFAULT 0,   -- “六有” of a 科普e站
    has_terminal INTEGER NOT NULL DEFAULT 0,
    has_network  INTEGER NOT NULL DEFAULT 0,
    has_activity INTEGER NOT NULL DEFAULT 0,
    has_staff    INTEGER NOT NULL DEFAULT 0,
    has_sign     INTEGER NOT NULL DEFAULT 0,
    created_at   BIGINT NOT NULL,
    updated_at   BIGINT NOT NULL
);
CREATE INDEX venues_org ON venues (org_id, kind);
CREATE INDEX venues_region ON venues (region_code, kind);

-- Evidence of one “六有” item (a photo, a record), kept in the database so
-- any app node serves it.
CREATE TABLE venue_evidence (
    id           BIGINT PRIMARY KEY,
    venue_id     BIGINT NOT NULL REFERENCES venues (id),
    item         TEXT NOT NULL,
    file_name    TEXT NOT NULL,
    content_type TEXT NOT NULL,
    size         BIGINT NOT NULL,
    data         {{blob}} NOT NULL,
    uploaded_by  BIGINT NOT NULL DEFAULT 0,
    uploaded_at  BIGINT NOT NULL
);
CREATE INDEX venue_evidence_venue ON venue_evidence (venue_id, item);

-- Yearly reviews: every one kept; the latest of a venue sets its status.
CREATE TABLE venue_reviews (
    id          BIGINT PRIMARY KEY,
    venue_id    BIGINT NOT NULL REFERENCES venues (id),
    year        INTEGER NOT NULL,
    score       DOUBLE PRECISION NOT NULL,
    outcome     TEXT NOT NULL,
    comment     TEXT NOT NULL DEFAULT '',
    reviewer_id BIGINT NOT NULL DEFAULT 0,
    reviewer    TEXT NOT NULL DEFAULT '',
    reviewed_at BIGINT NOT NULL
);
CREATE INDEX venue_reviews_venue ON venue_reviews (venue_id, reviewed_at);

CREATE TABLE venue_visitors (
    venue_id   BIGINT NOT NULL REFERENCES venues (id),
    year       INTEGER NOT NULL,
    visitors   BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    PRIMARY KEY (venue_id, year)
);
