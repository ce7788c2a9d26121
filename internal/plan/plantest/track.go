// Package plantest builds plan fixtures for the tests of package plan and
// of the packages that wire it (the route matrix in internal/app). It must
// never be imported by non-test code.
package plantest

import (
	"context"
	"strings"
	"testing"

	"kexie/internal/access"
	"kexie/internal/org"
	"kexie/internal/plan"
)

// Track is a published plan of an org with a unit, an assigned target, a
// progress entry with an evidence file and an evaluation.
type Track struct {
	Plan, Indicator, Progress, File, Eval int64
	Unit                                  org.Org
}

// NewTrack builds a Track for the org orgID.
func NewTrack(t testing.TB, s *plan.Store, orgs *org.Store, orgID int64) Track {
	t.Helper()
	ctx := context.Background()
	doc, err := plan.Ingest(strings.NewReader("某市科普工作规划（2021—2025年）\n一、主要目标\n到2025年，公民具备科学素质的比例达到15%。\n牵头单位：市教育局\n"))
	if err != nil {
		t.Fatal(err)
	}
	var f Track
	if f.Plan, err = s.Save(ctx, orgID, doc, "plan.txt", "", []byte("x")); err != nil {
		t.Fatal(err)
	}
	if _, err := s.LinkUnits(ctx, f.Plan, []plan.UnitChoice{{Name: "市教育局", New: true}}); err != nil {
		t.Fatal(err)
	}
	if err := s.Publish(ctx, f.Plan); err != nil {
		t.Fatal(err)
	}
	p, err := s.Get(ctx, f.Plan)
	if err != nil || len(p.Indicators) == 0 || p.Indicators[0].OrgID == 0 {
		t.Fatalf("fixture plan: %v %+v", err, p.Indicators)
	}
	f.Indicator = p.Indicators[0].ID
	if f.Unit, err = orgs.Get(ctx, p.Indicators[0].OrgID); err != nil {
		t.Fatal(err)
	}
	if f.Progress, err = s.File(ctx, plan.ProgressInput{Scope: access.Everywhere(), PlanID: f.Plan, IndicatorID: f.Indicator,
		Year: "2022", Quarter: "0", Value: "9.5", Narrative: "抽样调查",
		Files: []plan.File{{Name: "证明.pdf", Data: []byte("%PDF-1.4 evidence")}}}); err != nil {
		t.Fatal(err)
	}
	entries, err := s.Entries(ctx, f.Plan, f.Indicator)
	if err != nil || len(entries) != 1 || len(entries[0].Files) != 1 {
		t.Fatalf("fixture entries: %v %+v", err, entries)
	}
	f.File = entries[0].Files[0].ID
	if f.Eval, err = s.CreateEvaluation(ctx, f.Plan, "midterm", "2023", 0); err != nil {
		t.Fatal(err)
	}
	return f
}
