package app

import (
	"fmt"
	"strings"
	"testing"

	"kexie/internal/access"
	"kexie/internal/db/dbtest"
)

func dashboardMatrix() []matrixCase {
	return []matrixCase{
		{"GET /dashboard", "/dashboard", nil, staff},
		{"GET /dashboard/compare", "/dashboard/compare", nil, staff},
	}
}

// TestDashboardReadsEveryModule: 数据总览 at the root reads every source
// the modules publish, on both databases, after the modules' fixtures
// seeded them: none fails, each area has its name (no raw key), and the
// comparison across cities reads each source.
func TestDashboardReadsEveryModule(t *testing.T) {
	for _, dialect := range []string{"sqlite", "postgres"} {
		t.Run(dialect, func(t *testing.T) {
			var dsn string
			if dialect == "sqlite" {
				dsn = dbtest.OpenSQLite(t).DSN()
			} else {
				dsn = dbtest.PostgresDSN(t)
			}
			ta := newTestApp(t, dsn)
			var seeds moduleSeeds
			seedForNoGrant(t, ta, &seeds)
			newEventFixture(t, ta)
			newVolunteerFixture(t, ta)
			admin, _ := ta.user(t, "dashroot", access.OrgAdmin, ta.root)
			res, body := admin.get("/dashboard")
			if res.StatusCode != 200 || strings.Contains(body, "暂时无法计算") || strings.Contains(body, "dashboard.module.") {
				t.Fatalf("overview: %d\n%.3000s", res.StatusCode, body[strings.Index(body, "<main"):])
			}
			srcs := ta.Sources.List()
			if n := strings.Count(body, `href="/dashboard/compare?key=`); n != len(srcs) {
				t.Errorf("%d rows for %d sources", n, len(srcs))
			}
			for _, s := range srcs {
				res, body := admin.get(fmt.Sprintf("/dashboard/compare?key=%s", s.Key))
				if res.StatusCode != 200 || !strings.Contains(body, ta.city.Name) || !strings.Contains(body, ta.peer.Name) {
					t.Errorf("compare %s: %d", s.Key, res.StatusCode)
				}
			}
		})
	}
}
