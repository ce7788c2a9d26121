-- The "auth" counter of cache_versions (db migration 002) moves whenever
-- something a node may hold of a signed-in session changes: a session
-- ended or switched (not its last_seen_at, which moves once a minute), a
-- user's name, locale, 2FA, password flag or status, any role grant. A node
-- serves a session from memory while this counter and the org counter (the
-- grants carry org paths and names) have not moved (session_cache.go).
INSERT INTO cache_versions (name, v) VALUES ('auth', 1);
CREATE TRIGGER sessions_version_delete AFTER DELETE ON sessions
    BEGIN UPDATE cache_versions SET v = v + 1 WHERE name = 'auth'; END;
CREATE TRIGGER sessions_version_update AFTER UPDATE OF id, user_id, expires_at, mfa_pending, current_org_id ON sessions
    BEGIN UPDATE cache_versions SET v = v + 1 WHERE name = 'auth'; END;
CREATE TRIGGER users_version_update AFTER UPDATE OF id, username, display_name, locale, totp_enabled, totp_required, must_change_password, disabled ON users
    BEGIN UPDATE cache_versions SET v = v + 1 WHERE name = 'auth'; END;
CREATE TRIGGER users_version_delete AFTER DELETE ON users
    BEGIN UPDATE cache_versions SET v = v + 1 WHERE name = 'auth'; END;
CREATE TRIGGER role_grants_version_insert AFTER INSERT ON role_grants
    BEGIN UPDATE cache_versions SET v = v + 1 WHERE name = 'auth'; END;
CREATE TRIGGER role_grants_version_update AFTER UPDATE ON role_grants
    BEGIN UPDATE cache_versions SET v = v + 1 WHERE name = 'auth'; END;
CREATE TRIGGER role_grants_version_delete AFTER DELETE ON role_grants
    BEGIN UPDATE cache_versions SET v = v + 1 WHERE name = 'auth'; END;
