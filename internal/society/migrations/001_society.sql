-- Societies (学会) as their 业务主管单位 (the 科协) oversees them. A society is
-- an org of type "society"; every row here names it by org_id and is scoped
-- by that org's path.
CREATE TABLE society_profiles (
    org_id          BIGINT PRIMARY KEY REFERENCES orgs (id),
    uscc            TEXT NOT NULL DEFAULT '',     -- 统一社会信用代码, GB 32100 checked
    registrar       TEXT NOT NULL DEFAULT '',     -- 登记管理机关
    supervisor      TEXT NOT NULL DEFAULT '',     -- 业务主管单位
    host_unit       TEXT NOT NULL DEFAULT '',     -- 挂靠单位
    founded_on      BIGINT NOT NULL DEFAULT 0,
    staff_full      INTEGER NOT NULL DEFAULT 0,   -- 专职
    staff_part      INTEGER NOT NULL DEFAULT 0,   -- 兼职
    party_org       INTEGER NOT NULL DEFAULT 0,   -- 是否建立党组织
    party_members   INTEGER NOT NULL DEFAULT 0,
    updated_at      BIGINT NOT NULL
);

-- Office bearers, branches, charter versions and government functions taken
-- on are "facts" of a society: one table keyed by kind, each with a period.
CREATE TABLE society_facts (
    id          BIGINT PRIMARY KEY,
    org_id      BIGINT NOT NULL REFERENCES orgs (id),
    kind        TEXT NOT NULL,                -- bearer, staff, branch, office, charter, function
    name        TEXT NOT NULL,
    role        TEXT NOT NULL DEFAULT '',     -- 理事长/副理事长/秘书长; 分支机构负责人; 章程版本; 职能来源部门
    detail      TEXT NOT NULL DEFAULT '',
    from_on     BIGINT NOT NULL DEFAULT 0,
    to_on       BIGINT NOT NULL DEFAULT 0,
    created_at  BIGINT NOT NULL
);
CREATE INDEX society_facts_org ON society_facts (org_id, kind);

-- Terms of the governing bodies (理事会, 常务理事会) and their renewal (换届).
CREATE TABLE society_terms (
    id           BIGINT PRIMARY KEY,
    org_id       BIGINT NOT NULL REFERENCES orgs (id),
    body         TEXT NOT NULL,               -- council, standing
    seq          INTEGER NOT NULL,            -- 第N届
    starts_on    BIGINT NOT NULL,
    ends_on      BIGINT NOT NULL,
    plan         TEXT NOT NULL DEFAULT '',    -- 换届方案
    plan_status  TEXT NOT NULL DEFAULT 'none',-- none, submitted, approved, returned
    plan_by      BIGINT NOT NULL DEFAULT 0,
    plan_at      BIGINT NOT NULL DEFAULT 0,
    approved_by  BIGINT NOT NULL DEFAULT 0,
    approved_at  BIGINT NOT NULL DEFAULT 0,
    elected_on   BIGINT NOT NULL DEFAULT 0,   -- 换届选举 held; the next term is recorded
    result       TEXT NOT NULL DEFAULT '',
    UNIQUE (org_id, body, seq)
);
CREATE INDEX society_terms_due ON society_terms (ends_on, elected_on);

-- The yearly 年度工作报告 (年检材料). The form is JSON validated in Go;
-- what the board counts is in columns.
CREATE TABLE society_reports (
    id          BIGINT PRIMARY KEY,
    org_id      BIGINT NOT NULL REFERENCES orgs (id),
    year        INTEGER NOT NULL,
    status      TEXT NOT NULL,                -- draft, filed, returned, accepted
    form        TEXT NOT NULL DEFAULT '{}',
    members     INTEGER NOT NULL DEFAULT 0,
    dues_cents  BIGINT NOT NULL DEFAULT 0,
    deadline    BIGINT NOT NULL,
    first_filed BIGINT NOT NULL DEFAULT 0,    -- on time or late is judged on the first filing
    filed_at    BIGINT NOT NULL DEFAULT 0,
    late        INTEGER NOT NULL DEFAULT 0,
    filed_by    BIGINT NOT NULL DEFAULT 0,
    checked_by  BIGINT NOT NULL DEFAULT 0,
    checked_at  BIGINT NOT NULL DEFAULT 0,
    comment     TEXT NOT NULL DEFAULT '',
    updated_at  BIGINT NOT NULL,
    UNIQUE (org_id, year)
);
CREATE INDEX society_reports_year ON society_reports (year, org_id);

-- Grades (学会等级 3A/4A/5A) with their validity; review_app_id names the
-- grading call's application the grade came from.
CREATE TABLE society_grades (
    id             BIGINT PRIMARY KEY,
    org_id         BIGINT NOT NULL REFERENCES orgs (id),
    grade          TEXT NOT NULL,
    score          DOUBLE PRECISION NOT NULL DEFAULT 0,
    awarded_on     BIGINT NOT NULL,
    valid_until    BIGINT NOT NULL,
    review_call_id BIGINT NOT NULL DEFAULT 0,
    review_app_id  BIGINT NOT NULL DEFAULT 0,
    created_at     BIGINT NOT NULL
);
CREATE INDEX society_grades_org ON society_grades (org_id, valid_until);

-- Self-assessment against the indicator tree, per society and year.
CREATE TABLE society_assessments (
    id         BIGINT PRIMARY KEY,
    org_id     BIGINT NOT NULL REFERENCES orgs (id),
    year       INTEGER NOT NULL,
    scores     TEXT NOT NULL DEFAULT '{}',
    evidence   TEXT NOT NULL DEFAULT '{}',
    total      DOUBLE PRECISION NOT NULL DEFAULT 0,
    status     TEXT NOT NULL DEFAULT 'draft',  -- draft, submitted
    review_app_id BIGINT NOT NULL DEFAULT 0,
    updated_at BIGINT NOT NULL,
    UNIQUE (org_id, year)
);

-- Reminders left for a society (annual report due, term ending in 6 or 3
-- months), once per (org, ref).
CREATE TABLE society_reminders (
    org_id     BIGINT NOT NULL REFERENCES orgs (id),
    ref        TEXT NOT NULL,
    message    TEXT NOT NULL,
    args       TEXT NOT NULL DEFAULT '[]',
    created_at BIGINT NOT NULL,
    PRIMARY KEY (org_id, ref)
);
