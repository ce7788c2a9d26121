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

// Members lists a society's members in scope, newest first (so new
// applications lead), with the total. The count reads the (org_id,
// status) index and the page walks (org_id, id), so a society of 200,000
// members costs one index scan, not a sort.
func (s *Store) Members(ctx context.Context, f MemberFilter) ([]Member, int, error) {
	if f.Scope.None() {
		return nil, 0, nil
	}
	soc, err := society(ctx, s.db, f.OrgID)
	if err != nil {
		return nil, 0, err
	}
	if !f.Scope.Contains(soc.Path) {
		return nil, 0, nil
	}
	where, args := []string{"m.org_id = ?"}, []any{f.OrgID}
	if oneOf(f.Status, []string{MemberApplied, MemberActive, MemberRejected}) {
		where, args = append(where, "m.status = ?"), append(args, f.Status)
	}
	if q := strings.TrimSpace(f.Q); q != "" {
		where, args = append(where, `(m.name LIKE ? ESCAPE '\' OR m.number = ?)`), append(args, "%"+db.LikeEscape(q)+"%", q)
	}
	if f.Limit <= 0 {
		f.Limit = 50
	}
	w := strings.Join(where, " AND ")
	var total int
	if err := s.db.QueryRow(ctx, `SELECT COUNT(*) FROM members m WHERE `+w, args...).Scan(&total); err != nil {
		return nil, 0, fmt.Errorf("society: members %d: %w", f.OrgID, err)
	}
	rows, err := s.db.Query(ctx, `SELECT `+memberCols+memberFrom+` WHERE `+w+` ORDER BY m.id DESC LIMIT ? OFFSET ?`,
		append(args, f.Limit, f.Offset)...)
	if err != nil {
		return nil, 0, fmt.Errorf("society: members %d: %w", f.OrgID, err)
	}
	defer rows.Close()
	var out []Member
	for rows.Next() {
		m, err := scanMember(rows)
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
