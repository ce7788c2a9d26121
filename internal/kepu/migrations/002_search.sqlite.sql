-- Full-text search over published items: bigram terms (package search) in
-- kepu_items.search_text, indexed by a contentless FTS5 table keyed by id.
CREATE VIRTUAL TABLE kepu_fts USING fts5(terms, content='', detail=column);
