package funding_test

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"kexie/internal/db"
	"kexie/internal/db/dbtest"
	"kexie/internal/funding"
	"kexie/internal/std"
)

// A population import's audit entry names the figures it replaced, region
// and year → before and after, and the new ones; figures the file repeats
// unchanged are not named; a file of many changes names the first
// PopulationAudited and says how many more. Before, the entry said only
// how many rows the file had.
func TestPopulationImportAudited(t *testing.T) {
	dbtest.Run(t, sets, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		s := funding.NewStore(d)
		type summary struct {
			Before map[string]int64 `json:"before"`
			After  map[string]int64 `json:"after"`
		}
		seq := int64(0)
		last := func(t *testing.T) (summary, int) {
			t.Helper()
			var text string
			if err := d.QueryRow(ctx, `SELECT seq, summary FROM audit_log WHERE action = 'funding.population_import' AND seq > ?
				ORDER BY seq DESC LIMIT 1`, seq).Scan(&seq, &text); err != nil {
				t.Fatal(err)
			}
			var sm summary
			if err := json.Unmarshal([]byte(text), &sm); err != nil {
				t.Fatalf("%s: %v", text, err)
			}
			return sm, len(text)
		}
		imp := func(t *testing.T, file string, want int) {
			t.Helper()
			if n, errs, err := s.ImportPopulation(ctx, strings.NewReader(file), std.Regions(), 1); n != want || len(errs) != 0 || err != nil {
				t.Fatalf("import: %d %+v %v", n, errs, err)
			}
		}
		imp(t, "地区代码,年份,常住人口\n510400,2025,1210000\n510402,2025,300000\n", 2)
		sm, _ := last(t)
		if len(sm.Before) != 0 || sm.After["510400/2025"] != 1210000 || sm.After["510402/2025"] != 300000 || sm.After["added"] != 2 ||
			sm.After["changed"] != 0 || sm.After["rows"] != 2 {
			t.Errorf("first import: %+v", sm)
		}

		// One figure corrected, one repeated, one new.
		imp(t, "地区代码,年份,常住人口\n510400,2025,1236000\n510402,2025,300000\n510402,2026,302000\n", 3)
		sm, _ = last(t)
		want := summary{Before: map[string]int64{"510400/2025": 1210000},
			After: map[string]int64{"510400/2025": 1236000, "510402/2026": 302000, "rows": 3, "changed": 1, "added": 1}}
		if fmt.Sprint(sm) != fmt.Sprint(want) {
			t.Errorf("second import: %+v, want %+v", sm, want)
		}
		var pop int64
		if err := d.QueryRow(ctx, `SELECT population FROM funding_populations WHERE region_code = '510400' AND year = 2025`).Scan(&pop); err != nil || pop != 1236000 {
			t.Errorf("stored %d (%v)", pop, err)
		}

		// 2 regions × 60 years: 117 new figures and 3 changed, of which
		// PopulationAudited are named.
		var b strings.Builder
		b.WriteString("地区代码,年份,常住人口\n")
		for y := 2000; y < 2060; y++ {
			for _, r := range []string{"510400", "510402"} {
				fmt.Fprintf(&b, "%s,%d,%d\n", r, y, 400000+y)
			}
		}
		imp(t, b.String(), 120)
		sm, size := last(t)
		named := len(sm.After) - 4 // rows, changed, added, unlisted
		if named != funding.PopulationAudited || sm.After["changed"] != 3 || sm.After["added"] != 117 ||
			sm.After["unlisted"] != int64(120-funding.PopulationAudited) || len(sm.Before) > named {
			t.Errorf("large import: %d named, %+v", named, sm.After)
		}
		if size > 4000 {
			t.Errorf("the entry holds %d bytes", size)
		}
		var n int
		if err := d.QueryRow(ctx, `SELECT COUNT(*) FROM funding_populations`).Scan(&n); err != nil || n != 120 {
			t.Errorf("%d figures stored (%v), want 120", n, err)
		}
	})
}
