package auth

import (
	"context"
	"crypto/rand"
	"database/sql"
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"kexie/internal/access"
	"kexie/internal/audit"
	"kexie/internal/db"
	"kexie/internal/valid"
)

// UserInput is what an administrator (or the CLI) enters for a new account.
type UserInput struct {
	Username    string
	DisplayName string
	Email       string
	Password    string
	// MustChangePassword makes the user choose a new password at the next
	// sign-in, for a password the user did not choose.
	MustChangePassword bool
}

var usernameRE = regexp.MustCompile(`^[a-z0-9][a-z0-9._-]{2,31}$`)

const userCols = `id, username, display_name, email, totp_enabled, disabled, locked_until, locale, created_at, password_changed_at, phone, must_change_password`

func scanUser(row db.Scanner, extra ...any) (User, error) {
	var u User
	var totp, disabled, must int
	var locked, created, changed int64
	err := row.Scan(append([]any{&u.ID, &u.Username, &u.DisplayName, &u.Email, &totp, &disabled, &locked, &u.Locale,
		&created, &changed, &u.Phone, &must}, extra...)...)
	u.TOTPEnabled, u.Disabled, u.MustChangePassword = totp == 1, disabled == 1, must == 1
	u.LockedUntil, u.CreatedAt, u.PasswordChangedAt = db.Time(locked), db.Time(created), db.Time(changed)
	return u, err
}

func getUser(ctx context.Context, q db.Q, where string, arg any) (User, error) {
	u, err := scanUser(q.QueryRow(ctx, `SELECT `+userCols+` FROM users WHERE `+where, arg))
	if errors.Is(err, sql.ErrNoRows) {
		return u, fmt.Errorf("auth: user %v: %w", arg, db.ErrNotFound)
	}
	if err != nil {
		return u, fmt.Errorf("auth: user %v: %w", arg, err)
	}
	return u, nil
}

// User returns the account with id.
func (s *Service) User(ctx context.Context, id int64) (User, error) {
	return getUser(ctx, s.db, "id = ?", id)
}

// UserByName returns the account with username.
func (s *Service) UserByName(ctx context.Context, username string) (User, error) {
	return getUser(ctx, s.db, "username = ?", strings.ToLower(strings.TrimSpace(username)))
}

// ErrAmbiguousEmail is returned by UserByEmail when several accounts share
// the address (emails are optional and not unique).
var ErrAmbiguousEmail = errors.New("auth: several users have this email")

// UserByEmail returns the one account with email (compared without case).
func (s *Service) UserByEmail(ctx context.Context, email string) (User, error) {
	email = strings.ToLower(strings.TrimSpace(email))
	rows, err := s.db.Query(ctx, `SELECT `+userCols+` FROM users WHERE LOWER(email) = ? ORDER BY id LIMIT 2`, email)
	if err != nil {
		return User{}, fmt.Errorf("auth: user %s: %w", email, err)
	}
	defer rows.Close()
	var found []User
	for rows.Next() {
		u, err := scanUser(rows)
		if err != nil {
			return User{}, fmt.Errorf("auth: user %s: %w", email, err)
		}
		found = append(found, u)
	}
	if err := rows.Err(); err != nil {
		return User{}, fmt.Errorf("auth: user %s: %w", email, err)
	}
	switch len(found) {
	case 0:
		return User{}, fmt.Errorf("auth: user %s: %w", email, db.ErrNotFound)
	case 1:
		return found[0], nil
	}
	return User{}, fmt.Errorf("%w: %s", ErrAmbiguousEmail, email)
}

func passwordError(pw, username string) error {
	var pe *PolicyError
	if err := CheckPassword(pw, username); errors.As(err, &pe) {
		return valid.New("password", pe.Code)
	}
	return nil
}

// CreateUser adds an account.
func (s *Service) CreateUser(ctx context.Context, in UserInput) (User, error) {
	in.Username = strings.ToLower(strings.TrimSpace(in.Username))
	in.DisplayName, in.Email = strings.TrimSpace(in.DisplayName), strings.TrimSpace(in.Email)
	var errs valid.Errors
	if !usernameRE.MatchString(in.Username) {
		errs.Add("username", "auth.err.username_format")
	}
	if in.DisplayName == "" {
		errs.Add("display_name", "auth.err.display_name")
	} else if utf8.RuneCountInString(in.DisplayName) > 50 {
		errs.Add("display_name", "auth.err.display_name")
	}
	if in.Email != "" && (!strings.Contains(in.Email, "@") || len(in.Email) > 200) {
		errs.Add("email", "auth.err.email")
	}
	if err := passwordError(in.Password, in.Username); err != nil {
		errs = append(errs, err.(*valid.Error))
	}
	if err := errs.Err(); err != nil {
		return User{}, err
	}
	hash, err := HashPassword(in.Password)
	if err != nil {
		return User{}, err
	}
	var u User
	err = s.db.Tx(ctx, func(tx *db.Tx) error {
		var n int
		if err := tx.QueryRow(ctx, `SELECT COUNT(*) FROM users WHERE username = ?`, in.Username).Scan(&n); err != nil {
			return fmt.Errorf("auth: check username: %w", err)
		}
		if n > 0 {
			return valid.New("username", "auth.err.username_taken", in.Username)
		}
		now := db.Millis(s.Now())
		u = User{ID: tx.NewID(), Username: in.Username, DisplayName: in.DisplayName, Email: in.Email}
		_, err := tx.Exec(ctx, `INSERT INTO users (id, username, display_name, email, password_hash, password_changed_at,
			must_change_password, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			u.ID, u.Username, u.DisplayName, u.Email, hash, now, boolInt(in.MustChangePassword), now, now)
		if db.IsUniqueViolation(err) {
			return valid.New("username", "auth.err.username_taken", in.Username)
		}
		if err != nil {
			return fmt.Errorf("auth: insert user: %w", err)
		}
		return audit.Append(ctx, tx, audit.Entry{Action: "user.create", Target: userTarget(u.ID),
			After: map[string]string{"username": u.Username, "display_name": u.DisplayName, "email": u.Email}})
	})
	return u, err
}

func userTarget(id int64) string { return "user:" + strconv.FormatInt(id, 10) }

// SetPassword replaces a user's password (administrators, the CLI) and ends
// the user's sessions. The user did not choose it, so they must change it
// at their next sign-in.
func (s *Service) SetPassword(ctx context.Context, userID int64, pw string) error {
	u, err := s.User(ctx, userID)
	if err != nil {
		return err
	}
	if err := passwordError(pw, u.Username); err != nil {
		return err
	}
	hash, err := HashPassword(pw)
	if err != nil {
		return err
	}
	return s.db.Tx(ctx, func(tx *db.Tx) error {
		return s.storePassword(ctx, tx, userID, hash, "", true)
	})
}

func (s *Service) storePassword(ctx context.Context, tx *db.Tx, userID int64, hash, keepSession string, mustChange bool) error {
	now := db.Millis(s.Now())
	if _, err := tx.Exec(ctx, `UPDATE users SET password_hash = ?, password_changed_at = ?, must_change_password = ?,
		failed_logins = 0, locked_until = 0, updated_at = ? WHERE id = ?`, hash, now, boolInt(mustChange), now, userID); err != nil {
		return fmt.Errorf("auth: set password: %w", err)
	}
	if _, err := tx.Exec(ctx, `DELETE FROM sessions WHERE user_id = ? AND id <> ?`, userID, keepSession); err != nil {
		return fmt.Errorf("auth: end sessions: %w", err)
	}
	return audit.Append(ctx, tx, audit.Entry{Action: "user.password", Target: userTarget(userID)})
}

// ChangePassword is the user's own change: the current password is required,
// and other sessions of the user end.
func (s *Service) ChangePassword(ctx context.Context, userID int64, sessionID, current, next string) error {
	var encoded, username string
	if err := s.db.QueryRow(ctx, `SELECT password_hash, username FROM users WHERE id = ?`, userID).Scan(&encoded, &username); err != nil {
		return fmt.Errorf("auth: change password: %w", err)
	}
	if ok, _, err := VerifyPassword(encoded, current); err != nil || !ok {
		return valid.New("current", "auth.err.current_password")
	}
	if err := passwordError(next, username); err != nil {
		return err
	}
	if next == current {
		return valid.New("password", "auth.err.same_password")
	}
	hash, err := HashPassword(next)
	if err != nil {
		return err
	}
	return s.db.Tx(ctx, func(tx *db.Tx) error { return s.storePassword(ctx, tx, userID, hash, sessionID, false) })
}

// EnsureAdmin creates a first system administrator at rootOrgID when nobody
// holds that role, with a random password the caller shows once; the
// administrator must replace it at the first sign-in.
func (s *Service) EnsureAdmin(ctx context.Context, rootOrgID int64) (username, password string, created bool, err error) {
	var n int
	if err := s.db.QueryRow(ctx, `SELECT COUNT(*) FROM role_grants WHERE role = ?`, string(access.SysAdmin)).Scan(&n); err != nil {
		return "", "", false, fmt.Errorf("auth: count administrators: %w", err)
	}
	if n > 0 {
		return "", "", false, nil
	}
	password = randomPassword()
	for i := 0; i < 100; i++ {
		username = "admin"
		if i > 0 {
			username += strconv.Itoa(i + 1)
		}
		u, err := s.CreateUser(audit.WithMeta(ctx, audit.Meta{ActorName: "system"}), UserInput{Username: username, DisplayName: "系统管理员", Password: password, MustChangePassword: true})
		if list, ok := valid.As(err); ok && list[0].Field == "username" {
			continue
		}
		if err != nil {
			return "", "", false, err
		}
		if err := s.Grant(audit.WithMeta(ctx, audit.Meta{ActorName: "system"}), u.ID, rootOrgID, access.SysAdmin, 0); err != nil {
			return "", "", false, err
		}
		return username, password, true, nil
	}
	return "", "", false, errors.New("auth: no free administrator name")
}

// randomPassword returns 16 characters with every class present.
func randomPassword() string {
	const sets = "abcdefghijkmnpqrstuvwxyz" + "ABCDEFGHJKLMNPQRSTUVWXYZ" + "23456789" + "-_!@#%+="
	b := make([]byte, 16)
	_, _ = rand.Read(b)
	out := make([]byte, 16)
	for i, c := range b {
		out[i] = sets[int(c)%len(sets)]
	}
	// Guarantee the four classes in fixed slots.
	out[0] = "abcdefghijkmnpqrstuvwxyz"[int(b[0])%24]
	out[5] = "ABCDEFGHJKLMNPQRSTUVWXYZ"[int(b[5])%24]
	out[10] = "23456789"[int(b[10])%8]
	out[15] = "-_!@#%+="[int(b[15])%8]
	return string(out)
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}
