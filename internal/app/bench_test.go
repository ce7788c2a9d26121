package app

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"testing"
)

// benchApp seeds 10,000 orgs once per benchmark run.
func benchApp(b *testing.B, dsn string) (*testApp, BenchFixture) {
	b.Helper()
	ta := newTestApp(b, dsn)
	fx, err := ta.SeedOrgTree(context.Background(), 10000, nil)
	if err != nil {
		b.Fatal(err)
	}
	return ta, fx
}

func benchPage(b *testing.B, h http.Handler, token string) {
	b.ReportAllocs()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			req := httptest.NewRequest("GET", "/orgs", nil)
			req.AddCookie(&http.Cookie{Name: "kexie_session", Value: token})
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, req)
			if rec.Code != http.StatusOK {
				b.Fatalf("status %d", rec.Code)
			}
		}
	})
}

// BenchmarkOrgTree compares the authenticated org-tree page with a bare
// handler rendering the same template from memory, on SQLite and PostgreSQL.
func BenchmarkOrgTree(b *testing.B) {
	for _, dialect := range []string{"sqlite", "postgres"} {
		dsn := freshDSN(b, dialect)
		ta, fx := benchApp(b, dsn)
		base, err := ta.BaselineHandler(context.Background(), fx)
		if err != nil {
			b.Fatal(err)
		}
		b.Run(dialect+"/baseline", func(b *testing.B) { benchPage(b, base, fx.Token) })
		b.Run(dialect+"/page", func(b *testing.B) { benchPage(b, ta.Handler(), fx.Token) })
	}
}

// BenchmarkPlanDashboard renders a 200-target plan's dashboard among 10
// plans with 5 years of quarterly progress each (kexie bench plans runs the
// full 50 plans under wrk).
func BenchmarkPlanDashboard(b *testing.B) {
	for _, dialect := range []string{"sqlite", "postgres"} {
		dsn := freshDSN(b, dialect)
		ta := newTestApp(b, dsn)
		fx, err := ta.SeedPlans(context.Background(), 10, 200, 5, nil)
		if err != nil {
			b.Fatal(err)
		}
		h := ta.Handler()
		path := fmt.Sprintf("/plans/%d/dashboard", fx.PlanIDs[5])
		b.Run(dialect, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				req := httptest.NewRequest("GET", path, nil)
				req.AddCookie(&http.Cookie{Name: "kexie_session", Value: fx.Token})
				rec := httptest.NewRecorder()
				h.ServeHTTP(rec, req)
				if rec.Code != http.StatusOK {
					b.Fatalf("status %d", rec.Code)
				}
			}
		})
	}
}
