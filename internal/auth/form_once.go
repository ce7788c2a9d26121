package auth

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"fmt"
	"math/rand/v2"
	"net"
	"net/http"
	"time"

	"kexie/internal/db"
	"kexie/internal/web"
)

// OnceKept is how long a used form token is remembered: a form sent again
// after a day is handled as new.
const OnceKept = 24 * time.Hour

// OnceEach is how many used tokens one owner keeps (a session, or for
// requests signed in to none an address): past it the owner's oldest are
// forgotten. A person sends far fewer forms a day that could be sent twice
// by mistake; a script posting made-up tokens fills no more than this.
const OnceEach = 200

// FormOnce keeps the tokens of forms whose submission went through
// (web.OnceStore), in the database shared by every app node.
type FormOnce struct {
	db  *db.DB
	key []byte // keys the owner column's hash (owner)
	now func() time.Time
}

// NewFormOnce returns the store of used form tokens; key (at least 32
// bytes, the same on every app node) keys the hash that names a token's
// owner, and now is the clock.
func NewFormOnce(d *db.DB, key []byte, now func() time.Time) (*FormOnce, error) {
	if len(key) < 32 {
		return nil, fmt.Errorf("auth: form token key must be at least 32 bytes")
	}
	return &FormOnce{db: d, key: key, now: now}, nil
}

// Claim takes token for the request's owner and reports whether it was
// free. The same token sent by another session (or address) is another
// token: it neither finds this one used nor uses it up. A claim forgets the
// owner's tokens past OnceEach, and about one claim in a hundred forgets
// everyone's older than OnceKept.
func (f *FormOnce) Claim(r *http.Request, token string) (bool, error) {
	ctx, now := r.Context(), f.now()
	if rand.IntN(100) == 0 {
		if _, err := f.db.Exec(ctx, `DELETE FROM form_once WHERE claimed_at < ?`, db.Millis(now.Add(-OnceKept))); err != nil {
			return false, fmt.Errorf("auth: forget form tokens: %w", err)
		}
	}
	own, free := f.owner(r), false
	err := f.db.Tx(ctx, func(tx *db.Tx) error {
		res, err := tx.Exec(ctx, `INSERT INTO form_once (token, owner, claimed_at) VALUES (?, ?, ?) ON CONFLICT (token) DO NOTHING`,
			onceKey(own, token), own, db.Millis(now))
		if err != nil {
			return err
		}
		if n, err := res.RowsAffected(); err != nil || n != 1 {
			return err
		}
		free = true
		// Tokens claimed in the same millisecond as the owner's oldest kept
		// one stay too: the bound is OnceEach and a few.
		_, err = tx.Exec(ctx, `DELETE FROM form_once WHERE owner = ? AND claimed_at <
			(SELECT claimed_at FROM form_once WHERE owner = ? ORDER BY claimed_at DESC LIMIT 1 OFFSET ?)`, own, own, OnceEach-1)
		return err
	})
	if err != nil {
		return false, fmt.Errorf("auth: claim form token: %w", err)
	}
	return free, nil
}

// Release gives token back: its submission did not go through.
func (f *FormOnce) Release(r *http.Request, token string) error {
	if _, err := f.db.Exec(r.Context(), `DELETE FROM form_once WHERE token = ?`, onceKey(f.owner(r), token)); err != nil {
		return fmt.Errorf("auth: release form token: %w", err)
	}
	return nil
}

// ClaimedWithin reports whether r's owner claimed token less than d ago:
// its submission may still be running (web.OnceRecent).
func (f *FormOnce) ClaimedWithin(r *http.Request, token string, d time.Duration) (bool, error) {
	var n int
	if err := f.db.QueryRow(r.Context(), `SELECT COUNT(*) FROM form_once WHERE token = ? AND claimed_at >= ?`,
		onceKey(f.owner(r), token), db.Millis(f.now().Add(-d))).Scan(&n); err != nil {
		return false, fmt.Errorf("auth: form token claimed: %w", err)
	}
	return n > 0, nil
}

// owner is whose form r sends, as FormOnce keeps it: a keyed hash
// (HMAC-SHA256 under f.key) of the session (web.Identity.SessionID, itself a
// hash of the cookie) or, signed in to none, of the client's address — an
// IPv6 address by its /64, which one client holds whole. Keyed, because an
// IPv4 address is one of 2³²: a plain hash of it is the address again to
// whoever reads the table and tries them all.
func (f *FormOnce) owner(r *http.Request) string {
	who := "a:" + web.ClientIP(r)
	if id := web.IdentityFrom(r.Context()); id != nil && id.SessionID != "" {
		who = "s:" + id.SessionID
	} else if ip := net.ParseIP(web.ClientIP(r)); ip != nil && ip.To4() == nil {
		who = "a:" + ip.Mask(net.CIDRMask(64, 128)).String()
	}
	m := hmac.New(sha256.New, f.key)
	m.Write([]byte("form_once owner\x00" + who))
	return base64.RawURLEncoding.EncodeToString(m.Sum(nil)[:12])
}

// onceKey is the row of token claimed by owner.
func onceKey(owner, token string) string {
	h := sha256.Sum256([]byte(owner + "\x00" + token))
	return base64.RawURLEncoding.EncodeToString(h[:])
}
