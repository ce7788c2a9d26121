-- 科普志愿者: registration, teams, skills, training, opportunities, sign-ups,
-- hours (an append-only, HMAC-chained ledger), stars and certificates.
-- ID numbers are never stored in clear: sealed (pii) plus a blind index.
CREATE TABLE volunteers (
    id           BIGINT PRIMARY KEY,
    org_id       BIGINT NOT NULL REFERENCES orgs (id),
    user_id      BIGINT NOT NULL DEFAULT 0,   -- the volunteer's own account (0: registered by staff)
    name         TEXT NOT NULL,
    gender       TEXT NOT NULL DEFAULT '',    -- m, f
    birth_year   INTEGER NOT NULL DEFAULT 0,
    id_sealed    TEXT NOT NULL,
    id_index     TEXT NOT NULL,
    phone_sealed TEXT NOT NULL DEFAULT '',
    skills       TEXT NOT NULL DEFAULT '',    -- "、"-joined, for display; volunteer_skills for search
    minutes      BIGINT NOT NULL DEFAULT 0,   -- credited service, the ledger's sum (kept with each entry)
    created_by   BIGINT NOT NULL DEFAULT 0,
    created_at   BIGINT NOT NULL,
    updated_at   BIGINT NOT NULL
);
CREATE UNIQUE INDEX volunteers_id_index ON volunteers (id_index);
CREATE INDEX volunteers_org ON volunteers (org_id);
CREATE INDEX volunteers_user ON volunteers (user_id);

CREATE TABLE volunteer_skills (
    volunteer_id BIGINT NOT NULL REFERENCES volunteers (id),
    skill        TEXT NOT NULL,
    PRIMARY KEY (volunteer_id, skill)
);

CREATE TABLE volunteer_teams (
    id            BIGINT PRIMARY KEY,
    org_id        BIGINT NOT NULL REFERENCES orgs (id),
    name          TEXT NOT NULL,
    admin_user_id BIGINT NOT NULL DEFAULT 0,  -- approves the team's self-reported hours
    created_at    BIGINT NOT NULL
);
CREATE UNIQUE INDEX volunteer_teams_name ON volunteer_teams (org_id, name);

CREATE TABLE volunteer_team_members (
    team_id      BIGINT NOT NULL REFERENCES volunteer_teams (id),
    volunteer_id BIGINT NOT NULL REFERENCES volunteers (id),
    joined_at    BIGINT NOT NULL,
    PRIMARY KEY (team_id, volunteer_id)
);
CREATE INDEX volunteer_team_members_vol ON volunteer_team_members (volunteer_id);

CREATE TABLE volunteer_trainings (
    id           BIGINT PRIMARY KEY,
    volunteer_id BIGINT NOT NULL REFERENCES volunteers (id),
    title        TEXT NOT NULL,
    provider     TEXT NOT NULL DEFAULT '',
    held_on      TEXT NOT NULL,               -- YYYY-MM-DD
    minutes      INTEGER NOT NULL DEFAULT 0,
    created_by   BIGINT NOT NULL DEFAULT 0,
    created_at   BIGINT NOT NULL
);
CREATE INDEX volunteer_trainings_vol ON volunteer_trainings (volunteer_id);

-- An opportunity (服务岗位) may name an event of the event module by ID: a
-- plain column, no foreign key across modules.
CREATE TABLE volunteer_opportunities (
    id         BIGINT PRIMARY KEY,
    org_id     BIGINT NOT NULL REFERENCES orgs (id),
    team_id    BIGINT NOT NULL DEFAULT 0,
    event_id   BIGINT NOT NULL DEFAULT 0,
    title      TEXT NOT NULL,
    place      TEXT NOT NULL DEFAULT '',
    starts_at  BIGINT NOT NULL,
    ends_at    BIGINT NOT NULL,
    slots      INTEGER NOT NULL,
    created_by BIGINT NOT NULL DEFAULT 0,
    created_at BIGINT NOT NULL
);
CREATE INDEX volunteer_opportunities_org ON volunteer_opportunities (org_id, starts_at);

CREATE TABLE volunteer_signups (
    id             BIGINT PRIMARY KEY,
    opportunity_id BIGINT NOT NULL REFERENCES volunteer_opportunities (id),
    volunteer_id   BIGINT NOT NULL REFERENCES volunteers (id),
    status         TEXT NOT NULL,             -- signed, in, done, cancelled
    checked_in_at  BIGINT NOT NULL DEFAULT 0,
    checked_out_at BIGINT NOT NULL DEFAULT 0,
    created_at     BIGINT NOT NULL
);
CREATE UNIQUE INDEX volunteer_signups_one ON volunteer_signups (opportunity_id, volunteer_id);
CREATE INDEX volunteer_signups_vol ON volunteer_signups (volunteer_id);

-- Extra hours a volunteer reports; the team's admin (never the volunteer)
-- approves them into the ledger.
CREATE TABLE volunteer_claims (
    id           BIGINT PRIMARY KEY,
    volunteer_id BIGINT NOT NULL REFERENCES volunteers (id),
    team_id      BIGINT NOT NULL REFERENCES volunteer_teams (id),
    day          TEXT NOT NULL,
    minutes      INTEGER NOT NULL,
    note         TEXT NOT NULL DEFAULT '',
    status       TEXT NOT NULL,               -- pending, approved, rejected
    filed_by     BIGINT NOT NULL,
    decided_by   BIGINT NOT NULL DEFAULT 0,
    decided_at   BIGINT NOT NULL DEFAULT 0,
    created_at   BIGINT NOT NULL
);
CREATE INDEX volunteer_claims_team ON volunteer_claims (team_id, status);

-- A star level reached starts a 公示; the star is awarded when it ends
-- (publicity_to) unless staff withheld it during the 公示.
CREATE TABLE volunteer_stars (
    volunteer_id   BIGINT NOT NULL REFERENCES volunteers (id),
    level          INTEGER NOT NULL,          -- 1..5 (100/300/600/1000/1500 hours)
    reached_at     BIGINT NOT NULL,
    publicity_to   BIGINT NOT NULL,
    withheld_at    BIGINT NOT NULL DEFAULT 0,
    withheld_by    BIGINT NOT NULL DEFAULT 0,
    PRIMARY KEY (volunteer_id, level)
);
CREATE INDEX volunteer_stars_to ON volunteer_stars (publicity_to);

CREATE TABLE volunteer_certificates (
    code         TEXT PRIMARY KEY,
    volunteer_id BIGINT NOT NULL REFERENCES volunteers (id),
    minutes      BIGINT NOT NULL,
    stars        INTEGER NOT NULL DEFAULT 0,
    issued_by    BIGINT NOT NULL DEFAULT 0,
    issued_at    BIGINT NOT NULL
);
CREATE INDEX volunteer_certificates_vol ON volunteer_certificates (volunteer_id);
