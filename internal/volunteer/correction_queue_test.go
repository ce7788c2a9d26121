package volunteer_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"kexie/internal/access"
	"kexie/internal/db"
	"kexie/internal/db/dbtest"
	"kexie/internal/volunteer"
)

// serveIn credits d of service to v on a post of the volunteer's own org.
func (f *fixture) serveIn(t *testing.T, v volunteer.Volunteer, d time.Duration) volunteer.Entry {
	t.Helper()
	ctx := context.Background()
	p, err := f.s.CreateOpportunity(ctx, volunteer.OpportunityInput{OrgID: v.OrgID, Title: "科技馆讲解", StartsAt: *f.now, EndsAt: f.now.Add(d + time.Hour), Slots: 3}, 1)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.s.SignUp(ctx, p.ID, v.ID); err != nil {
		t.Fatal(err)
	}
	if err := f.s.CheckIn(ctx, p.ID, v.ID, access.Everywhere()); err != nil {
		t.Fatal(err)
	}
	*f.now = f.now.Add(d)
	e, err := f.s.CheckOut(ctx, p.ID, v.ID, access.Everywhere(), 1)
	if err != nil {
		t.Fatal(err)
	}
	return e
}

// TestCorrectionQueue: the queue lists the corrections of the caller's
// scope only (none for a forgotten scope), by status, name and team,
// sorted and paged; the counts and the flagged stars follow the same scope.
func TestCorrectionQueue(t *testing.T) {
	dbtest.Run(t, sets, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		f := setup(t, d)
		city, peer, all := access.Subtrees(f.city.Path), access.Subtrees(f.peer.Path), access.Everywhere()
		zhang := f.volunteer(t, 1, "张三", 10)
		li := f.volunteer(t, 2, "李四", 11)
		wang, err := f.s.Register(ctx, volunteer.Input{OrgID: f.peer.ID, UserID: 12, Name: "王五", IDNumber: idNumber(3)}, 1)
		if err != nil {
			t.Fatal(err)
		}
		team, err := f.s.CreateTeam(ctx, f.city.ID, "天文服务队", 0, 1)
		if err != nil {
			t.Fatal(err)
		}
		if err := f.s.Join(ctx, team.ID, li.ID); err != nil {
			t.Fatal(err)
		}
		file := func(v volunteer.Volunteer, minutes int, by int64) int64 {
			t.Helper()
			e := f.serveIn(t, v, 3*time.Hour)
			*f.now = f.now.Add(time.Minute)
			id, err := f.s.FileCorrection(ctx, volunteer.CorrectionInput{VolunteerID: v.ID, EntrySeq: e.Seq, Minutes: minutes, Reason: "签退时间记错"}, all, by)
			if err != nil {
				t.Fatal(err)
			}
			return id
		}
		c1 := file(zhang, -60, 1)
		c2 := file(li, 30, 2)
		c3 := file(wang, -30, 1)
		c4 := file(li, -10, 1)
		if err := f.s.DecideCorrection(ctx, c4, false, all, 3); err != nil {
			t.Fatal(err)
		}
		want := func(what string, q volunteer.QueueFilter, total int, ids ...int64) {
			t.Helper()
			items, n, err := f.s.CorrectionQueue(ctx, q)
			if err != nil {
				t.Fatal(err)
			}
			var got []int64
			for _, it := range items {
				got = append(got, it.ID)
			}
			if n != total || len(got) != len(ids) {
				t.Fatalf("%s: got %v of %d, want %v of %d", what, got, n, ids, total)
			}
			for i := range ids {
				if got[i] != ids[i] {
					t.Fatalf("%s: got %v, want %v", what, got, ids)
				}
			}
		}
		P := volunteer.Pending
		want("forgotten scope", volunteer.QueueFilter{Status: P}, 0)
		want("forgotten scope, every status", volunteer.QueueFilter{}, 0)
		want("city pending, oldest first", volunteer.QueueFilter{Scope: city, Status: P}, 2, c1, c2)
		want("peer pending", volunteer.QueueFilter{Scope: peer, Status: P}, 1, c3)
		want("everywhere pending", volunteer.QueueFilter{Scope: all, Status: P}, 3, c1, c2, c3)
		want("newest first", volunteer.QueueFilter{Scope: city, Status: P, Desc: true}, 2, c2, c1)
		want("by hours", volunteer.QueueFilter{Scope: city, Status: P, Sort: "hours"}, 2, c1, c2)
		want("by hours, most first", volunteer.QueueFilter{Scope: city, Status: P, Sort: "hours", Desc: true}, 2, c2, c1)
		want("every status", volunteer.QueueFilter{Scope: city}, 3, c1, c2, c4)
		want("rejected", volunteer.QueueFilter{Scope: city, Status: volunteer.Rejected}, 1, c4)
		want("approved", volunteer.QueueFilter{Scope: city, Status: volunteer.Approved}, 0)
		want("name", volunteer.QueueFilter{Scope: city, Query: "李"}, 2, c2, c4)
		want("name elsewhere", volunteer.QueueFilter{Scope: peer, Query: "李"}, 0)
		want("name with a wildcard", volunteer.QueueFilter{Scope: all, Query: "%"}, 0)
		want("team", volunteer.QueueFilter{Scope: city, Status: P, TeamID: team.ID}, 1, c2)
		want("second page", volunteer.QueueFilter{Scope: all, Status: P, Limit: 1, Offset: 1}, 3, c2)

		items, _, _ := f.s.CorrectionQueue(ctx, volunteer.QueueFilter{Scope: city, Status: P})
		if it := items[0]; it.Volunteer.Name != "张三" || it.Volunteer.OrgName != f.city.Name || !strings.Contains(it.Volunteer.IDMasked, "*") ||
			it.EntryDay == "" || it.HoursText() != "-1" || it.FiledBy != 1 || it.Reason != "签退时间记错" {
			t.Fatalf("row = %+v", it)
		}

		counts := func(what string, scope access.Scope, fixes, stars int) {
			t.Helper()
			a, b, err := f.s.QueueCounts(ctx, scope)
			if err != nil || a != fixes || b != stars {
				t.Fatalf("%s: counts %d, %d (%v), want %d, %d", what, a, b, err, fixes, stars)
			}
		}
		counts("city", city, 2, 0)
		counts("forgotten scope", access.Scope{}, 0, 0)
		// A star a correction flagged, one already reviewed, one in the peer city.
		for _, s := range []struct {
			v       int64
			level   int
			outcome string
		}{{zhang.ID, 1, ""}, {zhang.ID, 2, volunteer.StarKept}, {wang.ID, 1, ""}} {
			if _, err := d.Exec(ctx, `INSERT INTO volunteer_stars (volunteer_id, level, reached_at, publicity_to, review_since, review_outcome) VALUES (?, ?, ?, ?, ?, ?)`,
				s.v, s.level, f.now.Add(-30*24*time.Hour).UnixMilli(), f.now.Add(-20*24*time.Hour).UnixMilli(), f.now.UnixMilli(), s.outcome); err != nil {
				t.Fatal(err)
			}
		}
		counts("city with a flagged star", city, 2, 1)
		counts("peer", peer, 1, 1)
		counts("everywhere", all, 3, 2)
		stars := func(what string, q volunteer.QueueFilter, n int) []volunteer.FlaggedStar {
			t.Helper()
			got, err := f.s.FlaggedStars(ctx, q, 50)
			if err != nil || len(got) != n {
				t.Fatalf("%s: %d stars (%v), want %d", what, len(got), err, n)
			}
			return got
		}
		if got := stars("city", volunteer.QueueFilter{Scope: city, Status: P}, 1); got[0].VolunteerID != zhang.ID || got[0].Level != 1 || got[0].Minutes != 180 {
			t.Fatalf("flagged = %+v", got[0])
		}
		stars("forgotten scope", volunteer.QueueFilter{}, 0)
		stars("name", volunteer.QueueFilter{Scope: city, Query: "李"}, 0)
		stars("team", volunteer.QueueFilter{Scope: city, TeamID: team.ID}, 0)
		stars("everywhere", volunteer.QueueFilter{Scope: all}, 2)
	})
}
