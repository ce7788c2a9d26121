-- The chain is keyed: chain = 1 marks a record whose hash is an
-- HMAC-SHA-256 under the server's audit key; records appended before the
-- upgrade keep chain = 0 (plain SHA-256) and are bound by the first keyed
-- record, which links to them. audit_head.mac is an HMAC of the head itself,
-- so the head cannot be moved back, nor the whole chain rewritten unkeyed.
ALTER TABLE audit_log ADD COLUMN chain INTEGER NOT NULL DEFAULT 0;
ALTER TABLE audit_head ADD COLUMN mac TEXT NOT NULL DEFAULT '';
