-- Set when someone else chose the user's password — the one-time
-- administrator password printed at first start, an administrator's reset
-- (`kexie user passwd`): the user must choose their own at the next
-- sign-in before reaching any other page. Cleared when they do.
ALTER TABLE users ADD COLUMN must_change_password INTEGER NOT NULL DEFAULT 0;
