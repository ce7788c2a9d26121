package plan_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"kexie/internal/access"
	"kexie/internal/db"
	"kexie/internal/db/dbtest"
	"kexie/internal/org"
	"kexie/internal/plan"
	"kexie/internal/web/webtest"
)

// planSite is the plan module served on the platform over d, with the
// root org and two cities (webtest.New), and the module's store.
type planSite struct {
	*webtest.Site
	Plans *plan.Store
}

func servePlans(t testing.TB, d *db.DB) planSite {
	t.Helper()
	ws := webtest.New(t, d)
	s := plan.NewStore(d, ws.Orgs)
	ws.Start(plan.Module(s, ws.Orgs))
	return planSite{Site: ws, Plans: s}
}

// eachDB runs fn with the plan module served on SQLite, then on
// PostgreSQL.
func eachDB(t *testing.T, fn func(t *testing.T, ps planSite)) {
	t.Helper()
	dbtest.Run(t, nil, func(t *testing.T, d *db.DB) { fn(t, servePlans(t, d)) })
}

// seedFile is the path of the seed plan whose name starts with prefix, in
// $KEXIE_SEEDS (which .ci/run sets when ../shared/seeds is beside the
// repository). The seeds are real plans the project does not own: without
// KEXIE_SEEDS the test skips with a message; with it, a missing seed fails.
func seedFile(t *testing.T, prefix string) string {
	t.Helper()
	dir := os.Getenv("KEXIE_SEEDS")
	if dir == "" {
		t.Skipf("KEXIE_SEEDS is not set: this test reads seed %s of the seed plans (an extra corpus beside the project)", prefix)
	}
	seeds, _ := filepath.Glob(filepath.Join(dir, prefix+"_*.txt"))
	if len(seeds) != 1 {
		t.Fatalf("seed %s not found under KEXIE_SEEDS=%s", prefix, dir)
	}
	abs, err := filepath.Abs(seeds[0])
	if err != nil {
		t.Fatal(err)
	}
	return abs
}

// trackFixture is a published plan of an org with a unit, an assigned
// target, a progress entry with an evidence file and an evaluation.
type trackFixture struct {
	plan, indicator, progress, file, eval int64
	unit                                  org.Org
}

func newTrackFixture(t *testing.T, ps planSite, orgID int64) trackFixture {
	t.Helper()
	ctx := context.Background()
	s := ps.Plans
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
	if f.unit, err = ps.Orgs.Get(ctx, p.Indicators[0].OrgID); err != nil {
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
