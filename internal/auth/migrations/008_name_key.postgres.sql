-- name_key is pinyin(display_name), the pinyin order of internal/db
-- (pinyin.go), kept on every write by the trigger below, as people's,
-- volunteers' and orgs' keys are: the user list sorted by name called
-- pinyin() (≈15 µs) on every user in scope, and a province's accounts run
-- to tens of thousands. Not a generated column, so that pg_dump saves the
-- keys (see core migration 003).
-- COLLATE "C": the key is compared byte by byte (D264), whatever collation
-- the database was created with (an ICU or libc one would order the
-- key's "{" escapes and punctuation its own way).
ALTER TABLE users ADD COLUMN name_key TEXT COLLATE "C" NOT NULL DEFAULT '';
UPDATE users SET name_key = pinyin(display_name);
CREATE FUNCTION users_name_key() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    NEW.name_key := pinyin(NEW.display_name);
    RETURN NEW;
END
$$;
CREATE TRIGGER users_name_key BEFORE INSERT OR UPDATE OF display_name ON users
    FOR EACH ROW EXECUTE FUNCTION users_name_key();
CREATE INDEX users_name_key ON users (name_key, id);
