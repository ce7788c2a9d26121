-- The door's scans list (latest first, all or one outcome) reads its page
-- from these in order and stops there, and counts from them alone; an
-- event keeps up to MaxScans scans. event_scans_event gains the order's
-- columns (what used it — an outcome's scans of an event — still does).
DROP INDEX event_scans_event;
CREATE INDEX event_scans_event ON event_scans (event_id, outcome, scanned_at, id);
CREATE INDEX event_scans_at ON event_scans (event_id, scanned_at, id);
