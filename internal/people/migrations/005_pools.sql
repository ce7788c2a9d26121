-- Expert pools (专家库): named sets of people, e.g. "2027年度科技奖评审专家库",
-- filled from search results or by hand, used later by the review engine.
CREATE TABLE pools (
    id          BIGINT PRIMARY KEY,
    org_id      BIGINT NOT NULL REFERENCES orgs (id),
    name        TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    created_at  BIGINT NOT NULL,
    UNIQUE (org_id, name)
);
CREATE TABLE pool_members (
    pool_id   BIGINT NOT NULL REFERENCES pools (id) ON DELETE CASCADE,
    person_id BIGINT NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    added_at  BIGINT NOT NULL,
    PRIMARY KEY (pool_id, person_id)
);
CREATE INDEX pool_members_person ON pool_members (person_id);
