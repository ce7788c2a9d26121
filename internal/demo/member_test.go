package demo_test

import (
	"context"
	"crypto/sha256"
	"strings"
	"testing"
	"time"

	"kexie/internal/access"
	"kexie/internal/audit"
	"kexie/internal/auth"
	"kexie/internal/calendar"
	"kexie/internal/db"
	"kexie/internal/db/dbtest"
	"kexie/internal/demo"
	"kexie/internal/event"
	"kexie/internal/org"
	"kexie/internal/people"
	"kexie/internal/pii"
	"kexie/internal/society"
	"kexie/internal/std"
	"kexie/internal/survey"
	"kexie/internal/volunteer"
)

// TestDemoMember: after the demo province, the demo member signs in with
// the password Member returns and holds a profile, a society membership
// with a card, volunteer hours with one correction pending in the staff's
// queue, three tickets (one checked in, one ended, one coming) and a
// survey response; a second run changes nothing. Both databases.
func TestDemoMember(t *testing.T) {
	ctx := context.Background()
	sets := []db.Migrations{audit.Migrations(), org.Migrations(), auth.Migrations(), people.Migrations(), calendar.Migrations(),
		event.Migrations(), society.Migrations(), volunteer.Migrations(), survey.Migrations()}
	dbtest.Run(t, sets, func(t *testing.T, d *db.DB) {
		keys, _ := pii.NewKeyring(func(p string) []byte { h := sha256.Sum256([]byte(p)); return h[:] }, 1)
		orgs, ppl := org.NewStore(d, std.Regions()), people.NewStore(d, keys)
		ms := demo.MemberStores{Auth: auth.NewService(d, orgs, access.NewPolicy(), auth.Config{SecretKey: []byte("demo member test, thirty-two by.")}),
			Orgs: orgs, People: ppl, Events: event.NewStore(d), Surveys: survey.NewStore(d),
			Societies:  society.NewStore(d, society.Config{CardKey: []byte("demo member card"), Uploads: t.TempDir()}),
			Volunteers: volunteer.NewStore(d, volunteer.Config{Keys: keys, LedgerKey: []byte("demo member ledger"), Calendar: calendar.Source{DB: d}})}
		start := time.Now()
		if _, err := demo.Generate(ctx, orgs, ppl, demo.Options{Province: "510000", Seed: 7, Size: demo.Size{People: 30}, Events: ms.Events,
			Societies: ms.Societies, Volunteers: ms.Volunteers, Surveys: ms.Surveys}); err != nil {
			t.Fatal(err)
		}
		generated := time.Since(start)
		start = time.Now()
		res, err := demo.Member(ctx, ms, "510000", 7)
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("demo %v, its member %v", generated.Round(time.Millisecond), time.Since(start).Round(time.Millisecond))
		if res.Username != demo.MemberName || len(res.Password) < 10 || res.Person == 0 || res.Card == "" || res.Tickets != 3 ||
			res.Hours < 5 || res.Pending == 0 || res.Survey == 0 {
			t.Fatalf("member %+v", res)
		}
		if lr, err := ms.Auth.Login(ctx, demo.MemberName, res.Password, "127.0.0.1", "test"); err != nil || lr.MustChangePassword {
			t.Errorf("the member signs in: %+v %v", lr, err)
		}
		// Her own items, as the member home and her pages read them.
		if p, err := ppl.OwnProfile(ctx, res.UserID); err != nil || p.Name != "林晓雯" || !strings.Contains(p.Employer, "农业科学研究院") {
			t.Errorf("profile %+v %v", p, err)
		}
		if ms, err := ms.Societies.Mine(ctx, res.UserID); err != nil || len(ms) != 1 || ms[0].Status != society.MemberActive || ms[0].CardCode != res.Card {
			t.Errorf("memberships %+v %v", ms, err)
		}
		v, err := ms.Volunteers.ByUser(ctx, res.UserID)
		if err != nil || v.Minutes == 0 {
			t.Errorf("volunteer %+v %v", v, err)
		}
		q, n, err := ms.Volunteers.CorrectionQueue(ctx, volunteer.QueueFilter{Scope: access.Everywhere(), Status: volunteer.Pending})
		staff, _ := ms.Auth.UserByName(ctx, demo.StaffName)
		if err != nil || n != 1 || q[0].ID != res.Pending || q[0].Volunteer.ID != v.ID || q[0].FiledBy != staff.ID || staff.ID == 0 {
			t.Errorf("the staff's queue: %d %+v %v", n, q, err)
		}
		mine, _, err := ms.Events.TicketsOf(ctx, res.UserID, time.Now(), 50, 0)
		states := map[string]int{}
		for _, m := range mine {
			states[m.MineState(time.Now())]++
		}
		if err != nil || len(mine) != 3 || states[event.MineActive] != 1 || states[event.MineCheckedIn] != 1 || states[event.MineEnded] != 1 {
			t.Errorf("tickets %v %v", states, err)
		}
		list, _, _ := ms.Surveys.List(ctx, survey.Filter{Scope: access.Everywhere(), Kind: survey.KindStatus})
		rs, _, err := ms.Surveys.Responses(ctx, list[0].ID, survey.RespFilter{Scope: access.Everywhere()})
		answered := 0
		for _, r := range rs {
			if r.UserID == res.UserID {
				answered++
			}
		}
		if err != nil || answered != 1 {
			t.Errorf("%d survey responses of the member (%v)", answered, err)
		}

		// Again: the account is there, nothing is added, no password shown.
		again, err := demo.Member(ctx, ms, "510000", 7)
		if err != nil || again.Password != "" || again.UserID != res.UserID {
			t.Errorf("second run: %+v %v", again, err)
		}
		if mine, _, _ := ms.Events.TicketsOf(ctx, res.UserID, time.Now(), 50, 0); len(mine) != 3 {
			t.Errorf("second run: %d tickets", len(mine))
		}
		if rep, err := audit.Verify(ctx, d); err != nil || len(rep.Problems) != 0 {
			t.Errorf("audit after the member: %+v %v", rep.Problems, err)
		}
	})
}
