-- The discipline classification GB/T 13745 (学科分类与代码): 3-digit first
-- level, 5-digit second, 7-digit third. No complete machine-readable copy
-- could be sourced, so administrators import the official table as CSV
-- (kexie people disciplines import); until then discipline codes are not checked.
CREATE TABLE disciplines (
    code   TEXT PRIMARY KEY,
    name   TEXT NOT NULL,
    parent TEXT NOT NULL DEFAULT '',
    level  INTEGER NOT NULL
);
