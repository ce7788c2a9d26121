-- The UNIQUE constraint on path already gives SQLite the index GLOB uses.
CREATE INDEX orgs_type ON orgs (type);
