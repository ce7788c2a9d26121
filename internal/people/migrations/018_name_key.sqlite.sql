-- name_key is pinyin(name), the pinyin order of internal/db (pinyin.go).
-- SQLite adds only VIRTUAL generated columns to a table, and the list
-- (which counts and sorts every row in scope) would then call pinyin() on
-- each row it reads; so it is a plain column the triggers below keep.
-- The index replaces people_name, which served the code-point order.
ALTER TABLE people ADD COLUMN name_key TEXT NOT NULL DEFAULT '';
UPDATE people SET name_key = pinyin(name);
CREATE TRIGGER people_name_key_insert AFTER INSERT ON people BEGIN
    UPDATE people SET name_key = pinyin(NEW.name) WHERE id = NEW.id;
END;
CREATE TRIGGER people_name_key_update AFTER UPDATE OF name ON people BEGIN
    UPDATE people SET name_key = pinyin(NEW.name) WHERE id = NEW.id;
END;
DROP INDEX people_name;
CREATE INDEX people_name_key ON people (name_key, id);
