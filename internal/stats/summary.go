package stats

import (
	"context"
	"encoding/json"
	"fmt"

	"kexie/internal/access"
	"kexie/internal/db"
	"kexie/internal/org"
	"kexie/internal/sheet"
)

// Summary is a subtree's totals of a year: the sum of the approved forms
// of the orgs that file in it, beside last year's, with what is missing.
type Summary struct {
	Year     int
	Totals   Values // this year's approved forms
	Last     Values // last year's approved forms
	Included int    // approved forms counted
	Expected int    // orgs that file in the subtree
	LastIncl int
	Missing  []Row // up to MaxMissing orgs whose form is not approved
	// Like for like: the two years' totals of only the orgs whose forms
	// of both years are approved, so a change from last year compares the
	// same orgs — not 168 forms approved so far with last year's 424.
	Both, BothLast Values
	BothN          int
}

// MaxMissing is how many missing orgs the summary names.
const MaxMissing = 100

// Missed is how many orgs' forms are not counted.
func (s Summary) Missed() int { return s.Expected - s.Included }

// totals sums the approved forms of year inside f's scope and subtree;
// with also set, only those of orgs whose form of that year is approved too.
func (s *Store) totals(ctx context.Context, f Filter, year, also int) (Values, int, error) {
	out := Values{}
	if f.Scope.None() || f.OrgPath != "" && !f.Scope.Contains(f.OrgPath) {
		return out, 0, nil
	}
	cond, args := db.ScopeCond(s.db, "o.path", f.Scope)
	if f.OrgPath != "" {
		c, p := db.PrefixMatch(s.db, "o.path", f.OrgPath)
		cond, args = cond+" AND "+c, append(args, p)
	}
	from := ` FROM stats_forms f JOIN orgs o ON o.id = f.org_id WHERE f.year = ? AND f.status = 'approved' AND o.disabled_at = 0 AND ` + cond
	args = append([]any{year}, args...)
	if also != 0 {
		from += ` AND EXISTS (SELECT 1 FROM stats_forms g WHERE g.org_id = f.org_id AND g.year = ? AND g.status = 'approved')`
		args = append(args, also)
	}
	var n int
	if err := s.db.QueryRow(ctx, `SELECT COUNT(*)`+from, args...).Scan(&n); err != nil {
		return nil, 0, fmt.Errorf("stats: totals: %w", err)
	}
	if n == 0 {
		return out, 0, nil
	}
	rows, err := s.db.Query(ctx, `SELECT v.code, SUM(v.value) FROM stats_values v WHERE v.form_id IN (SELECT f.id`+from+`) GROUP BY v.code`, args...)
	if err != nil {
		return nil, 0, fmt.Errorf("stats: totals: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var code string
		var v int64
		if err := rows.Scan(&code, &v); err != nil {
			return nil, 0, fmt.Errorf("stats: totals: %w", err)
		}
		out[code] = v
	}
	return out, n, rows.Err()
}

// Summarize sums the approved forms of year inside scope (within orgPath's
// subtree when set) and of the year before, and names the orgs missing.
func (s *Store) Summarize(ctx context.Context, scope access.Scope, orgPath string, year int) (Summary, error) {
	sum := Summary{Year: year, Totals: Values{}, Last: Values{}}
	f := Filter{Scope: scope, OrgPath: orgPath, Year: year}
	var err error
	if sum.Totals, sum.Included, err = s.totals(ctx, f, year, 0); err != nil {
		return sum, err
	}
	if sum.Last, sum.LastIncl, err = s.totals(ctx, f, year-1, 0); err != nil {
		return sum, err
	}
	if sum.Both, sum.BothN, err = s.totals(ctx, f, year, year-1); err != nil {
		return sum, err
	}
	if sum.BothLast, _, err = s.totals(ctx, f, year-1, year); err != nil {
		return sum, err
	}
	if _, sum.Expected, err = s.List(ctx, Filter{Scope: scope, OrgPath: orgPath, Year: year, Limit: 1}); err != nil {
		return sum, err
	}
	sum.Missing, _, err = s.List(ctx, Filter{Scope: scope, OrgPath: orgPath, Year: year, NotApproved: true, Limit: MaxMissing})
	return sum, err
}

// Export is the whole year inside scope and orgPath for the XLSX export:
// one sheet per table, one row per approved form (in tree order), then the
// totals; lang picks the labels, t the catalog.
func (s *Store) Export(ctx context.Context, scope access.Scope, orgPath string, year int, lang string, t func(string, ...any) string) ([]sheet.Table, error) {
	type line struct {
		code, name string
		typ        org.Type
		vals       Values
	}
	var lines []line
	if !scope.None() && (orgPath == "" || scope.Contains(orgPath)) {
		cond, args := db.ScopeCond(s.db, "o.path", scope)
		if orgPath != "" {
			c, p := db.PrefixMatch(s.db, "o.path", orgPath)
			cond, args = cond+" AND "+c, append(args, p)
		}
		rows, err := s.db.Query(ctx, `SELECT o.code, o.name, o.type, f.vals FROM stats_forms f JOIN orgs o ON o.id = f.org_id
			WHERE f.year = ? AND f.status = 'approved' AND o.disabled_at = 0 AND `+cond+` ORDER BY o.path`, append([]any{year}, args...)...)
		if err != nil {
			return nil, fmt.Errorf("stats: export: %w", err)
		}
		for rows.Next() {
			var l line
			var raw string
			if err := rows.Scan(&l.code, &l.name, &l.typ, &raw); err != nil {
				rows.Close()
				return nil, fmt.Errorf("stats: export: %w", err)
			}
			if err := json.Unmarshal([]byte(raw), &l.vals); err != nil {
				rows.Close()
				return nil, fmt.Errorf("stats: export %s: %w", l.code, err)
			}
			lines = append(lines, l)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, err
		}
	}
	var out []sheet.Table
	for i := range s.schema.Tables {
		tab := &s.schema.Tables[i]
		st := sheet.Table{Sheet: tab.Code + " " + tab.TitleIn(lang), Headers: []string{t("stats.f.org_code"), t("stats.f.org"), t("stats.f.type")}}
		for _, in := range tab.Rows {
			st.Headers = append(st.Headers, in.Code+" "+in.LabelIn(lang)+"（"+in.Unit+"）")
		}
		total := make([]int64, len(tab.Rows))
		for _, l := range lines {
			row := []string{l.code, l.name, t(l.typ.Label())}
			for j, in := range tab.Rows {
				v, ok := l.vals[in.Code]
				if !ok {
					row = append(row, "")
					continue
				}
				total[j] += v
				row = append(row, Format(v, in.Scale))
			}
			st.Rows = append(st.Rows, row)
		}
		row := []string{"", t("stats.total_n", len(lines)), ""}
		for j, in := range tab.Rows {
			row = append(row, Format(total[j], in.Scale))
		}
		st.Rows = append(st.Rows, row)
		out = append(out, st)
	}
	return out, nil
}
