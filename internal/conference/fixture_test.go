package conference_test

import (
	"context"
	"testing"
	"time"

	"kexie/internal/access"
	"kexie/internal/audit"
	"kexie/internal/calendar"
	"kexie/internal/conference"
	"kexie/internal/db"
	"kexie/internal/org"
	"kexie/internal/std"
	"kexie/internal/valid"
	"kexie/internal/web/webtest"
)

var sets = []db.Migrations{audit.Migrations(), org.Migrations(), conference.Migrations()}

type fixture struct {
	s                     *conference.Store
	d                     *db.DB
	root, city, peer, soc org.Org
	now                   *time.Time
}

// setup makes a province, two cities and a society under the first city,
// the clock on a Monday in March 2026.
func setup(t testing.TB, d *db.DB) *fixture {
	t.Helper()
	ctx := context.Background()
	orgs := org.NewStore(d, std.Regions())
	now := time.Date(2026, 3, 2, 9, 0, 0, 0, calendar.Beijing)
	f := &fixture{d: d, now: &now}
	d.Now = func() time.Time { return *f.now }
	var err error
	if f.root, err = orgs.Create(ctx, org.Input{Code: "ROOT", Name: "省科协", Type: org.TypeProvince}); err != nil {
		t.Fatal(err)
	}
	f.city, _ = orgs.Create(ctx, org.Input{ParentID: f.root.ID, Code: "PZH", Name: "攀枝花市科协", Type: org.TypeCity})
	f.peer, _ = orgs.Create(ctx, org.Input{ParentID: f.root.ID, Code: "CZ", Name: "滁州市科协", Type: org.TypeCity})
	f.soc, err = orgs.Create(ctx, org.Input{ParentID: f.city.ID, Code: "PZHJS", Name: "攀枝花市金属学会", Type: org.TypeSociety})
	if err != nil {
		t.Fatal(err)
	}
	f.s = conference.NewStore(d, conference.Config{Keys: webtest.Keyring(t)})
	return f
}

var (
	secretary = conference.Actor{UserID: 10, Name: "学会秘书"}   // the society's staff: files
	approver  = conference.Actor{UserID: 20, Name: "市科协学会部"} // the city's staff: approves
	member    = conference.Actor{UserID: 30, Name: "张会员"}
)

func good(o org.Org) conference.Input {
	return conference.Input{OrgID: o.ID, Title: "2026年钒钛学术年会", Kind: "annual", CoOrganisers: "攀钢研究院、攀枝花学院",
		StartsOn: "2026-05-20", EndsOn: "2026-05-21", City: "攀枝花", Venue: "攀枝花国际会展中心", Expected: "300", Capacity: "3",
		Budget: "12.5", Topics: "钒钛资源综合利用"}
}

// open files, approves and opens a conference of the society.
func (f *fixture) open(t testing.TB, in conference.Input) int64 {
	t.Helper()
	ctx := context.Background()
	id, err := f.s.Create(ctx, in, access.Subtrees(f.soc.Path), secretary)
	if err != nil {
		t.Fatal(err)
	}
	for _, err := range []error{f.s.Submit(ctx, id, secretary), f.s.Approve(ctx, id, access.Subtrees(f.city.Path), approver),
		f.s.OpenRegistration(ctx, id, secretary)} {
		if err != nil {
			t.Fatal(err)
		}
	}
	return id
}

func wantCode(t *testing.T, err error, code string) {
	t.Helper()
	if !valid.Has(err, code) {
		t.Fatalf("err = %v, want %s", err, code)
	}
}

func must(t testing.TB, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}
