-- Change counters behind per-node caches. A module that keeps rows in a
-- node's memory adds a row here and triggers on its tables that bump it in
-- the writing statement's transaction (org, auth); a request reads every
-- counter in one query (versions.go) and a cache serves memory only while
-- its counters have not moved.
CREATE TABLE cache_versions (
    name TEXT PRIMARY KEY,
    v    BIGINT NOT NULL
);
