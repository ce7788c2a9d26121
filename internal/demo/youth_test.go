package demo_test

import (
	"context"
	"crypto/sha256"
	"testing"
	"time"

	"kexie/internal/access"
	"kexie/internal/audit"
	"kexie/internal/calendar"
	"kexie/internal/db"
	"kexie/internal/db/dbtest"
	"kexie/internal/demo"
	"kexie/internal/org"
	"kexie/internal/people"
	"kexie/internal/pii"
	"kexie/internal/std"
	"kexie/internal/youth"
)

// youthMentors is the Mentors package app wires, on the demo's people.
type youthMentors struct{ s *people.Store }

func (x youthMentors) Find(ctx context.Context, scope access.Scope, q string, limit int) ([]youth.Mentor, error) {
	return nil, nil
}

func (x youthMentors) Get(ctx context.Context, scope access.Scope, id int64) (youth.Mentor, error) {
	p, err := x.s.Get(ctx, id)
	if err != nil {
		return youth.Mentor{}, err
	}
	if !scope.Contains(p.OrgPath) {
		return youth.Mentor{}, db.ErrNotFound
	}
	return youth.Mentor{PersonID: p.ID, Name: p.Name, Employer: p.Employer}, nil
}

// TestDemoYouth: the demo's programmes are in every status, with a few
// hundred students, completions, teachers and pairs, on both databases.
func TestDemoYouth(t *testing.T) {
	ctx := context.Background()
	sets := []db.Migrations{audit.Migrations(), org.Migrations(), people.Migrations(), calendar.Migrations(), youth.Migrations()}
	dbtest.Run(t, sets, func(t *testing.T, d *db.DB) {
		keys, _ := pii.NewKeyring(func(p string) []byte { h := sha256.Sum256([]byte(p)); return h[:] }, 1)
		orgs, ppl := org.NewStore(d, std.Regions()), people.NewStore(d, keys)
		if _, err := demo.Generate(ctx, orgs, ppl, demo.Options{Province: "510000", Seed: 7, Size: demo.Size{People: 30}}); err != nil {
			t.Fatal(err)
		}
		ys := youth.NewStore(d, youth.Config{Keys: keys, Mentors: youthMentors{ppl}})
		res, err := demo.Youth(ctx, ys, orgs, ppl, 7)
		if err != nil {
			t.Fatal(err)
		}
		if res.Students < 200 || res.Completed == 0 || res.Teachers < 8 || res.Pairs == 0 {
			t.Errorf("demo youth %+v", res)
		}
		for _, st := range youth.ProgrammeStatuses {
			if res.ByStatus[st] == 0 {
				t.Errorf("no programme %s: %v", st, res.ByStatus)
			}
		}
		// Nothing is dated after now; a programme open for applications
		// starts after today, one held started before it.
		now := time.Now()
		enrols, _, err := ys.List(ctx, youth.Filter{Scope: access.Everywhere(), Limit: 10000})
		if err != nil {
			t.Fatal(err)
		}
		withdrawn := 0
		for _, e := range enrols {
			if e.AppliedAt.After(now) {
				t.Fatalf("an application dated %v, after now", e.AppliedAt)
			}
			// The applicant is named as a person, not by the role the page
			// shows beside the name (监护人 · 监护人报名).
			if e.ApplicantName == "监护人" || e.ApplicantName == "" {
				t.Fatalf("an application by %q", e.ApplicantName)
			}
			if e.Status == youth.Withdrawn {
				withdrawn++
			}
		}
		if withdrawn == 0 {
			t.Error("no application withdrawn in the demo")
		}
		progs, _, err := ys.Programmes(ctx, youth.ProgrammeFilter{Scope: access.Everywhere(), Limit: 1000})
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range progs {
			switch p.Status {
			case youth.Open, youth.Closed, youth.Draft:
				if !p.StartsOn.After(now) {
					t.Errorf("%s is %s but started on %v", p.Title, p.Status, p.StartsOn)
				}
			case youth.Ended, youth.Summarized:
				if p.EndsOn.After(now) {
					t.Errorf("%s is %s but ends on %v", p.Title, p.Status, p.EndsOn)
				}
			}
		}
		// Nor is anything recorded after now: a draft's creation was not.
		var later int
		if err := d.QueryRow(ctx, `SELECT COUNT(*) FROM audit_log WHERE at > ?`, db.Millis(now)).Scan(&later); err != nil || later != 0 {
			t.Errorf("%d audit entries after now (%v)", later, err)
		}
		if n, err := ys.ToDecide(ctx, access.Everywhere()); err != nil || n == 0 {
			t.Errorf("to decide %d, %v", n, err)
		}
		if n, err := ys.ToSummarize(ctx, access.Everywhere()); err != nil || n == 0 {
			t.Errorf("to summarize %d, %v", n, err)
		}
	})
}
