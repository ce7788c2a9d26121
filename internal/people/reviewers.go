package people

import (
	"context"
	"fmt"
	"strings"
)

// Reviewer is a pool member as a call-and-review engine needs one: who
// signs in to score (UserID, 0 when the person has no account) and what
// conflict-of-interest and discipline rules read.
type Reviewer struct {
	PersonID    int64
	UserID      int64
	Name        string
	Employer    string
	OrgPath     string
	Disciplines []string // primary first, then secondary (GB/T 13745 codes)
}

// PoolReviewers lists every member of an expert pool, in one query.
func (s *Store) PoolReviewers(ctx context.Context, poolID int64) ([]Reviewer, error) {
	rows, err := s.db.Query(ctx, `SELECT p.id, COALESCE(p.user_id, 0), p.name, p.employer, o.path, p.discipline, p.disciplines2
		FROM pool_members m JOIN people p ON p.id = m.person_id JOIN orgs o ON o.id = p.org_id WHERE m.pool_id = ? ORDER BY p.id`, poolID)
	if err != nil {
		return nil, fmt.Errorf("people: reviewers of pool %d: %w", poolID, err)
	}
	defer rows.Close()
	var out []Reviewer
	for rows.Next() {
		var r Reviewer
		var d1, d2 string
		if err := rows.Scan(&r.PersonID, &r.UserID, &r.Name, &r.Employer, &r.OrgPath, &d1, &d2); err != nil {
			return nil, fmt.Errorf("people: reviewers of pool %d: %w", poolID, err)
		}
		if d1 != "" {
			r.Disciplines = append(r.Disciplines, d1)
		}
		for _, d := range strings.FieldsFunc(d2, func(c rune) bool { return c == ',' || c == '|' || c == ' ' }) {
			r.Disciplines = append(r.Disciplines, d)
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

// ActiveMemberships returns the org paths of a person's active memberships
// (学会, 科协), for eligibility rules.
func (s *Store) ActiveMemberships(ctx context.Context, personID int64) ([]string, error) {
	rows, err := s.db.Query(ctx, `SELECT o.path FROM memberships m JOIN orgs o ON o.id = m.org_id
		WHERE m.person_id = ? AND m.status = 'active' ORDER BY o.path`, personID)
	if err != nil {
		return nil, fmt.Errorf("people: memberships of %d: %w", personID, err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var p string
		if err := rows.Scan(&p); err != nil {
			return nil, fmt.Errorf("people: memberships of %d: %w", personID, err)
		}
		out = append(out, p)
	}
	return out, rows.Err()
}
