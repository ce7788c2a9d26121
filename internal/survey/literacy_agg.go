package survey

import (
	"context"
	"database/sql"
	"fmt"
	"sort"
	"strings"
	"time"

	"kexie/internal/access"
	"kexie/internal/db"
	"kexie/internal/org"
	"kexie/internal/sheet"
)

var errNoRows = sql.ErrNoRows

// literacyYear is the year a literacy response counts for: the survey's
// year, else the year it was submitted (Beijing time).
func literacyYear(v Survey, submitted time.Time) int {
	if v.Year != 0 {
		return v.Year
	}
	return submitted.In(sheet.Zone).Year()
}

// addLiteracy adds (sign 1) or takes away (sign −1, an exclusion) one
// response in the literacy aggregates, in the response's transaction: the
// total and one row per demographic role, in one statement.
func addLiteracy(ctx context.Context, tx *db.Tx, v Survey, orgID int64, year int, d Definition, a Answers, literate bool, sign int) error {
	lit := 0
	if literate {
		lit = sign
	}
	var b strings.Builder
	b.WriteString(`INSERT INTO survey_literacy (survey_id, org_id, year, role, category, n, literate) VALUES (?, ?, ?, '', '', ?, ?)`)
	args := []any{v.ID, orgID, year, sign, lit}
	for _, role := range Roles {
		cat := ""
		if q, ok := d.ByRole(role); ok && len(a[q.ID]) > 0 {
			cat = a[q.ID][0]
		}
		b.WriteString(`, (?, ?, ?, ?, ?, ?, ?)`)
		args = append(args, v.ID, orgID, year, role, cat, sign, lit)
	}
	b.WriteString(` ON CONFLICT (survey_id, org_id, year, role, category) DO UPDATE SET n = survey_literacy.n + excluded.n,
		literate = survey_literacy.literate + excluded.literate`)
	if _, err := tx.Exec(ctx, b.String(), args...); err != nil {
		return fmt.Errorf("survey: literacy aggregate: %w", err)
	}
	return nil
}

// Region is a child org of the dashboard's org.
type Region struct {
	ID   int64
	Name string
	Path string
}

// RegionRates is one region's rate per year.
type RegionRates struct {
	Region
	ByYear map[int]Rate
}

// Monitor is the literacy dashboard of an org's subtree: the rate per year
// overall and for each child region, and for the latest year the rate by
// gender, age band, education and urban/rural.
type Monitor struct {
	Years     []int
	Overall   map[int]Rate
	Regions   []RegionRates
	Latest    int
	Breakdown map[string]map[string]Rate // role → category → rate, latest year
	// Targets are the plan targets on the root's (overall) and each
	// region's rate, by org ID, rated against its latest rate.
	Targets map[int64][]TargetStatus
}

// Monitor computes the dashboard from the aggregates for the subtree at
// root (which must be within scope) and its child regions: one grouped
// query for the orgs and years, one per demographic role for the latest
// year — the database sums the aggregate rows, a few hundred come back.
func (s *Store) Monitor(ctx context.Context, scope access.Scope, root Region) (Monitor, error) {
	m := Monitor{Overall: map[int]Rate{}, Breakdown: map[string]map[string]Rate{}}
	if scope.None() || !scope.Contains(root.Path) {
		return m, nil
	}
	sums, err := s.literacySums(ctx, scope, root.Path, "o.path, l.year", "", 0, 0)
	if err != nil {
		return m, err
	}
	kids, err := s.children(ctx, root.ID)
	if err != nil {
		return m, err
	}
	type acc struct{ n, k int64 }
	overall := map[int]*acc{}
	byRegion := make([]map[int]*acc, len(kids))
	for i := range byRegion {
		byRegion[i] = map[int]*acc{}
	}
	add := func(m map[int]*acc, c literacySum) {
		a := m[c.year]
		if a == nil {
			a = &acc{}
			m[c.year] = a
		}
		a.n += c.n
		a.k += c.literate
	}
	for _, c := range sums {
		add(overall, c)
		for i, k := range kids {
			if strings.HasPrefix(c.key, k.Path) {
				add(byRegion[i], c)
				break
			}
		}
		if c.year > m.Latest {
			m.Latest = c.year
		}
	}
	for y, a := range overall {
		m.Years = append(m.Years, y)
		m.Overall[y] = rateOfCounts(a.n, a.k)
	}
	sort.Ints(m.Years)
	for i, k := range kids {
		// A child that is no region (a 学会, a department) or is disabled
		// is listed only when it has answers of its own.
		if len(byRegion[i]) == 0 && !k.regional {
			continue
		}
		rr := RegionRates{Region: k.Region, ByYear: map[int]Rate{}}
		for y, a := range byRegion[i] {
			rr.ByYear[y] = rateOfCounts(a.n, a.k)
		}
		m.Regions = append(m.Regions, rr)
	}
	if err := s.monitorTargets(ctx, scope, root, &m); err != nil {
		return m, err
	}
	if m.Latest == 0 {
		return m, nil
	}
	// Every role's categories in one query (role "*" selects them all).
	cats, err := s.literacySums(ctx, scope, root.Path, "l.role || '|' || l.category, l.year", "*", m.Latest, m.Latest)
	if err != nil {
		return m, err
	}
	for _, role := range Roles {
		m.Breakdown[role] = map[string]Rate{}
	}
	for _, c := range cats {
		role, cat, _ := strings.Cut(c.key, "|")
		if by, ok := m.Breakdown[role]; ok && cat != "" {
			by[cat] = rateOfCounts(c.n, c.literate)
		}
	}
	return m, nil
}

// literacySum is aggregates summed by a key (an org path or a category)
// and a year.
type literacySum struct {
	key         string
	year        int
	n, literate int64
}

// literacySums sums the aggregates within scope (and under within, when
// not ""), of the totals (role ""), of one role's categories or of every
// role's (role "*"), for years
// from..to (0: any), grouped by group, which names the key and the year
// ("o.path, l.year", "l.category, l.year", "l.role, l.year").
func (s *Store) literacySums(ctx context.Context, scope access.Scope, within, group, role string, from, to int) ([]literacySum, error) {
	if scope.None() {
		return nil, nil
	}
	cond, args := db.ScopeCond(s.db, "o.path", scope)
	where := cond
	if role == "*" {
		where += " AND l.role <> ''"
	} else {
		where += " AND l.role = ?"
		args = append(args, role)
	}
	if within != "" {
		c, a := db.PrefixMatch(s.db, "o.path", within)
		where += " AND " + c
		args = append(args, a)
	}
	if from > 0 {
		where += " AND l.year >= ?"
		args = append(args, from)
	}
	if to > 0 {
		where += " AND l.year <= ?"
		args = append(args, to)
	}
	rows, err := s.db.Query(ctx, `SELECT `+group+`, SUM(l.n), SUM(l.literate) FROM survey_literacy l JOIN orgs o ON o.id = l.org_id
		WHERE `+where+` GROUP BY `+group, args...)
	if err != nil {
		return nil, fmt.Errorf("survey: literacy: %w", err)
	}
	defer rows.Close()
	var out []literacySum
	for rows.Next() {
		var x literacySum
		if err := rows.Scan(&x.key, &x.year, &x.n, &x.literate); err != nil {
			return nil, fmt.Errorf("survey: literacy: %w", err)
		}
		out = append(out, x)
	}
	return out, rows.Err()
}

// child is an org under a region, and whether it is an active region
// itself (an administrative 科协 not disabled).
type child struct {
	Region
	regional bool
}

func (s *Store) children(ctx context.Context, parentID int64) ([]child, error) {
	rows, err := s.db.Query(ctx, `SELECT id, name, path, type, disabled_at FROM orgs WHERE parent_id = ? ORDER BY path`, parentID)
	if err != nil {
		return nil, fmt.Errorf("survey: regions: %w", err)
	}
	defer rows.Close()
	var out []child
	for rows.Next() {
		var c child
		var typ string
		var disabled int64
		if err := rows.Scan(&c.ID, &c.Name, &c.Path, &typ, &disabled); err != nil {
			return nil, fmt.Errorf("survey: regions: %w", err)
		}
		c.regional = org.Type(typ).Regional() && disabled == 0
		out = append(out, c)
	}
	return out, rows.Err()
}
