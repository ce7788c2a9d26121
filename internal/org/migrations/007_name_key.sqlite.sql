-- name_key is pinyin(name), the pinyin order of internal/db (pinyin.go),
-- as people's and volunteers' are: every org list sorts by name, and
-- calling pinyin() costs a lookup a character on each row in scope. SQLite
-- adds only VIRTUAL generated columns to a table (pinyin() again on every
-- read), so it is a plain column the triggers below keep.
ALTER TABLE orgs ADD COLUMN name_key TEXT NOT NULL DEFAULT '';
UPDATE orgs SET name_key = pinyin(name);
CREATE TRIGGER orgs_name_key_insert AFTER INSERT ON orgs BEGIN
    UPDATE orgs SET name_key = pinyin(NEW.name) WHERE id = NEW.id;
END;
CREATE TRIGGER orgs_name_key_update AFTER UPDATE OF name ON orgs BEGIN
    UPDATE orgs SET name_key = pinyin(NEW.name) WHERE id = NEW.id;
END;
-- The list by name, the list and the public picker in tree depth order,
-- and a parent's children by name each read their index in order.
CREATE INDEX orgs_name_key ON orgs (name_key, id);
CREATE INDEX orgs_depth_name_key ON orgs (depth, name_key, id);
DROP INDEX orgs_parent;
CREATE INDEX orgs_parent ON orgs (parent_id, name_key, id);
