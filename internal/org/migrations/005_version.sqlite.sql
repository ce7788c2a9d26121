-- org_version counts writes to orgs, on every node alike: a node may keep
-- org rows in memory while the count has not moved (org_view.go). The
-- triggers count every write, whoever makes it (the store, an import, a
-- hand-written UPDATE), so a cache cannot miss one.
CREATE TABLE org_version (id INTEGER PRIMARY KEY CHECK (id = 1), v INTEGER NOT NULL);
INSERT INTO org_version (id, v) VALUES (1, 1);
CREATE TRIGGER orgs_version_insert AFTER INSERT ON orgs BEGIN UPDATE org_version SET v = v + 1 WHERE id = 1; END;
CREATE TRIGGER orgs_version_update AFTER UPDATE ON orgs BEGIN UPDATE org_version SET v = v + 1 WHERE id = 1; END;
CREATE TRIGGER orgs_version_delete AFTER DELETE ON orgs BEGIN UPDATE org_version SET v = v + 1 WHERE id = 1; END;
