-- name_key is pinyin(name), the pinyin order of internal/db (pinyin.go),
-- kept on every write by the core trigger function pinyin_name_key, as
-- people's and volunteers' are: every org list sorts by name, and calling
-- pinyin() costs ≈15 µs a row on each row in scope (the list of a
-- province's 10,000 orgs by name took 0.45 s). Not a generated column, so
-- that pg_dump saves the keys (see core migration 003).
-- COLLATE "C": the key is compared byte by byte (D264), whatever collation
-- the database was created with (an ICU or libc one would order the
-- key's "{" escapes and punctuation its own way).
ALTER TABLE orgs ADD COLUMN name_key TEXT COLLATE "C" NOT NULL DEFAULT '';
UPDATE orgs SET name_key = pinyin(name);
CREATE TRIGGER orgs_name_key BEFORE INSERT OR UPDATE OF name ON orgs
    FOR EACH ROW EXECUTE FUNCTION pinyin_name_key();
-- The list by name, the list and the public picker in tree depth order,
-- and a parent's children by name each read their index in order.
CREATE INDEX orgs_name_key ON orgs (name_key, id);
CREATE INDEX orgs_depth_name_key ON orgs (depth, name_key, id);
DROP INDEX orgs_parent;
CREATE INDEX orgs_parent ON orgs (parent_id, name_key, id);
