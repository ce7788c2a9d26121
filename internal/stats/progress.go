package stats

import (
	"context"
	"fmt"
	"strings"
	"time"

	"kexie/internal/access"
	"kexie/internal/db"
	"kexie/internal/org"
)

// Filter selects the orgs that file, with their form of Year: always
// within Scope.
type Filter struct {
	Scope       access.Scope
	Year        int
	OrgPath     string // "" for the whole scope; else this org's subtree (inside Scope)
	Status      Status // "" for every status
	NotApproved bool   // only forms not approved yet (the summary's missing)
	Kind        Applies
	Q           string // words of the org's name or code
	Sort        string // "name", "status", "filed"; a leading "-" for descending
	Limit       int
	Offset      int
}

// Row is an org that files, with where its form of the year is.
type Row struct {
	OrgID      int64
	OrgName    string
	OrgCode    string
	OrgType    org.Type
	OrgPath    string
	FormID     int64
	Status     Status
	FiledAt    time.Time
	ReviewedAt time.Time
	UpdatedAt  time.Time
	Reason     string
}

var sorts = map[string]string{"name": "o.name_key", "status": "COALESCE(f.status, 'none')", "filed": "COALESCE(f.filed_at, 0)"}

// where builds the filter's conditions on orgs o LEFT JOIN stats_forms f;
// ok is false when nothing can match.
func (s *Store) where(f Filter) (string, []any, bool) {
	if f.Scope.None() || f.OrgPath != "" && !f.Scope.Contains(f.OrgPath) {
		return "", nil, false
	}
	cond, args := db.ScopeCond(s.db, "o.path", f.Scope)
	where := []string{"o.disabled_at = 0", "o.type IN " + filingTypes, cond}
	if f.OrgPath != "" {
		c, p := db.PrefixMatch(s.db, "o.path", f.OrgPath)
		where, args = append(where, c), append(args, p)
	}
	switch f.Kind {
	case ForKX:
		where = append(where, "o.type <> 'society'")
	case ForSociety:
		where = append(where, "o.type = 'society'")
	}
	switch f.Status {
	case "":
	case None:
		// An anti-join answered by the unique (org_id, year) index alone:
		// "f.id IS NULL" on the LEFT JOIN read every matched form's row
		// (182 ms at 100,000 orgs on SQLite, D249 / stats-decisions S2).
		where, args = append(where, "NOT EXISTS (SELECT 1 FROM stats_forms x WHERE x.org_id = o.id AND x.year = ?)"), append(args, f.Year)
	default:
		where, args = append(where, "f.status = ?"), append(args, string(f.Status))
	}
	if f.NotApproved {
		where = append(where, "(f.id IS NULL OR f.status <> 'approved')")
	}
	if q := strings.TrimSpace(f.Q); q != "" {
		like := "%" + db.LikeEscape(q) + "%"
		where, args = append(where, `(o.name LIKE ? ESCAPE '\' OR o.code LIKE ? ESCAPE '\')`), append(args, like, like)
	}
	return strings.Join(where, " AND "), args, true
}

const progressFrom = ` FROM orgs o LEFT JOIN stats_forms f ON f.org_id = o.id AND f.year = ? WHERE `

// List lists one page of the orgs in the filter with their forms, and how
// many match.
func (s *Store) List(ctx context.Context, f Filter) ([]Row, int, error) {
	where, args, ok := s.where(f)
	if !ok {
		return nil, 0, nil
	}
	args = append([]any{f.Year}, args...)
	if f.Status == None {
		return s.listNone(ctx, f, where, args)
	}
	out, total, err := db.Page(ctx, s.db, db.PageQuery{Count: `SELECT COUNT(*)` + progressFrom + where,
		Select: `SELECT ` + rowCols + progressFrom + where + ` ORDER BY ` + db.Order(f.Sort, sorts, "o.path") + `, o.path LIMIT ? OFFSET ?`,
		Args:   args, Limit: f.Limit, Offset: f.Offset}, scanRow)
	if err != nil {
		return nil, 0, fmt.Errorf("stats: progress: %w", err)
	}
	return out, total, nil
}

const rowCols = `o.id, o.name, o.code, o.type, o.path, COALESCE(f.id, 0), COALESCE(f.status, 'none'), COALESCE(f.filed_at, 0),
	COALESCE(f.reviewed_at, 0), COALESCE(f.updated_at, 0), COALESCE(f.reason, '')`

func scanRow(row db.Scanner) (Row, error) {
	var r Row
	var filed, reviewed, updated int64
	err := row.Scan(&r.OrgID, &r.OrgName, &r.OrgCode, &r.OrgType, &r.OrgPath, &r.FormID, &r.Status, &filed, &reviewed, &updated, &r.Reason)
	r.FiledAt, r.ReviewedAt, r.UpdatedAt = tm(filed), tm(reviewed), tm(updated)
	return r, err
}

// listNone is List for the orgs with no form of the year: the page and
// the count in one query (COUNT(*) OVER ()), since finding them means
// reading every org of the subtree once either way — the count and the
// page apart read them twice (D249, stats-decisions S2). A page past the
// end counts apart.
func (s *Store) listNone(ctx context.Context, f Filter, where string, args []any) ([]Row, int, error) {
	limit, offset := f.Limit, max(f.Offset, 0)
	if limit <= 0 || limit > db.MaxPage {
		limit = db.DefaultPage
	}
	rows, err := s.db.Query(ctx, `SELECT `+rowCols+`, COUNT(*) OVER ()`+progressFrom+where+` ORDER BY `+db.Order(f.Sort, sorts, "o.path")+
		`, o.path LIMIT ? OFFSET ?`, append(args, limit, offset)...)
	if err != nil {
		return nil, 0, fmt.Errorf("stats: progress: %w", err)
	}
	defer rows.Close()
	var out []Row
	total := 0
	for rows.Next() {
		var r Row
		var filed, reviewed, updated int64
		if err := rows.Scan(&r.OrgID, &r.OrgName, &r.OrgCode, &r.OrgType, &r.OrgPath, &r.FormID, &r.Status, &filed, &reviewed, &updated, &r.Reason, &total); err != nil {
			return nil, 0, fmt.Errorf("stats: progress: %w", err)
		}
		r.FiledAt, r.ReviewedAt, r.UpdatedAt = tm(filed), tm(reviewed), tm(updated)
		out = append(out, r)
	}
	if err := rows.Err(); err != nil {
		return nil, 0, fmt.Errorf("stats: progress: %w", err)
	}
	if len(out) == 0 && offset > 0 {
		if err := s.db.QueryRow(ctx, `SELECT COUNT(*)`+progressFrom+where, args...).Scan(&total); err != nil {
			return nil, 0, fmt.Errorf("stats: progress: %w", err)
		}
	}
	return out, total, nil
}

// Shares counts the orgs of the filter by the status of their form (the
// filter's own status is ignored).
func (s *Store) Shares(ctx context.Context, f Filter) (map[Status]int, error) {
	f.Status, f.NotApproved = "", false
	out := map[Status]int{}
	where, args, ok := s.where(f)
	if !ok {
		return out, nil
	}
	rows, err := s.db.Query(ctx, `SELECT COALESCE(f.status, 'none'), COUNT(*)`+progressFrom+where+` GROUP BY COALESCE(f.status, 'none')`,
		append([]any{f.Year}, args...)...)
	if err != nil {
		return nil, fmt.Errorf("stats: shares: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var st Status
		var n int
		if err := rows.Scan(&st, &n); err != nil {
			return nil, fmt.Errorf("stats: shares: %w", err)
		}
		out[st] = n
	}
	return out, rows.Err()
}

// ToReview counts the submitted forms of year whose org sits right under
// an org of scope (the scope of stats.review), leaving out those by
// submitted or saved and those of orgs by is on the staff of (Actor.Staff;
// they may not approve them): the home page's 待办.
func (s *Store) ToReview(ctx context.Context, scope access.Scope, by Actor) (int, error) {
	if scope.None() {
		return 0, nil
	}
	c, a := db.ScopeCond(s.db, "po.path", scope)
	args := append([]any{by.UserID, by.UserID}, a...)
	for _, p := range by.Staff { // the form's org at or above one of their own orgs
		c += " AND NOT (? LIKE o.path || '%')"
		args = append(args, p)
	}
	var n int
	err := s.db.QueryRow(ctx, `SELECT COUNT(*) FROM stats_forms f JOIN orgs o ON o.id = f.org_id JOIN orgs po ON po.id = o.parent_id
		WHERE f.status = 'submitted' AND f.filed_by <> ? AND NOT EXISTS (SELECT 1 FROM stats_events e WHERE e.form_id = f.id
		AND e.actor_user = ? AND e.action IN ('save', 'submit')) AND `+c, args...).Scan(&n)
	if err != nil {
		return 0, fmt.Errorf("stats: to review: %w", err)
	}
	return n, nil
}

// Due is an org's form not yet submitted close to its deadline.
type Due struct {
	OrgID    int64
	OrgName  string
	Year     int
	Deadline time.Time // the first instant past it
	Status   Status
}

// DueForms lists the forms of the current year (CurrentYear) of the orgs at the roots of scope
// (the orgs the user's stats.fill grants name) that file and have not
// submitted within RemindDays of their deadline.
func (s *Store) DueForms(ctx context.Context, scope access.Scope) ([]Due, error) {
	if scope.None() || scope.All() {
		return nil, nil // a system administrator files no form of their own
	}
	now := s.db.Now()
	year := s.CurrentYear()
	paths := scope.Paths()
	rows, err := s.db.Query(ctx, `SELECT o.id, o.name, o.path, COALESCE(f.status, 'none') FROM orgs o LEFT JOIN stats_forms f ON f.org_id = o.id AND f.year = ?
		WHERE o.disabled_at = 0 AND o.type IN `+filingTypes+` AND o.path IN (?`+strings.Repeat(", ?", len(paths)-1)+`) ORDER BY o.path`,
		append([]any{year}, anyOf(paths)...)...)
	if err != nil {
		return nil, fmt.Errorf("stats: due: %w", err)
	}
	type cand struct {
		d    Due
		path string
	}
	var cands []cand
	for rows.Next() {
		var c cand
		if err := rows.Scan(&c.d.OrgID, &c.d.OrgName, &c.path, &c.d.Status); err != nil {
			rows.Close()
			return nil, fmt.Errorf("stats: due: %w", err)
		}
		c.d.Year = year
		cands = append(cands, c)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	var out []Due
	for _, c := range cands {
		if !c.d.Status.Editable() || c.d.Status == Returned {
			continue // a returned form is listed by Returns, with its reason
		}
		dl, err := s.Deadline(ctx, c.path, year)
		if err != nil {
			return nil, err
		}
		if !now.Before(dl.AddDate(0, 0, -s.cfg.RemindDays)) {
			c.d.Deadline = dl
			out = append(out, c.d)
		}
	}
	return out, nil
}

// Return is a form sent back to its org: the reason, and when.
type Return struct {
	OrgID   int64
	OrgName string
	Year    int
	Reason  string
	At      time.Time
}

// Returns lists the returned forms (of any year: a correction may reopen
// an old one) of the orgs at the roots of scope (the orgs the user's
// stats.fill grants name), newest first: the filing staff's 待办, with the
// reason, until they submit again.
func (s *Store) Returns(ctx context.Context, scope access.Scope) ([]Return, error) {
	if scope.None() || scope.All() {
		return nil, nil // a system administrator files no form of their own
	}
	paths := scope.Paths()
	rows, err := s.db.Query(ctx, `SELECT o.id, o.name, f.year, f.reason, f.reviewed_at FROM stats_forms f JOIN orgs o ON o.id = f.org_id
		WHERE f.status = 'returned' AND o.disabled_at = 0 AND o.path IN (?`+strings.Repeat(", ?", len(paths)-1)+`) ORDER BY f.reviewed_at DESC, f.id`,
		anyOf(paths)...)
	if err != nil {
		return nil, fmt.Errorf("stats: returns: %w", err)
	}
	defer rows.Close()
	var out []Return
	for rows.Next() {
		var r Return
		var at int64
		if err := rows.Scan(&r.OrgID, &r.OrgName, &r.Year, &r.Reason, &at); err != nil {
			return nil, fmt.Errorf("stats: returns: %w", err)
		}
		r.At = tm(at)
		out = append(out, r)
	}
	return out, rows.Err()
}

// Own lists the orgs at the roots of scope (the orgs the user's
// stats.fill grants name) that file, with their form of year: the filer's
// start page. A system administrator's scope names none.
func (s *Store) Own(ctx context.Context, scope access.Scope, year int) ([]Row, error) {
	if scope.None() || scope.All() {
		return nil, nil
	}
	paths := scope.Paths()
	rows, err := s.db.Query(ctx, `SELECT o.id, o.name, o.code, o.type, o.path, COALESCE(f.id, 0), COALESCE(f.status, 'none'), COALESCE(f.filed_at, 0),
		COALESCE(f.reviewed_at, 0), COALESCE(f.updated_at, 0), COALESCE(f.reason, '')`+progressFrom+`o.disabled_at = 0 AND o.type IN `+filingTypes+
		` AND o.path IN (?`+strings.Repeat(", ?", len(paths)-1)+`) ORDER BY o.path`, append([]any{year}, anyOf(paths)...)...)
	if err != nil {
		return nil, fmt.Errorf("stats: own: %w", err)
	}
	defer rows.Close()
	var out []Row
	for rows.Next() {
		var r Row
		var filed, reviewed, updated int64
		if err := rows.Scan(&r.OrgID, &r.OrgName, &r.OrgCode, &r.OrgType, &r.OrgPath, &r.FormID, &r.Status, &filed, &reviewed, &updated, &r.Reason); err != nil {
			return nil, fmt.Errorf("stats: own: %w", err)
		}
		r.FiledAt, r.ReviewedAt, r.UpdatedAt = tm(filed), tm(reviewed), tm(updated)
		out = append(out, r)
	}
	return out, rows.Err()
}
