-- unit_members.name_key is pinyin(name), the pinyin order of internal/db
-- (pinyin.go), as people's, volunteers', orgs' and users' keys are: the
-- unit members list sorts by name and called pinyin() on every unit in
-- scope. SQLite adds only VIRTUAL generated columns to a table (pinyin()
-- again on every read), so it is a plain column the triggers below keep.
ALTER TABLE unit_members ADD COLUMN name_key TEXT NOT NULL DEFAULT '';
UPDATE unit_members SET name_key = pinyin(name);
CREATE TRIGGER unit_members_name_key_insert AFTER INSERT ON unit_members BEGIN
    UPDATE unit_members SET name_key = pinyin(NEW.name) WHERE id = NEW.id;
END;
CREATE TRIGGER unit_members_name_key_update AFTER UPDATE OF name ON unit_members BEGIN
    UPDATE unit_members SET name_key = pinyin(NEW.name) WHERE id = NEW.id;
END;
-- A wide scope (a city, the province) reads this index in order and stops
-- at the page; one org's units come from (org_id, …) and are sorted.
CREATE INDEX unit_members_name_key ON unit_members (name_key, id);
CREATE INDEX unit_members_org_name_key ON unit_members (org_id, name_key, id);
