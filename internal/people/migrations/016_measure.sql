-- The live talent counts (measure.go) read people by org, date added,
-- category and (for 青年科技人才) birth year from this index alone: on 1M
-- people a province-wide count takes well under a second on SQLite instead
-- of several seconds of table lookups.
CREATE INDEX people_org_added ON people (org_id, created_at, categories, birth_year);
