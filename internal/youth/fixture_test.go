package youth_test

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
	"kexie/internal/org"
	"kexie/internal/std"
	"kexie/internal/valid"
	"kexie/internal/web/webtest"
	"kexie/internal/youth"
)

var sets = []db.Migrations{audit.Migrations(), org.Migrations(), youth.Migrations()}

// mentors is a talent database of fixed people, each visible under a path.
type mentors map[int64]struct {
	m    youth.Mentor
	path string
}

func (x mentors) Find(_ context.Context, scope access.Scope, q string, limit int) ([]youth.Mentor, error) {
	var out []youth.Mentor
	for id := int64(1); id <= int64(len(x)); id++ {
		p, ok := x[id]
		if ok && scope.Contains(p.path) && (strings.Contains(p.m.Name, q) || strings.Contains(p.m.Employer, q)) && len(out) < limit {
			out = append(out, p.m)
		}
	}
	return out, nil
}

func (x mentors) Get(_ context.Context, scope access.Scope, id int64) (youth.Mentor, error) {
	p, ok := x[id]
	if !ok || !scope.Contains(p.path) {
		return youth.Mentor{}, db.ErrNotFound
	}
	return p.m, nil
}

// accounts are usernames and their ids.
type accounts map[string]int64

func (a accounts) UserID(_ context.Context, name string) (int64, error) {
	if id, ok := a[name]; ok {
		return id, nil
	}
	return 0, db.ErrNotFound
}

type fixture struct {
	s          *youth.Store
	d          *db.DB
	root, city org.Org
	peer       org.Org
	now        *time.Time
}

func newMentors(city, peer string) mentors {
	return mentors{
		1: {youth.Mentor{PersonID: 1, Name: "李钒钛", Employer: "攀钢研究院"}, city},
		2: {youth.Mentor{PersonID: 2, Name: "周材料", Employer: "滁州学院"}, peer},
	}
}

func setup(t testing.TB, d *db.DB) *fixture {
	t.Helper()
	ctx := context.Background()
	orgs := org.NewStore(d, std.Regions())
	now := time.Date(2026, 7, 1, 9, 0, 0, 0, calendar.Beijing)
	f := &fixture{d: d, now: &now}
	d.Now = func() time.Time { return *f.now }
	var err error
	if f.root, err = orgs.Create(ctx, org.Input{Code: "ROOT", Name: "省科协", Type: org.TypeProvince}); err != nil {
		t.Fatal(err)
	}
	f.city, _ = orgs.Create(ctx, org.Input{ParentID: f.root.ID, Code: "PZH", Name: "攀枝花市科协", Type: org.TypeCity})
	f.peer, _ = orgs.Create(ctx, org.Input{ParentID: f.root.ID, Code: "CZ", Name: "滁州市科协", Type: org.TypeCity})
	f.s = youth.NewStore(d, youth.Config{Keys: webtest.Keyring(t), Mentors: newMentors(f.city.Path, f.peer.Path),
		Accounts: accounts{"teacher": 300}, MaxMentees: 2})
	return f
}

var (
	clerk   = youth.Actor{UserID: 100, Name: "张老师"}
	checker = youth.Actor{UserID: 101, Name: "王审核"}
	teacher = youth.Actor{UserID: 300, Name: "刘辅导员"}
)

func goodProgramme(o org.Org) youth.ProgrammeInput {
	return youth.ProgrammeInput{OrgID: o.ID, Title: "2026年攀枝花青少年科学营", Kind: "camp", StartsOn: "2026-07-10", EndsOn: "2026-07-14",
		Places: "2", GradeLo: "7", GradeHi: "9", Fee: "", Description: "走进钒钛产业。"}
}

func goodStudent(name string) youth.StudentInput {
	return youth.StudentInput{Name: name, Gender: "f", BirthYear: "2012", School: "攀枝花市第三中学", Grade: "8", GuardianName: "陈家长",
		GuardianContact: "13912345678", Consent: true, ConsentHow: "written"}
}

// openProgramme creates a programme of o and opens it.
func (f *fixture) openProgramme(t testing.TB, o org.Org) int64 {
	t.Helper()
	ctx := context.Background()
	id, err := f.s.CreateProgramme(ctx, goodProgramme(o), clerk)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.s.Move(ctx, id, "open", "", clerk); err != nil {
		t.Fatal(err)
	}
	return id
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

func count(t *testing.T, d *db.DB, q string, args ...any) int {
	t.Helper()
	var n int
	if err := d.QueryRow(context.Background(), q, args...).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}
