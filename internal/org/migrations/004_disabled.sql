-- A disabled org (停用, issue 10 §4) is hidden from pickers and new-record
-- choices and its role grants stop working; its records stay and are
-- reported as before. 0: enabled; else when it was disabled. A disabled
-- org's subtree is disabled whole (the store keeps it so).
ALTER TABLE orgs ADD COLUMN disabled_at BIGINT NOT NULL DEFAULT 0;
