package db_test

import (
	"context"
	"testing"

	"kexie/internal/db"
	"kexie/internal/db/dbtest"
)

// TestVersionsSnapshot: a request's context reads the counters once and
// reuses the reading until the request itself writes; without such a
// context every call reads afresh.
func TestVersionsSnapshot(t *testing.T) {
	dbtest.Run(t, nil, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		if _, err := d.Exec(ctx, `INSERT INTO cache_versions (name, v) VALUES ('t', 1)`); err != nil {
			t.Fatal(err)
		}
		bump := func(ctx context.Context) {
			t.Helper()
			if _, err := d.Exec(ctx, `UPDATE cache_versions SET v = v + 1 WHERE name = 't'`); err != nil {
				t.Fatal(err)
			}
		}
		get := func(ctx context.Context) int64 {
			t.Helper()
			vs, err := d.Versions(ctx)
			if err != nil {
				t.Fatal(err)
			}
			return vs["t"]
		}
		if got := get(ctx); got != 1 {
			t.Fatalf("plain read = %d, want 1", got)
		}
		req := db.WithVersions(ctx)
		if db.WithVersions(req) != req {
			t.Error("WithVersions on a context that has a reading must keep it")
		}
		if got := get(req); got != 1 {
			t.Fatalf("first read in the request = %d, want 1", got)
		}
		bump(ctx) // another node writes: the request keeps its reading
		if got := get(req); got != 1 {
			t.Errorf("request's reading moved to %d after another context's write; want it kept at 1", got)
		}
		if got := get(ctx); got != 2 {
			t.Errorf("plain read = %d, want 2", got)
		}
		bump(req) // the request writes itself: it reads again
		if got := get(req); got != 3 {
			t.Errorf("after the request's own Exec the reading is %d, want 3", got)
		}
		err := d.Tx(req, func(tx *db.Tx) error {
			_, err := tx.Exec(req, `UPDATE cache_versions SET v = v + 1 WHERE name = 't'`)
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		if got := get(req); got != 4 {
			t.Errorf("after the request's own transaction the reading is %d, want 4", got)
		}
	})
}
