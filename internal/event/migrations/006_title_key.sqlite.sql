-- title_key is pinyin(title), the pinyin order of internal/db (pinyin.go),
-- as orgs', people's and the other lists' name_key: the events list by
-- title called pinyin() on every event in scope before it could return a
-- page. SQLite adds only VIRTUAL generated columns to a table (pinyin()
-- again on every read), so it is a plain column the triggers below keep;
-- they fire on a change of the title only, not on the seat counts every
-- registration writes.
ALTER TABLE events ADD COLUMN title_key TEXT NOT NULL DEFAULT '';
UPDATE events SET title_key = pinyin(title);
CREATE TRIGGER events_title_key_insert AFTER INSERT ON events BEGIN
    UPDATE events SET title_key = pinyin(NEW.title) WHERE id = NEW.id;
END;
CREATE TRIGGER events_title_key_update AFTER UPDATE OF title ON events BEGIN
    UPDATE events SET title_key = pinyin(NEW.title) WHERE id = NEW.id;
END;
CREATE INDEX events_title_key ON events (title_key, id);
