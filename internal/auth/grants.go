package auth

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"kexie/internal/access"
	"kexie/internal/audit"
	"kexie/internal/db"
	"kexie/internal/org"
	"kexie/internal/valid"
	"kexie/internal/web"
)

// GrantRow is a role held by a user on an org, for display.
type GrantRow struct {
	ID        int64
	OrgID     int64
	OrgPath   string
	OrgName   string
	OrgCode   string
	Role      access.Role
	CreatedAt time.Time
}

// grantsOf loads a user's grants with their org paths, broadest first.
func (s *Service) grantsOf(ctx context.Context, q db.Q, userID int64) ([]access.Grant, error) {
	rows, err := q.Query(ctx, `SELECT g.org_id, o.path, o.name, g.role FROM role_grants g JOIN orgs o ON o.id = g.org_id
		WHERE g.user_id = ? ORDER BY o.depth, g.id`, userID)
	if err != nil {
		return nil, fmt.Errorf("auth: grants of %d: %w", userID, err)
	}
	defer rows.Close()
	var out []access.Grant
	for rows.Next() {
		var g access.Grant
		var role string
		if err := rows.Scan(&g.OrgID, &g.OrgPath, &g.OrgName, &role); err != nil {
			return nil, fmt.Errorf("auth: grants of %d: %w", userID, err)
		}
		g.Role = access.Role(role)
		out = append(out, g)
	}
	return out, rows.Err()
}

// Grants lists a user's grants for the user page.
func (s *Service) Grants(ctx context.Context, userID int64) ([]GrantRow, error) {
	rows, err := s.db.Query(ctx, `SELECT g.id, g.org_id, o.path, o.name, o.code, g.role, g.created_at FROM role_grants g
		JOIN orgs o ON o.id = g.org_id WHERE g.user_id = ? ORDER BY o.depth, g.id`, userID)
	if err != nil {
		return nil, fmt.Errorf("auth: grants: %w", err)
	}
	defer rows.Close()
	var out []GrantRow
	for rows.Next() {
		var g GrantRow
		var role string
		var at int64
		if err := rows.Scan(&g.ID, &g.OrgID, &g.OrgPath, &g.OrgName, &g.OrgCode, &role, &at); err != nil {
			return nil, fmt.Errorf("auth: grants: %w", err)
		}
		g.Role, g.CreatedAt = access.Role(role), db.Time(at)
		out = append(out, g)
	}
	return out, rows.Err()
}

// GrantsOfUsers lists the grants of several users (a page of the user
// list) in one query, keyed by user ID.
func (s *Service) GrantsOfUsers(ctx context.Context, userIDs []int64) (map[int64][]GrantRow, error) {
	out := make(map[int64][]GrantRow, len(userIDs))
	// ListUsers returns at most 10,000 users, below both engines' limits on
	// bound parameters, so a page takes one query.
	const chunk = 10000
	for len(userIDs) > 0 {
		ids := userIDs[:min(chunk, len(userIDs))]
		userIDs = userIDs[len(ids):]
		args := make([]any, len(ids))
		for i, id := range ids {
			args[i] = id
		}
		rows, err := s.db.Query(ctx, `SELECT g.user_id, g.id, g.org_id, o.path, o.name, o.code, g.role, g.created_at FROM role_grants g
			JOIN orgs o ON o.id = g.org_id WHERE g.user_id IN (?`+strings.Repeat(", ?", len(ids)-1)+`) ORDER BY g.user_id, o.depth, g.id`, args...)
		if err != nil {
			return nil, fmt.Errorf("auth: grants of users: %w", err)
		}
		for rows.Next() {
			var g GrantRow
			var userID, at int64
			var role string
			if err := rows.Scan(&userID, &g.ID, &g.OrgID, &g.OrgPath, &g.OrgName, &g.OrgCode, &role, &at); err != nil {
				rows.Close()
				return nil, fmt.Errorf("auth: grants of users: %w", err)
			}
			g.Role, g.CreatedAt = access.Role(role), db.Time(at)
			out[userID] = append(out[userID], g)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, fmt.Errorf("auth: grants of users: %w", err)
		}
	}
	return out, nil
}

// Grant gives userID role on orgID (and its subtree). Granting a role the
// user already holds there changes nothing.
func (s *Service) Grant(ctx context.Context, userID, orgID int64, role access.Role, by int64) error {
	if !role.Valid() {
		return valid.New("role", "auth.err.role")
	}
	return s.db.Tx(ctx, func(tx *db.Tx) error {
		o, err := org.Lookup(ctx, tx, orgID)
		if errors.Is(err, db.ErrNotFound) {
			return valid.New("org", "auth.err.org_unknown")
		}
		if err != nil {
			return fmt.Errorf("auth: grant: %w", err)
		}
		path := o.Path
		// ON CONFLICT DO NOTHING (SQLite and PostgreSQL alike): a grant made
		// by another request meanwhile is no error, and no second record.
		res, err := tx.Exec(ctx, `INSERT INTO role_grants (id, user_id, org_id, role, granted_by, created_at) VALUES (?, ?, ?, ?, ?, ?)
			ON CONFLICT (user_id, org_id, role) DO NOTHING`,
			tx.NewID(), userID, orgID, string(role), by, db.Millis(s.Now()))
		if err != nil {
			if db.IsForeignKeyViolation(err) {
				return web.ErrNotFound
			}
			return fmt.Errorf("auth: grant: %w", err)
		}
		if n, err := res.RowsAffected(); err != nil {
			return fmt.Errorf("auth: grant: %w", err)
		} else if n == 0 {
			return nil // held already
		}
		return audit.Append(ctx, tx, audit.Entry{OrgID: orgID, OrgPath: path, Action: "role.grant", Target: userTarget(userID),
			After: map[string]any{"role": role, "org_id": orgID}})
	})
}

// Revoke removes a grant; it returns the grant as it was.
func (s *Service) Revoke(ctx context.Context, grantID int64) (GrantRow, error) {
	var g GrantRow
	err := s.db.Tx(ctx, func(tx *db.Tx) error {
		var role string
		var userID int64
		err := tx.QueryRow(ctx, `SELECT g.id, g.user_id, g.org_id, o.path, o.name, g.role FROM role_grants g JOIN orgs o ON o.id = g.org_id
			WHERE g.id = ?`, grantID).Scan(&g.ID, &userID, &g.OrgID, &g.OrgPath, &g.OrgName, &role)
		if err != nil {
			return fmt.Errorf("auth: revoke %d: %w", grantID, db.ErrNotFound)
		}
		g.Role = access.Role(role)
		if g.Role == access.SysAdmin {
			var n int
			if err := tx.QueryRow(ctx, `SELECT COUNT(*) FROM role_grants WHERE role = ?`, role).Scan(&n); err != nil {
				return err
			}
			if n <= 1 {
				return valid.New("", "auth.err.last_admin")
			}
		}
		if _, err := tx.Exec(ctx, `DELETE FROM role_grants WHERE id = ?`, grantID); err != nil {
			return fmt.Errorf("auth: revoke: %w", err)
		}
		return audit.Append(ctx, tx, audit.Entry{OrgID: g.OrgID, OrgPath: g.OrgPath, Action: "role.revoke", Target: userTarget(userID),
			Before: map[string]any{"role": role, "org_id": g.OrgID}})
	})
	return g, err
}

// UserFilter selects users for the administration list.
type UserFilter struct {
	// Scope limits the list to users holding a grant on an org in it;
	// access.Everywhere() lists every user, grant or not; the zero Scope none.
	Scope  access.Scope
	Q      string // username, display name or email
	Role   access.Role
	Sort   string // username, name, created ("-" for descending)
	Limit  int
	Offset int
}

// UserRow is a user with the roles shown in the list.
type UserRow struct {
	User
	Roles string // "组织管理员@某某市科协, …" built by the caller from Grants
}

// ListUsers returns the users the filter's scope holds, one page, and the
// total.
func (s *Service) ListUsers(ctx context.Context, f UserFilter) ([]User, int, error) {
	if f.Scope.None() {
		return nil, 0, nil
	}
	var where []string
	var args []any
	if !f.Scope.All() || f.Role != "" {
		c, a := db.ScopeCond(s.db, "o.path", f.Scope)
		sub := `SELECT g.user_id FROM role_grants g JOIN orgs o ON o.id = g.org_id WHERE ` + c
		args = append(args, a...)
		if f.Role != "" {
			sub += " AND g.role = ?"
			args = append(args, string(f.Role))
		}
		where = append(where, "u.id IN ("+sub+")")
	}
	if q := strings.ToLower(strings.TrimSpace(f.Q)); q != "" {
		like := "%" + db.LikeEscape(q) + "%"
		where = append(where, `(u.username LIKE ? ESCAPE '\' OR LOWER(u.display_name) LIKE ? ESCAPE '\' OR LOWER(u.email) LIKE ? ESCAPE '\')`)
		args = append(args, like, like, like)
	}
	// The total is a count of its own (D266): a window COUNT(*) OVER()
	// read every user in scope whole before the first page.
	from := ` FROM users u`
	if len(where) > 0 {
		from += " WHERE " + strings.Join(where, " AND ")
	}
	order := map[string]string{"username": "u.username", "name": "u.name_key", "created": "u.created_at"}
	col, desc := strings.TrimPrefix(f.Sort, "-"), strings.HasPrefix(f.Sort, "-")
	expr, ok := order[col]
	if !ok {
		expr = "u.username"
	}
	if desc {
		expr += " DESC"
	}
	out, total, err := db.Page(ctx, s.db, db.PageQuery{
		Count:  `SELECT COUNT(*)` + from,
		Select: `SELECT u.` + strings.ReplaceAll(userCols, ", ", ", u.") + from + ` ORDER BY ` + expr + `, u.id LIMIT ? OFFSET ?`,
		Args:   args, Limit: f.Limit, Offset: f.Offset,
	}, func(r db.Scanner) (User, error) { return scanUser(r) })
	if err != nil {
		return nil, 0, fmt.Errorf("auth: list users: %w", err)
	}
	return out, total, nil
}

// CountUsers counts the users scope holds, as ListUsers does.
func (s *Service) CountUsers(ctx context.Context, scope access.Scope) (int, error) {
	_, total, err := s.ListUsers(ctx, UserFilter{Scope: scope, Limit: 1})
	return total, err
}

// InScope reports whether scope holds userID: any user for Everywhere, a
// user holding a grant on an org in it otherwise.
func (s *Service) InScope(ctx context.Context, userID int64, scope access.Scope) (bool, error) {
	if scope.All() {
		return true, nil
	}
	if scope.None() {
		return false, nil
	}
	grants, err := s.grantsOf(ctx, s.db, userID)
	if err != nil {
		return false, err
	}
	for _, g := range grants {
		if scope.Contains(g.OrgPath) {
			return true, nil
		}
	}
	return false, nil
}

var errNoGrant = errors.New("no grant")

func itoa(v int64) string { return strconv.FormatInt(v, 10) }
