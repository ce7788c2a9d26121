-- The in-app inbox of the review engine (reminders, later notices to
-- applicants and recommenders); an email/SMS sender reads the same rows.
CREATE TABLE review_notices (
    id         BIGINT PRIMARY KEY,
    user_id    BIGINT NOT NULL,
    ref        TEXT NOT NULL,             -- what the notice is about, once per user: "remind:stage:<id>"
    msg        TEXT NOT NULL,             -- catalog key
    args       TEXT NOT NULL DEFAULT '[]',
    link       TEXT NOT NULL DEFAULT '',
    created_at BIGINT NOT NULL,
    read_at    BIGINT NOT NULL DEFAULT 0,
    UNIQUE (user_id, ref)
);
CREATE INDEX review_notices_user ON review_notices (user_id, created_at);
