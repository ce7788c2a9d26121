-- The teachers (科技辅导员) list sorts by name or by school in pinyin order
-- (internal/db, pinyin.go) and called pinyin() (≈15 µs) on every teacher
-- in scope, twice for the school; a province's teachers run to thousands.
-- name_key = pinyin(name) and school_key = pinyin(school) are kept on
-- every write by the trigger below, as people's, orgs' and users' keys
-- are. Not generated columns, so that pg_dump saves the keys (see core
-- migration 003). COLLATE "C": compared byte by byte whatever the
-- database's collation (D270).
ALTER TABLE youth_teachers ADD COLUMN name_key TEXT COLLATE "C" NOT NULL DEFAULT '';
ALTER TABLE youth_teachers ADD COLUMN school_key TEXT COLLATE "C" NOT NULL DEFAULT '';
UPDATE youth_teachers SET name_key = pinyin(name), school_key = pinyin(school);
CREATE FUNCTION youth_teachers_keys() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    NEW.name_key := pinyin(NEW.name);
    NEW.school_key := pinyin(NEW.school);
    RETURN NEW;
END
$$;
CREATE TRIGGER youth_teachers_keys BEFORE INSERT OR UPDATE OF name, school ON youth_teachers
    FOR EACH ROW EXECUTE FUNCTION youth_teachers_keys();
-- A wide scope reads these in order and stops at the page; one org's
-- teachers come from youth_teachers_org, now by key (it was by name, an
-- order no list uses).
CREATE INDEX youth_teachers_name_key ON youth_teachers (name_key, id);
CREATE INDEX youth_teachers_school_key ON youth_teachers (school_key, id);
DROP INDEX youth_teachers_org;
CREATE INDEX youth_teachers_org ON youth_teachers (org_id, name_key, id);
