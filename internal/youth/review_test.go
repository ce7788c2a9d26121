package youth_test

import (
	"context"
	"errors"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"kexie/internal/access"
	"kexie/internal/calendar"
	"kexie/internal/db"
	"kexie/internal/db/dbtest"
	"kexie/internal/youth"
)

// An application to a draft or cancelled programme is answered as one to
// a programme that does not exist: no signed-in user learns which ids are
// drafts.
func TestApplyHidesDrafts(t *testing.T) {
	s := serve(t, dbtest.OpenSQLite(t))
	tc, _ := s.User(t, "guardian", access.Member, s.City)
	ctx := context.Background()
	draft, err := s.Store.CreateProgramme(ctx, goodProgramme(s.City), clerk)
	must(t, err)
	cancelled, err := s.Store.CreateProgramme(ctx, goodProgramme(s.City), clerk)
	must(t, err)
	must(t, s.Store.Move(ctx, cancelled, "cancel", "场地维修。", clerk))
	af := url.Values{"name": {"王小明"}, "school": {"攀枝花市第三中学"}, "grade": {"8"}, "guardian_name": {"王家长"},
		"guardian_contact": {"13912345678"}, "consent": {"1"}, "consent_how": {"written"}}
	res, _ := tc.Post("/youth/programmes/999999/apply", copyForm(af))
	want := res.StatusCode
	if want != http.StatusNotFound {
		t.Fatalf("a missing programme: %d", want)
	}
	for _, id := range []int64{draft, cancelled} {
		if res, _ := tc.Post("/youth/programmes/"+itoa(id)+"/apply", copyForm(af)); res.StatusCode != want {
			t.Errorf("programme %d answers %d, a missing one %d", id, res.StatusCode, want)
		}
	}
	if n := count(t, s.DB, `SELECT COUNT(*) FROM youth_students`); n != 0 {
		t.Errorf("%d students saved", n)
	}
	// The page answered 404 already (it shows the form again through the
	// public programme); the store now says the same to any other caller.
	for _, id := range []int64{draft, cancelled} {
		_, err := s.Store.Apply(ctx, youth.ApplyInput{ProgrammeID: id, Student: goodStudent("王小明")}, youth.Actor{UserID: 900, Name: "x"})
		if !errors.Is(err, db.ErrNotFound) {
			t.Errorf("apply to %d: %v, want not found", id, err)
		}
	}
}

// A search term longer than any name, school or title matches nothing
// (it is not sent to LIKE over every row).
func TestSearchBound(t *testing.T) {
	dbtest.Run(t, sets, func(t *testing.T, d *db.DB) {
		f := setup(t, d)
		ctx := context.Background()
		in := goodProgramme(f.city)
		in.Description = strings.Repeat("钒钛", 200)
		_, err := f.s.CreateProgramme(ctx, in, clerk)
		must(t, err)
		scope := access.Subtrees(f.city.Path)
		if _, n, _ := f.s.Programmes(ctx, youth.ProgrammeFilter{Scope: scope, Q: strings.Repeat("钒钛", 10), Limit: 10}); n != 1 {
			t.Fatalf("a short term finds %d", n)
		}
		if _, n, _ := f.s.Programmes(ctx, youth.ProgrammeFilter{Scope: scope, Q: strings.Repeat("钒钛", 51), Limit: 10}); n != 0 {
			t.Errorf("a term of %d characters finds %d", 102, n)
		}
		if _, n, _ := f.s.List(ctx, youth.Filter{Scope: scope, Q: strings.Repeat("钒", youth.MaxSearch+1)}); n != 0 {
			t.Errorf("a long term lists %d enrolments", n)
		}
	})
}

// The audit log never holds a reason typed about a child (a decline's
// reason stays in the timeline).
func TestDecisionAuditNoReason(t *testing.T) {
	dbtest.Run(t, sets, func(t *testing.T, d *db.DB) {
		f := setup(t, d)
		ctx := context.Background()
		pid := f.openProgramme(t, f.city)
		id, err := f.s.Apply(ctx, youth.ApplyInput{ProgrammeID: pid, Student: goodStudent("王小明")}, teacher)
		must(t, err)
		must(t, f.s.Decide(ctx, id, "decline", "王小明年级与活动不符。", checker))
		if n := count(t, d, `SELECT COUNT(*) FROM audit_log WHERE summary LIKE '%王小明%'`); n != 0 {
			t.Errorf("%d audit entries name the child", n)
		}
		evs, _ := f.s.Events(ctx, pid, id)
		if last := evs[len(evs)-1]; last.Note != "王小明年级与活动不符。" {
			t.Errorf("the timeline lost the reason: %+v", last)
		}
	})
}

// Staff cancelling an application while another completes it: never both
// (Complete reads the application again under the programme's lock).
func TestCancelCompleteRace(t *testing.T) {
	dbtest.Run(t, sets, func(t *testing.T, d *db.DB) {
		f := setup(t, d)
		ctx := context.Background()
		in := goodProgramme(f.city)
		in.Places = "20"
		pid, err := f.s.CreateProgramme(ctx, in, clerk)
		must(t, err)
		must(t, f.s.Move(ctx, pid, "open", "", clerk))
		var ids []int64
		for i := 0; i < 10; i++ {
			id, err := f.s.Apply(ctx, youth.ApplyInput{ProgrammeID: pid, Student: goodStudent("同学" + itoa(int64(i)))}, teacher)
			must(t, err)
			must(t, f.s.Decide(ctx, id, "accept", "", checker))
			ids = append(ids, id)
		}
		*f.now = time.Date(2026, 7, 10, 18, 0, 0, 0, calendar.Beijing)
		all := map[int64]bool{}
		for _, id := range ids {
			all[id] = true
		}
		must(t, f.s.AttendDay(ctx, pid, "2026-07-10", all, checker))
		*f.now = time.Date(2026, 7, 14, 18, 0, 0, 0, calendar.Beijing)
		for _, id := range ids {
			var wg sync.WaitGroup
			wg.Add(2)
			go func() { defer wg.Done(); _ = f.s.CancelEnrolment(ctx, id, "未到营。", checker) }()
			go func() { defer wg.Done(); _, _ = f.s.Complete(ctx, id, youth.Actor{UserID: 102, Name: "李审核"}) }()
			wg.Wait()
			if n := count(t, d, `SELECT COUNT(*) FROM youth_events WHERE enrolment_id = ? AND action IN ('cancel_enrolment', 'complete')`, id); n != 1 {
				t.Fatalf("application %d: %d of a cancellation and a completion both went through", id, n)
			}
		}
	})
}
