-- The org tree. path is the materialized path of IDs, "/1/7/42/", so a
-- subtree is one indexed prefix match on both databases.
CREATE TABLE orgs (
    id          BIGINT PRIMARY KEY,
    parent_id   BIGINT REFERENCES orgs (id),
    path        TEXT NOT NULL UNIQUE,
    depth       INTEGER NOT NULL,
    code        TEXT NOT NULL UNIQUE,
    name        TEXT NOT NULL,
    short_name  TEXT NOT NULL DEFAULT '',
    type        TEXT NOT NULL,
    region_code TEXT NOT NULL DEFAULT '',
    note        TEXT NOT NULL DEFAULT '',
    created_at  BIGINT NOT NULL,
    updated_at  BIGINT NOT NULL
);
CREATE INDEX orgs_parent ON orgs (parent_id, name);
CREATE INDEX orgs_name ON orgs (name);
