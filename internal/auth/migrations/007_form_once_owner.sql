-- A form token is its owner's (auth.FormOnce): the session that sent it, or
-- for a request signed in to none its address. The token column holds a hash
-- of owner and token, so another session's same token is another row; owner
-- (a hash too) bounds the tokens one owner keeps (auth.OnceEach).
ALTER TABLE form_once ADD COLUMN owner TEXT NOT NULL DEFAULT '';
CREATE INDEX form_once_owner ON form_once (owner, claimed_at);
