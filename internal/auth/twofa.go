package auth

import (
	"context"
	"fmt"
	"net/url"

	"kexie/internal/access"
	"kexie/internal/audit"
	"kexie/internal/db"
	"kexie/internal/valid"
)

// BeginTOTP creates a new, not yet enabled TOTP secret for the user and
// returns it with its otpauth:// URI for the QR code.
func (s *Service) BeginTOTP(ctx context.Context, userID int64) (secret, uri string, err error) {
	u, err := s.User(ctx, userID)
	if err != nil {
		return "", "", err
	}
	if u.TOTPEnabled {
		return "", "", valid.New("", "auth.err.2fa_already")
	}
	secret, uri, err = NewTOTPSecret(s.cfg.Issuer, u.Username)
	if err != nil {
		return "", "", err
	}
	sealed, err := s.seal.seal(secret, userID)
	if err != nil {
		return "", "", err
	}
	if _, err := s.db.Exec(ctx, `UPDATE users SET totp_secret = ?, totp_last_step = 0 WHERE id = ? AND totp_enabled = 0`, sealed, userID); err != nil {
		return "", "", fmt.Errorf("auth: begin 2fa: %w", err)
	}
	return secret, uri, nil
}

// PendingTOTP returns the secret BeginTOTP stored, so the enrolment page can
// be shown again (after a wrong code) without a new secret.
func (s *Service) PendingTOTP(ctx context.Context, userID int64) (secret, uri string, err error) {
	var sealed, username string
	var enabled int
	if err := s.db.QueryRow(ctx, `SELECT totp_secret, totp_enabled, username FROM users WHERE id = ?`, userID).Scan(&sealed, &enabled, &username); err != nil {
		return "", "", fmt.Errorf("auth: pending 2fa: %w", err)
	}
	if enabled == 1 || sealed == "" {
		return s.BeginTOTP(ctx, userID)
	}
	secret, err = s.seal.open(sealed, userID)
	if err != nil {
		return "", "", err
	}
	u := url.URL{Scheme: "otpauth", Host: "totp", Path: "/" + s.cfg.Issuer + ":" + username,
		RawQuery: url.Values{"algorithm": {"SHA1"}, "digits": {"6"}, "issuer": {s.cfg.Issuer}, "period": {"30"}, "secret": {secret}}.Encode()}
	return secret, u.String(), nil
}

// EnableTOTP turns 2FA on after the user proves the app works with a code,
// and returns ten recovery codes to show once.
func (s *Service) EnableTOTP(ctx context.Context, userID int64, code string) ([]string, error) {
	var sealed string
	var enabled int
	var last int64
	if err := s.db.QueryRow(ctx, `SELECT totp_secret, totp_enabled, totp_last_step FROM users WHERE id = ?`, userID).Scan(&sealed, &enabled, &last); err != nil {
		return nil, fmt.Errorf("auth: enable 2fa: %w", err)
	}
	if enabled == 1 {
		return nil, valid.New("", "auth.err.2fa_already")
	}
	if sealed == "" {
		return nil, valid.New("code", "auth.err.bad_code")
	}
	secret, err := s.seal.open(sealed, userID)
	if err != nil {
		return nil, err
	}
	step, ok := CheckTOTP(secret, code, s.Now(), last)
	if !ok {
		return nil, valid.New("code", "auth.err.bad_code")
	}
	codes, err := NewRecoveryCodes(10)
	if err != nil {
		return nil, err
	}
	err = s.db.Tx(ctx, func(tx *db.Tx) error {
		if _, err := tx.Exec(ctx, `UPDATE users SET totp_enabled = 1, totp_required = 0, totp_last_step = ? WHERE id = ?`, step, userID); err != nil {
			return err
		}
		if err := s.storeRecoveryCodes(ctx, tx, userID, codes); err != nil {
			return err
		}
		return audit.Append(ctx, tx, audit.Entry{Action: "user.2fa_enable", Target: userTarget(userID)})
	})
	if err != nil {
		return nil, fmt.Errorf("auth: enable 2fa: %w", err)
	}
	return codes, nil
}

func (s *Service) storeRecoveryCodes(ctx context.Context, tx *db.Tx, userID int64, codes []string) error {
	if _, err := tx.Exec(ctx, `DELETE FROM recovery_codes WHERE user_id = ?`, userID); err != nil {
		return err
	}
	for _, c := range codes {
		if _, err := tx.Exec(ctx, `INSERT INTO recovery_codes (user_id, code_hash) VALUES (?, ?)`, userID, HashRecoveryCode(c)); err != nil {
			return err
		}
	}
	return nil
}

// RegenerateRecoveryCodes replaces the user's recovery codes.
func (s *Service) RegenerateRecoveryCodes(ctx context.Context, userID int64) ([]string, error) {
	codes, err := NewRecoveryCodes(10)
	if err != nil {
		return nil, err
	}
	err = s.db.Tx(ctx, func(tx *db.Tx) error {
		if err := s.storeRecoveryCodes(ctx, tx, userID, codes); err != nil {
			return err
		}
		return audit.Append(ctx, tx, audit.Entry{Action: "user.recovery_codes", Target: userTarget(userID)})
	})
	return codes, err
}

// RecoveryCodesLeft counts the unused recovery codes.
func (s *Service) RecoveryCodesLeft(ctx context.Context, userID int64) (int, error) {
	var n int
	err := s.db.QueryRow(ctx, `SELECT COUNT(*) FROM recovery_codes WHERE user_id = ? AND used_at = 0`, userID).Scan(&n)
	return n, err
}

// DisableTOTP turns 2FA off after checking the password. Administrators
// must keep it.
func (s *Service) DisableTOTP(ctx context.Context, sub *access.Subject, password string) error {
	if sub.HasRole(access.SysAdmin) || sub.HasRole(access.OrgAdmin) {
		return valid.New("", "auth.err.2fa_required")
	}
	var encoded string
	if err := s.db.QueryRow(ctx, `SELECT password_hash FROM users WHERE id = ?`, sub.UserID).Scan(&encoded); err != nil {
		return fmt.Errorf("auth: disable 2fa: %w", err)
	}
	if ok, _, _ := VerifyPassword(encoded, password); !ok {
		return valid.New("current", "auth.err.current_password")
	}
	return s.db.Tx(ctx, func(tx *db.Tx) error {
		if _, err := tx.Exec(ctx, `UPDATE users SET totp_enabled = 0, totp_secret = '' WHERE id = ?`, sub.UserID); err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, `DELETE FROM recovery_codes WHERE user_id = ?`, sub.UserID); err != nil {
			return err
		}
		return audit.Append(ctx, tx, audit.Entry{Action: "user.2fa_disable", Target: userTarget(sub.UserID)})
	})
}

// ResetTOTP is the administrators' way out when a user lost their
// authenticator (`kexie user reset-2fa`): it removes the TOTP secret and the
// recovery codes, ends the user's sessions and makes the user enrol again at
// the next sign-in.
func (s *Service) ResetTOTP(ctx context.Context, userID int64) error {
	return s.db.Tx(ctx, func(tx *db.Tx) error {
		res, err := tx.Exec(ctx, `UPDATE users SET totp_enabled = 0, totp_secret = '', totp_last_step = 0, totp_required = 1,
			updated_at = ? WHERE id = ?`, db.Millis(s.Now()), userID)
		if err != nil {
			return fmt.Errorf("auth: reset 2fa: %w", err)
		}
		if n, err := res.RowsAffected(); err != nil {
			return fmt.Errorf("auth: reset 2fa: %w", err)
		} else if n == 0 {
			return fmt.Errorf("auth: reset 2fa of %d: %w", userID, db.ErrNotFound)
		}
		if _, err := tx.Exec(ctx, `DELETE FROM recovery_codes WHERE user_id = ?`, userID); err != nil {
			return fmt.Errorf("auth: reset 2fa: %w", err)
		}
		if _, err := tx.Exec(ctx, `DELETE FROM sessions WHERE user_id = ?`, userID); err != nil {
			return fmt.Errorf("auth: reset 2fa: end sessions: %w", err)
		}
		return audit.Append(ctx, tx, audit.Entry{Action: "user.2fa_reset", Target: userTarget(userID)})
	})
}
