-- Per-stage review windows: reviewers score between opens_at and due_at
-- (0: no bound), which staff set per stage.
ALTER TABLE review_stages ADD COLUMN opens_at BIGINT NOT NULL DEFAULT 0;
