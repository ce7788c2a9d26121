-- The org counter moves into cache_versions (db migration 002), where a
-- request reads it together with the other caches' counters in one query.
INSERT INTO cache_versions (name, v) SELECT 'org', v FROM org_version WHERE id = 1;
CREATE OR REPLACE FUNCTION org_version_bump() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
    UPDATE cache_versions SET v = v + 1 WHERE name = 'org';
    RETURN NULL;
END
$$;
DROP TABLE org_version;
