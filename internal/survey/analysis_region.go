package survey

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"kexie/internal/access"
	"kexie/internal/survey/estimate"
)

// MaxRegionLevel is the deepest grouping the by-region table offers (3:
// the great-grandchildren of the anchor, e.g. province → towns).
const MaxRegionLevel = 3

// RegionCol is a column of the by-region table: the literacy rate, or the
// share choosing one option of a question.
type RegionCol struct {
	Key   string // "literacy" or "<question>=<code>"
	Label string
}

// RegionRow is one region's estimates, a Rate per column.
type RegionRow struct {
	Region
	Rates []Rate
	// Below says the region has orgs under it, so its name drills down
	// (set by the analysis page).
	Below bool
}

// RegionTable is the by-region estimate: each region at a level under an
// anchor org (its subtree being the region's domain) with, per column,
// the weighted share (when the data are weighted) with its Taylor
// standard error and 95% interval — the whole design kept for the
// variance, as R's svyby does — and the same over every row.
type RegionTable struct {
	Anchor Region
	Level  int
	Cols   []RegionCol
	Rows   []RegionRow // regions with respondents, in path order
	Total  RegionRow
}

// regionsAt lists the orgs level generations below anchor within scope, in
// path order: one query per generation.
func (s *Store) regionsAt(ctx context.Context, scope access.Scope, anchor Region, level int) ([]Region, error) {
	gen := []Region{anchor}
	for l := 0; l < level && len(gen) > 0; l++ {
		ids := make([]any, len(gen))
		marks := make([]string, len(gen))
		for i, r := range gen {
			ids[i], marks[i] = r.ID, "?"
		}
		rows, err := s.db.Query(ctx, `SELECT id, name, path FROM orgs WHERE parent_id IN (`+strings.Join(marks, ",")+`) ORDER BY path`, ids...)
		if err != nil {
			return nil, fmt.Errorf("survey: regions: %w", err)
		}
		var next []Region
		for rows.Next() {
			var r Region
			if err := rows.Scan(&r.ID, &r.Name, &r.Path); err != nil {
				rows.Close()
				return nil, fmt.Errorf("survey: regions: %w", err)
			}
			next = append(next, r)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, err
		}
		gen = next
	}
	out := gen[:0]
	for _, r := range gen {
		if scope.Contains(r.Path) {
			out = append(out, r)
		}
	}
	return out, nil
}

// regionCols are the table's columns: the literacy rate of a scored
// instrument, then each option of q (when given).
func regionCols(d Data, q *Question, lang string) []RegionCol {
	var cols []RegionCol
	if d.Def.Scored() {
		cols = append(cols, RegionCol{Key: "literacy"})
	}
	if q != nil {
		for _, c := range categories(*q, lang) {
			cols = append(cols, RegionCol{Key: q.ID + "=" + c.Code, Label: c.Label})
		}
	}
	return cols
}

// ByRegion estimates the columns for each of regions (a row counts in the
// first region whose subtree holds its station) and over every row. A
// question's column counts only the rows that answered it.
func ByRegion(d Data, regions []Region, q *Question, lang string) (RegionTable, error) {
	t := RegionTable{Cols: regionCols(d, q, lang)}
	n := len(d.Rows)
	if n == 0 || len(t.Cols) == 0 {
		return t, nil
	}
	where := make([]string, n) // the row's region index, "" for none
	for i, p := range d.Paths {
		for j, r := range regions {
			if strings.HasPrefix(p, r.Path) {
				where[i] = strconv.Itoa(j)
				break
			}
		}
	}
	design := estimate.Design{Weights: d.Weights, Raked: d.rakedCells}
	var in estimate.Instrument
	if d.Def.Scored() {
		in = instrument(d.Def)
	}
	byRegion := make([][]Rate, len(regions))
	for j := range byRegion {
		byRegion[j] = make([]Rate, len(t.Cols))
	}
	t.Total.Rates = make([]Rate, len(t.Cols))
	y := make([]bool, n)
	dom := make([]string, n)
	for c, col := range t.Cols {
		qid, code, isQ := strings.Cut(col.Key, "=")
		all := true
		for i, a := range d.Rows {
			dom[i] = where[i]
			if !isQ {
				y[i] = in.Score(a).Literate
				continue
			}
			ans := a[qid]
			y[i] = false
			for _, x := range ans {
				if x == code {
					y[i] = true
				}
			}
			if len(ans) == 0 {
				dom[i], all = "", false
			}
		}
		es, err := estimate.ByDomain(y, dom, design)
		if err != nil {
			return t, err
		}
		for k, e := range es {
			j, _ := strconv.Atoi(k)
			byRegion[j][c] = rateOf(e)
		}
		// Over every row (those answering, for a question).
		if all {
			e, err := estimate.Proportion(y, design)
			if err != nil {
				return t, err
			}
			t.Total.Rates[c] = rateOf(e)
		} else {
			tot := make([]string, n)
			for i, a := range d.Rows {
				if len(a[qid]) > 0 {
					tot[i] = "all"
				}
			}
			es, err := estimate.ByDomain(y, tot, design)
			if err != nil {
				return t, err
			}
			t.Total.Rates[c] = rateOf(es["all"])
		}
	}
	for j, r := range regions {
		if has(byRegion[j]) {
			t.Rows = append(t.Rows, RegionRow{Region: r, Rates: byRegion[j]})
		}
	}
	return t, nil
}

// categorical reports whether q's answers are option codes.
func categorical(q Question) bool { return q.Type == Single || q.Type == Multiple || q.Type == Rating }

func has(rates []Rate) bool {
	for _, r := range rates {
		if r.N > 0 {
			return true
		}
	}
	return false
}

// SES is the standard error in percentage points as shown.
func (r Rate) SES() string { return strconv.FormatFloat(100*r.SE, 'f', 2, 64) }
