package society

import (
	"context"
	"fmt"

	"kexie/internal/access"
	"kexie/internal/db"
)

// ReportToCheck is a filed annual report waiting for the 科协 above its
// society.
type ReportToCheck struct {
	OrgID int64
	Name  string
	Year  int
}

// ReportsToCheck lists the filed reports of societies whose parent org is
// inside scope (the scope of society.check: a society never checks its own)
// and that userID did not file — the filer never checks — longest waiting
// first, at most limit. The zero Scope holds nothing.
func (s *Store) ReportsToCheck(ctx context.Context, scope access.Scope, userID int64, limit int) ([]ReportToCheck, error) {
	if scope.None() {
		return nil, nil
	}
	c, a := db.ScopeCond(s.db, "po.path", scope)
	q := `SELECT r.org_id, so.name, r.year FROM society_reports r JOIN orgs so ON so.id = r.org_id JOIN orgs po ON po.id = so.parent_id
		WHERE r.status = 'filed' AND r.filed_by <> ? AND ` + c + ` ORDER BY r.filed_at, r.id LIMIT ?`
	rows, err := s.db.Query(ctx, q, append(append([]any{userID}, a...), limit)...)
	if err != nil {
		return nil, fmt.Errorf("society: reports to check: %w", err)
	}
	defer rows.Close()
	var out []ReportToCheck
	for rows.Next() {
		var r ReportToCheck
		if err := rows.Scan(&r.OrgID, &r.Name, &r.Year); err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, rows.Err()
}
