-- 创新服务: enterprises' technology needs (技术需求), the experts proposed
-- to them, each 对接 (meeting) and what came of it; and the 专家工作站 a
-- 科协 recognises at enterprises, with their yearly assessments. contact is
-- sealed with package pii (never in clear). Amounts are hundredths of 万元.
CREATE TABLE innovation_needs (
    id           BIGINT PRIMARY KEY,
    org_id       BIGINT NOT NULL REFERENCES orgs (id),
    enterprise   TEXT NOT NULL,
    uscc         TEXT NOT NULL,
    region_code  TEXT NOT NULL,
    field        TEXT NOT NULL,
    title        TEXT NOT NULL,
    body         TEXT NOT NULL,
    budget_lo    BIGINT NOT NULL DEFAULT 0,
    budget_hi    BIGINT NOT NULL DEFAULT 0,
    wanted_by    BIGINT NOT NULL DEFAULT 0,
    status       TEXT NOT NULL,
    filer_user   BIGINT NOT NULL DEFAULT 0,
    filer_name   TEXT NOT NULL DEFAULT '',
    contact      TEXT NOT NULL DEFAULT '',
    source       TEXT NOT NULL DEFAULT '',
    result       TEXT NOT NULL DEFAULT '',
    amount       BIGINT NOT NULL DEFAULT 0,
    filed_at     BIGINT NOT NULL,
    published_at BIGINT NOT NULL DEFAULT 0,
    matched_at   BIGINT NOT NULL DEFAULT 0,
    result_at    BIGINT NOT NULL DEFAULT 0,
    closed_at    BIGINT NOT NULL DEFAULT 0,
    updated_at   BIGINT NOT NULL
);
CREATE INDEX innovation_needs_org ON innovation_needs (org_id, filed_at);
CREATE INDEX innovation_needs_filed ON innovation_needs (filed_at, id);
-- The 待办 counts read the first; the list filtered by status the second.
CREATE INDEX innovation_needs_status ON innovation_needs (status, published_at, org_id, filer_user);
CREATE INDEX innovation_needs_status_filed ON innovation_needs (status, filed_at);
CREATE INDEX innovation_needs_source ON innovation_needs (source, filed_at);

-- Every step of a need, appended and never changed: the timeline.
CREATE TABLE innovation_events (
    id         BIGINT PRIMARY KEY,
    need_id    BIGINT NOT NULL REFERENCES innovation_needs (id),
    at         BIGINT NOT NULL,
    actor_user BIGINT NOT NULL DEFAULT 0,
    actor_name TEXT NOT NULL DEFAULT '',
    action     TEXT NOT NULL,
    note       TEXT NOT NULL DEFAULT '',
    detail     TEXT NOT NULL DEFAULT ''
);
CREATE INDEX innovation_events_need ON innovation_events (need_id, at, id);

-- Experts proposed to a need: a person of the talent database, named as
-- the people module gave them when proposed (never an ID number or phone).
CREATE TABLE innovation_experts (
    id          BIGINT PRIMARY KEY,
    need_id     BIGINT NOT NULL REFERENCES innovation_needs (id),
    person_id   BIGINT NOT NULL,
    name        TEXT NOT NULL,
    employer    TEXT NOT NULL DEFAULT '',
    field       TEXT NOT NULL DEFAULT '',
    proposed_at BIGINT NOT NULL,
    UNIQUE (need_id, person_id)
);

-- Each 对接: when, how, who took part, and what it came to.
CREATE TABLE innovation_meetings (
    id           BIGINT PRIMARY KEY,
    need_id      BIGINT NOT NULL REFERENCES innovation_needs (id),
    held_on      BIGINT NOT NULL,
    form         TEXT NOT NULL,
    participants TEXT NOT NULL,
    note         TEXT NOT NULL DEFAULT '',
    at           BIGINT NOT NULL
);
CREATE INDEX innovation_meetings_need ON innovation_meetings (need_id, held_on);
CREATE INDEX innovation_meetings_held ON innovation_meetings (held_on);

-- 院士专家工作站 / 专家服务站 / 科技服务站 recognised by an org.
CREATE TABLE innovation_stations (
    id              BIGINT PRIMARY KEY,
    org_id          BIGINT NOT NULL REFERENCES orgs (id),
    kind            TEXT NOT NULL,
    name            TEXT NOT NULL,
    host            TEXT NOT NULL,
    host_uscc       TEXT NOT NULL,
    region_code     TEXT NOT NULL,
    expert_person   BIGINT NOT NULL,
    expert_name     TEXT NOT NULL,
    expert_employer TEXT NOT NULL DEFAULT '',
    founded         BIGINT NOT NULL,
    status          TEXT NOT NULL,
    created_at      BIGINT NOT NULL,
    updated_at      BIGINT NOT NULL
);
CREATE INDEX innovation_stations_org ON innovation_stations (org_id, founded);

-- Yearly assessments, appended: a correction is a new row for the same
-- year, the earlier one kept; the newest row of a year is its grade.
CREATE TABLE innovation_assessments (
    id         BIGINT PRIMARY KEY,
    station_id BIGINT NOT NULL REFERENCES innovation_stations (id),
    year       INTEGER NOT NULL,
    grade      TEXT NOT NULL,
    outcome    TEXT NOT NULL,
    note       TEXT NOT NULL DEFAULT '',
    by_user    BIGINT NOT NULL DEFAULT 0,
    by_name    TEXT NOT NULL DEFAULT '',
    at         BIGINT NOT NULL
);
CREATE INDEX innovation_assessments_station ON innovation_assessments (station_id, year, at);
