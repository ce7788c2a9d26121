-- The call-and-review engine (征集→申报→推荐→形式审查→专家评审→公示→异议→结果).
-- Every process (awards, research topics, paper prizes, funding, society
-- grading) is rows here, never a table of its own.
CREATE TABLE review_calls (
    id              BIGINT PRIMARY KEY,
    org_id          BIGINT NOT NULL REFERENCES orgs (id),
    parent_app_id   BIGINT NOT NULL DEFAULT 0,   -- a follow-up call (结题验收) on one selected application
    title           TEXT NOT NULL,
    kind            TEXT NOT NULL,               -- award, topic_collection, research, milestone, funding, grading …
    status          TEXT NOT NULL,               -- draft, open, closed, publicity, final
    applicant_kind  TEXT NOT NULL,               -- individual, unit
    eligible_path   TEXT NOT NULL DEFAULT '',    -- applicants' orgs must lie in this subtree ('' = the owner's)
    recommend       INTEGER NOT NULL DEFAULT 0,  -- 1: applications go first to a recommending unit (推荐)
    quota           INTEGER NOT NULL DEFAULT 0,  -- per recommending unit; 0 = no limit
    rules           TEXT NOT NULL DEFAULT '[]',  -- eligibility rules, JSON
    opens_at        BIGINT NOT NULL,
    closes_at       BIGINT NOT NULL,
    review_from     BIGINT NOT NULL DEFAULT 0,
    review_to       BIGINT NOT NULL DEFAULT 0,
    publicity_days  INTEGER NOT NULL DEFAULT 5,  -- working days
    publicity_from  BIGINT NOT NULL DEFAULT 0,
    publicity_to    BIGINT NOT NULL DEFAULT 0,
    form_version    INTEGER NOT NULL DEFAULT 1,
    created_by      BIGINT NOT NULL DEFAULT 0,
    created_at      BIGINT NOT NULL,
    updated_at      BIGINT NOT NULL
);
CREATE INDEX review_calls_org ON review_calls (org_id, status);
CREATE INDEX review_calls_status ON review_calls (status, closes_at);

-- A call's form, versioned: a published call's version is frozen and a
-- change makes the next version; an application keeps the version it used.
CREATE TABLE review_forms (
    call_id    BIGINT NOT NULL REFERENCES review_calls (id),
    version    INTEGER NOT NULL,
    schema     TEXT NOT NULL,
    frozen     INTEGER NOT NULL DEFAULT 0,
    created_at BIGINT NOT NULL,
    PRIMARY KEY (call_id, version)
);

CREATE TABLE review_stages (
    id        BIGINT PRIMARY KEY,
    call_id   BIGINT NOT NULL REFERENCES review_calls (id),
    seq       INTEGER NOT NULL,
    kind      TEXT NOT NULL,              -- formal, review, publicity, result
    name      TEXT NOT NULL,
    per_app   INTEGER NOT NULL DEFAULT 0, -- reviewers per application
    max_load  INTEGER NOT NULL DEFAULT 0,
    pool_id   BIGINT NOT NULL DEFAULT 0,  -- the people module's expert pool
    method    TEXT NOT NULL DEFAULT 'mean',
    normalize INTEGER NOT NULL DEFAULT 0,
    blind     INTEGER NOT NULL DEFAULT 0,
    rubric    TEXT NOT NULL DEFAULT '[]',
    top_n     INTEGER NOT NULL DEFAULT 0,
    seed      BIGINT NOT NULL DEFAULT 0,  -- the recorded seed of the draw
    status    TEXT NOT NULL,              -- pending, open, closed
    due_at    BIGINT NOT NULL DEFAULT 0,
    UNIQUE (call_id, seq)
);

CREATE TABLE review_applications (
    id               BIGINT PRIMARY KEY,
    call_id          BIGINT NOT NULL REFERENCES review_calls (id),
    user_id          BIGINT NOT NULL,
    person_id        BIGINT NOT NULL DEFAULT 0,
    org_id           BIGINT NOT NULL REFERENCES orgs (id),
    recommender_id   BIGINT NOT NULL DEFAULT 0,  -- the recommending unit (an org)
    title            TEXT NOT NULL DEFAULT '',
    name             TEXT NOT NULL DEFAULT '',   -- as of submission: shown in 公示, judged for 回避
    employer         TEXT NOT NULL DEFAULT '',
    discipline       TEXT NOT NULL DEFAULT '',
    form_version     INTEGER NOT NULL,
    answers          TEXT NOT NULL,
    conflicts        TEXT NOT NULL DEFAULT '',   -- '|'-separated person ids the applicant declared
    status           TEXT NOT NULL,              -- draft, recommending, returned, in_stage, rejected, selected, not_selected, awarded
    stage_seq        INTEGER NOT NULL DEFAULT 0,
    note             TEXT NOT NULL DEFAULT '',
    submitted_at     BIGINT NOT NULL DEFAULT 0,
    created_at       BIGINT NOT NULL,
    updated_at       BIGINT NOT NULL,
    UNIQUE (call_id, user_id)
);
CREATE INDEX review_applications_call ON review_applications (call_id, status);
CREATE INDEX review_applications_rec ON review_applications (recommender_id, call_id, status);
CREATE INDEX review_applications_person ON review_applications (person_id, status);

CREATE TABLE review_assignments (
    id            BIGINT PRIMARY KEY,
    stage_id      BIGINT NOT NULL REFERENCES review_stages (id),
    application_id BIGINT NOT NULL REFERENCES review_applications (id),
    person_id     BIGINT NOT NULL,
    user_id       BIGINT NOT NULL DEFAULT 0,
    status        TEXT NOT NULL,       -- open, done, declined
    scores        TEXT NOT NULL DEFAULT '{}',
    total         DOUBLE PRECISION NOT NULL DEFAULT 0,
    comment       TEXT NOT NULL DEFAULT '',
    assigned_at   BIGINT NOT NULL,
    due_at        BIGINT NOT NULL DEFAULT 0,
    done_at       BIGINT NOT NULL DEFAULT 0,
    UNIQUE (stage_id, application_id, person_id)
);
CREATE INDEX review_assignments_user ON review_assignments (user_id, status);

CREATE TABLE review_decisions (
    stage_id       BIGINT NOT NULL REFERENCES review_stages (id),
    application_id BIGINT NOT NULL REFERENCES review_applications (id),
    outcome        TEXT NOT NULL,      -- pass, return, reject (formal); selected, not_selected (review)
    reason         TEXT NOT NULL DEFAULT '',
    score          DOUBLE PRECISION NOT NULL DEFAULT 0,
    rank           INTEGER NOT NULL DEFAULT 0,
    decided_by     BIGINT NOT NULL,
    decided_at     BIGINT NOT NULL,
    PRIMARY KEY (stage_id, application_id)
);

CREATE TABLE review_objections (
    id             BIGINT PRIMARY KEY,
    call_id        BIGINT NOT NULL REFERENCES review_calls (id),
    application_id BIGINT NOT NULL REFERENCES review_applications (id),
    user_id        BIGINT NOT NULL DEFAULT 0,
    name           TEXT NOT NULL,
    contact        TEXT NOT NULL DEFAULT '',
    source         TEXT NOT NULL DEFAULT '',   -- a keyed hash of the filer's address, for the rate limit
    body           TEXT NOT NULL,
    status         TEXT NOT NULL,      -- open, accepted, rejected
    outcome        TEXT NOT NULL DEFAULT '',
    handled_by     BIGINT NOT NULL DEFAULT 0,
    filed_at       BIGINT NOT NULL,
    handled_at     BIGINT NOT NULL DEFAULT 0
);
CREATE INDEX review_objections_call ON review_objections (call_id, status);
CREATE INDEX review_objections_source ON review_objections (source, filed_at);
