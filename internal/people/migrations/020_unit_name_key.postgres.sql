-- unit_members.name_key is pinyin(name), the pinyin order of internal/db
-- (pinyin.go), kept on every write by the core trigger function
-- pinyin_name_key, as people's, volunteers', orgs' and users' keys are: the
-- unit members list sorts by name and called pinyin() (≈15 µs) on every
-- unit in scope before it could return a page. Not a generated column, so
-- that pg_dump saves the keys (see core migration 003). COLLATE "C": the
-- key compares byte by byte whatever the database's collation (D270).
ALTER TABLE unit_members ADD COLUMN name_key TEXT COLLATE "C" NOT NULL DEFAULT '';
UPDATE unit_members SET name_key = pinyin(name);
CREATE TRIGGER unit_members_name_key BEFORE INSERT OR UPDATE OF name ON unit_members
    FOR EACH ROW EXECUTE FUNCTION pinyin_name_key();
-- A wide scope (a city, the province) reads this index in order and stops
-- at the page; one org's units come from (org_id, …) and are sorted.
CREATE INDEX unit_members_name_key ON unit_members (name_key, id);
CREATE INDEX unit_members_org_name_key ON unit_members (org_id, name_key, id);
