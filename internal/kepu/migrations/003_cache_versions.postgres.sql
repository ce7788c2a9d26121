-- The portal's page cache moves its counter from kepu_state into
-- cache_versions (db migration 002, D75), where a request reads it together
-- with the other caches' counters in one query. Triggers move it in the
-- writing statement's transaction, whichever node or hand made the change:
-- an item that is or was public (published or withdrawn — a withdrawn link
-- answers 410 with its reason), an earlier version kept by a correction, a
-- series, an emergency. Drafts and reviews leave it alone. The org names and
-- sections the pages show ride on the "org" counter.
INSERT INTO cache_versions (name, v) SELECT 'kepu', version FROM kepu_state WHERE id = 1;
CREATE FUNCTION kepu_version_bump() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
    UPDATE cache_versions SET v = v + 1 WHERE name = 'kepu';
    RETURN NULL;
END
$$;
CREATE TRIGGER kepu_items_version_insert AFTER INSERT ON kepu_items FOR EACH ROW
    WHEN (NEW.status IN ('published', 'withdrawn')) EXECUTE FUNCTION kepu_version_bump();
CREATE TRIGGER kepu_items_version_update AFTER UPDATE ON kepu_items FOR EACH ROW
    WHEN (OLD.status IN ('published', 'withdrawn') OR NEW.status IN ('published', 'withdrawn'))
    EXECUTE FUNCTION kepu_version_bump();
CREATE TRIGGER kepu_items_version_delete AFTER DELETE ON kepu_items FOR EACH ROW
    WHEN (OLD.status IN ('published', 'withdrawn')) EXECUTE FUNCTION kepu_version_bump();
CREATE TRIGGER kepu_items_version_truncate AFTER TRUNCATE ON kepu_items
    FOR EACH STATEMENT EXECUTE FUNCTION kepu_version_bump();
CREATE TRIGGER kepu_versions_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON kepu_versions
    FOR EACH STATEMENT EXECUTE FUNCTION kepu_version_bump();
CREATE TRIGGER kepu_series_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON kepu_series
    FOR EACH STATEMENT EXECUTE FUNCTION kepu_version_bump();
CREATE TRIGGER kepu_emergencies_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON kepu_emergencies
    FOR EACH STATEMENT EXECUTE FUNCTION kepu_version_bump();
DROP TABLE kepu_state;
