-- name_key is pinyin(display_name), the pinyin order of internal/db
-- (pinyin.go), as people's, volunteers' and orgs' keys are: the user list
-- sorted by name called pinyin() on every user in scope. SQLite adds only
-- VIRTUAL generated columns to a table (pinyin() again on every read), so
-- it is a plain column the triggers below keep.
ALTER TABLE users ADD COLUMN name_key TEXT NOT NULL DEFAULT '';
UPDATE users SET name_key = pinyin(display_name);
CREATE TRIGGER users_name_key_insert AFTER INSERT ON users BEGIN
    UPDATE users SET name_key = pinyin(NEW.display_name) WHERE id = NEW.id;
END;
CREATE TRIGGER users_name_key_update AFTER UPDATE OF display_name ON users BEGIN
    UPDATE users SET name_key = pinyin(NEW.display_name) WHERE id = NEW.id;
END;
CREATE INDEX users_name_key ON users (name_key, id);
