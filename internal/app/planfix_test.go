package app

import (
	"context"
	"strings"
	"testing"

	"kexie/internal/access"
	"kexie/internal/org"
	"kexie/internal/plan"
)

// trackFixture is a published plan of the city with a unit, an assigned
// target, a progress entry with an evidence file and an evaluation, for the
// route matrix and the page checks (internal/plan has its own for its tests).
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
	if f.progress, err = s.File(ctx, plan.ProgressInput{Scope: access.Everywhere(), PlanID: f.plan, IndicatorID: f.indicator, Year: "2022", Quarter: "0", Value: "9.5", Narrative: "抽样调查",
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
