-- name_key is pinyin(name), the pinyin order of internal/db (pinyin.go).
-- SQLite adds only VIRTUAL generated columns to a table; the index stores
-- the keys.
ALTER TABLE volunteers ADD COLUMN name_key TEXT GENERATED ALWAYS AS (pinyin(name)) VIRTUAL;
CREATE INDEX volunteers_name_key ON volunteers (name_key, id);
