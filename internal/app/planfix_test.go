package app

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"kexie/internal/access"
	"kexie/internal/db/dbtest"
	"kexie/internal/org"
	"kexie/internal/plan"
)

// trackFixture is a published plan of the city with a unit, an assigned
// target, a progress entry with an evidence file and an evaluation, for the
// route matrix and the page checks.
type trackFixture struct {
	plan, indicator, progress, file, eval int64
	unit                                  org.Org
}

func newTrackFixture(t *testing.T, ta *testApp, orgID int64) trackFixture {
	t.Helper()
	ctx := context.Background()
	s := plan.NewStore(ta.DB, ta.Orgs)
	doc, err := plan.Ingest(strings.NewReader("某市科普工作规划（2021—2025年）\n一、主要目标\n到2025年，公民具备科学素质的比例达到15%。\n牵头单位：市教育局\n"))
	if err != nil {
		t.Fatal(err)
	}
	var f trackFixture
	if f.plan, err = s.Save(ctx, orgID, doc, "plan.txt", "", []byte("x")); err != nil {
		t.Fatal(err)
	}
	if _, err := s.LinkUnits(ctx, f.plan, []plan.UnitChoice{{Name: "市教育局", New: true}}); err != nil {
		t.Fatal(err)
	}
	if err := s.Publish(ctx, f.plan); err != nil {
		t.Fatal(err)
	}
	p, err := s.Get(ctx, f.plan)
	if err != nil || len(p.Indicators) == 0 || p.Indicators[0].OrgID == 0 {
		t.Fatalf("fixture plan: %v %+v", err, p.Indicators)
	}
	f.indicator = p.Indicators[0].ID
	if f.unit, err = ta.Orgs.Get(ctx, p.Indicators[0].OrgID); err != nil {
		t.Fatal(err)
	}
	if f.progress, err = s.File(ctx, plan.ProgressInput{Scope: access.Everywhere(), PlanID: f.plan, IndicatorID: f.indicator, Year: "2022", Quarter: "0", Value: "9.5",
		Files: []plan.File{{Name: "证明.pdf", Data: []byte("%PDF-1.4 evidence")}}}); err != nil {
		t.Fatal(err)
	}
	entries, err := s.Entries(ctx, f.plan, f.indicator)
	if err != nil || len(entries) != 1 || len(entries[0].Files) != 1 {
		t.Fatalf("fixture entries: %v %+v", err, entries)
	}
	f.file = entries[0].Files[0].ID
	if f.eval, err = s.CreateEvaluation(ctx, f.plan, "midterm", "2023", 0); err != nil {
		t.Fatal(err)
	}
	return f
}

// The plan lists filter and export: a city's staff export their plans and
// tasks as XLSX, and a filter that matches nothing shows nothing.
func TestPlanListsExport(t *testing.T) {
	ta := newTestApp(t, dbtest.OpenSQLite(t).DSN())
	tf := newTrackFixture(t, ta, ta.city.ID)
	staff, _ := ta.user(t, "planstaff", access.OrgStaff, ta.city)
	for _, u := range []string{"/plans?format=xlsx", "/plans/tasks?format=xlsx"} {
		res, body := staff.get(u)
		if res.StatusCode != http.StatusOK || !strings.HasPrefix(res.Header.Get("Content-Type"), "application/vnd.openxmlformats") ||
			!strings.HasPrefix(body, "PK") {
			t.Errorf("GET %s: %d %s", u, res.StatusCode, res.Header.Get("Content-Type"))
		}
	}
	if _, body := staff.get("/plans?q=" + url.QueryEscape("科普工作规划")); !strings.Contains(body, fmt.Sprintf("/plans/%d", tf.plan)) {
		t.Error("the title filter lost the plan")
	}
	if _, body := staff.get("/plans?status=closed"); strings.Contains(body, fmt.Sprintf("/plans/%d\"", tf.plan)) {
		t.Error("the status filter let a published plan through")
	}
	if _, body := staff.get("/plans/tasks?status=achieved"); strings.Contains(body, "公民具备科学素质的比例") {
		t.Error("the task filter let a target without data through")
	}
	// A peer city's staff see neither.
	peer, _ := ta.user(t, "peerstaff", access.OrgStaff, ta.peer)
	if _, body := peer.get("/plans"); strings.Contains(body, "科普工作规划") {
		t.Error("a peer city lists another city's plan")
	}
	if _, body := peer.get("/plans/tasks"); strings.Contains(body, "公民具备科学素质的比例") {
		t.Error("a peer city lists another city's tasks")
	}
}
