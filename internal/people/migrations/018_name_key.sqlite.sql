-- name_key is pinyin(name), the pinyin order of internal/db (pinyin.go).
-- SQLite adds only VIRTUAL generated columns to a table; the index stores
-- the keys, so the list's order reads them there. It replaces people_name,
-- which served the code-point order.
ALTER TABLE people ADD COLUMN name_key TEXT GENERATED ALWAYS AS (pinyin(name)) VIRTUAL;
DROP INDEX people_name;
CREATE INDEX people_name_key ON people (name_key, id);
