package auth

import (
	"context"
	"fmt"
	"time"

	"kexie/internal/access"
	"kexie/internal/audit"
	"kexie/internal/db"
	"kexie/internal/web"
)

// Session is one signed-in device.
type Session struct {
	ID        string
	CreatedAt time.Time
	LastSeen  time.Time
	IP        string
	UserAgent string
	Current   bool
}

// Device is the short description of the session's browser and system.
func (s Session) Device() string { return Device(s.UserAgent) }

// Sessions lists a user's sessions, the current one marked.
func (s *Service) Sessions(ctx context.Context, userID int64, current string) ([]Session, error) {
	rows, err := s.db.Query(ctx, `SELECT id, created_at, last_seen_at, ip, user_agent FROM sessions WHERE user_id = ? ORDER BY last_seen_at DESC`, userID)
	if err != nil {
		return nil, fmt.Errorf("auth: sessions: %w", err)
	}
	defer rows.Close()
	var out []Session
	for rows.Next() {
		var x Session
		var c, l int64
		if err := rows.Scan(&x.ID, &c, &l, &x.IP, &x.UserAgent); err != nil {
			return nil, fmt.Errorf("auth: sessions: %w", err)
		}
		x.CreatedAt, x.LastSeen, x.Current = db.Time(c), db.Time(l), x.ID == current
		out = append(out, x)
	}
	return out, rows.Err()
}

// RevokeSession ends one of the user's own sessions; key is a prefix of the
// session id as shown on the page (never the whole hash).
func (s *Service) RevokeSession(ctx context.Context, userID int64, key string) error {
	if len(key) < 12 {
		return web.ErrNotFound
	}
	return s.db.Tx(ctx, func(tx *db.Tx) error {
		res, err := tx.Exec(ctx, `DELETE FROM sessions WHERE user_id = ? AND substr(id, 1, ?) = ?`, userID, len(key), key)
		if err != nil {
			return fmt.Errorf("auth: revoke session: %w", err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return web.ErrNotFound
		}
		return audit.Append(ctx, tx, audit.Entry{Action: "session.revoke", Target: userTarget(userID)})
	})
}

// SetCurrentOrg switches the org a session works in (the org switcher).
func (s *Service) SetCurrentOrg(ctx context.Context, sessionID string, sub *access.Subject, orgID int64) error {
	for _, g := range sub.Grants {
		if g.OrgID == orgID {
			_, err := s.db.Exec(ctx, `UPDATE sessions SET current_org_id = ? WHERE id = ?`, orgID, sessionID)
			return err
		}
	}
	return web.ErrForbidden
}
