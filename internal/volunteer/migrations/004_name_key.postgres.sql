-- name_key is pinyin(name), the pinyin order of internal/db (pinyin.go),
-- kept on every write by the core trigger function pinyin_name_key: a
-- province's volunteers run to tens of thousands, and calling pinyin()
-- costs ≈15 µs a row on every list. Not a generated column, so that
-- pg_dump saves the keys (see core migration 003).
ALTER TABLE volunteers ADD COLUMN name_key TEXT NOT NULL DEFAULT '';
UPDATE volunteers SET name_key = pinyin(name);
CREATE TRIGGER volunteers_name_key BEFORE INSERT OR UPDATE OF name ON volunteers
    FOR EACH ROW EXECUTE FUNCTION pinyin_name_key();
CREATE INDEX volunteers_name_key ON volunteers (name_key, id);
