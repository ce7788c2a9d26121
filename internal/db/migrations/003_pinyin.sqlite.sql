-- SQLite runs pinyin(text) in Go (PinyinKey, registered by Open): nothing to create.
SELECT 1;
