-- 学术会议: a conference an org (a 学会 or a 科协) files with the org above
-- it. Dates are Beijing calendar days as text (YYYY-MM-DD), which sort and
-- compare as dates on both databases; year is the start date's year.
-- registered, checked_in and accepted are kept in the same transaction as
-- the rows they count (a registration, a check-in, a paper's decision), so
-- capacity is enforced by one conditional UPDATE and lists need no join.
CREATE TABLE conference_confs (
    id            BIGINT PRIMARY KEY,
    org_id        BIGINT NOT NULL REFERENCES orgs (id),
    title         TEXT NOT NULL,
    kind          TEXT NOT NULL,
    co_organisers TEXT NOT NULL DEFAULT '',
    starts_on     TEXT NOT NULL,
    ends_on       TEXT NOT NULL,
    year          INTEGER NOT NULL,
    city          TEXT NOT NULL,
    venue         TEXT NOT NULL DEFAULT '',
    expected      INTEGER NOT NULL DEFAULT 0,
    capacity      INTEGER NOT NULL DEFAULT 0,
    international INTEGER NOT NULL DEFAULT 0,
    countries     INTEGER NOT NULL DEFAULT 0,
    budget        BIGINT NOT NULL DEFAULT -1, -- hundredths of 万元; -1 for none given
    topics        TEXT NOT NULL DEFAULT '',
    status        TEXT NOT NULL,
    filer_user    BIGINT NOT NULL DEFAULT 0,
    filer_name    TEXT NOT NULL DEFAULT '',
    registered    INTEGER NOT NULL DEFAULT 0,
    checked_in    INTEGER NOT NULL DEFAULT 0,
    accepted      INTEGER NOT NULL DEFAULT 0,
    -- The summary (会议总结) as now corrected; earlier figures are in the events.
    summary_at    BIGINT NOT NULL DEFAULT 0,
    summary_user  BIGINT NOT NULL DEFAULT 0,
    attendance    INTEGER NOT NULL DEFAULT 0,
    papers        INTEGER NOT NULL DEFAULT 0,
    intl_people   INTEGER NOT NULL DEFAULT 0,
    outcome       TEXT NOT NULL DEFAULT '',
    confirmed_at  BIGINT NOT NULL DEFAULT 0,
    filed_at      BIGINT NOT NULL,
    updated_at    BIGINT NOT NULL
);
CREATE INDEX conference_confs_org ON conference_confs (org_id, starts_on);
CREATE INDEX conference_confs_start ON conference_confs (starts_on, id);
CREATE INDEX conference_confs_status ON conference_confs (status, starts_on, org_id);
CREATE INDEX conference_confs_year ON conference_confs (year, status, org_id);

-- Every step of a conference, appended and never changed: the timeline. A
-- corrected summary is a new row holding the figures it replaced.
CREATE TABLE conference_events (
    id         BIGINT PRIMARY KEY,
    conf_id    BIGINT NOT NULL REFERENCES conference_confs (id),
    at         BIGINT NOT NULL,
    actor_user BIGINT NOT NULL DEFAULT 0,
    actor_name TEXT NOT NULL DEFAULT '',
    action     TEXT NOT NULL,
    note       TEXT NOT NULL DEFAULT '',
    detail     TEXT NOT NULL DEFAULT ''
);
CREATE INDEX conference_events_conf ON conference_events (conf_id, at, id);

-- 论文征集: papers members submit while registration is open.
CREATE TABLE conference_papers (
    id           BIGINT PRIMARY KEY,
    conf_id      BIGINT NOT NULL REFERENCES conference_confs (id),
    title        TEXT NOT NULL,
    authors      TEXT NOT NULL, -- one a line
    abstract     TEXT NOT NULL,
    keywords     TEXT NOT NULL DEFAULT '',
    user_id      BIGINT NOT NULL,
    user_name    TEXT NOT NULL DEFAULT '',
    status       TEXT NOT NULL, -- submitted, accepted, rejected
    note         TEXT NOT NULL DEFAULT '',
    decided_user BIGINT NOT NULL DEFAULT 0,
    decided_name TEXT NOT NULL DEFAULT '',
    decided_at   BIGINT NOT NULL DEFAULT 0,
    submitted_at BIGINT NOT NULL
);
CREATE INDEX conference_papers_conf ON conference_papers (conf_id, submitted_at);
CREATE INDEX conference_papers_user ON conference_papers (user_id, submitted_at);

-- Registrations (报名): a member by their account (one each, the unique
-- index), the public by a name and a contact sealed with package pii. The
-- check-in code is random, never an ID.
CREATE TABLE conference_regs (
    id            BIGINT PRIMARY KEY,
    conf_id       BIGINT NOT NULL REFERENCES conference_confs (id),
    user_id       BIGINT,
    name          TEXT NOT NULL,
    employer      TEXT NOT NULL DEFAULT '',
    contact       TEXT NOT NULL DEFAULT '',
    code          TEXT NOT NULL,
    source        TEXT NOT NULL DEFAULT '',
    created_at    BIGINT NOT NULL,
    checked_in_at BIGINT NOT NULL DEFAULT 0,
    checked_by    TEXT NOT NULL DEFAULT ''
);
CREATE UNIQUE INDEX conference_regs_code ON conference_regs (code);
CREATE UNIQUE INDEX conference_regs_user ON conference_regs (conf_id, user_id);
CREATE INDEX conference_regs_conf ON conference_regs (conf_id, created_at);
CREATE INDEX conference_regs_source ON conference_regs (source, created_at);
