-- SQLite compares the key PinyinKey returns byte by byte already (BINARY):
-- nothing to change. PostgreSQL's pinyin() returns it in collation "C"
-- from now on (004_pinyin_c.postgres.sql).
SELECT 1;
