package venue

import (
	"context"
	"fmt"
	"strings"

	"kexie/internal/access"
	"kexie/internal/db"
	"kexie/internal/std"
)

// Filter picks venues for a list.
type Filter struct {
	Scope  access.Scope
	Q      string
	Kind   string
	Status string
	Region string // a GB/T 2260 code: the venues in it and under it
	Public bool   // only what the public sees: not removed
	Sort   string // "name" (default), "kind", "org", "region", "visitors"
	Desc   bool
	Limit  int // 0: all
	Offset int
}

// List returns a page of the venues inside f.Scope and how many match.
func (s *Store) List(ctx context.Context, f Filter) ([]Venue, int, error) {
	if f.Scope.None() {
		return nil, 0, nil
	}
	c, args := db.ScopeCond(s.db, "o.path", f.Scope)
	where := []string{c}
	if q := strings.TrimSpace(f.Q); q != "" {
		where = append(where, `(v.name LIKE ? ESCAPE '\' OR v.address LIKE ? ESCAPE '\' OR v.township LIKE ? ESCAPE '\')`)
		like := "%" + db.LikeEscape(q) + "%"
		args = append(args, like, like, like)
	}
	if f.Kind != "" {
		where = append(where, `v.kind = ?`)
		args = append(args, f.Kind)
	}
	if f.Status != "" {
		where = append(where, `v.status = ?`)
		args = append(args, f.Status)
	}
	if f.Public {
		where = append(where, `v.status <> 'removed'`)
	}
	if p := std.RegionPrefix(f.Region); p != "" {
		where = append(where, `v.region_code LIKE ?`)
		args = append(args, p+"%")
	}
	order := map[string]string{"kind": "v.kind", "org": "o.name_key", "region": "v.region_code", "visitors": "9"}[f.Sort]
	if order == "" {
		order = "v.name_key" // (pinyin order, as the picker's: venue migration 002)
	}
	if order == "9" {
		order = "(SELECT COALESCE(MAX(x.visitors), 0) FROM venue_visitors x WHERE x.venue_id = v.id)"
	}
	if f.Desc {
		order += " DESC"
	}
	limit := ""
	if f.Limit > 0 {
		limit = " LIMIT ? OFFSET ?"
		args = append(args, f.Limit, f.Offset)
	}
	rows, err := s.db.Query(ctx, `SELECT `+venueCols+`, COUNT(*) OVER() FROM venues v JOIN orgs o ON o.id = v.org_id
		WHERE `+strings.Join(where, " AND ")+` ORDER BY `+order+`, v.id`+limit, args...)
	if err != nil {
		return nil, 0, fmt.Errorf("venue: list: %w", err)
	}
	defer rows.Close()
	var out []Venue
	total := 0
	for rows.Next() {
		var v Venue
		if err := s.scanVenue(rows, &v, &total); err != nil {
			return nil, 0, fmt.Errorf("venue: list: %w", err)
		}
		out = append(out, v)
	}
	return out, total, rows.Err()
}

// CoverageRow is one region's venues: how many of each kind, the 科普e站
// that meet all “六有”, and the townships that have an e站.
type CoverageRow struct {
	Code, Name  string
	ByKind      map[string]int
	SixComplete int
	Townships   int
	Total       int
	Visitors    int64 // the latest year's visitors, summed
}

// Coverage counts the venues in scope (not removed) per child region of
// region ("" for the provinces), e.g. 科普e站 per township per county.
func (s *Store) Coverage(ctx context.Context, scope access.Scope, region string) ([]CoverageRow, error) {
	if scope.None() {
		return nil, nil
	}
	list, _, err := s.List(ctx, Filter{Scope: scope, Public: true, Region: region})
	if err != nil {
		return nil, err
	}
	var order []string
	rows := map[string]*CoverageRow{}
	towns := map[string]map[string]bool{}
	for _, v := range list {
		code := childOf(s.regions, region, v.RegionCode)
		r := rows[code]
		if r == nil {
			r = &CoverageRow{Code: code, ByKind: map[string]int{}}
			if x, ok := s.regions.Lookup(code); ok {
				r.Name = x.Name
			}
			rows[code], towns[code] = r, map[string]bool{}
			order = append(order, code)
		}
		r.ByKind[v.Kind]++
		r.Total++
		r.Visitors += v.Visitors
		if v.Kind == KindEStation {
			if v.SixMet() == len(SixItems()) {
				r.SixComplete++
			}
			if v.Township != "" {
				towns[code][v.Township] = true
			}
		}
	}
	out := make([]CoverageRow, 0, len(order))
	for _, c := range order {
		rows[c].Townships = len(towns[c])
		out = append(out, *rows[c])
	}
	sortRows(out)
	return out, nil
}

// childOf is the code of the child region of parent that holds code:
// parent "" → the province, a province → the city, a city → the county.
func childOf(t *std.RegionTable, parent, code string) string {
	if code == "" {
		return ""
	}
	path := t.Path(code)
	depth := 0
	if parent != "" {
		depth = len(t.Path(parent))
	}
	if depth < len(path) {
		return path[depth].Code
	}
	return code
}

func sortRows(rows []CoverageRow) {
	for i := 1; i < len(rows); i++ {
		for j := i; j > 0 && rows[j].Code < rows[j-1].Code; j-- {
			rows[j], rows[j-1] = rows[j-1], rows[j]
		}
	}
}
