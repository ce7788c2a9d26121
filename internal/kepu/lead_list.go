package kepu

import (
	"context"
	"fmt"
	"strings"

	"kexie/internal/access"
	"kexie/internal/db"
)

// LeadFilter selects rumour leads for staff: always within Scope.
type LeadFilter struct {
	Scope  access.Scope
	Status LeadStatus // "" for every status
	Q      string     // words of the claim
	Sort   string     // "filed", "due", "status"; a leading "-" for descending
	Limit  int
	Offset int
}

var leadSorts = map[string]string{"filed": "l.filed_at", "due": "l.due_at", "status": "l.status"}

// LeadList lists one page of the leads in scope and how many match: the
// triage queue's list, searchable by the claim's words.
func (s *Store) LeadList(ctx context.Context, f LeadFilter) ([]Lead, int, error) {
	if f.Scope.None() {
		return nil, 0, nil
	}
	cond, args := db.ScopeCond(s.db, "o.path", f.Scope)
	where := []string{cond}
	if f.Status != "" {
		where, args = append(where, "l.status = ?"), append(args, string(f.Status))
	}
	if q := strings.TrimSpace(f.Q); q != "" {
		where, args = append(where, `l.claim LIKE ? ESCAPE '\'`), append(args, "%"+db.LikeEscape(q)+"%")
	}
	order := "l.filed_at DESC"
	if col, ok := leadSorts[strings.TrimPrefix(f.Sort, "-")]; ok {
		order = col
		if strings.HasPrefix(f.Sort, "-") {
			order += " DESC"
		}
	}
	if f.Limit <= 0 || f.Limit > 10000 {
		f.Limit = 50
	}
	rows, err := s.db.Query(ctx, `SELECT `+leadCols+`, COUNT(*) OVER() FROM kepu_leads l JOIN orgs o ON o.id = l.org_id WHERE `+
		strings.Join(where, " AND ")+` ORDER BY `+order+`, l.id DESC LIMIT ? OFFSET ?`, append(args, f.Limit, f.Offset)...)
	if err != nil {
		return nil, 0, fmt.Errorf("kepu: lead list: %w", err)
	}
	defer rows.Close()
	var out []Lead
	total := 0
	for rows.Next() {
		var l Lead
		if l, err = scanLead(rows, &total); err != nil {
			return nil, 0, fmt.Errorf("kepu: lead list: %w", err)
		}
		s.showContact(&l)
		out = append(out, l)
	}
	return out, total, rows.Err()
}
