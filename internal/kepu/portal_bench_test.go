package kepu_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"testing"

	"kexie/internal/calendar"
	"kexie/internal/db/dbtest"
	"kexie/internal/kepu"
	"kexie/internal/web/webtest"
)

// BenchmarkPortalHit serves the portal's home page to an anonymous reader
// from the node's page cache, in process (no network): the whole request
// through the platform's middleware, the cache's check included.
func BenchmarkPortalHit(b *testing.B) {
	d := dbtest.OpenSQLite(b)
	ws := webtest.New(b, d)
	s := kepu.NewStore(d, &fakePeople{}, calendar.Fixed{C: calendar.New(calendar.Shipped())})
	ws.Start(kepu.Module(s, ws.Orgs, kepu.Config{Key: webtest.Key("kepu")}))
	h := ws.Web.Handler()
	get := func() *httptest.ResponseRecorder {
		r := httptest.NewRequestWithContext(context.Background(), "GET", "/kepu", nil)
		r.Header.Set("Cookie", "kexie_lang=zh-CN")
		w := httptest.NewRecorder()
		h.ServeHTTP(w, r)
		return w
	}
	if w := get(); w.Code != http.StatusOK {
		b.Fatalf("/kepu: %d", w.Code)
	}
	b.Run("serial", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if w := get(); w.Code != http.StatusOK {
				b.Fatalf("/kepu: %d", w.Code)
			}
		}
	})
	b.Run("parallel", func(b *testing.B) {
		b.ReportAllocs()
		b.SetParallelism(4) // eight requests at once on two CPUs, as wrk -c8
		b.RunParallel(func(pb *testing.PB) {
			for pb.Next() {
				if w := get(); w.Code != http.StatusOK {
					b.Errorf("/kepu: %d", w.Code)
					return
				}
			}
		})
	})
}
