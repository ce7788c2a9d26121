package review

import (
	"context"
	"fmt"
	"strings"
	"time"

	"kexie/internal/access"
	"kexie/internal/db"
)

// Filter selects calls for staff: always within Scope.
type Filter struct {
	Scope  access.Scope
	Q      string
	Status string
	Kind   string
	Sort   string // "opens", "closes", "title"; a leading "-" for descending
	Limit  int
	Offset int
}

// CallRow is a call in a list with its application counts.
type CallRow struct {
	Call
	Apps      int
	Submitted int
}

var callSorts = map[string]string{"opens": "c.opens_at", "closes": "c.closes_at", "title": "pinyin(c.title)", "created": "c.created_at"}

// Calls lists one page of the calls of orgs in f.Scope, and the total.
func (s *Store) Calls(ctx context.Context, f Filter) ([]CallRow, int, error) {
	if f.Scope.None() {
		return nil, 0, nil
	}
	cond, args := db.ScopeCond(s.db, "o.path", f.Scope)
	where := []string{cond}
	if q := strings.TrimSpace(f.Q); q != "" {
		where = append(where, "c.title LIKE ? ESCAPE '\\'")
		args = append(args, "%"+db.LikeEscape(q)+"%")
	}
	// Open and closed are as StatusAt shows them: an open call past its
	// closing date is listed as closed.
	now := db.Millis(s.db.Now())
	switch f.Status {
	case "":
	case CallOpen:
		where = append(where, "c.status = ? AND c.closes_at > ?")
		args = append(args, CallOpen, now)
	case CallClosed:
		where = append(where, "(c.status = ? OR (c.status = ? AND c.closes_at <= ?))")
		args = append(args, CallClosed, CallOpen, now)
	default:
		where = append(where, "c.status = ?")
		args = append(args, f.Status)
	}
	if f.Kind != "" {
		where = append(where, "c.kind = ?")
		args = append(args, f.Kind)
	}
	order := db.Order(f.Sort, callSorts, "c.created_at DESC")
	if f.Limit <= 0 || f.Limit > 10000 {
		f.Limit = 50
	}
	rows, err := s.db.Query(ctx, `SELECT `+callCols+`,
		(SELECT COUNT(*) FROM review_applications a WHERE a.call_id = c.id),
		(SELECT COUNT(*) FROM review_applications a WHERE a.call_id = c.id AND a.status <> 'draft'), COUNT(*) OVER()
		FROM review_calls c JOIN orgs o ON o.id = c.org_id WHERE `+strings.Join(where, " AND ")+
		` ORDER BY `+order+`, c.id LIMIT ? OFFSET ?`, append(args, f.Limit, f.Offset)...)
	if err != nil {
		return nil, 0, fmt.Errorf("review: calls: %w", err)
	}
	defer rows.Close()
	var out []CallRow
	total := 0
	for rows.Next() {
		var r CallRow
		if r.Call, err = scanCall(rows, &r.Apps, &r.Submitted, &total); err != nil {
			return nil, 0, fmt.Errorf("review: calls: %w", err)
		}
		r.Status = r.StatusAt(s.db.Now())
		out = append(out, r)
	}
	return out, total, rows.Err()
}

// OpenCalls lists the published calls the public may read: open now, or
// in 公示 or final (for their results), newest first.
func (s *Store) OpenCalls(ctx context.Context, now time.Time, limit int) ([]Call, error) {
	rows, err := s.db.Query(ctx, `SELECT `+callCols+` FROM review_calls c JOIN orgs o ON o.id = c.org_id
		WHERE c.status <> 'draft' AND c.opens_at <= ? ORDER BY CASE WHEN c.status = 'open' AND c.closes_at > ? THEN 0 ELSE 1 END,
		c.closes_at DESC, c.id LIMIT ?`, db.Millis(now), db.Millis(now), limit)
	if err != nil {
		return nil, fmt.Errorf("review: open calls: %w", err)
	}
	defer rows.Close()
	var out []Call
	for rows.Next() {
		c, err := scanCall(rows)
		if err != nil {
			return nil, fmt.Errorf("review: open calls: %w", err)
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

// OpenCallsOf lists the published calls of kind taking applications now
// (any org's: a call is public once published), closing soonest first.
func (s *Store) OpenCallsOf(ctx context.Context, kind string, limit int) ([]Call, error) {
	now := s.db.Now()
	rows, err := s.db.Query(ctx, `SELECT `+callCols+` FROM review_calls c JOIN orgs o ON o.id = c.org_id
		WHERE c.kind = ? AND c.status = ? AND c.opens_at <= ? AND c.closes_at > ? ORDER BY c.closes_at, c.id LIMIT ?`,
		kind, CallOpen, db.Millis(now), db.Millis(now), limit)
	if err != nil {
		return nil, fmt.Errorf("review: open calls of %s: %w", kind, err)
	}
	defer rows.Close()
	var out []Call
	for rows.Next() {
		c, err := scanCall(rows)
		if err != nil {
			return nil, fmt.Errorf("review: open calls of %s: %w", kind, err)
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

func queryApps(ctx context.Context, q db.Q, where string, args ...any) ([]Application, error) {
	rows, err := q.Query(ctx, `SELECT `+appCols+` FROM review_applications a JOIN orgs o ON o.id = a.org_id WHERE `+where, args...)
	if err != nil {
		return nil, fmt.Errorf("review: applications: %w", err)
	}
	defer rows.Close()
	var out []Application
	for rows.Next() {
		a, err := scanApp(rows)
		if err != nil {
			return nil, fmt.Errorf("review: applications: %w", err)
		}
		out = append(out, a)
	}
	return out, rows.Err()
}

// CallApplications lists a call's applications (drafts aside) for its owner.
func (s *Store) CallApplications(ctx context.Context, callID int64, scope access.Scope) ([]Application, error) {
	c, err := getCall(ctx, s.db, callID)
	if err != nil {
		return nil, err
	}
	if !scope.Contains(c.OrgPath) {
		return nil, &NotFoundError{"call", callID}
	}
	return queryApps(ctx, s.db, `a.call_id = ? AND a.status <> 'draft' ORDER BY a.stage_seq DESC, a.submitted_at, a.id`, callID)
}

// MyApplications lists a user's own applications, and the applications of
// the units they act for (units in scope), with their calls.
func (s *Store) MyApplications(ctx context.Context, userID int64, units access.Scope) ([]Application, map[int64]Call, error) {
	if userID == 0 {
		return nil, nil, nil
	}
	cond, args := db.ScopeCond(s.db, "o.path", units)
	apps, err := queryApps(ctx, s.db, `(a.user_id = ? AND a.unit_id = 0) OR (a.unit_id <> 0 AND `+cond+`) ORDER BY a.updated_at DESC, a.id`,
		append([]any{userID}, args...)...)
	if err != nil {
		return nil, nil, err
	}
	calls := map[int64]Call{}
	for _, a := range apps {
		if _, ok := calls[a.CallID]; !ok {
			if calls[a.CallID], err = getCall(ctx, s.db, a.CallID); err != nil {
				return nil, nil, err
			}
		}
	}
	return apps, calls, nil
}
