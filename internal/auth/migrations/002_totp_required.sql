-- Set by `kexie user reset-2fa`: the user must enrol a new authenticator at
-- the next sign-in, as administrators must; cleared when they do.
ALTER TABLE users ADD COLUMN totp_required INTEGER NOT NULL DEFAULT 0;
