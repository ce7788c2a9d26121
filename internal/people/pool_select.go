package people

import (
	"context"
	"fmt"
	"strings"

	"kexie/internal/access"
	"kexie/internal/db"
)

// maxPoolAdd bounds the people one request adds to a pool.
const maxPoolAdd = 1000

// VisibleIDs returns those of ids whose person belongs to an org within
// scope, in the order given, without repeats.
func (s *Store) VisibleIDs(ctx context.Context, scope access.Scope, ids []int64) ([]int64, error) {
	if len(ids) == 0 || scope.None() {
		return nil, nil
	}
	ph, args := make([]string, len(ids)), make([]any, len(ids))
	for i, id := range ids {
		ph[i], args[i] = "?", id
	}
	c, a := db.ScopeCond(s.db, "o.path", scope)
	rows, err := s.db.Query(ctx, `SELECT p.id FROM people p JOIN orgs o ON o.id = p.org_id WHERE p.id IN (`+strings.Join(ph, ",")+`) AND `+c,
		append(args, a...)...)
	if err != nil {
		return nil, fmt.Errorf("people: visible ids: %w", err)
	}
	defer rows.Close()
	seen := map[int64]bool{}
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, fmt.Errorf("people: visible ids: %w", err)
		}
		seen[id] = true
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("people: visible ids: %w", err)
	}
	var out []int64
	for _, id := range ids {
		if seen[id] {
			out = append(out, id)
			delete(seen, id)
		}
	}
	return out, nil
}

// uniqueIDs drops repeats, keeping the first of each.
func uniqueIDs(ids []int64) []int64 {
	seen := map[int64]bool{}
	var out []int64
	for _, id := range ids {
		if !seen[id] {
			seen[id] = true
			out = append(out, id)
		}
	}
	return out
}
