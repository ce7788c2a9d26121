-- Full-text search over published items: bigram terms (package search) in
-- kepu_items.search_text, as a generated tsvector indexed with GIN.
ALTER TABLE kepu_items ADD COLUMN search_tsv tsvector GENERATED ALWAYS AS (to_tsvector('simple', search_text)) STORED;
CREATE INDEX kepu_items_search ON kepu_items USING GIN (search_tsv);
