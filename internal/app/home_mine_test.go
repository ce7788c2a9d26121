package app

import (
	"context"
	"strings"
	"testing"

	"kexie/internal/access"
	"kexie/internal/db/dbtest"
	"kexie/internal/event"
	"kexie/internal/people"
	"kexie/internal/review"
	"kexie/internal/std"
	"kexie/internal/volunteer"
)

// A member's home reads each module through its store: their application
// to a call, their volunteering hours, their event tickets (never
// another's), the calls open now and the coming events; staff of the same org keep the org dashboard.
func TestMemberHomeReadsModules(t *testing.T) {
	ctx := context.Background()
	ta := newTestApp(t, dbtest.OpenSQLite(t).DSN())
	rf := newReviewFixture(t, ta)
	ef := newEventFixture(t, ta)
	member, u := ta.user(t, "homemember", access.Member, ta.city)
	staff, su := ta.user(t, "homestaff", access.OrgStaff, ta.city)
	mine, err := ta.Events.RegisterAs(ctx, ef.event, event.Registrant{Name: "周明", UserID: u.ID})
	if err != nil {
		t.Fatal(err)
	}
	theirs, err := ta.Events.RegisterAs(ctx, ef.peerEvent, event.Registrant{Name: "王五", UserID: su.ID})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := ta.People.CreateOwn(ctx, u.ID, people.Input{OrgID: ta.city.ID, Name: "周明", Phone: "13611112222"}, true); err != nil {
		t.Fatal(err)
	}
	if _, err := ta.Review.SaveDraft(ctx, review.Draft{CallID: rf.call, UserID: u.ID, Answers: review.Answers{"summary": {S: "事迹"}}}); err != nil {
		t.Fatal(err)
	}
	first := "51040219850101003"
	if _, err := ta.Vols.Register(ctx, volunteer.Input{OrgID: ta.city.ID, UserID: u.ID, Name: "周明", IDNumber: first + string(std.CitizenIDCheckDigit(first))}, u.ID); err != nil {
		t.Fatal(err)
	}

	res, body := member.get("/")
	if res.StatusCode != 200 {
		t.Fatalf("member home: %d", res.StatusCode)
	}
	for _, want := range []string{"我的首页", `href="/calls/` + itoa(rf.call) + `/apply"`, "草稿", // the draft application
		"累计服务时长 0 小时",                          // volunteering
		`id="mine-memberships"`, "您还不是任何学会的会员", // no membership: the next step
		`id="mine-calls"`, `href="/calls/` + itoa(rf.call) + `"`, // open calls
		`id="mine-events"`, `href="/e/`, // coming events, for discovery
		`id="mine-tickets"`, "我的活动票", `href="/t/` + mine.Code + `"`, "已确认"} { // the member's own ticket
		if !strings.Contains(body, want) {
			t.Errorf("member home lacks %s", want)
		}
	}
	for _, code := range []string{theirs.Code, ef.ticket} { // another account's, one taken by name alone
		if strings.Contains(body, code) {
			t.Errorf("member home shows ticket %s, not theirs", code)
		}
	}
	if strings.Contains(body, "管辖范围") {
		t.Error("a member sees the staff dashboard")
	}
	if _, body = staff.get("/"); !strings.Contains(body, "管辖范围") || strings.Contains(body, "我的首页") {
		t.Error("staff lost their dashboard")
	}
}
