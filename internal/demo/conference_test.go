package demo_test

import (
	"context"
	"crypto/sha256"
	"testing"
	"time"

	"kexie/internal/access"
	"kexie/internal/audit"
	"kexie/internal/conference"
	"kexie/internal/db"
	"kexie/internal/db/dbtest"
	"kexie/internal/demo"
	"kexie/internal/org"
	"kexie/internal/people"
	"kexie/internal/pii"
	"kexie/internal/std"
)

// TestDemoConference: the demo's 学术会议 are in every status, some coming
// with people registered, some held with their numbers, on both databases.
func TestDemoConference(t *testing.T) {
	ctx := context.Background()
	sets := []db.Migrations{audit.Migrations(), org.Migrations(), people.Migrations(), conference.Migrations()}
	dbtest.Run(t, sets, func(t *testing.T, d *db.DB) {
		keys, _ := pii.NewKeyring(func(p string) []byte { h := sha256.Sum256([]byte(p)); return h[:] }, 1)
		orgs, ppl := org.NewStore(d, std.Regions()), people.NewStore(d, keys)
		if _, err := demo.Generate(ctx, orgs, ppl, demo.Options{Province: "510000", Seed: 7, Size: demo.Size{People: 30}}); err != nil {
			t.Fatal(err)
		}
		cs := conference.NewStore(d, conference.Config{Keys: keys})
		res, err := demo.Conference(ctx, cs, orgs, 7)
		if err != nil {
			t.Fatal(err)
		}
		if res.Conferences < 30 {
			t.Errorf("%d conferences", res.Conferences)
		}
		for _, st := range conference.Statuses {
			if res.ByStatus[st] == 0 {
				t.Errorf("no conference %s: %v", st, res.ByStatus)
			}
		}
		up, total, err := cs.Upcoming(ctx, 50, 0)
		if err != nil || total == 0 || len(up) == 0 {
			t.Errorf("upcoming %d, %v", total, err)
		}
		st, err := cs.YearStats(ctx, access.Everywhere(), "", d.Now().Year())
		if err != nil {
			t.Fatal(err)
		}
		prev, _ := cs.YearStats(ctx, access.Everywhere(), "", d.Now().Year()-1)
		if st.Total.Held+prev.Total.Held == 0 || st.Total.Attendance+prev.Total.Attendance == 0 || st.Total.Intl+prev.Total.Intl == 0 {
			t.Errorf("numbers: %+v %+v", st.Total, prev.Total)
		}
		for name, f := range map[string]func(context.Context, access.Scope, int64) (int, error){"to approve": cs.ToApprove, "to confirm": cs.ToConfirm} {
			if n, err := f(ctx, access.Everywhere(), 1); err != nil || n == 0 {
				t.Errorf("%s: %d %v", name, n, err)
			}
		}
		if n, err := cs.OverdueSummaries(ctx, access.Everywhere()); err != nil || n == 0 {
			t.Errorf("overdue: %d %v", n, err)
		}
		// No step of any conference is dated after now.
		all, _, err := cs.List(ctx, conference.Filter{Scope: access.Everywhere(), Limit: 1000})
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range all {
			evs, err := cs.Events(ctx, c.ID)
			if err != nil {
				t.Fatal(err)
			}
			for _, e := range evs {
				if e.At.After(time.Now()) {
					t.Fatalf("%s: %s dated %v, after now", c.Title, e.Action, e.At)
				}
			}
		}
		// The demo member: a registration and a paper, once however often run.
		for i := 0; i < 2; i++ {
			if err := demo.ConferenceMember(ctx, cs, 77, "林晓雯"); err != nil {
				t.Fatal(err)
			}
		}
		if regs, _ := cs.MyRegs(ctx, 77); len(regs) != 1 {
			t.Errorf("member registrations %d", len(regs))
		}
		if papers, _ := cs.MyPapers(ctx, 77); len(papers) != 1 {
			t.Errorf("member papers %d", len(papers))
		}
	})
}
