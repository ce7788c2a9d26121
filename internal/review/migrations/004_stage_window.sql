-- Per-stage review windows: reviewers score between opens_at and
-- closes_at (0: no bound), which staff set per stage. due_at stays the
-- deadline that reminders and the experts' on-time records count from.
ALTER TABLE review_stages ADD COLUMN opens_at BIGINT NOT NULL DEFAULT 0;
ALTER TABLE review_stages ADD COLUMN closes_at BIGINT NOT NULL DEFAULT 0;
