-- The teachers (科技辅导员) list sorts by name or by school in pinyin order
-- (internal/db, pinyin.go) and called pinyin() on every teacher in scope,
-- twice for the school; a province's teachers run to thousands.
-- name_key = pinyin(name) and school_key = pinyin(school), as people's,
-- orgs' and users' keys are: plain columns the triggers below keep (SQLite
-- adds only VIRTUAL generated columns to a table, pinyin() on every read).
ALTER TABLE youth_teachers ADD COLUMN name_key TEXT NOT NULL DEFAULT '';
ALTER TABLE youth_teachers ADD COLUMN school_key TEXT NOT NULL DEFAULT '';
UPDATE youth_teachers SET name_key = pinyin(name), school_key = pinyin(school);
CREATE TRIGGER youth_teachers_keys_insert AFTER INSERT ON youth_teachers BEGIN
    UPDATE youth_teachers SET name_key = pinyin(NEW.name), school_key = pinyin(NEW.school) WHERE id = NEW.id;
END;
CREATE TRIGGER youth_teachers_keys_update AFTER UPDATE OF name, school ON youth_teachers BEGIN
    UPDATE youth_teachers SET name_key = pinyin(NEW.name), school_key = pinyin(NEW.school) WHERE id = NEW.id;
END;
-- A wide scope reads these in order and stops at the page; one org's
-- teachers come from youth_teachers_org, now by key (it was by name, an
-- order no list uses).
CREATE INDEX youth_teachers_name_key ON youth_teachers (name_key, id);
CREATE INDEX youth_teachers_school_key ON youth_teachers (school_key, id);
DROP INDEX youth_teachers_org;
CREATE INDEX youth_teachers_org ON youth_teachers (org_id, name_key, id);
