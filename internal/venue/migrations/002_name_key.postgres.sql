-- venues.name_key is pinyin(name), the pinyin order of internal/db
-- (pinyin.go), kept on every write by the core trigger function
-- pinyin_name_key, as people's, orgs' and users' keys are: the venue
-- picker sorts every venue in service by name and called pinyin()
-- (≈15 µs) on each (科普e站 run to thousands a province). Not a generated
-- column, so that pg_dump saves the keys (see core migration 003).
-- COLLATE "C": compared byte by byte whatever the database's collation
-- (D270).
ALTER TABLE venues ADD COLUMN name_key TEXT COLLATE "C" NOT NULL DEFAULT '';
UPDATE venues SET name_key = pinyin(name);
CREATE TRIGGER venues_name_key BEFORE INSERT OR UPDATE OF name ON venues
    FOR EACH ROW EXECUTE FUNCTION pinyin_name_key();
CREATE INDEX venues_name_key ON venues (name_key, id);
