-- Individual membership of a 科协 or 学会.
CREATE TABLE memberships (
    id         BIGINT PRIMARY KEY,
    person_id  BIGINT NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    org_id     BIGINT NOT NULL REFERENCES orgs (id),
    member_no  TEXT NOT NULL DEFAULT '',
    grade      TEXT NOT NULL,              -- member, senior, fellow (会员, 高级会员, 会士)
    roles      TEXT NOT NULL DEFAULT '',   -- 理事、常务理事、秘书长 … "、"-separated
    joined_on  TEXT NOT NULL DEFAULT '',   -- YYYY-MM-DD
    status     TEXT NOT NULL,              -- active, suspended, lapsed
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    UNIQUE (person_id, org_id)
);
CREATE INDEX memberships_org ON memberships (org_id);

-- Unit (团体) members: companies, universities, institutes.
CREATE TABLE unit_members (
    id         BIGINT PRIMARY KEY,
    org_id     BIGINT NOT NULL REFERENCES orgs (id),
    name       TEXT NOT NULL,
    uscc       TEXT NOT NULL,              -- 统一社会信用代码, GB 32100
    kind       TEXT NOT NULL,              -- company, university, institute, other
    joined_on  TEXT NOT NULL DEFAULT '',
    status     TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    UNIQUE (org_id, uscc)
);
