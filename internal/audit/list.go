package audit

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"

	"kexie/internal/access"
	"kexie/internal/db"
)

const columns = `seq, id, at, actor_id, actor_name, org_id, org_path, action, target, summary, ip, request_id, prev_hash, hash, chain`

func scan(rows interface{ Scan(...any) error }, extra ...any) (Record, error) {
	var r Record
	var at int64
	dest := append([]any{&r.Seq, &r.ID, &at, &r.ActorID, &r.ActorName, &r.OrgID, &r.OrgPath, &r.Action, &r.Target,
		&r.Summary, &r.IP, &r.RequestID, &r.PrevHash, &r.Hash, &r.Chain}, extra...)
	if err := rows.Scan(dest...); err != nil {
		return r, fmt.Errorf("audit: scan: %w", err)
	}
	r.At = db.Time(at)
	return r, nil
}

// Filter selects records for the viewer.
type Filter struct {
	From, To time.Time
	ActorID  int64
	Actor    string // substring of the actor's name
	// ActorIDs, with Actor, also matches the records of these actors (the
	// accounts whose display names matched the viewer's person filter).
	ActorIDs []int64
	// In limits the records to those orgs' subtrees (the org filter); nil
	// means no such limit, a non-nil empty Scope nothing.
	In     *access.Scope
	Action string // prefix, e.g. "org." or "org.create"
	Target string // exact, e.g. "org:123"
	// Scope limits the records to those of orgs in it; the zero Scope
	// holds nothing, access.Everywhere() every record (a system administrator).
	Scope  access.Scope
	Sort   string // "at" (oldest first) or "-at" (newest first, default)
	Limit  int
	Offset int
}

// List returns one page of matching records and the total count.
func List(ctx context.Context, d *db.DB, f Filter) ([]Record, int, error) {
	if f.Scope.None() {
		return nil, 0, nil
	}
	var where []string
	var args []any
	if !f.From.IsZero() {
		where, args = append(where, "at >= ?"), append(args, db.Millis(f.From))
	}
	if !f.To.IsZero() {
		where, args = append(where, "at < ?"), append(args, db.Millis(f.To))
	}
	if f.ActorID != 0 {
		where, args = append(where, "actor_id = ?"), append(args, f.ActorID)
	}
	if f.Actor != "" {
		c, a := "LOWER(actor_name) LIKE ? ESCAPE '\\'", []any{"%" + db.LikeEscape(strings.ToLower(f.Actor)) + "%"}
		if len(f.ActorIDs) > 0 {
			list, ids := idList(f.ActorIDs)
			c, a = "("+c+" OR actor_id IN ("+list+"))", append(a, ids...)
		}
		where, args = append(where, c), append(args, a...)
	}
	if f.In != nil {
		if f.In.None() {
			return nil, 0, nil
		}
		c, a := db.ScopeCond(d, "org_path", *f.In)
		where, args = append(where, c), append(args, a...)
	}
	if f.Action != "" {
		where, args = append(where, "action LIKE ? ESCAPE '\\'"), append(args, db.LikeEscape(f.Action)+"%")
	}
	if f.Target != "" {
		where, args = append(where, "target = ?"), append(args, f.Target)
	}
	c, a := db.ScopeCond(d, "org_path", f.Scope)
	where, args = append(where, c), append(args, a...)
	q := `SELECT ` + columns + `, COUNT(*) OVER() FROM audit_log`
	if len(where) > 0 {
		q += " WHERE " + strings.Join(where, " AND ")
	}
	if f.Sort == "at" {
		q += " ORDER BY seq"
	} else {
		q += " ORDER BY seq DESC"
	}
	if f.Limit <= 0 || f.Limit > 10000 {
		f.Limit = 50
	}
	q += " LIMIT ? OFFSET ?"
	args = append(args, f.Limit, f.Offset)
	rows, err := d.Query(ctx, q, args...)
	if err != nil {
		return nil, 0, fmt.Errorf("audit: list: %w", err)
	}
	defer rows.Close()
	var out []Record
	total := 0
	for rows.Next() {
		r, err := scan(rows, &total)
		if err != nil {
			return nil, 0, err
		}
		out = append(out, r)
	}
	if err := rows.Err(); err != nil {
		return nil, 0, fmt.Errorf("audit: list: %w", err)
	}
	if len(out) == 0 && f.Offset > 0 {
		// Past the last page: count without rows.
		cq := strings.Replace(strings.SplitN(q, " ORDER BY", 2)[0], `SELECT `+columns+`, COUNT(*) OVER()`, "SELECT COUNT(*)", 1)
		if err := d.QueryRow(ctx, cq, args[:len(args)-2]...).Scan(&total); err != nil && err != sql.ErrNoRows {
			return nil, 0, fmt.Errorf("audit: count: %w", err)
		}
	}
	return out, total, nil
}
