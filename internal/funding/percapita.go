package funding

import (
	"context"
	"fmt"
	"math"
	"sort"
	"strings"
	"time"

	"kexie/internal/access"
	"kexie/internal/db"
	"kexie/internal/measure"
	"kexie/internal/std"
)

// RegionRow is one region's 科普经费 of a year.
type RegionRow struct {
	Code       string
	Name       string
	Cents      int64 // budget, yuan × 100
	Population int64 // 0 when not imported
}

// Yuan is the budget in yuan.
func (r RegionRow) Yuan() float64 { return float64(r.Cents) / 100 }

// PerCapita is 人均科普经费 in yuan (0 without a population).
func (r RegionRow) PerCapita() float64 {
	if r.Population == 0 {
		return 0
	}
	return float64(r.Cents) / 100 / float64(r.Population)
}

// PerCapitaText is PerCapita with two decimals, or "—".
func (r RegionRow) PerCapitaText() string {
	if r.Population == 0 {
		return "—"
	}
	return fmt.Sprintf("%.2f", r.PerCapita())
}

// YuanText is the budget with two decimals.
func (r RegionRow) YuanText() string { return fmt.Sprintf("%.2f", r.Yuan()) }

// ByRegion sums the year's budgets of the orgs in scope by their region
// (an org without a region code is counted under ""), with each region's
// population.
func (s *Store) ByRegion(ctx context.Context, scope access.Scope, year int) ([]RegionRow, error) {
	sc, sa := db.ScopeCond(s.db, "o.path", scope)
	rows, err := s.db.Query(ctx, `SELECT o.region_code, SUM(b.amount_cents), COALESCE(MAX(p.population), 0)
		FROM funding_budgets b JOIN orgs o ON o.id = b.org_id
		LEFT JOIN funding_populations p ON p.region_code = o.region_code AND p.year = b.year
		WHERE b.year = ? AND b.superseded_by = 0 AND `+sc+` GROUP BY o.region_code ORDER BY o.region_code`, append([]any{year}, sa...)...)
	if err != nil {
		return nil, fmt.Errorf("funding: by region: %w", err)
	}
	defer rows.Close()
	var out []RegionRow
	for rows.Next() {
		var r RegionRow
		if err := rows.Scan(&r.Code, &r.Cents, &r.Population); err != nil {
			return nil, err
		}
		if reg, ok := std.Regions().Lookup(r.Code); ok {
			r.Name = reg.Name
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

// PerCapitaIn is 人均科普经费 of a scope and year: the budgets of its orgs
// over the population of its topmost orgs' regions (a city's districts are
// inside the city's population, so only the top of each subtree counts).
func (s *Store) PerCapitaIn(ctx context.Context, scope access.Scope, year int) (float64, error) {
	if scope.None() {
		return 0, nil
	}
	sc, sa := db.ScopeCond(s.db, "o.path", scope)
	var cents int64
	if err := s.db.QueryRow(ctx, `SELECT COALESCE(SUM(b.amount_cents), 0) FROM funding_budgets b JOIN orgs o ON o.id = b.org_id WHERE b.year = ? AND b.superseded_by = 0 AND `+sc,
		append([]any{year}, sa...)...).Scan(&cents); err != nil {
		return 0, fmt.Errorf("funding: per capita: %w", err)
	}
	rows, err := s.db.Query(ctx, `SELECT o.path, o.region_code FROM orgs o WHERE o.region_code <> '' AND `+sc+` ORDER BY o.depth, o.path`, sa...)
	if err != nil {
		return 0, fmt.Errorf("funding: per capita: %w", err)
	}
	var tops []string
	codes := map[string]bool{}
	for rows.Next() {
		var path, code string
		if err := rows.Scan(&path, &code); err != nil {
			rows.Close()
			return 0, err
		}
		under := false
		for _, t := range tops {
			if strings.HasPrefix(path, t) {
				under = true
				break
			}
		}
		if !under {
			tops = append(tops, path)
			codes[code] = true
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return 0, err
	}
	list := make([]string, 0, len(codes))
	for c := range codes {
		list = append(list, c)
	}
	sort.Strings(list)
	var pop int64
	for _, c := range list { // a handful of regions: the tops of the caller's subtrees
		var p int64
		err := s.db.QueryRow(ctx, `SELECT COALESCE(SUM(population), 0) FROM funding_populations WHERE region_code = ? AND year = ?`, c, year).Scan(&p)
		if err != nil {
			return 0, fmt.Errorf("funding: population: %w", err)
		}
		pop += p
	}
	if pop == 0 {
		return 0, nil
	}
	return math.Round(float64(cents)/float64(pop)) / 100, nil
}

// SourcePerCapita is the key of the 人均科普经费 measure.
const SourcePerCapita = "funding.per_capita"

// Sources publishes 人均科普经费 (元) of the year in which the period ends.
func (s *Store) Sources() []measure.Source {
	return []measure.Source{{Key: SourcePerCapita, Label: "funding.measure.per_capita", Unit: "元", Kind: measure.Amount, AsOf: true,
		Value: func(ctx context.Context, scope access.Scope, p measure.Period) (float64, error) {
			at := p.To
			if at.IsZero() {
				at = s.db.Now()
			} else {
				at = at.Add(-time.Millisecond)
			}
			return s.PerCapitaIn(ctx, scope, at.In(beijing).Year())
		}}}
}

var beijing = time.FixedZone("CST", 8*3600)
