-- The account a ticket was taken under when the registrant was signed in;
-- NULL for a ticket taken by name alone. One live ticket per account and
-- event: a second registration shows the first instead of taking a seat.
ALTER TABLE event_tickets ADD COLUMN user_id BIGINT;
CREATE UNIQUE INDEX event_tickets_user_event ON event_tickets (user_id, event_id) WHERE user_id IS NOT NULL AND status <> 'cancelled';
CREATE INDEX event_tickets_user ON event_tickets (user_id, created_at);
