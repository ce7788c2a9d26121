-- Full-text search: the bigram terms of a person (package search) are kept
-- in search_text and indexed by a contentless FTS5 table whose rowid is the
-- person's id; the store updates both in the transaction that changes the row.
ALTER TABLE people ADD COLUMN search_text TEXT NOT NULL DEFAULT '';
CREATE VIRTUAL TABLE people_fts USING fts5(terms, content='', detail=column);
