package kepu

import (
	"context"
	"strings"

	"kexie/internal/access"
	"kexie/internal/db"
)

// LeadFilter selects rumour leads for staff: always within Scope.
type LeadFilter struct {
	Scope  access.Scope
	Status LeadStatus // "" for every status
	Q      string     // words of the claim
	Late   bool       // only leads whose expert is past the due date
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
	if f.Late {
		where, args = append(where, "l.status = ? AND l.due_at > 0 AND l.due_at < ?"), append(args, string(LeadAssigned), db.Millis(s.db.Now()))
	}
	order := db.Order(f.Sort, leadSorts, "l.filed_at DESC")
	if f.Limit <= 0 || f.Limit > 10000 {
		f.Limit = 50
	}
	total := 0
	out, err := s.queryLeads(ctx, `SELECT `+leadCols+`, COUNT(*) OVER() FROM kepu_leads l JOIN orgs o ON o.id = l.org_id WHERE `+
		strings.Join(where, " AND ")+` ORDER BY `+order+`, l.id DESC LIMIT ? OFFSET ?`, append(args, f.Limit, f.Offset), &total)
	return out, total, err
}
