package app

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"kexie/internal/access"
	"kexie/internal/db/dbtest"
	"kexie/internal/event"
	"kexie/internal/review"
	"kexie/internal/volunteer"
)

// TestVolunteerPostNamesItsEvent: a volunteer post that names an event
// shows the event's title (volunteer.Events wired to internal/event) on the
// staff list, the volunteers' list of posts and the roster.
func TestVolunteerPostNamesItsEvent(t *testing.T) {
	ta := newTestApp(t, dbtest.OpenSQLite(t).DSN())
	ctx := context.Background()
	start := time.Now().Add(48 * time.Hour)
	e, err := ta.Events.Create(ctx, event.Input{OrgID: ta.city.ID, Title: "全国科普日主场活动", Kind: event.KindKepuri, Capacity: 50,
		StartsAt: start, EndsAt: start.Add(3 * time.Hour)})
	if err != nil {
		t.Fatal(err)
	}
	p, err := ta.Vols.CreateOpportunity(ctx, volunteer.OpportunityInput{OrgID: ta.city.ID, EventID: e.ID, Title: "主场引导员",
		StartsAt: start, EndsAt: start.Add(3 * time.Hour), Slots: 5, Scope: access.Subtrees(ta.city.Path)}, 0)
	if err != nil {
		t.Fatal(err)
	}
	staff, _ := ta.user(t, "volstaff", access.OrgStaff, ta.city)
	for _, u := range []string{"/volunteers", fmt.Sprintf("/volunteers/opportunities/%d", p.ID)} {
		if _, body := staff.get(u); !strings.Contains(body, e.Title) {
			t.Errorf("%s does not name the post's event", u)
		}
	}
}

// TestRunJobsSchedulesNoticeDelivery: starting a node's jobs queues the
// review outbox's delivery once, with the log sender wired by default.
func TestRunJobsSchedulesNoticeDelivery(t *testing.T) {
	ta := newTestApp(t, dbtest.OpenSQLite(t).DSN())
	if _, ok := ta.Notices.(*review.LogSender); !ok {
		t.Errorf("default sender %T, want *review.LogSender", ta.Notices)
	}
	ctx, cancel := context.WithCancel(context.Background())
	stop := ta.RunJobs(ctx)
	stop()
	cancel()
	stop = ta.RunJobs(context.Background())
	stop()
	var n int
	if err := ta.DB.QueryRow(context.Background(), `SELECT COUNT(*) FROM jobs WHERE kind = ? AND state IN ('queued', 'running', 'done')`,
		review.DeliverKind).Scan(&n); err != nil {
		t.Fatal(err)
	}
	if n < 1 || n > 2 {
		t.Errorf("delivery jobs: %d", n)
	}
}
