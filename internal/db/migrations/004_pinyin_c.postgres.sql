-- pinyin() returns its key compared byte by byte (collation "C") whatever
-- collation the database was created with, as SQLite compares it and as
-- every name_key column is declared (D270): an ORDER BY pinyin(…) on a
-- zh_CN, en_US or ICU database skipped the key's spaces and ordered its
-- "{" escapes and "!" punctuation its own way (李 X after 李四 on ICU).
--
-- A function's result takes the collation of its arguments, not one of
-- its own (RETURNS cannot name one), so the argument is of a domain whose
-- collation is "C": a text argument is coerced to it, the coercion is
-- labelled "C" (implicitly), and so is the result. The body is 003's but
-- for ch's collation (below); pinyin_chars is not touched, so no name_key
-- changes. DROP without CASCADE fails should an index depend on
-- pinyin(text) (no migration creates one); the trigger functions call
-- pinyin() by name and find the new one.
CREATE DOMAIN pinyin_text AS TEXT COLLATE "C";
DROP FUNCTION pinyin(TEXT);
CREATE FUNCTION pinyin(s pinyin_text) RETURNS TEXT
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE
SET search_path FROM CURRENT AS $$
DECLARE
    k  TEXT := '';
    -- The arguments' collation ("C") is every local variable's unless it
    -- names its own: ch is compared with pinyin_chars.c, whose index is in
    -- the database's collation, and a lookup in another would scan the
    -- table (1.5 ms a name, not 17 µs).
    ch TEXT COLLATE "default";
    t  TEXT;
BEGIN
    FOREACH ch IN ARRAY string_to_array(s, NULL) LOOP
        SELECT tok INTO t FROM pinyin_chars WHERE c = ch;
        IF t IS NULL THEN
            -- A restore that loads people before this table would key
            -- every name by code point, silently: refuse instead.
            IF NOT EXISTS (SELECT 1 FROM pinyin_chars) THEN
                RAISE EXCEPTION 'pinyin(): table pinyin_chars is empty; load its rows before any table that sorts by pinyin (docs/pinyin-decisions.md)';
            END IF;
            t := '{' || lpad(to_hex(ascii(ch)), 6, '0');
        END IF;
        k := k || t;
    END LOOP;
    RETURN k || ' ' || s;
END
$$;
