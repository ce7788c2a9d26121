-- Membership of societies: tiers with fees, members with their numbers,
-- each term its own record, an invoice per term, cards with keyed codes.
CREATE TABLE member_tiers (
    id          BIGINT PRIMARY KEY,
    org_id      BIGINT NOT NULL REFERENCES orgs (id),
    kind        TEXT NOT NULL,                -- individual, unit
    code        TEXT NOT NULL,
    name        TEXT NOT NULL,
    fee_cents   BIGINT NOT NULL DEFAULT 0,    -- per year; 0 = free
    years       INTEGER NOT NULL DEFAULT 1,   -- years per term; 0 = lifetime
    UNIQUE (org_id, code)
);

CREATE TABLE member_settings (
    org_id      BIGINT PRIMARY KEY REFERENCES orgs (id),
    pattern     TEXT NOT NULL,                -- e.g. "{CODE}{YYYY}{SEQ5}"
    next_seq    BIGINT NOT NULL DEFAULT 1,
    receipt_seq BIGINT NOT NULL DEFAULT 0
);

CREATE TABLE members (
    id          BIGINT PRIMARY KEY,
    org_id      BIGINT NOT NULL REFERENCES orgs (id),
    number      TEXT,                         -- NULL until approved
    name        TEXT NOT NULL,
    person_id   BIGINT NOT NULL DEFAULT 0,    -- the people module's person, when known
    user_id     BIGINT NOT NULL DEFAULT 0,
    tier_id     BIGINT NOT NULL REFERENCES member_tiers (id),
    status      TEXT NOT NULL,                -- applied, active, rejected, lapsed
    card_code   TEXT,                         -- keyed, unguessable; set on approval
    note        TEXT NOT NULL DEFAULT '',
    decided_by  BIGINT NOT NULL DEFAULT 0,
    created_at  BIGINT NOT NULL,
    updated_at  BIGINT NOT NULL,
    UNIQUE (org_id, number)
);
CREATE UNIQUE INDEX members_card ON members (card_code);
CREATE INDEX members_org ON members (org_id, status);
CREATE INDEX members_page ON members (org_id, id);
CREATE INDEX members_user ON members (user_id);

CREATE TABLE member_terms (
    id          BIGINT PRIMARY KEY,
    member_id   BIGINT NOT NULL REFERENCES members (id),
    org_id      BIGINT NOT NULL REFERENCES orgs (id),
    tier_id     BIGINT NOT NULL REFERENCES member_tiers (id),
    starts_on   BIGINT NOT NULL,
    ends_on     BIGINT NOT NULL,              -- exclusive; 0 = lifetime
    status      TEXT NOT NULL,                -- active, cancelled
    created_at  BIGINT NOT NULL
);
CREATE INDEX member_terms_member ON member_terms (member_id, starts_on);
CREATE INDEX member_terms_org ON member_terms (org_id, ends_on);

CREATE TABLE member_invoices (
    id            BIGINT PRIMARY KEY,
    term_id       BIGINT NOT NULL REFERENCES member_terms (id),
    member_id     BIGINT NOT NULL REFERENCES members (id),
    org_id        BIGINT NOT NULL REFERENCES orgs (id),
    amount_cents  BIGINT NOT NULL,
    due_on        BIGINT NOT NULL,            -- the term's start: unpaid after it is arrears
    status        TEXT NOT NULL,              -- unpaid, pending, paid, refunded
    method        TEXT NOT NULL DEFAULT '',   -- transfer, provider
    voucher_name  TEXT NOT NULL DEFAULT '',
    voucher_hash  TEXT NOT NULL DEFAULT '',
    voucher_cents BIGINT NOT NULL DEFAULT 0,
    provider_ref  TEXT NOT NULL DEFAULT '',
    receipt_no    TEXT,
    paid_at       BIGINT NOT NULL DEFAULT 0,
    confirmed_by  BIGINT NOT NULL DEFAULT 0,
    refunded_at   BIGINT NOT NULL DEFAULT 0,
    refund_reason TEXT NOT NULL DEFAULT '',
    created_at    BIGINT NOT NULL,
    UNIQUE (org_id, receipt_no)
);
-- The ledger pages newest first by id and counts and sums by status
-- from the index alone.
CREATE INDEX member_invoices_org ON member_invoices (org_id, status, due_on, amount_cents);
CREATE INDEX member_invoices_page ON member_invoices (org_id, id);
CREATE INDEX member_invoices_member ON member_invoices (member_id);
