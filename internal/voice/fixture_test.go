package voice_test

import (
	"context"
	"strconv"
	"strings"
	"testing"
	"time"

	"kexie/internal/audit"
	"kexie/internal/calendar"
	"kexie/internal/db"
	"kexie/internal/measure"
	"kexie/internal/org"
	"kexie/internal/std"
	"kexie/internal/valid"
	"kexie/internal/voice"
	"kexie/internal/web/webtest"
)

var sets = []db.Migrations{audit.Migrations(), org.Migrations(), voice.Migrations()}

// staff is a Staff of fixed users, each allowed under one org path.
type staff map[string]struct {
	p    voice.Person
	path string
}

func (s staff) Handler(_ context.Context, username, orgPath string) (voice.Person, error) {
	u, ok := s[username]
	if !ok || !strings.HasPrefix(orgPath, u.path) {
		return voice.Person{}, valid.New("handler", "voice.err.handler")
	}
	return u.p, nil
}

type fixture struct {
	s                *voice.Store
	d                *db.DB
	root, city, peer org.Org
	county, dept     org.Org
	now              *time.Time
	staff            staff
}

func setup(t testing.TB, d *db.DB) *fixture {
	t.Helper()
	ctx := context.Background()
	orgs := org.NewStore(d, std.Regions())
	now := time.Date(2026, 3, 2, 9, 0, 0, 0, calendar.Beijing) // a Monday
	f := &fixture{d: d, now: &now, staff: staff{}}
	d.Now = func() time.Time { return *f.now }
	var err error
	if f.root, err = orgs.Create(ctx, org.Input{Code: "ROOT", Name: "省科协", Type: org.TypeProvince}); err != nil {
		t.Fatal(err)
	}
	f.city, _ = orgs.Create(ctx, org.Input{ParentID: f.root.ID, Code: "PZH", Name: "攀枝花市科协", Type: org.TypeCity})
	f.peer, _ = orgs.Create(ctx, org.Input{ParentID: f.root.ID, Code: "CZ", Name: "滁州市科协", Type: org.TypeCity})
	f.county, _ = orgs.Create(ctx, org.Input{ParentID: f.city.ID, Code: "PZHDQ", Name: "东区科协", Type: org.TypeCounty})
	f.dept, _ = orgs.Create(ctx, org.Input{ParentID: f.city.ID, Code: "PZHRS", Name: "攀枝花市人社局", Type: org.TypeGovDept})
	f.staff["wang"] = struct {
		p    voice.Person
		path string
	}{voice.Person{UserID: 101, Name: "王办理"}, f.city.Path}
	f.staff["filer"] = struct {
		p    voice.Person
		path string
	}{voice.Person{UserID: 7, Name: "李建言"}, f.city.Path}
	f.s = voice.NewStore(d, voice.Config{Keys: webtest.Keyring(t), Days: calendar.Fixed{C: calendar.New(calendar.Shipped())}, Staff: f.staff})
	return f
}

var (
	clerk = voice.Actor{UserID: 100, Name: "张受理"}
	wang  = voice.Actor{UserID: 101, Name: "王办理"}
)

// file files a request from the public to o and returns it with its code.
func (f *fixture) file(t testing.TB, o org.Org, title string) (voice.Item, string) {
	t.Helper()
	it, code, err := f.s.File(context.Background(), voice.FileInput{OrgID: o.ID, Kind: voice.Request, Topic: "title_review", Title: title,
		Body: "本人申报正高级工程师职称，评审结果迟迟未公布，请问何时公布？", Contact: "13912345678", Source: "src-" + title})
	if err != nil {
		t.Fatal(err)
	}
	return it, code
}

func wantCode(t *testing.T, err error, code string) {
	t.Helper()
	if !valid.Has(err, code) {
		t.Fatalf("err = %v, want %s", err, code)
	}
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

func measureAll() measure.Period { return measure.Period{} }
