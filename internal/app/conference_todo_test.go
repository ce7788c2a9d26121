package app

import (
	"context"
	"strings"
	"testing"
	"time"

	"kexie/internal/access"
	"kexie/internal/conference"
	"kexie/internal/db/dbtest"
	"kexie/internal/org"
)

// A society's conference filed with the city reaches the city staff's
// to-do card as waiting for approval (never the filer's, nor the peer
// city's); held and summarized, as a summary to confirm; a held one with no
// summary 30 days after its end, as overdue to the society.
func TestStaffHomeTodoConference(t *testing.T) {
	ta := newTestApp(t, dbtest.OpenSQLite(t).DSN())
	ctx := context.Background()
	soc, err := ta.Orgs.Create(ctx, org.Input{ParentID: ta.city.ID, Code: "TDCS", Name: "某某学会", Type: org.TypeSociety})
	must(t, err)
	staff, _ := ta.user(t, "todoconf", access.OrgStaff, ta.city)
	peer, _ := ta.user(t, "todocpeer", access.OrgStaff, ta.peer)
	sec, secU := ta.user(t, "todocsec", access.OrgStaff, soc)
	filer := conference.Actor{UserID: secU.ID, Name: "秘书"}
	start := time.Now().AddDate(0, 0, 5).Format("2006-01-02")
	id, err := ta.Conf.Create(ctx, conference.Input{OrgID: soc.ID, Title: "学术年会", Kind: "annual", StartsOn: start, EndsOn: start,
		City: "攀枝花", Expected: "100", Capacity: "100"}, access.Everywhere(), filer)
	must(t, err)
	must(t, ta.Conf.Submit(ctx, id, filer))
	if _, body := staff.get("/"); !strings.Contains(body, "学术会议待审批（场）") || !strings.Contains(body, `href="/conference/admin?status=submitted"`) {
		t.Error("the city's staff are not shown the conference to approve")
	}
	// The city's staff who is also the society's never approves it (security review 51).
	both, bothU := ta.user(t, "todocboth", access.OrgStaff, ta.city)
	must(t, ta.Auth.Grant(ctx, bothU.ID, soc.ID, access.OrgStaff, 0))
	for name, c := range map[string]*client{"peer": peer, "society": sec, "society and city": both} {
		if _, body := c.get("/"); strings.Contains(body, "学术会议待审批") {
			t.Errorf("the %s's staff are shown the conference to approve", name)
		}
	}
	must(t, ta.Conf.Approve(ctx, id, access.Everywhere(), conference.Actor{UserID: 2, Name: "学会部"}))
	now := ta.DB.Now
	defer func() { ta.DB.Now = now }()
	ta.DB.Now = func() time.Time { return now().AddDate(0, 0, 6) }
	must(t, ta.Conf.MarkHeld(ctx, id, filer))
	ta.DB.Now = func() time.Time { return now().AddDate(0, 0, 40) }
	if _, body := sec.get("/"); !strings.Contains(body, "会议总结逾期未交（场）") {
		t.Error("the society is not shown its overdue summary")
	}
	must(t, ta.Conf.FileSummary(ctx, id, conference.SummaryInput{Attendance: "0", Papers: "0", Outcome: "会议围绕钒钛资源综合利用开展了深入交流。"}, filer))
	if _, body := staff.get("/"); !strings.Contains(body, "会议总结待确认（份）") {
		t.Error("the city's staff are not shown the summary to confirm")
	}
	if _, body := sec.get("/"); strings.Contains(body, "会议总结逾期未交") {
		t.Error("a filed summary is still overdue")
	}
}
