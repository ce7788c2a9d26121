-- name_key compares byte by byte (COLLATE "C"), as SQLite compares it and as
-- orgs' and users' keys do (D270). A database created with another collation
-- (zh_CN.UTF-8, en_US.UTF-8, ICU) skips the key's spaces and escapes at first
-- and would order some names otherwise than SQLite (李 X before 李四).
ALTER TABLE volunteers ALTER COLUMN name_key TYPE TEXT COLLATE "C";
