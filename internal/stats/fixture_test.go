package stats_test

import (
	"context"
	"errors"
	"fmt"
	"testing"
	"time"

	"kexie/internal/access"
	"kexie/internal/audit"
	"kexie/internal/calendar"
	"kexie/internal/db"
	"kexie/internal/measure"
	"kexie/internal/org"
	"kexie/internal/stats"
	"kexie/internal/std"
	"kexie/internal/valid"
)

var sets = []db.Migrations{audit.Migrations(), org.Migrations(), stats.Migrations()}

// fakeMeasures answers every source with the number of orgs of the scope
// times ten, so a suggestion shows whether the subtrees were subtracted.
type fakeMeasures struct {
	d *db.DB
}

func (m fakeMeasures) Value(ctx context.Context, key string, scope access.Scope, p measure.Period) (float64, error) {
	if key == "venue.count.base" {
		return 0, fmt.Errorf("%w: %q", measure.ErrUnknown, key)
	}
	c, a := db.ScopeCond(m.d, "path", scope)
	var n int
	err := m.d.QueryRow(ctx, `SELECT COUNT(*) FROM orgs WHERE `+c, a...).Scan(&n)
	return float64(n * 10), err
}

type fixture struct {
	s                 *stats.Store
	d                 *db.DB
	root, city, peer  org.Org
	county, soc, town org.Org
	now               *time.Time
}

func setup(t testing.TB, d *db.DB) *fixture {
	t.Helper()
	ctx := context.Background()
	orgs := org.NewStore(d, std.Regions())
	now := time.Date(2027, 3, 2, 9, 0, 0, 0, calendar.Beijing)
	f := &fixture{d: d, now: &now}
	d.Now = func() time.Time { return *f.now }
	var err error
	if f.root, err = orgs.Create(ctx, org.Input{Code: "ROOT", Name: "省科协", Type: org.TypeProvince}); err != nil {
		t.Fatal(err)
	}
	f.city, _ = orgs.Create(ctx, org.Input{ParentID: f.root.ID, Code: "PZH", Name: "攀枝花市科协", Type: org.TypeCity})
	f.peer, _ = orgs.Create(ctx, org.Input{ParentID: f.root.ID, Code: "CZ", Name: "滁州市科协", Type: org.TypeCity})
	f.county, _ = orgs.Create(ctx, org.Input{ParentID: f.city.ID, Code: "PZHDQ", Name: "东区科协", Type: org.TypeCounty})
	f.soc, _ = orgs.Create(ctx, org.Input{ParentID: f.city.ID, Code: "PZHJX", Name: "攀枝花市金属学会", Type: org.TypeSociety})
	f.town, _ = orgs.Create(ctx, org.Input{ParentID: f.county.ID, Code: "PZHDQ1", Name: "炳草岗街道科协", Type: org.TypeTown})
	f.s = stats.NewStore(d, stats.Config{Measures: fakeMeasures{d}})
	return f
}

var (
	filer    = stats.Actor{UserID: 100, Name: "张填报"}
	reviewer = stats.Actor{UserID: 200, Name: "李审核"}
)

// full is a complete, consistent 科协 form (figures as typed).
func full() stats.Input {
	raw := map[string]string{}
	for _, in := range stats.Current.Indicators() {
		raw[in.Code] = "10"
		if in.PartOf != "" {
			raw[in.Code] = "2"
		}
	}
	raw["F01"], raw["F02"], raw["F03"], raw["F04"], raw["F05"] = "100", "40", "30", "20", "10"
	raw["F06"], raw["F07"], raw["F08"], raw["F09"] = "90", "30", "30", "20"
	raw["E01"], raw["E02"], raw["E03"] = "10", "4", "2"
	return stats.Input{Raw: raw, Notes: map[string]string{}}
}

func wantCode(t *testing.T, err error, code string) {
	t.Helper()
	var es valid.Errors
	var e *valid.Error
	switch {
	case errors.As(err, &e):
		es = valid.Errors{e}
	default:
		es, _ = valid.As(err)
	}
	for _, e := range es {
		if e.Key == code {
			return
		}
	}
	t.Fatalf("err = %v, want %s", err, code)
}

func must(t testing.TB, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func count(t testing.TB, d *db.DB, q string, args ...any) int {
	t.Helper()
	var n int
	if err := d.QueryRow(context.Background(), q, args...).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

func stats_period(year int) measure.Period {
	return measure.Period{From: stats.YearStart(year), To: stats.YearStart(year + 1)}
}
