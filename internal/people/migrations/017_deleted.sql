-- A person deleted by the office (or erased on the holder's request) stays
-- as a tombstone: every personal field is erased, deleted_at says when and
-- deleted_reason why, and lists, search and exports leave it out (D46).
ALTER TABLE people ADD COLUMN deleted_at BIGINT NOT NULL DEFAULT 0;
ALTER TABLE people ADD COLUMN deleted_reason TEXT NOT NULL DEFAULT '';
-- Records erased before this migration are tombstones too.
UPDATE people SET deleted_at = updated_at WHERE name = '已删除' AND search_text = '' AND id_enc = '' AND phone_enc = '';
