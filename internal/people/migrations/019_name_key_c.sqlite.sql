-- SQLite compares TEXT byte by byte already (BINARY): nothing to change.
-- PostgreSQL sets name_key's collation to "C" (019_name_key_c.postgres.sql).
SELECT 1;
