package audit

import (
	"context"
	"fmt"
	"strings"

	"kexie/internal/access"
	"kexie/internal/db"
)

// Actor is someone who appears in the log, for the viewer's person filter.
type Actor struct {
	ID   int64
	Name string // the account name recorded with the entry
}

// Actors lists the distinct actors of the records in scope, most recent
// first (at most limit).
func Actors(ctx context.Context, d *db.DB, scope access.Scope, limit int) ([]Actor, error) {
	if scope.None() {
		return nil, nil
	}
	c, args := db.ScopeCond(d, "org_path", scope)
	rows, err := d.Query(ctx, `SELECT actor_id, actor_name, MAX(seq) FROM audit_log WHERE actor_name <> '' AND `+c+`
		GROUP BY actor_id, actor_name ORDER BY 3 DESC LIMIT ?`, append(args, limit)...)
	if err != nil {
		return nil, fmt.Errorf("audit: actors: %w", err)
	}
	defer rows.Close()
	var out []Actor
	for rows.Next() {
		var a Actor
		var seq int64
		if err := rows.Scan(&a.ID, &a.Name, &seq); err != nil {
			return nil, fmt.Errorf("audit: actors: %w", err)
		}
		out = append(out, a)
	}
	return out, rows.Err()
}

// Orgs maps the org ids of the records in scope to the path recorded with
// their latest record (at most limit orgs), for the viewer's org filter.
func Orgs(ctx context.Context, d *db.DB, scope access.Scope, limit int) (map[int64]string, error) {
	if scope.None() {
		return nil, nil
	}
	c, args := db.ScopeCond(d, "org_path", scope)
	rows, err := d.Query(ctx, `SELECT org_id, org_path, MAX(seq) FROM audit_log WHERE org_id <> 0 AND `+c+`
		GROUP BY org_id, org_path ORDER BY 3 DESC LIMIT ?`, append(args, limit)...)
	if err != nil {
		return nil, fmt.Errorf("audit: orgs: %w", err)
	}
	defer rows.Close()
	out := map[int64]string{}
	for rows.Next() {
		var id, seq int64
		var path string
		if err := rows.Scan(&id, &path, &seq); err != nil {
			return nil, fmt.Errorf("audit: orgs: %w", err)
		}
		if _, seen := out[id]; !seen {
			out[id] = path
		}
	}
	return out, rows.Err()
}

// idList is "?, ?, ?" for n ids with their arguments.
func idList(ids []int64) (string, []any) {
	args := make([]any, len(ids))
	for i, id := range ids {
		args[i] = id
	}
	return strings.TrimSuffix(strings.Repeat("?, ", len(ids)), ", "), args
}
