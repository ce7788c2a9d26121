-- Surveys (问卷调查): questionnaires with frozen published versions, the
-- stations (调查站点) that distribute them, single-use answer codes
-- (填答码), responses appended and never overwritten, partial answers kept
-- apart, staff exclusions, and the science-literacy aggregates kept
-- incrementally for the monitoring dashboard.
CREATE TABLE surveys (
    id             BIGINT PRIMARY KEY,
    org_id         BIGINT NOT NULL REFERENCES orgs (id),
    kind           TEXT NOT NULL,                -- general, literacy, status
    title          TEXT NOT NULL,
    token          TEXT NOT NULL UNIQUE,         -- the public link /s/{token}
    draft          TEXT NOT NULL,                -- the definition being edited, JSON
    version        INTEGER NOT NULL DEFAULT 0,   -- the published version answered now; 0 = never published
    year           INTEGER NOT NULL DEFAULT 0,   -- survey year (the literacy rate's year)
    opens_at       BIGINT NOT NULL DEFAULT 0,    -- 0 = at once
    closes_at      BIGINT NOT NULL DEFAULT 0,    -- 0 = never
    closed         INTEGER NOT NULL DEFAULT 0,   -- closed by staff
    signed_in      INTEGER NOT NULL DEFAULT 0,   -- 1: only signed-in users answer (one each)
    codes_only     INTEGER NOT NULL DEFAULT 0,   -- 1: an answer code (填答码) is needed
    quota          INTEGER NOT NULL DEFAULT 0,   -- whole survey; 0 = no limit
    filled         INTEGER NOT NULL DEFAULT 0,   -- kept only while quota > 0
    min_seconds    INTEGER NOT NULL DEFAULT 0,   -- faster is flagged "too fast"; 0 = a default from length
    created_by     BIGINT NOT NULL DEFAULT 0,
    created_at     BIGINT NOT NULL,
    updated_at     BIGINT NOT NULL
);
CREATE INDEX surveys_org ON surveys (org_id, created_at);

-- A published version is frozen: it is never updated, and a response
-- records the version it answered.
CREATE TABLE survey_versions (
    survey_id    BIGINT NOT NULL REFERENCES surveys (id),
    version      INTEGER NOT NULL,
    definition   TEXT NOT NULL,
    published_by BIGINT NOT NULL DEFAULT 0,
    published_at BIGINT NOT NULL,
    PRIMARY KEY (survey_id, version)
);

-- A station (调查站点) is an org distributing a survey with its own link.
CREATE TABLE survey_stations (
    id         BIGINT PRIMARY KEY,
    survey_id  BIGINT NOT NULL REFERENCES surveys (id),
    org_id     BIGINT NOT NULL REFERENCES orgs (id),
    token      TEXT NOT NULL UNIQUE,
    quota      INTEGER NOT NULL DEFAULT 0,       -- 0 = no limit
    filled     INTEGER NOT NULL DEFAULT 0,       -- kept only while quota > 0
    created_at BIGINT NOT NULL,
    UNIQUE (survey_id, org_id)
);

-- Quotas per demographic cell, e.g. "gender=1;age=2", for the whole survey
-- (station_id 0) or one station.
CREATE TABLE survey_cells (
    survey_id  BIGINT NOT NULL REFERENCES surveys (id),
    station_id BIGINT NOT NULL DEFAULT 0,
    cell       TEXT NOT NULL,
    quota      INTEGER NOT NULL,
    filled     INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (survey_id, station_id, cell)
);

-- Single-use answer codes (填答码) a station prints or sends.
CREATE TABLE survey_codes (
    code        TEXT PRIMARY KEY,
    survey_id   BIGINT NOT NULL REFERENCES surveys (id),
    station_id  BIGINT NOT NULL,
    batch       INTEGER NOT NULL DEFAULT 1,
    created_at  BIGINT NOT NULL,
    used_at     BIGINT NOT NULL DEFAULT 0,
    response_id BIGINT NOT NULL DEFAULT 0
);
CREATE INDEX survey_codes_station ON survey_codes (station_id, batch);

-- Responses: appended, never updated. respondent is the person's key (a
-- signed-in user, an answer code, or the browser's cookie), unique per
-- survey: one response per person.
CREATE TABLE survey_responses (
    id           BIGINT PRIMARY KEY,
    survey_id    BIGINT NOT NULL REFERENCES surveys (id),
    version      INTEGER NOT NULL,
    station_id   BIGINT NOT NULL DEFAULT 0,
    org_id       BIGINT NOT NULL REFERENCES orgs (id),  -- the station's org, else the survey's
    respondent   TEXT NOT NULL,
    user_id      BIGINT NOT NULL DEFAULT 0,
    device       TEXT NOT NULL DEFAULT '',              -- keyed hash of address and browser
    answers      TEXT NOT NULL,                         -- JSON: question id -> chosen codes or text
    cell         TEXT NOT NULL DEFAULT '',
    flags        TEXT NOT NULL DEFAULT '',              -- fast, straight, device (comma-separated)
    score        DOUBLE PRECISION NOT NULL DEFAULT 0,
    literate     INTEGER NOT NULL DEFAULT 0,
    grade        TEXT NOT NULL DEFAULT '',
    started_at   BIGINT NOT NULL,
    submitted_at BIGINT NOT NULL,
    UNIQUE (survey_id, respondent)
);
CREATE INDEX survey_responses_survey ON survey_responses (survey_id, id);
CREATE INDEX survey_responses_station ON survey_responses (station_id, submitted_at);
CREATE INDEX survey_responses_device ON survey_responses (survey_id, device);

-- Partial answers, kept apart from responses until submitted (save and
-- resume); the token is the browser's resume cookie.
CREATE TABLE survey_partials (
    token      TEXT PRIMARY KEY,
    survey_id  BIGINT NOT NULL REFERENCES surveys (id),
    version    INTEGER NOT NULL,
    station_id BIGINT NOT NULL DEFAULT 0,
    answers    TEXT NOT NULL,
    page       INTEGER NOT NULL DEFAULT 0,
    started_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE INDEX survey_partials_survey ON survey_partials (survey_id, updated_at);

-- Exclusions by staff, with a reason; the response itself is untouched.
CREATE TABLE survey_exclusions (
    response_id BIGINT PRIMARY KEY REFERENCES survey_responses (id),
    survey_id   BIGINT NOT NULL,
    reason      TEXT NOT NULL,
    by_user     BIGINT NOT NULL,
    at          BIGINT NOT NULL
);
CREATE INDEX survey_exclusions_survey ON survey_exclusions (survey_id);

-- Population margins a survey's weights are raked to (e.g. census shares
-- by gender, age band, education, urban/rural): variable is a demographic
-- role or a question ID, category an option code.
CREATE TABLE survey_margins (
    survey_id BIGINT NOT NULL REFERENCES surveys (id),
    variable  TEXT NOT NULL,
    category  TEXT NOT NULL,
    share     DOUBLE PRECISION NOT NULL,
    PRIMARY KEY (survey_id, variable, category)
);

-- Science-literacy aggregates, kept in the response's transaction (an
-- exclusion subtracts): per survey, station org and year, the total (role
-- and category '') and the count by each demographic role's category, so
-- the monitoring dashboard sums a few hundred rows instead of scanning
-- millions of responses.
CREATE TABLE survey_literacy (
    survey_id BIGINT NOT NULL,
    org_id    BIGINT NOT NULL REFERENCES orgs (id),
    year      INTEGER NOT NULL,
    role      TEXT NOT NULL,                 -- '', gender, age, edu, urban
    category  TEXT NOT NULL,
    n         BIGINT NOT NULL DEFAULT 0,
    literate  BIGINT NOT NULL DEFAULT 0,
    PRIMARY KEY (survey_id, org_id, year, role, category)
);
CREATE INDEX survey_literacy_org ON survey_literacy (org_id, role, year);
