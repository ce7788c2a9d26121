-- One-time form tokens (web.FormOnceField): a form's submission that went
-- through holds its token, so the same form sent again (a double click, a
-- reload, the back button) is answered "already sent" on every app node.
-- Tokens older than a day are purged as new ones are claimed.
CREATE TABLE form_once (
    token      TEXT PRIMARY KEY,
    claimed_at BIGINT NOT NULL
);
CREATE INDEX form_once_claimed ON form_once (claimed_at);
