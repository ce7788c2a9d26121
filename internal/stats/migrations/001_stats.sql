-- 统计年报: one form per org and year. vals holds the figures as typed
-- (integers; decimals scaled by their indicator's scale), notes the
-- explanations of year-over-year warnings, prefill what the platform's
-- live measures suggested. rev counts the revisions: a correction after
-- approval starts the next one, the earlier values kept in stats_events.
CREATE TABLE stats_forms (
    id            BIGINT PRIMARY KEY,
    org_id        BIGINT NOT NULL REFERENCES orgs (id),
    year          INTEGER NOT NULL,
    version       INTEGER NOT NULL,
    status        TEXT NOT NULL,
    rev           INTEGER NOT NULL DEFAULT 1,
    vals          TEXT NOT NULL DEFAULT '{}',
    notes         TEXT NOT NULL DEFAULT '{}',
    prefill       TEXT NOT NULL DEFAULT '{}',
    filed_by      BIGINT NOT NULL DEFAULT 0,
    filed_name    TEXT NOT NULL DEFAULT '',
    filed_at      BIGINT NOT NULL DEFAULT 0,
    first_filed   BIGINT NOT NULL DEFAULT 0,
    reviewed_by   BIGINT NOT NULL DEFAULT 0,
    reviewed_name TEXT NOT NULL DEFAULT '',
    reviewed_at   BIGINT NOT NULL DEFAULT 0,
    reason        TEXT NOT NULL DEFAULT '',
    updated_at    BIGINT NOT NULL,
    UNIQUE (org_id, year)
);
CREATE INDEX stats_forms_year ON stats_forms (year, status, org_id);

-- The figures of each form, one row per indicator, so that a subtree's
-- totals are one SUM in the database.
CREATE TABLE stats_values (
    form_id BIGINT NOT NULL REFERENCES stats_forms (id),
    code    TEXT NOT NULL,
    value   BIGINT NOT NULL,
    PRIMARY KEY (form_id, code)
);

-- Every step of a form, appended and never changed: saved, submitted,
-- returned (with the reason), approved, reopened for a correction (with
-- the reason). A submit, an approval and a reopening keep the values of
-- that moment (snap), so every revision can be read again.
CREATE TABLE stats_events (
    id         BIGINT PRIMARY KEY,
    form_id    BIGINT NOT NULL REFERENCES stats_forms (id),
    rev        INTEGER NOT NULL,
    at         BIGINT NOT NULL,
    actor_user BIGINT NOT NULL DEFAULT 0,
    actor_name TEXT NOT NULL DEFAULT '',
    action     TEXT NOT NULL,
    note       TEXT NOT NULL DEFAULT '',
    snap       TEXT NOT NULL DEFAULT ''
);
CREATE INDEX stats_events_form ON stats_events (form_id, at, id);

-- The deadline of a year set by an org for its subtree; an org's deadline
-- is the one set nearest above it (itself included).
CREATE TABLE stats_deadlines (
    org_id   BIGINT NOT NULL REFERENCES orgs (id),
    year     INTEGER NOT NULL,
    due      BIGINT NOT NULL,
    set_by   BIGINT NOT NULL DEFAULT 0,
    set_at   BIGINT NOT NULL,
    PRIMARY KEY (org_id, year)
);
