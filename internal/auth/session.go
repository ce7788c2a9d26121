package auth

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"strings"
	"time"

	"kexie/internal/access"
	"kexie/internal/audit"
	"kexie/internal/db"
	"kexie/internal/web"
)

// ErrBadCredentials is the one answer to every failed sign-in, whatever the
// reason (unknown user, wrong password, disabled or locked account), so the
// page reveals nothing to someone guessing.
var ErrBadCredentials = &web.Error{Status: http.StatusUnauthorized, Key: "auth.err.bad_credentials"}

// ErrBadCode is the answer to a wrong second factor.
var ErrBadCode = &web.Error{Status: http.StatusUnauthorized, Key: "auth.err.bad_code"}

// LoginResult is a new session.
type LoginResult struct {
	Token      string // for the cookie; the database keeps only its hash
	SessionID  string
	UserID     int64
	MFAPending bool
	// MustChangePassword: the password is one someone else set; the
	// sign-in goes to the change-password page first.
	MustChangePassword bool
}

// Login checks a username and password and opens a session. Failures count
// toward the lockout.
func (s *Service) Login(ctx context.Context, username, password, ip, userAgent string) (LoginResult, error) {
	now := s.Now()
	var res LoginResult
	var hash string
	var totp, disabled, failed, must int
	var locked int64
	err := s.db.QueryRow(ctx, `SELECT id, password_hash, totp_enabled, disabled, failed_logins, locked_until, must_change_password FROM users WHERE username = ?`,
		normalize(username)).Scan(&res.UserID, &hash, &totp, &disabled, &failed, &locked, &must)
	if errors.Is(err, sql.ErrNoRows) {
		// Spend the same time as a real check so timing does not reveal names.
		_, _, _ = VerifyPassword(dummyHash, password)
		return res, s.fail(ctx, 0, username, "unknown user", ErrBadCredentials)
	}
	if err != nil {
		return res, fmt.Errorf("auth: login: %w", err)
	}
	ok, rehash, err := VerifyPassword(hash, password)
	if err != nil {
		return res, err
	}
	if locked > now.UnixMilli() {
		return res, s.fail(ctx, 0, username, "locked", ErrBadCredentials)
	}
	if !ok || disabled == 1 {
		return res, s.fail(ctx, res.UserID, username, "password", ErrBadCredentials)
	}
	plain, id, err := NewToken()
	if err != nil {
		return res, err
	}
	res.Token, res.SessionID, res.MFAPending, res.MustChangePassword = plain, id, totp == 1, must == 1
	err = s.db.Tx(ctx, func(tx *db.Tx) error {
		if rehash {
			if h, err := HashPassword(password); err == nil {
				if _, err := tx.Exec(ctx, `UPDATE users SET password_hash = ? WHERE id = ?`, h, res.UserID); err != nil {
					return fmt.Errorf("auth: rehash: %w", err)
				}
			}
		}
		// Conditional: a lock set by failures running beside this sign-in
		// (after the read above) must hold.
		r, err := tx.Exec(ctx, `UPDATE users SET failed_logins = 0, locked_until = 0 WHERE id = ? AND locked_until <= ?`,
			res.UserID, now.UnixMilli())
		if err != nil {
			return fmt.Errorf("auth: reset failures: %w", err)
		}
		if n, err := r.RowsAffected(); err != nil || n != 1 {
			return errLockedMeanwhile
		}
		var orgID int64
		if err := tx.QueryRow(ctx, `SELECT COALESCE(MIN(org_id), 0) FROM role_grants WHERE user_id = ?`, res.UserID).Scan(&orgID); err != nil {
			return fmt.Errorf("auth: first org: %w", err)
		}
		if len(userAgent) > 300 {
			userAgent = userAgent[:300]
		}
		if _, err := tx.Exec(ctx, `INSERT INTO sessions (id, user_id, created_at, last_seen_at, expires_at, mfa_pending, current_org_id, ip, user_agent)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`, id, res.UserID, now.UnixMilli(), now.UnixMilli(), now.Add(s.cfg.Max).UnixMilli(),
			totp, orgID, ip, userAgent); err != nil {
			return fmt.Errorf("auth: create session: %w", err)
		}
		ctx = audit.WithMeta(ctx, withActor(audit.MetaFrom(ctx), res.UserID, normalize(username)))
		return audit.Append(ctx, tx, audit.Entry{Action: "session.login", Target: userTarget(res.UserID),
			After: map[string]any{"mfa_pending": totp == 1}})
	})
	if errors.Is(err, errLockedMeanwhile) {
		return LoginResult{}, ErrBadCredentials
	}
	return res, err
}

// errLockedMeanwhile rolls back a sign-in whose account was locked by
// failures committed after its first read.
var errLockedMeanwhile = errors.New("auth: account locked meanwhile")

func normalize(username string) string { return strings.ToLower(strings.TrimSpace(username)) }

func withActor(m audit.Meta, id int64, name string) audit.Meta {
	m.ActorID, m.ActorName = id, name
	return m
}

// dummyHash is verified against when the user does not exist.
const dummyHash = "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$3q0mgpCHbDaIasjxb5Pxj7GYFh5Cfw7EOdqF1FXcGmM"

// fail counts a failed attempt, locks the account at the limit and returns
// answer. It writes in its own transaction: the failure must be recorded
// even though the sign-in fails.
//
// The count moves in one UPDATE that reads and writes the row, so failures
// on several requests or nodes at once all count; it does nothing while a
// lock runs, so further failures neither count nor extend the lock.
func (s *Service) fail(ctx context.Context, userID int64, username, why string, answer error) error {
	now := s.Now()
	until := now.Add(s.cfg.LockoutFor).UnixMilli()
	err := s.db.Tx(ctx, func(tx *db.Tx) error {
		locked := false
		if userID != 0 {
			var lockedUntil int64
			err := tx.QueryRow(ctx, `UPDATE users SET
				failed_logins = CASE WHEN failed_logins + 1 >= ? THEN 0 ELSE failed_logins + 1 END,
				locked_until = CASE WHEN failed_logins + 1 >= ? THEN ? ELSE locked_until END
				WHERE id = ? AND locked_until <= ? RETURNING locked_until`,
				s.cfg.LockoutAttempts, s.cfg.LockoutAttempts, until, userID, now.UnixMilli()).Scan(&lockedUntil)
			switch {
			case errors.Is(err, sql.ErrNoRows): // locked already (or gone): nothing to count
			case err != nil:
				return err
			default:
				locked = lockedUntil == until
			}
		}
		target := "user:?" + normalize(username)
		if userID != 0 {
			target = userTarget(userID)
		}
		if err := audit.Append(ctx, tx, audit.Entry{Action: "session.login_failed", Target: target,
			After: map[string]string{"reason": why}}); err != nil {
			return err
		}
		if locked {
			return audit.Append(ctx, tx, audit.Entry{Action: "user.lock", Target: target,
				After: map[string]string{"until": time.UnixMilli(until).UTC().Format(time.RFC3339)}})
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("auth: record failed sign-in: %w", err)
	}
	return answer
}

// touchWait is how long a request waits to refresh its session's
// last_seen_at before going on without it.
const touchWait = 250 * time.Millisecond

// Authenticate implements web.Authenticator: the session cookie → one query
// for the session, its user and the user's grants with their org paths. It
// writes only to refresh last_seen_at, at most once a minute.
func (s *Service) Authenticate(w http.ResponseWriter, r *http.Request) (*web.Identity, error) {
	c, err := r.Cookie(sessionCookie)
	if err != nil || c.Value == "" || len(c.Value) > 100 {
		return nil, nil
	}
	ctx := r.Context()
	id := HashToken(c.Value)
	now := s.Now().UnixMilli()
	// The change counters first: whatever is read after them is kept under
	// them, never under newer ones.
	vs, err := s.db.Versions(ctx)
	if err != nil {
		return nil, fmt.Errorf("auth: %w", err)
	}
	at := stampOf(vs)
	if e, ok := s.cache.get(id, at); ok && now <= e.expiresAt && now-e.lastSeen <= s.cfg.Idle.Milliseconds() {
		if now-e.lastSeen > time.Minute.Milliseconds() && s.touch(ctx, id, now) {
			s.cache.touched(id, at, now)
		}
		return e.identity(id), nil
	}
	var (
		ident              web.Identity
		sub                access.Subject
		lastSeen, expires  int64
		pending, totp, dis int
		required, change   int
		found              bool
	)
	// One query: the session, its user and the user's grants with their
	// org paths (one row per grant; the session columns repeat). A grant on
	// a disabled org does not count: its users cannot act in it. (A
	// correlated EXISTS on the org's primary key: an IN over every enabled
	// org made SQLite read the whole orgs table on every request.)
	rows, err := s.db.Query(ctx, `SELECT s.user_id, s.last_seen_at, s.expires_at, s.mfa_pending, s.current_org_id,
		u.username, u.display_name, u.locale, u.totp_enabled, u.totp_required, u.must_change_password, u.disabled,
		COALESCE(g.org_id, 0), COALESCE(o.path, ''), COALESCE(o.name, ''), COALESCE(g.role, '')
		FROM sessions s JOIN users u ON u.id = s.user_id
		LEFT JOIN role_grants g ON g.user_id = s.user_id
			AND EXISTS (SELECT 1 FROM orgs d WHERE d.id = g.org_id AND d.disabled_at = 0)
		LEFT JOIN orgs o ON o.id = g.org_id
		WHERE s.id = ? ORDER BY o.depth, g.id`, id)
	if err != nil {
		return nil, fmt.Errorf("auth: load session: %w", err)
	}
	for rows.Next() {
		var g access.Grant
		var role string
		if err := rows.Scan(&sub.UserID, &lastSeen, &expires, &pending, &ident.CurrentOrgID, &sub.Username, &sub.Name,
			&ident.Locale, &totp, &required, &change, &dis, &g.OrgID, &g.OrgPath, &g.OrgName, &role); err != nil {
			rows.Close()
			return nil, fmt.Errorf("auth: load session: %w", err)
		}
		found = true
		if g.OrgID != 0 {
			g.Role = access.Role(role)
			sub.Grants = append(sub.Grants, g)
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("auth: load session: %w", err)
	}
	if !found {
		s.clearCookie(w)
		return nil, nil
	}
	if dis == 1 || now > expires || now-lastSeen > s.cfg.Idle.Milliseconds() {
		if _, err := s.db.Exec(ctx, `DELETE FROM sessions WHERE id = ?`, id); err != nil {
			return nil, fmt.Errorf("auth: end session: %w", err)
		}
		s.clearCookie(w)
		return nil, nil
	}
	if now-lastSeen > time.Minute.Milliseconds() && s.touch(ctx, id, now) {
		lastSeen = now
	}
	ident.MFAPending = pending == 1
	ident.MustChangePassword = change == 1
	ident.MustEnroll2FA = pending == 0 && totp == 0 && (required == 1 || sub.HasRole(access.SysAdmin) || sub.HasRole(access.OrgAdmin))
	if ident.CurrentOrgID == 0 && len(sub.Grants) > 0 {
		ident.CurrentOrgID = sub.Grants[0].OrgID
	}
	e := cachedSession{sub: sub, ident: ident, lastSeen: lastSeen, expiresAt: expires}
	s.cache.put(id, at, e)
	return e.identity(id), nil
}

// touch moves the session's last_seen_at to now, best effort: on SQLite a
// long import holds the only writer for minutes, and a page must not wait
// behind it just to move last_seen_at; a later request touches the session
// instead. It reports whether the row moved.
func (s *Service) touch(ctx context.Context, id string, now int64) bool {
	tctx, cancel := context.WithTimeout(ctx, touchWait)
	_, err := s.db.Exec(tctx, `UPDATE sessions SET last_seen_at = ? WHERE id = ?`, now, id)
	cancel()
	if err != nil && ctx.Err() == nil {
		slog.Debug("auth: session not touched", "err", err)
	}
	return err == nil
}

func (s *Service) setCookie(w http.ResponseWriter, token string) {
	http.SetCookie(w, &http.Cookie{Name: sessionCookie, Value: token, Path: "/", HttpOnly: true,
		Secure: s.cfg.SecureCookies, SameSite: http.SameSiteLaxMode})
}

func (s *Service) clearCookie(w http.ResponseWriter) {
	http.SetCookie(w, &http.Cookie{Name: sessionCookie, Value: "", Path: "/", MaxAge: -1, HttpOnly: true,
		Secure: s.cfg.SecureCookies, SameSite: http.SameSiteLaxMode})
}

// Logout ends a session.
func (s *Service) Logout(ctx context.Context, sessionID string) error {
	return s.db.Tx(ctx, func(tx *db.Tx) error {
		if _, err := tx.Exec(ctx, `DELETE FROM sessions WHERE id = ?`, sessionID); err != nil {
			return fmt.Errorf("auth: logout: %w", err)
		}
		return audit.Append(ctx, tx, audit.Entry{Action: "session.logout", Target: "session"})
	})
}
