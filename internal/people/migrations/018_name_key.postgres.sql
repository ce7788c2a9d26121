-- name_key is pinyin(name), the pinyin order of internal/db (pinyin.go),
-- kept by the database on every write. Stored: reading a key costs a
-- column, where calling pinyin() costs ≈15 µs a row — a deep page of the
-- people list reads every row before it. The index serves that order as
-- people_name served the code-point order it replaces.
ALTER TABLE people ADD COLUMN name_key TEXT GENERATED ALWAYS AS (pinyin(name)) STORED;
DROP INDEX people_name;
CREATE INDEX people_name_key ON people (name_key, id);
