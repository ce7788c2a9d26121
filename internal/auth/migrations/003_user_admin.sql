-- Administration of accounts (issue 10 §4): a work phone beside the email,
-- and the flag an administrator's password reset sets: the user must choose
-- a new password before anything else (cleared when they do).
ALTER TABLE users ADD COLUMN phone TEXT NOT NULL DEFAULT '';
ALTER TABLE users ADD COLUMN must_change_password INTEGER NOT NULL DEFAULT 0;
