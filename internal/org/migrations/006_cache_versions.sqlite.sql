-- The org counter moves into cache_versions (db migration 002), where a
-- request reads it together with the other caches' counters in one query.
INSERT INTO cache_versions (name, v) SELECT 'org', v FROM org_version WHERE id = 1;
DROP TRIGGER orgs_version_insert;
DROP TRIGGER orgs_version_update;
DROP TRIGGER orgs_version_delete;
CREATE TRIGGER orgs_version_insert AFTER INSERT ON orgs BEGIN UPDATE cache_versions SET v = v + 1 WHERE name = 'org'; END;
CREATE TRIGGER orgs_version_update AFTER UPDATE ON orgs BEGIN UPDATE cache_versions SET v = v + 1 WHERE name = 'org'; END;
CREATE TRIGGER orgs_version_delete AFTER DELETE ON orgs BEGIN UPDATE cache_versions SET v = v + 1 WHERE name = 'org'; END;
DROP TABLE org_version;
