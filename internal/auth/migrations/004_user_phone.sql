-- Administration of accounts (issue 10 §4): a work mobile beside the email.
ALTER TABLE users ADD COLUMN phone TEXT NOT NULL DEFAULT '';
