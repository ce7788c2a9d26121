-- Names holding numbers compare by value: a run of digits (ASCII or full
-- width) is one token, the digits without leading zeros after their count
-- — one digit "1"–"9" up to nine digits, else ":" and the count in two
-- digits (99 for more) — so 第2届 (di4 12 jie4) comes before 第10届 (di4
-- 210 jie4). PinyinKey (internal/db/pinyin.go) builds the same key for
-- SQLite; numberToken says why it orders so.
--
-- This changes the key of every name with a digit: each module that keeps
-- a name_key recomputes it in a migration of its own (people and
-- unit_members, volunteers, orgs, users from display_name, youth_teachers'
-- name_key and school_key, venues), which runs after this one (core
-- migrations run first). No index is built on pinyin(…) itself.
-- pinyin_number is the token of a run of digits (PinyinKey's numberToken).
CREATE FUNCTION pinyin_number(digits TEXT) RETURNS TEXT
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $$
DECLARE
    d TEXT := ltrim(digits, '0');
BEGIN
    IF d = '' THEN
        d := '0';
    END IF;
    IF length(d) <= 9 THEN
        RETURN chr(48 + length(d)) || d;
    END IF;
    RETURN ':' || lpad(least(length(d), 99)::text, 2, '0') || d;
END
$$;

CREATE OR REPLACE FUNCTION pinyin(s pinyin_text) RETURNS TEXT
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE
SET search_path FROM CURRENT AS $$
DECLARE
    k   TEXT := '';
    -- The arguments' collation ("C") is every local variable's unless it
    -- names its own: ch is compared with pinyin_chars.c, whose index is in
    -- the database's collation (core migration 004).
    ch  TEXT COLLATE "default";
    t   TEXT;
    run TEXT := '';
BEGIN
    -- A name without a digit (most) is keyed as before, with no test a
    -- character for runs of digits: those cost a fifth more a name.
    -- The class holds every character the table reads as a digit
    -- (TestPinyinKeys keys each one alone on both databases).
    IF s !~ '[0-9０-９]' THEN
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
    END IF;
    FOREACH ch IN ARRAY string_to_array(s, NULL) LOOP
        SELECT tok INTO t FROM pinyin_chars WHERE c = ch;
        IF t IS NULL THEN
            IF NOT EXISTS (SELECT 1 FROM pinyin_chars) THEN
                RAISE EXCEPTION 'pinyin(): table pinyin_chars is empty; load its rows before any table that sorts by pinyin (docs/pinyin-decisions.md)';
            END IF;
            t := '{' || lpad(to_hex(ascii(ch)), 6, '0');
        ELSIF length(t) = 1 AND t BETWEEN '0' AND '9' THEN
            run := run || t;
            CONTINUE;
        END IF;
        IF run <> '' THEN
            k := k || pinyin_number(run);
            run := '';
        END IF;
        k := k || t;
    END LOOP;
    IF run <> '' THEN
        k := k || pinyin_number(run);
    END IF;
    RETURN k || ' ' || s;
END
$$;
