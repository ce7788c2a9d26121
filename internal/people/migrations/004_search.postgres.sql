-- Full-text search: the bigram terms of a person (package search) are kept
-- in search_text; a generated tsvector (the 'simple' configuration keeps
-- each term as it is) is indexed with GIN and follows every write.
ALTER TABLE people ADD COLUMN search_text TEXT NOT NULL DEFAULT '';
ALTER TABLE people ADD COLUMN search_tsv tsvector GENERATED ALWAYS AS (to_tsvector('simple', search_text)) STORED;
CREATE INDEX people_search ON people USING GIN (search_tsv);
