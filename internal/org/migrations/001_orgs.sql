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
    -- Number of direct children, kept by the store in the same transaction
    -- as every create and move: the tree page shows it on every row.
    child_count INTEGER NOT NULL DEFAULT 0,
    created_at  BIGINT NOT NULL,
    updated_at  BIGINT NOT NULL
);
CREATE INDEX orgs_parent ON orgs (parent_id, name);
CREATE INDEX orgs_name ON orgs (name);
