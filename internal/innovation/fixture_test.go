package innovation_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"kexie/internal/access"
	"kexie/internal/audit"
	"kexie/internal/calendar"
	"kexie/internal/db"
	"kexie/internal/innovation"
	"kexie/internal/org"
	"kexie/internal/std"
	"kexie/internal/valid"
	"kexie/internal/web/webtest"
)

var sets = []db.Migrations{audit.Migrations(), org.Migrations(), innovation.Migrations()}

// experts is a talent database of fixed people, each visible under a path.
type experts map[int64]struct {
	e    innovation.Expert
	path string
}

func (x experts) Find(_ context.Context, scope access.Scope, q string, limit int) ([]innovation.Expert, error) {
	var out []innovation.Expert
	for id := int64(1); id <= int64(len(x)); id++ {
		p, ok := x[id]
		if ok && scope.Contains(p.path) && (strings.Contains(p.e.Name, q) || strings.Contains(p.e.Field, q)) && len(out) < limit {
			out = append(out, p.e)
		}
	}
	return out, nil
}

func (x experts) Get(_ context.Context, scope access.Scope, id int64) (innovation.Expert, error) {
	p, ok := x[id]
	if !ok || !scope.Contains(p.path) {
		return innovation.Expert{}, db.ErrNotFound
	}
	return p.e, nil
}

type fixture struct {
	s                *innovation.Store
	d                *db.DB
	root, city, peer org.Org
	county, dept     org.Org
	now              *time.Time
}

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
	f.county, _ = orgs.Create(ctx, org.Input{ParentID: f.city.ID, Code: "PZHDQ", Name: "东区科协", Type: org.TypeCounty})
	f.dept, _ = orgs.Create(ctx, org.Input{ParentID: f.city.ID, Code: "PZHRS", Name: "攀枝花市人社局", Type: org.TypeGovDept})
	x := experts{
		1: {innovation.Expert{PersonID: 1, Name: "李钒钛", Employer: "攀钢研究院", Field: "冶金工程"}, f.city.Path},
		2: {innovation.Expert{PersonID: 2, Name: "周材料", Employer: "滁州学院", Field: "材料科学"}, f.peer.Path},
	}
	f.s = innovation.NewStore(d, innovation.Config{Keys: webtest.Keyring(t), Experts: x})
	return f
}

var (
	clerk = innovation.Actor{UserID: 100, Name: "张审核"}
	wang  = innovation.Actor{UserID: 101, Name: "王对接"}
)

// validUSCC are unified social credit codes with a right check character.
var validUSCC = []string{"91110000802100433B", "91440300708461136T", "12100000400000624D"}

func goodNeed(o org.Org) innovation.FileInput {
	return innovation.FileInput{OrgID: o.ID, Enterprise: "攀枝花某钒钛新材料有限公司", USCC: "91110000802100433B", RegionCode: "510402",
		Field: "materials", Title: "钒钛磁铁矿尾矿综合利用", Body: "企业每年产生尾矿约五十万吨，需要经济可行的有价金属回收与尾矿建材化利用技术方案。",
		BudgetLo: "50", BudgetHi: "200", WantedBy: "2026-12-31", Contact: "13912345678", Source: "src"}
}

func (f *fixture) file(t testing.TB, o org.Org, title string) innovation.Need {
	t.Helper()
	in := goodNeed(o)
	in.Title, in.Source = title, "src-"+title
	n, err := f.s.File(context.Background(), in)
	if err != nil {
		t.Fatal(err)
	}
	return n
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

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}
