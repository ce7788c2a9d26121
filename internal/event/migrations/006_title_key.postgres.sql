-- title_key is pinyin(title), the pinyin order of internal/db (pinyin.go),
-- kept on every write by the trigger below, as orgs', people's and the
-- other lists' name_key: the events list by title called pinyin()
-- (≈20 µs) on every event in scope before it could return a page, 1.4 s
-- for a city's 50,000. Not a generated column, so that pg_dump saves the
-- keys (see core migration 003). COLLATE "C": compared byte by byte
-- whatever the database's collation (D270). The trigger fires on a change
-- of the title only, not on the seat counts every registration writes.
ALTER TABLE events ADD COLUMN title_key TEXT COLLATE "C" NOT NULL DEFAULT '';
UPDATE events SET title_key = pinyin(title);
CREATE FUNCTION events_title_key() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    NEW.title_key := pinyin(NEW.title);
    RETURN NEW;
END
$$;
CREATE TRIGGER events_title_key BEFORE INSERT OR UPDATE OF title ON events
    FOR EACH ROW EXECUTE FUNCTION events_title_key();
CREATE INDEX events_title_key ON events (title_key, id);
