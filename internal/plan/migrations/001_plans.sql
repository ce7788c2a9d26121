-- Plans (规划/纲要/实施方案) of an org, as ingested from their document and
-- reviewed by staff: the section tree, quantitative indicators and the
-- lead (牵头) and cooperating (配合) units of each task.
CREATE TABLE plans (
    id          BIGINT PRIMARY KEY,
    org_id      BIGINT NOT NULL REFERENCES orgs (id),
    title       TEXT NOT NULL,
    issuer      TEXT NOT NULL DEFAULT '',
    start_year  INTEGER NOT NULL DEFAULT 0,
    end_year    INTEGER NOT NULL DEFAULT 0,
    status      TEXT NOT NULL,               -- draft, published, closed
    source_name TEXT NOT NULL DEFAULT '',
    source_text TEXT NOT NULL DEFAULT '',
    created_at  BIGINT NOT NULL,
    updated_at  BIGINT NOT NULL
);
CREATE INDEX plans_org ON plans (org_id);

CREATE TABLE plan_sections (
    id        BIGINT PRIMARY KEY,
    plan_id   BIGINT NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
    parent_id BIGINT,
    path      TEXT NOT NULL,                 -- numbers joined by "/", e.g. "四/(二)/1"
    number    TEXT NOT NULL,
    title     TEXT NOT NULL,
    level     INTEGER NOT NULL,
    ord       INTEGER NOT NULL
);
CREATE INDEX plan_sections_plan ON plan_sections (plan_id, ord);

CREATE TABLE plan_indicators (
    id             BIGINT PRIMARY KEY,
    plan_id        BIGINT NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
    section_path   TEXT NOT NULL,
    text           TEXT NOT NULL,
    metric         TEXT NOT NULL,
    comparator     TEXT NOT NULL,
    value          DOUBLE PRECISION,
    low            DOUBLE PRECISION,
    high           DOUBLE PRECISION,
    unit           TEXT NOT NULL DEFAULT '',
    per            TEXT NOT NULL DEFAULT '',
    deadline_year  INTEGER NOT NULL DEFAULT 0,
    baseline_value DOUBLE PRECISION,
    baseline_year  INTEGER NOT NULL DEFAULT 0,
    ord            INTEGER NOT NULL
);
CREATE INDEX plan_indicators_plan ON plan_indicators (plan_id, ord);

CREATE TABLE plan_units (
    id           BIGINT PRIMARY KEY,
    plan_id      BIGINT NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
    section_path TEXT NOT NULL,
    role         TEXT NOT NULL,              -- lead, cooperate
    name         TEXT NOT NULL,
    ord          INTEGER NOT NULL
);
CREATE INDEX plan_units_plan ON plan_units (plan_id, ord);
