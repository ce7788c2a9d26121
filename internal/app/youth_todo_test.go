package app

import (
	"context"
	"strings"
	"testing"
	"time"

	"kexie/internal/access"
	"kexie/internal/db/dbtest"
	"kexie/internal/youth"
)

// A student's application to the city's camp reaches its staff's to-do
// card; once the camp has ended without a summary, so does the camp; the
// peer city's staff see neither.
func TestStaffHomeTodoYouth(t *testing.T) {
	ta := newTestApp(t, dbtest.OpenSQLite(t).DSN())
	ctx := context.Background()
	staff, _ := ta.user(t, "todoyouth", access.OrgStaff, ta.city)
	peer, _ := ta.user(t, "todoypeer", access.OrgStaff, ta.peer)
	prog, enrol, _, _, _ := seedYouth(t, ta, ta.city, "待办", "13600000003")
	if _, body := staff.get("/"); !strings.Contains(body, "学生报名待审核（人）") || !strings.Contains(body, `href="/youth/admin?status=pending"`) {
		t.Error("the city's staff are not shown the application to decide")
	}
	if _, body := peer.get("/"); strings.Contains(body, "学生报名待审核") {
		t.Error("the peer city's staff are shown the city's application")
	}
	must(t, ta.Youth.Decide(ctx, enrol, "accept", "", youth.Actor{UserID: 1, Name: "审核人"}))
	now := ta.DB.Now
	ta.DB.Now = func() time.Time { return now().AddDate(0, 2, 0) }
	defer func() { ta.DB.Now = now }()
	must(t, ta.Youth.Move(ctx, prog, "end", "", youth.Actor{UserID: 1}))
	if _, body := staff.get("/"); !strings.Contains(body, "活动结束待总结（项）") || !strings.Contains(body, `href="/youth/admin/programmes?status=ended"`) {
		t.Error("the city's staff are not shown the programme to summarize")
	}
}
