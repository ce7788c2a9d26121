package auth

import (
	"context"
	"fmt"
	"net/mail"
	"strings"
	"unicode/utf8"

	"kexie/internal/access"
	"kexie/internal/audit"
	"kexie/internal/db"
	"kexie/internal/std"
	"kexie/internal/valid"
)

// UserEdit is what an administrator may change of an account's details.
type UserEdit struct {
	DisplayName string
	Email       string
	Phone       string // a mainland mobile number, or empty
}

// Manageable reports whether scope (where the caller holds user.manage)
// holds the whole of userID: every grant of the user lies in it, and the
// user holds at least one (only a scope over everything reaches an account
// without grants). A system administrator is reached only from everywhere.
func (s *Service) Manageable(ctx context.Context, userID int64, scope access.Scope) (bool, error) {
	if scope.All() {
		return true, nil
	}
	grants, err := s.grantsOf(ctx, s.db, userID)
	if err != nil {
		return false, err
	}
	if len(grants) == 0 {
		return false, nil
	}
	for _, g := range grants {
		if !scope.Contains(g.OrgPath) || g.Role == access.SysAdmin {
			return false, nil
		}
	}
	return true, nil
}

// userOrg is the org an entry about userID is filed under, so that the
// administrators of the user's orgs read it: the user's shallowest grant
// (none: no org).
func userOrg(ctx context.Context, tx *db.Tx, userID int64) (int64, string, error) {
	var id int64
	var path string
	err := tx.QueryRow(ctx, `SELECT COALESCE(MIN(o.id), 0), COALESCE(MIN(o.path), '') FROM role_grants g JOIN orgs o ON o.id = g.org_id
		WHERE g.user_id = ? AND o.depth = (SELECT MIN(o2.depth) FROM role_grants g2 JOIN orgs o2 ON o2.id = g2.org_id WHERE g2.user_id = ?)`,
		userID, userID).Scan(&id, &path)
	if err != nil {
		return 0, "", fmt.Errorf("auth: org of user %d: %w", userID, err)
	}
	return id, path, nil
}

// appendUser writes e about userID, filed under the user's org.
func appendUser(ctx context.Context, tx *db.Tx, userID int64, e audit.Entry) error {
	var err error
	if e.OrgID, e.OrgPath, err = userOrg(ctx, tx, userID); err != nil {
		return err
	}
	e.Target = userTarget(userID)
	return audit.Append(ctx, tx, e)
}

// UpdateUser changes an account's display name, email and phone.
func (s *Service) UpdateUser(ctx context.Context, id int64, in UserEdit) (User, error) {
	old, err := s.User(ctx, id)
	if err != nil {
		return old, err
	}
	in.DisplayName, in.Email = strings.TrimSpace(in.DisplayName), strings.TrimSpace(in.Email)
	var errs valid.Errors
	if in.DisplayName == "" {
		errs.Add("display_name", "auth.err.display_name")
	} else if utf8.RuneCountInString(in.DisplayName) > 50 {
		errs.Add("display_name", "auth.err.display_name_long")
	}
	if in.Email != "" {
		if a, err := mail.ParseAddress(in.Email); err != nil || a.Address != in.Email || !strings.Contains(in.Email[strings.LastIndex(in.Email, "@")+1:], ".") {
			errs.Add("email", "auth.err.email")
		}
	}
	if p := strings.TrimSpace(in.Phone); p != "" {
		m, ok := std.NormalizeMobile(p)
		if !ok {
			errs.Add("phone", "auth.err.phone")
		}
		in.Phone = m
	} else {
		in.Phone = ""
	}
	if err := errs.Err(); err != nil {
		return old, err
	}
	err = s.db.Tx(ctx, func(tx *db.Tx) error {
		if _, err := tx.Exec(ctx, `UPDATE users SET display_name = ?, email = ?, phone = ?, updated_at = ? WHERE id = ?`,
			in.DisplayName, in.Email, in.Phone, db.Millis(s.Now()), id); err != nil {
			return fmt.Errorf("auth: update user %d: %w", id, err)
		}
		return appendUser(ctx, tx, id, audit.Entry{Action: "user.update",
			Before: map[string]string{"display_name": old.DisplayName, "email": old.Email, "phone": maskPhone(old.Phone)},
			After:  map[string]string{"display_name": in.DisplayName, "email": in.Email, "phone": maskPhone(in.Phone)}})
	})
	if err != nil {
		return old, err
	}
	return s.User(ctx, id)
}

// maskPhone keeps the first three and last four digits for the audit log.
func maskPhone(p string) string {
	if len(p) != 11 {
		return p
	}
	return p[:3] + "****" + p[7:]
}
