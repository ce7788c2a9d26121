package society

import (
	"context"
	"fmt"
	"strings"

	"kexie/internal/access"
	"kexie/internal/db"
)

// MemberFilter narrows a society's member list.
type MemberFilter struct {
	Scope  access.Scope
	OrgID  int64
	Status string
	Q      string
	Limit  int
	Offset int
}

// Members lists a society's members in scope, applications first, then by
// number, with the total.
func (s *Store) Members(ctx context.Context, f MemberFilter) ([]Member, int, error) {
	if f.Scope.None() {
		return nil, 0, nil
	}
	cond, args := db.ScopeCond(s.db, "o.path", f.Scope)
	where := []string{cond, "m.org_id = ?"}
	args = append(args, f.OrgID)
	if oneOf(f.Status, []string{MemberApplied, MemberActive, MemberRejected}) {
		where, args = append(where, "m.status = ?"), append(args, f.Status)
	}
	if q := strings.TrimSpace(f.Q); q != "" {
		where, args = append(where, `(m.name LIKE ? ESCAPE '\' OR m.number = ?)`), append(args, "%"+db.LikeEscape(q)+"%", q)
	}
	if f.Limit <= 0 {
		f.Limit = 50
	}
	rows, err := s.db.Query(ctx, `SELECT `+memberCols+`, COUNT(*) OVER ()`+memberFrom+` WHERE `+strings.Join(where, " AND ")+`
		ORDER BY CASE m.status WHEN 'applied' THEN 0 ELSE 1 END, m.number, m.id LIMIT ? OFFSET ?`, append(args, f.Limit, f.Offset)...)
	if err != nil {
		return nil, 0, fmt.Errorf("society: members %d: %w", f.OrgID, err)
	}
	defer rows.Close()
	var out []Member
	total := 0
	for rows.Next() {
		m, err := scanMember(rows, &total)
		if err != nil {
			return nil, 0, err
		}
		out = append(out, m)
	}
	return out, total, rows.Err()
}

// Mine lists the memberships a user account holds or applied for.
func (s *Store) Mine(ctx context.Context, userID int64) ([]Member, error) {
	rows, err := s.db.Query(ctx, `SELECT `+memberCols+memberFrom+` WHERE m.user_id = ? ORDER BY m.created_at DESC`, userID)
	if err != nil {
		return nil, fmt.Errorf("society: memberships of %d: %w", userID, err)
	}
	defer rows.Close()
	var out []Member
	for rows.Next() {
		m, err := scanMember(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, m)
	}
	return out, rows.Err()
}
