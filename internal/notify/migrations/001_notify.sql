-- 精准推送: verified public accounts, their subscriptions, one-time codes,
-- messages and one delivery row per (message, account).
CREATE TABLE notify_accounts (
    id          BIGINT PRIMARY KEY,
    org_id      BIGINT NOT NULL REFERENCES orgs (id), -- the 科协 whose portal they subscribed through
    channel     TEXT NOT NULL,                        -- sms, email
    addr_sealed TEXT NOT NULL,                        -- pii-sealed phone or email
    addr_index  TEXT NOT NULL UNIQUE,                 -- keyed blind index of the normalized address
    addr_masked TEXT NOT NULL,
    region      TEXT NOT NULL DEFAULT '',             -- GB/T 2260 code where they live; '' everywhere
    status      TEXT NOT NULL,                        -- active, unsubscribed
    verified_at BIGINT NOT NULL,
    created_at  BIGINT NOT NULL,
    updated_at  BIGINT NOT NULL
);
CREATE INDEX notify_accounts_org ON notify_accounts (org_id, status);

-- Audiences and topics an account follows; none of a kind means all of it.
CREATE TABLE notify_subscriptions (
    account_id BIGINT NOT NULL REFERENCES notify_accounts (id),
    kind       TEXT NOT NULL,   -- audience, topic
    value      TEXT NOT NULL,
    PRIMARY KEY (account_id, kind, value)
);

-- One-time codes: only a keyed hash is kept, with its expiry and attempts.
CREATE TABLE notify_codes (
    id         BIGINT PRIMARY KEY,
    addr_index TEXT NOT NULL,
    code_hash  TEXT NOT NULL,
    attempts   INTEGER NOT NULL DEFAULT 0,
    expires_at BIGINT NOT NULL,
    used_at    BIGINT NOT NULL DEFAULT 0,
    created_at BIGINT NOT NULL
);
CREATE INDEX notify_codes_addr ON notify_codes (addr_index, created_at);

CREATE TABLE notify_messages (
    id          BIGINT PRIMARY KEY,
    msg_key     TEXT NOT NULL UNIQUE,  -- "kepu:123", "manual:<id>": announcing twice is a no-op
    org_id      BIGINT NOT NULL REFERENCES orgs (id),
    title       TEXT NOT NULL,
    link        TEXT NOT NULL DEFAULT '',
    summary     TEXT NOT NULL DEFAULT '',
    audiences   TEXT NOT NULL DEFAULT '', -- comma separated; '' for everyone
    topics      TEXT NOT NULL DEFAULT '',
    region      TEXT NOT NULL DEFAULT '',
    lang        TEXT NOT NULL DEFAULT 'zh-CN',
    state       TEXT NOT NULL,            -- queued, sending, sent
    recipients  BIGINT NOT NULL DEFAULT 0,
    created_by  BIGINT NOT NULL DEFAULT 0,
    created_at  BIGINT NOT NULL,
    sent_at     BIGINT NOT NULL DEFAULT 0
);
CREATE INDEX notify_messages_org ON notify_messages (org_id, created_at);

-- A delivery is unique per (message, account): a retried job finds the
-- rows already sent and never sends them again.
CREATE TABLE notify_deliveries (
    message_id BIGINT NOT NULL REFERENCES notify_messages (id),
    account_id BIGINT NOT NULL REFERENCES notify_accounts (id),
    channel    TEXT NOT NULL,
    state      TEXT NOT NULL,          -- pending, sent, failed
    attempts   INTEGER NOT NULL DEFAULT 0,
    error      TEXT NOT NULL DEFAULT '',
    sent_at    BIGINT NOT NULL DEFAULT 0,
    opened_at  BIGINT NOT NULL DEFAULT 0,
    PRIMARY KEY (message_id, account_id)
);
CREATE INDEX notify_deliveries_account ON notify_deliveries (account_id, message_id);
CREATE INDEX notify_deliveries_state ON notify_deliveries (message_id, state, account_id);
