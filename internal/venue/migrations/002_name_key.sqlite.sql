-- venues.name_key is pinyin(name), the pinyin order of internal/db
-- (pinyin.go), as people's, orgs' and users' keys are: the venue picker
-- sorts every venue in service by name and called pinyin() on each (科普e站
-- run to thousands a province). SQLite adds only VIRTUAL generated columns
-- to a table (pinyin() again on every read), so it is a plain column the
-- triggers below keep.
ALTER TABLE venues ADD COLUMN name_key TEXT NOT NULL DEFAULT '';
UPDATE venues SET name_key = pinyin(name);
CREATE TRIGGER venues_name_key_insert AFTER INSERT ON venues BEGIN
    UPDATE venues SET name_key = pinyin(NEW.name) WHERE id = NEW.id;
END;
CREATE TRIGGER venues_name_key_update AFTER UPDATE OF name ON venues BEGIN
    UPDATE venues SET name_key = pinyin(NEW.name) WHERE id = NEW.id;
END;
CREATE INDEX venues_name_key ON venues (name_key, id);
