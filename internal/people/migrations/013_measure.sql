-- The live talent counts (measure.go) read people by org, date added and
-- category from this index alone: counting a province of 1M people takes
-- about 0.2 s instead of 2.7 s of table lookups (SQLite).
CREATE INDEX people_org_added ON people (org_id, created_at, categories);
