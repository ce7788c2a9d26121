-- Tracking a published plan: responsible orgs, the progress ledger (台账)
-- with evidence files, and mid-term/final evaluations. Source documents and
-- evidence are kept in the database so app nodes stay stateless.
ALTER TABLE plans ADD COLUMN source_data BLOB;
ALTER TABLE plan_units ADD COLUMN org_id BIGINT REFERENCES orgs (id);
ALTER TABLE plan_indicators ADD COLUMN org_id BIGINT REFERENCES orgs (id);
-- The latest accepted reading, kept with the indicator so dashboards read
-- one row per indicator instead of the whole ledger.
ALTER TABLE plan_indicators ADD COLUMN latest_value DOUBLE PRECISION;
ALTER TABLE plan_indicators ADD COLUMN latest_year INTEGER NOT NULL DEFAULT 0;
ALTER TABLE plan_indicators ADD COLUMN latest_quarter INTEGER NOT NULL DEFAULT 0;
CREATE INDEX plan_indicators_org ON plan_indicators (org_id);
CREATE INDEX plan_units_org ON plan_units (org_id);

CREATE TABLE plan_progress (
    id           BIGINT PRIMARY KEY,
    plan_id      BIGINT NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
    indicator_id BIGINT NOT NULL REFERENCES plan_indicators (id) ON DELETE CASCADE,
    org_id       BIGINT NOT NULL REFERENCES orgs (id),
    year         INTEGER NOT NULL,
    quarter      INTEGER NOT NULL,           -- 1-4, or 0 for the whole year
    value        DOUBLE PRECISION NOT NULL,
    narrative    TEXT NOT NULL DEFAULT '',
    state        TEXT NOT NULL,              -- submitted, accepted, returned
    review_note  TEXT NOT NULL DEFAULT '',
    submitted_by BIGINT NOT NULL,
    submitted_at BIGINT NOT NULL,
    reviewed_by  BIGINT,
    reviewed_at  BIGINT NOT NULL DEFAULT 0
);
CREATE INDEX plan_progress_indicator ON plan_progress (indicator_id, year, quarter);
CREATE INDEX plan_progress_plan ON plan_progress (plan_id, state);

CREATE TABLE plan_evidence (
    id           BIGINT PRIMARY KEY,
    progress_id  BIGINT NOT NULL REFERENCES plan_progress (id) ON DELETE CASCADE,
    name         TEXT NOT NULL,
    content_type TEXT NOT NULL,
    size         BIGINT NOT NULL,
    data         BLOB NOT NULL
);
CREATE INDEX plan_evidence_progress ON plan_evidence (progress_id);

CREATE TABLE plan_evaluations (
    id         BIGINT PRIMARY KEY,
    plan_id    BIGINT NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
    kind       TEXT NOT NULL,                -- midterm, final
    year       INTEGER NOT NULL,
    created_by BIGINT NOT NULL,
    created_at BIGINT NOT NULL,
    UNIQUE (plan_id, kind)
);

CREATE TABLE plan_scores (
    id            BIGINT PRIMARY KEY,
    evaluation_id BIGINT NOT NULL REFERENCES plan_evaluations (id) ON DELETE CASCADE,
    section_path  TEXT NOT NULL,
    org_id        BIGINT NOT NULL REFERENCES orgs (id),
    role          TEXT NOT NULL,             -- lead, cooperate
    score         DOUBLE PRECISION,
    comments      TEXT NOT NULL DEFAULT '',
    evidence      TEXT NOT NULL DEFAULT '',
    scored_by     BIGINT,
    scored_at     BIGINT NOT NULL DEFAULT 0,
    UNIQUE (evaluation_id, section_path, org_id)
);
