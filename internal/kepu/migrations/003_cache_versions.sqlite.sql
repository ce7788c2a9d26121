-- The portal's page cache moves its counter from kepu_state into
-- cache_versions (db migration 002, D75), where a request reads it together
-- with the other caches' counters in one query. Triggers move it in the
-- writing statement's transaction, whichever node or hand made the change:
-- an item that is or was public (published or withdrawn — a withdrawn link
-- answers 410 with its reason), an earlier version kept by a correction, a
-- series, an emergency. Drafts and reviews leave it alone. The org names and
-- sections the pages show ride on the "org" counter.
INSERT INTO cache_versions (name, v) SELECT 'kepu', version FROM kepu_state WHERE id = 1;
CREATE TRIGGER kepu_items_version_insert AFTER INSERT ON kepu_items
    WHEN NEW.status IN ('published', 'withdrawn')
    BEGIN UPDATE cache_versions SET v = v + 1 WHERE name = 'kepu'; END;
CREATE TRIGGER kepu_items_version_update AFTER UPDATE ON kepu_items
    WHEN OLD.status IN ('published', 'withdrawn') OR NEW.status IN ('published', 'withdrawn')
    BEGIN UPDATE cache_versions SET v = v + 1 WHERE name = 'kepu'; END;
CREATE TRIGGER kepu_items_version_delete AFTER DELETE ON kepu_items
    WHEN OLD.status IN ('published', 'withdrawn')
    BEGIN UPDATE cache_versions SET v = v + 1 WHERE name = 'kepu'; END;
CREATE TRIGGER kepu_versions_version_insert AFTER INSERT ON kepu_versions
    BEGIN UPDATE cache_versions SET v = v + 1 WHERE name = 'kepu'; END;
CREATE TRIGGER kepu_versions_version_update AFTER UPDATE ON kepu_versions
    BEGIN UPDATE cache_versions SET v = v + 1 WHERE name = 'kepu'; END;
CREATE TRIGGER kepu_versions_version_delete AFTER DELETE ON kepu_versions
    BEGIN UPDATE cache_versions SET v = v + 1 WHERE name = 'kepu'; END;
CREATE TRIGGER kepu_series_version_insert AFTER INSERT ON kepu_series
    BEGIN UPDATE cache_versions SET v = v + 1 WHERE name = 'kepu'; END;
CREATE TRIGGER kepu_series_version_update AFTER UPDATE ON kepu_series
    BEGIN UPDATE cache_versions SET v = v + 1 WHERE name = 'kepu'; END;
CREATE TRIGGER kepu_series_version_delete AFTER DELETE ON kepu_series
    BEGIN UPDATE cache_versions SET v = v + 1 WHERE name = 'kepu'; END;
CREATE TRIGGER kepu_emergencies_version_insert AFTER INSERT ON kepu_emergencies
    BEGIN UPDATE cache_versions SET v = v + 1 WHERE name = 'kepu'; END;
CREATE TRIGGER kepu_emergencies_version_update AFTER UPDATE ON kepu_emergencies
    BEGIN UPDATE cache_versions SET v = v + 1 WHERE name = 'kepu'; END;
CREATE TRIGGER kepu_emergencies_version_delete AFTER DELETE ON kepu_emergencies
    BEGIN UPDATE cache_versions SET v = v + 1 WHERE name = 'kepu'; END;
DROP TABLE kepu_state;
