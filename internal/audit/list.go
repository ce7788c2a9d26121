package audit

import (
	"context"
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
	// The total is a count of its own (D266): a window COUNT(*) OVER()
	// read every matching record whole, summary and hashes, before the
	// first page — the log is the largest table a province keeps.
	from := ` FROM audit_log WHERE ` + strings.Join(where, " AND ")
	order := " ORDER BY seq DESC"
	if f.Sort == "at" {
		order = " ORDER BY seq"
	}
	out, total, err := db.Page(ctx, d, db.PageQuery{
		Count:  `SELECT COUNT(*)` + from,
		Select: `SELECT ` + columns + from + order + ` LIMIT ? OFFSET ?`,
		Args:   args, Limit: f.Limit, Offset: f.Offset,
	}, func(r db.Scanner) (Record, error) { return scan(r) })
	if err != nil {
		return nil, 0, fmt.Errorf("audit: list: %w", err)
	}
	return out, total, nil
}
