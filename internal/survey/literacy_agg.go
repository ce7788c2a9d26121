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
// response in the literacy aggregates, in the response's transaction.
func addLiteracy(ctx context.Context, tx *db.Tx, v Survey, orgID int64, year int, d Definition, a Answers, literate bool, sign int) error {
	role := func(r string) string {
		if q, ok := d.ByRole(r); ok && len(a[q.ID]) > 0 {
			return a[q.ID][0]
		}
		return ""
	}
	lit := 0
	if literate {
		lit = sign
	}
	_, err := tx.Exec(ctx, `INSERT INTO survey_literacy (survey_id, org_id, year, gender, age, edu, urban, n, literate) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (survey_id, org_id, year, gender, age, edu, urban) DO UPDATE SET n = survey_literacy.n + excluded.n,
		literate = survey_literacy.literate + excluded.literate`,
		v.ID, orgID, year, role("gender"), role("age"), role("edu"), role("urban"), sign, lit)
	if err != nil {
		return fmt.Errorf("survey: literacy aggregate: %w", err)
	}
	return nil
}

// LiteracyCell is one row of the aggregates, summed over surveys: an org
// (by path), a year and a demographic cell.
type LiteracyCell struct {
	Path                    string
	Year                    int
	Gender, Age, Edu, Urban string
	N, Literate             int64
}

// literacyCells reads the aggregates of orgs within scope (and under
// within, when not ""), for years from..to (0: any).
func (s *Store) literacyCells(ctx context.Context, scope access.Scope, within string, from, to int) ([]LiteracyCell, error) {
	if scope.None() {
		return nil, nil
	}
	cond, args := db.ScopeCond(s.db, "o.path", scope)
	where := []string{cond}
	if within != "" {
		c, a := db.PrefixMatch(s.db, "o.path", within)
		where = append(where, c)
		args = append(args, a)
	}
	if from > 0 {
		where = append(where, "l.year >= ?")
		args = append(args, from)
	}
	if to > 0 {
		where = append(where, "l.year <= ?")
		args = append(args, to)
	}
	rows, err := s.db.Query(ctx, `SELECT o.path, l.year, l.gender, l.age, l.edu, l.urban, SUM(l.n), SUM(l.literate)
		FROM survey_literacy l JOIN orgs o ON o.id = l.org_id WHERE `+strings.Join(where, " AND ")+`
		GROUP BY o.path, l.year, l.gender, l.age, l.edu, l.urban`, args...)
	if err != nil {
		return nil, fmt.Errorf("survey: literacy: %w", err)
	}
	defer rows.Close()
	var out []LiteracyCell
	for rows.Next() {
		var c LiteracyCell
		if err := rows.Scan(&c.Path, &c.Year, &c.Gender, &c.Age, &c.Edu, &c.Urban, &c.N, &c.Literate); err != nil {
			return nil, fmt.Errorf("survey: literacy: %w", err)
		}
		out = append(out, c)
	}
	return out, rows.Err()
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
}

// Monitor computes the dashboard from the aggregates for the subtree at
// root (which must be within scope) and its child regions.
func (s *Store) Monitor(ctx context.Context, scope access.Scope, root Region) (Monitor, error) {
	m := Monitor{Overall: map[int]Rate{}, Breakdown: map[string]map[string]Rate{}}
	if scope.None() || !scope.Contains(root.Path) {
		return m, nil
	}
	cells, err := s.literacyCells(ctx, scope, root.Path, 0, 0)
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
	add := func(m map[int]*acc, y int, c LiteracyCell) {
		a := m[y]
		if a == nil {
			a = &acc{}
			m[y] = a
		}
		a.n += c.N
		a.k += c.Literate
	}
	for _, c := range cells {
		add(overall, c.Year, c)
		for i, k := range kids {
			if strings.HasPrefix(c.Path, k.Path) {
				add(byRegion[i], c.Year, c)
				break
			}
		}
		if c.Year > m.Latest {
			m.Latest = c.Year
		}
	}
	for y, a := range overall {
		m.Years = append(m.Years, y)
		m.Overall[y] = rateOfCounts(a.n, a.k)
	}
	sort.Ints(m.Years)
	for i, k := range kids {
		rr := RegionRates{Region: k, ByYear: map[int]Rate{}}
		for y, a := range byRegion[i] {
			rr.ByYear[y] = rateOfCounts(a.n, a.k)
		}
		m.Regions = append(m.Regions, rr)
	}
	dims := map[string]map[string]*acc{}
	for _, c := range cells {
		if c.Year != m.Latest {
			continue
		}
		for role, cat := range map[string]string{"gender": c.Gender, "age": c.Age, "edu": c.Edu, "urban": c.Urban} {
			if dims[role] == nil {
				dims[role] = map[string]*acc{}
			}
			a := dims[role][cat]
			if a == nil {
				a = &acc{}
				dims[role][cat] = a
			}
			a.n += c.N
			a.k += c.Literate
		}
	}
	for role, cats := range dims {
		m.Breakdown[role] = map[string]Rate{}
		for cat, a := range cats {
			m.Breakdown[role][cat] = rateOfCounts(a.n, a.k)
		}
	}
	return m, nil
}

func (s *Store) children(ctx context.Context, parentID int64) ([]Region, error) {
	rows, err := s.db.Query(ctx, `SELECT id, name, path FROM orgs WHERE parent_id = ? ORDER BY path`, parentID)
	if err != nil {
		return nil, fmt.Errorf("survey: regions: %w", err)
	}
	defer rows.Close()
	var out []Region
	for rows.Next() {
		var r Region
		if err := rows.Scan(&r.ID, &r.Name, &r.Path); err != nil {
			return nil, fmt.Errorf("survey: regions: %w", err)
		}
		out = append(out, r)
	}
	return out, rows.Err()
}
