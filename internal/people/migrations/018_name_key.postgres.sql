-- name_key is pinyin(name), the pinyin order of internal/db (pinyin.go),
-- kept on every write by the core trigger function pinyin_name_key.
-- A column: reading a key costs nothing, where calling pinyin() costs
-- ≈15 µs a row, and the list reads every row in scope. Not a generated
-- column, so that pg_dump saves the keys (see core migration 003). The
-- index replaces people_name, which served the code-point order.
ALTER TABLE people ADD COLUMN name_key TEXT NOT NULL DEFAULT '';
UPDATE people SET name_key = pinyin(name);
CREATE TRIGGER people_name_key BEFORE INSERT OR UPDATE OF name ON people
    FOR EACH ROW EXECUTE FUNCTION pinyin_name_key();
DROP INDEX people_name;
CREATE INDEX people_name_key ON people (name_key, id);
