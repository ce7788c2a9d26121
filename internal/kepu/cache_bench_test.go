package kepu_test

import (
	"context"
	"testing"

	"kexie/internal/db"
	"kexie/internal/db/dbtest"
	"kexie/internal/kepu"
	"kexie/internal/web/webtest"
)

// BenchmarkVersionCheck compares the portal's check before and after D75's
// amendment on one database: a primary-key read of a one-row table of its
// own (kepu_state, rebuilt here as it was) against the request's reading
// of every cache's counter (db.Versions under a fresh request context).
func BenchmarkVersionCheck(b *testing.B) {
	for _, name := range []string{"sqlite", "postgres"} {
		b.Run(name, func(b *testing.B) {
			var d *db.DB
			if name == "sqlite" {
				d = dbtest.OpenSQLite(b)
			} else {
				d = dbtest.OpenPostgres(b)
			}
			webtest.New(b, d) // the platform's tables, org and auth counters
			ctx := context.Background()
			if err := d.Migrate(ctx, kepu.Migrations()); err != nil {
				b.Fatal(err)
			}
			if _, err := d.Exec(ctx, `CREATE TABLE bench_kepu_state (id INTEGER PRIMARY KEY, version BIGINT NOT NULL)`); err != nil {
				b.Fatal(err)
			}
			if _, err := d.Exec(ctx, `INSERT INTO bench_kepu_state (id, version) VALUES (1, 1)`); err != nil {
				b.Fatal(err)
			}
			b.Run("own-row", func(b *testing.B) {
				for b.Loop() {
					var v int64
					if err := d.QueryRow(ctx, `SELECT version FROM bench_kepu_state WHERE id = 1`).Scan(&v); err != nil {
						b.Fatal(err)
					}
				}
			})
			b.Run("cache_versions", func(b *testing.B) {
				for b.Loop() {
					vs, err := d.Versions(db.WithVersions(ctx))
					if err != nil || vs["kepu"] == 0 {
						b.Fatal(vs, err)
					}
				}
			})
		})
	}
}
