-- The keyed hash of the address a public registration came from (package
-- botcheck), so one address cannot take every seat; '' for staff's lists.
ALTER TABLE event_tickets ADD COLUMN source TEXT NOT NULL DEFAULT '';
CREATE INDEX event_tickets_source ON event_tickets (source, created_at);
