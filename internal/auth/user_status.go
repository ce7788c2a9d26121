package auth

import (
	"context"
	"fmt"

	"kexie/internal/access"
	"kexie/internal/audit"
	"kexie/internal/db"
	"kexie/internal/valid"
)

// DisableUser stops an account: it cannot sign in, and its sessions end at
// once. Nobody disables themselves (by), and the last enabled system
// administrator is never disabled.
func (s *Service) DisableUser(ctx context.Context, id, by int64) error {
	if id == by {
		return valid.New("", "auth.err.disable_self")
	}
	return s.db.Tx(ctx, func(tx *db.Tx) error {
		u, err := getUser(ctx, tx, "id = ?", id)
		if err != nil {
			return err
		}
		if u.Disabled {
			return valid.New("", "auth.err.already_disabled")
		}
		var admin, others int
		if err := tx.QueryRow(ctx, `SELECT COUNT(*) FROM role_grants WHERE user_id = ? AND role = ?`, id, string(access.SysAdmin)).Scan(&admin); err != nil {
			return fmt.Errorf("auth: disable %d: %w", id, err)
		}
		if admin > 0 {
			if err := tx.QueryRow(ctx, `SELECT COUNT(DISTINCT g.user_id) FROM role_grants g JOIN users u ON u.id = g.user_id
				WHERE g.role = ? AND u.disabled = 0 AND u.id <> ?`, string(access.SysAdmin), id).Scan(&others); err != nil {
				return fmt.Errorf("auth: disable %d: %w", id, err)
			}
			if others == 0 {
				return valid.New("", "auth.err.last_sysadmin")
			}
		}
		if _, err := tx.Exec(ctx, `UPDATE users SET disabled = 1, updated_at = ? WHERE id = ?`, db.Millis(s.Now()), id); err != nil {
			return fmt.Errorf("auth: disable %d: %w", id, err)
		}
		if _, err := tx.Exec(ctx, `DELETE FROM sessions WHERE user_id = ?`, id); err != nil {
			return fmt.Errorf("auth: disable %d: end sessions: %w", id, err)
		}
		return appendUser(ctx, tx, id, audit.Entry{Action: "user.disable"})
	})
}

// EnableUser lets a disabled account sign in again.
func (s *Service) EnableUser(ctx context.Context, id int64) error {
	return s.db.Tx(ctx, func(tx *db.Tx) error {
		u, err := getUser(ctx, tx, "id = ?", id)
		if err != nil {
			return err
		}
		if !u.Disabled {
			return valid.New("", "auth.err.not_disabled")
		}
		if _, err := tx.Exec(ctx, `UPDATE users SET disabled = 0, failed_logins = 0, locked_until = 0, updated_at = ? WHERE id = ?`,
			db.Millis(s.Now()), id); err != nil {
			return fmt.Errorf("auth: enable %d: %w", id, err)
		}
		return appendUser(ctx, tx, id, audit.Entry{Action: "user.enable"})
	})
}

// Locked reports whether the account is locked by failed sign-ins now.
func (s *Service) Locked(u User) bool { return u.LockedUntil.After(s.Now()) }

// UnlockUser lifts a lock set by failed sign-ins.
func (s *Service) UnlockUser(ctx context.Context, id int64) error {
	return s.db.Tx(ctx, func(tx *db.Tx) error {
		u, err := getUser(ctx, tx, "id = ?", id)
		if err != nil {
			return err
		}
		if !s.Locked(u) {
			return valid.New("", "auth.err.not_locked")
		}
		if _, err := tx.Exec(ctx, `UPDATE users SET failed_logins = 0, locked_until = 0, updated_at = ? WHERE id = ?`,
			db.Millis(s.Now()), id); err != nil {
			return fmt.Errorf("auth: unlock %d: %w", id, err)
		}
		return appendUser(ctx, tx, id, audit.Entry{Action: "user.unlock"})
	})
}

// ResetPassword gives an account a new random password, returned to be
// shown once to the administrator: the user's sessions end, and at the next
// sign-in the user must choose a password of their own.
func (s *Service) ResetPassword(ctx context.Context, id int64) (string, error) {
	pw := randomPassword()
	hash, err := HashPassword(pw)
	if err != nil {
		return "", err
	}
	err = s.db.Tx(ctx, func(tx *db.Tx) error {
		if _, err := getUser(ctx, tx, "id = ?", id); err != nil {
			return err
		}
		if err := s.storePassword(ctx, tx, id, hash, "", true); err != nil {
			return err
		}
		return appendUser(ctx, tx, id, audit.Entry{Action: "user.password_reset"})
	})
	if err != nil {
		return "", err
	}
	return pw, nil
}
