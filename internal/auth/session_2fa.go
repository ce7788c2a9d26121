package auth

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"kexie/internal/audit"
	"kexie/internal/db"
	"kexie/internal/web"
)

// VerifySecondFactor completes a sign-in with a TOTP or recovery code and
// rotates the session ID. It returns the new cookie token.
func (s *Service) VerifySecondFactor(ctx context.Context, sessionID, code string) (string, error) {
	now := s.Now()
	var userID, lastStep int64
	var sealed, username string
	var pending int
	err := s.db.QueryRow(ctx, `SELECT s.user_id, s.mfa_pending, u.totp_secret, u.totp_last_step, u.username
		FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.id = ?`, sessionID).Scan(&userID, &pending, &sealed, &lastStep, &username)
	if errors.Is(err, sql.ErrNoRows) || err == nil && pending == 0 {
		return "", web.ErrForbidden
	}
	if err != nil {
		return "", fmt.Errorf("auth: second factor: %w", err)
	}
	var locked int64
	if err := s.db.QueryRow(ctx, `SELECT locked_until FROM users WHERE id = ?`, userID).Scan(&locked); err != nil {
		return "", fmt.Errorf("auth: second factor: %w", err)
	}
	if locked > now.UnixMilli() {
		return "", ErrBadCode
	}
	secret, err := s.seal.open(sealed, userID)
	if err != nil {
		return "", err
	}
	step, totpOK := CheckTOTP(secret, code, now, lastStep)
	plain, newID, err := NewToken()
	if err != nil {
		return "", err
	}
	usedRecovery := false
	err = s.db.Tx(ctx, func(tx *db.Tx) error {
		// Claim the code with a conditional UPDATE in the transaction that
		// rotates the session: of two requests using one code at once,
		// only one changes the row; the other finds it claimed.
		claimed := false
		if totpOK {
			res, err := tx.Exec(ctx, `UPDATE users SET totp_last_step = ? WHERE id = ? AND totp_last_step < ?`, step, userID, step)
			if err != nil {
				return fmt.Errorf("auth: claim totp step: %w", err)
			}
			n, err := res.RowsAffected()
			if err != nil {
				return fmt.Errorf("auth: claim totp step: %w", err)
			}
			claimed = n == 1
		}
		if !claimed {
			res, err := tx.Exec(ctx, `UPDATE recovery_codes SET used_at = ? WHERE user_id = ? AND code_hash = ? AND used_at = 0`,
				now.UnixMilli(), userID, HashRecoveryCode(code))
			if err != nil {
				return fmt.Errorf("auth: claim recovery code: %w", err)
			}
			n, err := res.RowsAffected()
			if err != nil {
				return fmt.Errorf("auth: claim recovery code: %w", err)
			}
			claimed, usedRecovery = n == 1, n == 1
		}
		if !claimed {
			return errNotClaimed
		}
		res, err := tx.Exec(ctx, `UPDATE users SET failed_logins = 0 WHERE id = ? AND locked_until <= ?`, userID, now.UnixMilli())
		if err != nil {
			return err
		}
		if n, err := res.RowsAffected(); err != nil || n != 1 {
			return errLockedMeanwhile
		}
		if _, err := tx.Exec(ctx, `INSERT INTO sessions (id, user_id, created_at, last_seen_at, expires_at, mfa_pending, current_org_id, ip, user_agent)
			SELECT ?, user_id, created_at, ?, expires_at, 0, current_org_id, ip, user_agent FROM sessions WHERE id = ?`,
			newID, now.UnixMilli(), sessionID); err != nil {
			return fmt.Errorf("auth: rotate session: %w", err)
		}
		res, err = tx.Exec(ctx, `DELETE FROM sessions WHERE id = ? AND mfa_pending = 1`, sessionID)
		if err != nil {
			return fmt.Errorf("auth: rotate session: %w", err)
		}
		if n, err := res.RowsAffected(); err != nil || n != 1 {
			return web.ErrForbidden // completed or ended by another request meanwhile
		}
		ctx = audit.WithMeta(ctx, withActor(audit.MetaFrom(ctx), userID, username))
		return audit.Append(ctx, tx, audit.Entry{Action: "session.2fa", Target: userTarget(userID),
			After: map[string]bool{"recovery_code": usedRecovery}})
	})
	switch {
	case errors.Is(err, errNotClaimed):
		return "", s.fail(ctx, userID, username, "second factor", ErrBadCode)
	case errors.Is(err, errLockedMeanwhile):
		return "", ErrBadCode
	case err != nil:
		return "", err
	}
	return plain, nil
}

// errNotClaimed rolls back a second-factor check whose code matched no
// unused TOTP step or recovery code.
var errNotClaimed = errors.New("auth: code not claimed")
