package plan_test

import (
	"os"
	"path/filepath"
	"testing"

	"kexie/internal/db"
	"kexie/internal/db/dbtest"
	"kexie/internal/plan"
	"kexie/internal/plan/plantest"
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

// newTrackFixture is a published plan of an org with a unit, an assigned
// target, a progress entry with an evidence file and an evaluation.
func newTrackFixture(t *testing.T, ps planSite, orgID int64) plantest.Track {
	return plantest.NewTrack(t, ps.Plans, ps.Orgs, orgID)
}
