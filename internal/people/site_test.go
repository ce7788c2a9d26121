package people_test

import (
	"context"
	"io"
	"log/slog"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"kexie/internal/db"
	"kexie/internal/db/dbtest"
	"kexie/internal/jobs"
	"kexie/internal/people"
	"kexie/internal/web/webtest"
)

// peopleSite is the people module served on the platform over d, with the
// root org and two cities (webtest.New), and the module's store.
type peopleSite struct {
	*webtest.Site
	People *people.Store
}

func servePeople(t testing.TB, d *db.DB) peopleSite {
	t.Helper()
	ws := webtest.New(t, d)
	s := people.NewStore(d, webtest.Keyring(t))
	// Large imports run as jobs of a runner of this test's own.
	r := jobs.NewRunner(d, jobs.Config{Poll: 20 * time.Millisecond, Log: slog.New(slog.NewTextHandler(io.Discard, nil))})
	s.UseJobs(r, filepath.Join(t.TempDir(), "uploads"))
	ws.Start(people.Module(s, ws.Orgs), jobs.Module(r, nil))
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() {
		defer close(done)
		r.Run(ctx)
	}()
	t.Cleanup(func() { cancel(); <-done })
	return peopleSite{Site: ws, People: s}
}

// eachDB runs fn with the people module served on SQLite, then on
// PostgreSQL.
func eachDB(t *testing.T, fn func(t *testing.T, ps peopleSite)) {
	t.Helper()
	dbtest.Run(t, nil, func(t *testing.T, d *db.DB) { fn(t, servePeople(t, d)) })
}

// webDisciplines is a small table of our own in the shape of GB/T 13745.
const webDisciplines = "代码,名称\n110,数学\n11014,代数学\n1101410,线性代数\n11021,几何学\n120,信息科学与系统科学\n"

func loadWebDisciplines(t testing.TB, s *people.Store) {
	t.Helper()
	if _, errs, err := s.ImportDisciplines(context.Background(), strings.NewReader(webDisciplines)); err != nil || len(errs) > 0 {
		t.Fatalf("import disciplines: %v %v", errs, err)
	}
}
