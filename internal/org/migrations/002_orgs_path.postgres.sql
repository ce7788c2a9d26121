-- LIKE 'prefix%' can use an index only with text_pattern_ops (or the C collation).
CREATE INDEX orgs_path_prefix ON orgs (path text_pattern_ops);
CREATE INDEX orgs_type ON orgs (type);
