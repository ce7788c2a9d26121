package funding

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"kexie/internal/audit"
	"kexie/internal/db"
	"kexie/internal/sheet"
)

// ImportError is one problem of a population import: the row the
// spreadsheet shows (header = 1; 0 = the whole file) and a catalog code.
type ImportError struct {
	Row  int    `json:"row"`
	Code string `json:"code"`
	Args []any  `json:"args,omitempty"`
}

// Regions validates region codes (std.Regions()).
type Regions interface{ ValidCode(code string) bool }

var popColumns = map[string][]string{
	"region": {"地区代码", "行政区划代码", "region_code"},
	"year":   {"年份", "year"},
	"pop":    {"常住人口", "人口", "population"},
}

// ImportPopulation reads a table of 地区代码, 年份, 常住人口 (persons) and
// replaces the figures it names. Any bad row, and nothing is written.
func (s *Store) ImportPopulation(ctx context.Context, r io.Reader, regions Regions, by int64) (int, []ImportError, error) {
	header, rows, err := sheet.OpenLimited(r, sheet.Limits{MaxBytes: 16 << 20, MaxRows: 20001, MaxColumns: 32, MaxCell: 200})
	if le := (*sheet.LimitError)(nil); errors.As(err, &le) {
		return 0, []ImportError{{Code: le.Key, Args: le.Args}}, nil
	}
	if err != nil {
		return 0, []ImportError{{Code: "funding.err.not_sheet"}}, nil
	}
	defer rows.Close()
	col := map[string]int{}
	for i, h := range header {
		for f, names := range popColumns {
			for _, n := range names {
				if strings.EqualFold(strings.TrimSpace(h), n) {
					col[f] = i
				}
			}
		}
	}
	var errs []ImportError
	for _, f := range []string{"region", "year", "pop"} {
		if _, ok := col[f]; !ok {
			errs = append(errs, ImportError{Code: "funding.err.column_missing", Args: []any{popColumns[f][0]}})
		}
	}
	if len(errs) > 0 {
		return 0, errs, nil
	}
	type row struct {
		region string
		year   int
		pop    int64
	}
	var good []row
	seen := map[string]int{}
	for {
		cells, line, err := rows.Next()
		if err == io.EOF {
			break
		}
		if le := (*sheet.LimitError)(nil); errors.As(err, &le) {
			errs = append(errs, ImportError{Row: line, Code: le.Key, Args: le.Args})
			break
		}
		if err != nil {
			// A row the reader cannot parse (an unmatched quote) is the
			// file's fault, not the server's: its row is named.
			errs = append(errs, ImportError{Row: line, Code: "funding.err.bad_row"})
			break
		}
		get := func(f string) string {
			if i := col[f]; i < len(cells) {
				return strings.TrimSpace(cells[i])
			}
			return ""
		}
		if get("region")+get("year")+get("pop") == "" {
			continue
		}
		rw := row{region: get("region")}
		if !regions.ValidCode(rw.region) {
			errs = append(errs, ImportError{Row: line, Code: "funding.err.region", Args: []any{rw.region}})
		}
		y, err := strconv.Atoi(get("year"))
		if err != nil || y < 2000 || y > 2100 {
			errs = append(errs, ImportError{Row: line, Code: "funding.err.year"})
		}
		rw.year = y
		p, err := strconv.ParseInt(strings.ReplaceAll(get("pop"), ",", ""), 10, 64)
		if err != nil || p <= 0 || p > 2_000_000_000 {
			errs = append(errs, ImportError{Row: line, Code: "funding.err.population"})
		}
		rw.pop = p
		key := rw.region + "/" + strconv.Itoa(rw.year)
		if first, dup := seen[key]; dup {
			errs = append(errs, ImportError{Row: line, Code: "funding.err.duplicate", Args: []any{first}})
		}
		seen[key] = line
		good = append(good, rw)
		if len(errs) >= 200 {
			break
		}
	}
	if len(errs) > 0 {
		return 0, errs, nil
	}
	err = s.db.Tx(ctx, func(tx *db.Tx) error {
		// Imports at once (a second click, two nodes) wait for each other:
		// each deleted the row the other had just replaced, found nothing,
		// and failed on the key with a raw database error (integrity
		// review 52).
		if err := tx.LockKey(ctx, "funding.population"); err != nil {
			return err
		}
		was, err := figures(ctx, tx, seen)
		if err != nil {
			return err
		}
		// The entry names the figures the import changed, region and year
		// → before and after (a new one has no before), the first
		// PopulationAudited of them; how many more is said.
		before, after := map[string]any{}, map[string]any{"rows": len(good)}
		changed, added := 0, 0
		for _, rw := range good {
			key := rw.region + "/" + strconv.Itoa(rw.year)
			old, had := was[key]
			if had && old == rw.pop {
				continue
			}
			if had {
				changed++
			} else {
				added++
			}
			if changed+added <= PopulationAudited {
				after[key] = rw.pop
				if had {
					before[key] = old
				}
			}
			if _, err := tx.Exec(ctx, `DELETE FROM funding_populations WHERE region_code = ? AND year = ?`, rw.region, rw.year); err != nil {
				return fmt.Errorf("funding: population: %w", err)
			}
			if _, err := tx.Exec(ctx, `INSERT INTO funding_populations (region_code, year, population, updated_at) VALUES (?, ?, ?, ?)`,
				rw.region, rw.year, rw.pop, db.Millis(tx.Now)); err != nil {
				return fmt.Errorf("funding: population: %w", err)
			}
		}
		after["changed"], after["added"] = changed, added
		if n := changed + added - PopulationAudited; n > 0 {
			after["unlisted"] = n
		}
		var replaced any // none: every figure new
		if len(before) > 0 {
			replaced = before
		}
		return audit.Append(ctx, tx, audit.Entry{Action: "funding.population_import", Target: "funding:population", Before: replaced, After: after})
	})
	return len(good), nil, err
}

// PopulationAudited is how many changed figures a population import's
// audit entry names; a file may hold 20,000 rows.
const PopulationAudited = 50

// figures reads in tx the stored population of each "region/year" in keys.
func figures(ctx context.Context, tx *db.Tx, keys map[string]int) (map[string]int64, error) {
	years := map[string]bool{}
	var args []any
	for k := range keys {
		_, y, _ := strings.Cut(k, "/")
		if !years[y] {
			years[y] = true
			n, _ := strconv.Atoi(y)
			args = append(args, n)
		}
	}
	out := map[string]int64{}
	if len(args) == 0 {
		return out, nil
	}
	rows, err := tx.Query(ctx, `SELECT region_code, year, population FROM funding_populations WHERE year IN (?`+
		strings.Repeat(", ?", len(args)-1)+`)`, args...)
	if err != nil {
		return nil, fmt.Errorf("funding: population: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var region string
		var year int
		var pop int64
		if err := rows.Scan(&region, &year, &pop); err != nil {
			return nil, fmt.Errorf("funding: population: %w", err)
		}
		out[region+"/"+strconv.Itoa(year)] = pop
	}
	return out, rows.Err()
}
