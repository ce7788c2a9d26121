CREATE TABLE users (
    id                  BIGINT PRIMARY KEY,
    username            TEXT NOT NULL UNIQUE,
    display_name        TEXT NOT NULL,
    email               TEXT NOT NULL DEFAULT '',
    password_hash       TEXT NOT NULL,
    password_changed_at BIGINT NOT NULL,
    totp_secret         TEXT NOT NULL DEFAULT '',   -- AES-GCM sealed, "v1:…"
    totp_enabled        INTEGER NOT NULL DEFAULT 0,
    totp_last_step      BIGINT NOT NULL DEFAULT 0,  -- replay protection
    failed_logins       INTEGER NOT NULL DEFAULT 0,
    locked_until        BIGINT NOT NULL DEFAULT 0,
    locale              TEXT NOT NULL DEFAULT '',
    disabled            INTEGER NOT NULL DEFAULT 0,
    created_at          BIGINT NOT NULL,
    updated_at          BIGINT NOT NULL
);

-- Sessions live in the database so that every app node sees them. id is
-- the SHA-256 of the cookie token: the table alone cannot be replayed.
CREATE TABLE sessions (
    id             TEXT PRIMARY KEY,
    user_id        BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at     BIGINT NOT NULL,
    last_seen_at   BIGINT NOT NULL,
    expires_at     BIGINT NOT NULL,
    mfa_pending    INTEGER NOT NULL DEFAULT 0,
    current_org_id BIGINT NOT NULL DEFAULT 0,
    ip             TEXT NOT NULL DEFAULT '',
    user_agent     TEXT NOT NULL DEFAULT ''
);
CREATE INDEX sessions_user ON sessions (user_id);

CREATE TABLE recovery_codes (
    user_id   BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    code_hash TEXT NOT NULL,
    used_at   BIGINT NOT NULL DEFAULT 0,
    PRIMARY KEY (user_id, code_hash)
);

-- A role held on an org holds for its whole subtree.
CREATE TABLE role_grants (
    id         BIGINT PRIMARY KEY,
    user_id    BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    org_id     BIGINT NOT NULL REFERENCES orgs (id),
    role       TEXT NOT NULL,
    granted_by BIGINT NOT NULL DEFAULT 0,
    created_at BIGINT NOT NULL,
    UNIQUE (user_id, org_id, role)
);
CREATE INDEX role_grants_org ON role_grants (org_id);
