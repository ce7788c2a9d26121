-- org_version counts writes to orgs, on every node alike: a node may keep
-- org rows in memory while the count has not moved (org_view.go). The
-- trigger counts every statement that writes, whoever makes it (the store,
-- an import, a hand-written UPDATE or TRUNCATE), so a cache cannot miss one.
CREATE TABLE org_version (id INTEGER PRIMARY KEY CHECK (id = 1), v BIGINT NOT NULL);
INSERT INTO org_version (id, v) VALUES (1, 1);
CREATE FUNCTION org_version_bump() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
    UPDATE org_version SET v = v + 1 WHERE id = 1;
    RETURN NULL;
END
$$;
CREATE TRIGGER orgs_version AFTER INSERT OR UPDATE OR DELETE ON orgs
    FOR EACH STATEMENT EXECUTE FUNCTION org_version_bump();
CREATE TRIGGER orgs_version_truncate AFTER TRUNCATE ON orgs
    FOR EACH STATEMENT EXECUTE FUNCTION org_version_bump();
