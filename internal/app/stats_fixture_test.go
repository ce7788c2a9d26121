package app

import (
	"context"
	"fmt"
	"net/url"
	"strings"
	"testing"
	"time"

	"kexie/internal/access"
	"kexie/internal/auth"
	"kexie/internal/db/dbtest"
	"kexie/internal/notify"
	"kexie/internal/org"
	"kexie/internal/stats"
)

// statsMatrix lists the 统计年报 module's routes for the access matrix: a
// form is read and filled by its own org's staff (and those above), and
// reviewed only from the org above (here, the system administrator's root).
func statsMatrix() []matrixCase {
	sys := []string{"sysadmin"}
	y := fmt.Sprint(time.Now().Year() - 1)
	city, peer := "/stats/orgs/{city}/"+y, "/stats/orgs/{peer}/"+y
	return []matrixCase{
		{"GET /stats", "/stats", nil, staff},
		{"GET /stats/progress", "/stats/progress", nil, staff},
		{"GET /stats/summary", "/stats/summary", nil, staff},
		{"POST /stats/deadline", "/stats/deadline", url.Values{"org": {"PZH"}, "year": {y}, "due": {"x"}}, staff},
		{"GET /stats/orgs/{org}/{year}", city, nil, staff},
		{"GET /stats/orgs/{org}/{year}", peer, nil, sys},
		{"POST /stats/orgs/{org}/{year}", city, url.Values{"v.B01": {"x"}}, staff},
		{"POST /stats/orgs/{org}/{year}", peer, url.Values{"v.B01": {"x"}}, sys},
		{"GET /stats/orgs/{org}/{year}/xlsx", city + "/xlsx", nil, staff},
		{"GET /stats/orgs/{org}/{year}/xlsx", peer + "/xlsx", nil, sys},
		{"POST /stats/orgs/{org}/{year}/xlsx", city + "/xlsx", nil, staff},
		{"POST /stats/orgs/{org}/{year}/xlsx", peer + "/xlsx", nil, sys},
		{"POST /stats/orgs/{org}/{year}/return", city + "/return", url.Values{"reason": {""}}, sys},
		{"POST /stats/orgs/{org}/{year}/approve", city + "/approve", nil, sys},
		{"POST /stats/orgs/{org}/{year}/approve", peer + "/approve", nil, sys},
		{"POST /stats/orgs/{org}/{year}/reopen", city + "/reopen", url.Values{"reason": {""}}, sys},
	}
}

// TestStatsHomeTodo: a county's form submitted is the city's 待办 to
// review, not its filer's; the county's own form not submitted near its
// deadline is the county's 待办.
func TestStatsHomeTodo(t *testing.T) {
	ta := newTestApp(t, dbtest.OpenSQLite(t).DSN())
	ctx := context.Background()
	county, err := ta.Orgs.Create(ctx, org.Input{ParentID: ta.city.ID, Code: "TODOCTY", Name: "东区科协", Type: org.TypeCounty})
	must(t, err)
	filer, fu := ta.user(t, "statsfiler", access.OrgStaff, county)
	reviewer, _ := ta.user(t, "statsreviewer", access.OrgStaff, ta.city)
	year := ta.Stats.CurrentYear()
	// The deadline within the reminder's days: the county must file.
	must(t, ta.Stats.SetDeadline(ctx, ta.city.ID, year, time.Now().AddDate(0, 0, 5).Format("2006-01-02"), stats.Actor{UserID: 1}))
	if _, body := filer.get("/"); !strings.Contains(body, "统计年报即将截止") || !strings.Contains(body, "东区科协：统计年报须于") {
		t.Errorf("the county's home has no due report: %.2000s", stripTags(body))
	}
	in := stats.Input{Raw: map[string]string{}}
	for _, ind := range stats.Current.Indicators() {
		in.Raw[ind.Code] = "0"
	}
	_, err = ta.Stats.Submit(ctx, county.ID, year, in, stats.Actor{UserID: fu.ID, Name: "填报人"})
	must(t, err)
	if _, body := filer.get("/"); strings.Contains(body, "统计年报即将截止") || strings.Contains(body, "统计年报待审核") {
		t.Error("the filer still sees the report as a 待办")
	}
	if _, body := reviewer.get("/"); !strings.Contains(body, "统计年报待审核（份）") || !strings.Contains(body, `href="/stats/progress?status=submitted"`) {
		t.Errorf("the city has no report to review: %.2000s", stripTags(body))
	}

	// Returned: the county's staff see it with the reason, and the filer,
	// who left an email address on their account, is told through the
	// notify module's job (the address sealed in the job's row).
	_, err = ta.Auth.UpdateUser(ctx, fu.ID, auth.UserEdit{DisplayName: "填报人", Email: "filer@example.cn"})
	must(t, err)
	form := fmt.Sprintf("/stats/orgs/%d/%d", county.ID, year)
	if res, body := reviewer.post(form+"/return", url.Values{"reason": {"会员数与上年差异过大，请核实后重报"}}); res.StatusCode != 303 {
		t.Fatalf("return: %d %.500s", res.StatusCode, stripTags(body))
	}
	_, body := filer.get("/")
	if !strings.Contains(body, "统计年报被退回") || !strings.Contains(body, "东区科协 "+fmt.Sprint(year)+"：统计年报被退回（会员数与上年差异过大，请核实后重报）") ||
		!strings.Contains(body, `href="`+form+`"`) {
		t.Errorf("the county's home has no returned report: %.2000s", stripTags(body))
	}
	if _, body := reviewer.get("/"); strings.Contains(body, "统计年报被退回") {
		t.Error("the reviewing city is shown the county's returned report")
	}
	var args string
	must(t, ta.DB.QueryRow(ctx, `SELECT args FROM jobs WHERE kind = ?`, notify.TellKind).Scan(&args))
	if !strings.Contains(args, "统计年报已退回：东区科协") || !strings.Contains(args, "会员数与上年差异过大") || strings.Contains(args, "filer@example.cn") {
		t.Errorf("the notice's job: %s", args)
	}
}

// seedStatsForNoGrant files the county's 统计年报 of year with a warning's
// explanation no user without a grant may see, and adds the county's ID
// to the walk (the form's route takes an org and a year).
func seedStatsForNoGrant(t *testing.T, ta *testApp, n string, county org.Org, year int, s *moduleSeeds) {
	t.Helper()
	in := stats.Input{Raw: map[string]string{}, Notes: map[string]string{"D01": marker + n + "年报变动说明"}}
	for _, ind := range stats.Current.Indicators() {
		in.Raw[ind.Code] = "0"
	}
	_, err := ta.Stats.Submit(context.Background(), county.ID, year, in, stats.Actor{UserID: 1, Name: "填报人"})
	must(t, err)
	s.ids = append(s.ids, fmt.Sprint(county.ID))
	s.names = append(s.names, marker+n+"年报变动说明")
	s.secrets = append(s.secrets, marker+n+"年报变动说明")
}
