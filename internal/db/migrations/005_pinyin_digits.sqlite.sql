-- SQLite runs pinyin(text) in Go (PinyinKey, registered by Open), which
-- compares runs of digits by value from this version on: nothing to
-- create. Each module that keeps a name_key recomputes it in a migration
-- of its own (see 005_pinyin_digits.postgres.sql).
SELECT 1;
