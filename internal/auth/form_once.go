package auth

import (
	"fmt"
	"math/rand/v2"
	"net/http"
	"time"

	"kexie/internal/db"
)

// OnceKept is how long a used form token is remembered: a form sent again
// after a day is handled as new.
const OnceKept = 24 * time.Hour

// FormOnce keeps the tokens of forms whose submission went through
// (web.OnceStore), in the database shared by every app node.
type FormOnce struct {
	db  *db.DB
	now func() time.Time
}

// NewFormOnce returns the store of used form tokens; now is the clock.
func NewFormOnce(d *db.DB, now func() time.Time) *FormOnce {
	return &FormOnce{db: d, now: now}
}

// Claim takes token and reports whether it was free. About one claim in a
// hundred also forgets the tokens older than OnceKept.
func (f *FormOnce) Claim(r *http.Request, token string) (bool, error) {
	ctx, now := r.Context(), f.now()
	if rand.IntN(100) == 0 {
		if _, err := f.db.Exec(ctx, `DELETE FROM form_once WHERE claimed_at < ?`, db.Millis(now.Add(-OnceKept))); err != nil {
			return false, fmt.Errorf("auth: forget form tokens: %w", err)
		}
	}
	res, err := f.db.Exec(ctx, `INSERT INTO form_once (token, claimed_at) VALUES (?, ?) ON CONFLICT (token) DO NOTHING`,
		token, db.Millis(now))
	if err != nil {
		return false, fmt.Errorf("auth: claim form token: %w", err)
	}
	n, err := res.RowsAffected()
	return n == 1, err
}

// Release gives token back: its submission did not go through.
func (f *FormOnce) Release(r *http.Request, token string) error {
	if _, err := f.db.Exec(r.Context(), `DELETE FROM form_once WHERE token = ?`, token); err != nil {
		return fmt.Errorf("auth: release form token: %w", err)
	}
	return nil
}
