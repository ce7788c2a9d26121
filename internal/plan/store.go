package plan

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"strings"
	"time"

	"kexie/internal/access"
	"kexie/internal/db"
	"kexie/internal/measure"
	"kexie/internal/org"
)

//go:embed migrations/*.sql
var migrationFS embed.FS

// Migrations returns the plan tables' migrations (after org's).
func Migrations() db.Migrations {
	sub, _ := fs.Sub(migrationFS, "migrations")
	return db.Migrations{Module: "plan", FS: sub}
}

// Plan is a stored plan with what was read from its document.
type Plan struct {
	ID         int64
	OrgID      int64
	OrgName    string
	OrgPath    string
	Title      string
	Issuer     string
	StartYear  int
	EndYear    int
	Status     string
	SourceName string
	CreatedAt  time.Time
	Sections   []StoredSection
	Indicators []StoredIndicator
	Units      []StoredUnit
	Counts     [3]int // sections, indicators, units (lists)
}

// StoredSection is a section in document order.
type StoredSection struct {
	Path, Number, Title string
	Level               int
}

// StoredIndicator is an indicator as saved.
type StoredIndicator struct {
	ID          int64
	SectionPath string
	Indicator
	OrgID   int64    // the responsible unit, 0 until assigned
	OrgName string   // its name
	Latest  *Reading // the latest accepted progress, if any
	Bound   *Binding // the live source computing it, if bound (then Latest is computed)
	Assessment
}

// StoredUnit is a lead or cooperating unit of a section.
type StoredUnit struct {
	SectionPath, Role, Name string
	OrgID                   int64 // the org it was linked to, 0 until then
	OrgName                 string
}

// OrgCreator adds orgs inside a transaction (org.Store does).
type OrgCreator interface {
	CreateTx(ctx context.Context, tx *db.Tx, in org.Input) (org.Org, error)
}

// Store reads and writes plans.
type Store struct {
	db   *db.DB
	orgs OrgCreator
	now  func() time.Time
	// sources are the live sources targets may be bound to (SetSources).
	sources *measure.Registry
}

// NewStore returns a plan store; orgs creates the departments a plan names
// when staff confirm them.
func NewStore(d *db.DB, orgs OrgCreator) *Store {
	return &Store{db: d, orgs: orgs, now: time.Now}
}

// SetClock replaces the store's clock (tests, demo data).
func (s *Store) SetClock(now func() time.Time) { s.now = now }

func nullFloat(f *float64) any {
	if f == nil {
		return nil
	}
	return *f
}

func intOr0(p *int) int {
	if p == nil {
		return 0
	}
	return *p
}

// PlanFilter selects plans for the list page.
type PlanFilter struct {
	Scope         access.Scope // the orgs whose plans are listed; the zero Scope none
	Q             string       // part of the title or the org's name
	Status        string
	Sort          string // title, start, created (default: newest first); "-" for descending
	Limit, Offset int
}

// List returns the plans of orgs inside the filter's scope and the total.
func (s *Store) List(ctx context.Context, f PlanFilter) ([]Plan, int, error) {
	if f.Scope.None() {
		return nil, 0, nil
	}
	c, args := db.ScopeCond(s.db, "o.path", f.Scope)
	where := []string{c}
	if q := strings.TrimSpace(f.Q); q != "" {
		where = append(where, `(p.title LIKE ? ESCAPE '\' OR o.name LIKE ? ESCAPE '\')`)
		like := "%" + db.LikeEscape(q) + "%"
		args = append(args, like, like)
	}
	if f.Status != "" {
		where, args = append(where, "p.status = ?"), append(args, f.Status)
	}
	cond := ""
	if len(where) > 0 {
		cond = " WHERE " + strings.Join(where, " AND ")
	}
	var total int
	if err := s.db.QueryRow(ctx, `SELECT COUNT(*) FROM plans p JOIN orgs o ON o.id = p.org_id`+cond, args...).Scan(&total); err != nil {
		return nil, 0, fmt.Errorf("plan: count: %w", err)
	}
	order := "p.created_at DESC"
	col, desc := strings.TrimPrefix(f.Sort, "-"), strings.HasPrefix(f.Sort, "-")
	if c, ok := map[string]string{"title": "pinyin(p.title)", "start": "p.start_year", "created": "p.created_at", "org": "o.path"}[col]; ok {
		order = c
		if desc {
			order += " DESC"
		}
		order += ", p.id"
	}
	if f.Limit <= 0 {
		f.Limit = 50
	}
	q := `SELECT p.id, p.org_id, o.name, o.path, p.title, p.issuer, p.start_year, p.end_year, p.status, p.source_name, p.created_at,
		(SELECT COUNT(*) FROM plan_sections x WHERE x.plan_id = p.id), (SELECT COUNT(*) FROM plan_indicators x WHERE x.plan_id = p.id),
		(SELECT COUNT(*) FROM plan_units x WHERE x.plan_id = p.id) FROM plans p JOIN orgs o ON o.id = p.org_id` + cond +
		" ORDER BY " + order + " LIMIT ? OFFSET ?"
	rows, err := s.db.Query(ctx, q, append(args, f.Limit, f.Offset)...)
	if err != nil {
		return nil, 0, fmt.Errorf("plan: list: %w", err)
	}
	defer rows.Close()
	var out []Plan
	for rows.Next() {
		var p Plan
		var at int64
		if err := rows.Scan(&p.ID, &p.OrgID, &p.OrgName, &p.OrgPath, &p.Title, &p.Issuer, &p.StartYear, &p.EndYear, &p.Status,
			&p.SourceName, &at, &p.Counts[0], &p.Counts[1], &p.Counts[2]); err != nil {
			return nil, 0, err
		}
		p.CreatedAt = db.Time(at)
		out = append(out, p)
	}
	return out, total, rows.Err()
}

// Get returns a plan with its sections, indicators and units.
func (s *Store) Get(ctx context.Context, id int64) (Plan, error) {
	var p Plan
	var at int64
	err := s.db.QueryRow(ctx, `SELECT p.id, p.org_id, o.name, o.path, p.title, p.issuer, p.start_year, p.end_year, p.status, p.source_name,
		p.created_at FROM plans p JOIN orgs o ON o.id = p.org_id WHERE p.id = ?`, id).Scan(&p.ID, &p.OrgID, &p.OrgName, &p.OrgPath,
		&p.Title, &p.Issuer, &p.StartYear, &p.EndYear, &p.Status, &p.SourceName, &at)
	if errors.Is(err, sql.ErrNoRows) {
		return p, fmt.Errorf("plan %d: %w", id, db.ErrNotFound)
	}
	if err != nil {
		return p, fmt.Errorf("plan: get: %w", err)
	}
	p.CreatedAt = db.Time(at)
	rows, err := s.db.Query(ctx, `SELECT path, number, title, level FROM plan_sections WHERE plan_id = ? ORDER BY ord`, id)
	if err != nil {
		return p, err
	}
	for rows.Next() {
		var x StoredSection
		if err := rows.Scan(&x.Path, &x.Number, &x.Title, &x.Level); err != nil {
			rows.Close()
			return p, err
		}
		p.Sections = append(p.Sections, x)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return p, err
	}
	rows, err = s.db.Query(ctx, `SELECT i.id, i.section_path, i.text, i.metric, i.comparator, i.value, i.low, i.high, i.unit, i.per,
		i.deadline_year, i.baseline_value, i.baseline_year, COALESCE(i.org_id, 0), COALESCE(o.name, ''), i.latest_value, i.latest_year,
		i.latest_quarter FROM plan_indicators i LEFT JOIN orgs o ON o.id = i.org_id WHERE i.plan_id = ? ORDER BY i.ord`, id)
	if err != nil {
		return p, err
	}
	for rows.Next() {
		var x StoredIndicator
		if err := scanIndicator(rows, &x); err != nil {
			rows.Close()
			return p, err
		}
		x.Assessment = x.Indicator.Assess(x.Latest, p.StartYear, p.EndYear, s.now())
		p.Indicators = append(p.Indicators, x)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return p, err
	}
	if err := s.measureBound(ctx, planTargets(p.StartYear, p.EndYear, p.Indicators)); err != nil {
		return p, err
	}
	rows, err = s.db.Query(ctx, `SELECT u.section_path, u.role, u.name, COALESCE(u.org_id, 0), COALESCE(o.name, '') FROM plan_units u
		LEFT JOIN orgs o ON o.id = u.org_id WHERE u.plan_id = ? ORDER BY u.ord`, id)
	if err != nil {
		return p, err
	}
	defer rows.Close()
	for rows.Next() {
		var x StoredUnit
		if err := rows.Scan(&x.SectionPath, &x.Role, &x.Name, &x.OrgID, &x.OrgName); err != nil {
			return p, err
		}
		p.Units = append(p.Units, x)
	}
	return p, rows.Err()
}

// Source returns a plan's original document.
func (s *Store) Source(ctx context.Context, planID int64) (name string, data []byte, text string, err error) {
	err = s.db.QueryRow(ctx, `SELECT source_name, source_data, source_text FROM plans WHERE id = ?`, planID).Scan(&name, &data, &text)
	if errors.Is(err, sql.ErrNoRows) {
		err = fmt.Errorf("plan %d: %w", planID, db.ErrNotFound)
	}
	return name, data, text, err
}

// Filed returns the indicators of a plan with an entry (not returned) for
// the current quarter or the whole current year.
func (s *Store) Filed(ctx context.Context, planID int64) (map[int64]bool, error) {
	now := s.now()
	rows, err := s.db.Query(ctx, `SELECT DISTINCT indicator_id FROM plan_progress WHERE plan_id = ? AND year = ? AND (quarter = ? OR quarter = 0)
		AND state IN ('submitted', 'accepted')`, planID, now.Year(), int(now.Month()-1)/3+1)
	if err != nil {
		return nil, fmt.Errorf("plan: filed: %w", err)
	}
	defer rows.Close()
	out := map[int64]bool{}
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		out[id] = true
	}
	return out, rows.Err()
}

// Now is the store's clock.
func (s *Store) Now() time.Time { return s.now() }
