-- name_key is pinyin(name), the pinyin order of internal/db (pinyin.go).
-- SQLite adds only VIRTUAL generated columns to a table, and the list
-- (which counts and sorts every row in scope) would then call pinyin() on
-- each row it reads; so it is a plain column the triggers below keep.
ALTER TABLE volunteers ADD COLUMN name_key TEXT NOT NULL DEFAULT '';
UPDATE volunteers SET name_key = pinyin(name);
CREATE TRIGGER volunteers_name_key_insert AFTER INSERT ON volunteers BEGIN
    UPDATE volunteers SET name_key = pinyin(NEW.name) WHERE id = NEW.id;
END;
CREATE TRIGGER volunteers_name_key_update AFTER UPDATE OF name ON volunteers BEGIN
    UPDATE volunteers SET name_key = pinyin(NEW.name) WHERE id = NEW.id;
END;
CREATE INDEX volunteers_name_key ON volunteers (name_key, id);
