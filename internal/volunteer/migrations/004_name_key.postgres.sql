-- name_key is pinyin(name), the pinyin order of internal/db (pinyin.go),
-- kept by the database on every write: a province's volunteers run to tens
-- of thousands, and calling pinyin() costs ≈15 µs a row on every list.
ALTER TABLE volunteers ADD COLUMN name_key TEXT GENERATED ALWAYS AS (pinyin(name)) STORED;
CREATE INDEX volunteers_name_key ON volunteers (name_key, id);
