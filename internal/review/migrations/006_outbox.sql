-- The inbox is also the outbox of email/SMS: a notice not yet handed to a
-- sender has sent_at 0 (Store.Deliver).
ALTER TABLE review_notices ADD COLUMN sent_at BIGINT NOT NULL DEFAULT 0;
CREATE INDEX review_notices_outbox ON review_notices (sent_at, created_at);
