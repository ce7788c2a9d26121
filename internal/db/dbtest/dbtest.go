// Package dbtest runs a test body against every database Kexie supports:
// a fresh SQLite file, then a fresh PostgreSQL schema. It must only be
// imported by tests.
package dbtest

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"net/url"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"kexie/internal/db"
	"kexie/internal/testenv"
)

// AuditKey keys the audit chain of every test database.
var AuditKey = []byte("kexie test audit key, 32 bytes!!")

// Run calls fn once per dialect, as a named subtest, with a migrated,
// isolated database. The PostgreSQL run fails under CI=true when the server
// cannot be reached and is skipped with a message elsewhere.
func Run(t *testing.T, sets []db.Migrations, fn func(t *testing.T, d *db.DB)) {
	t.Helper()
	t.Run("sqlite", func(t *testing.T) {
		fn(t, OpenSQLite(t, sets...))
	})
	t.Run("postgres", func(t *testing.T) {
		fn(t, OpenPostgres(t, sets...))
	})
}

// Bench is Run for a benchmark: fn once per dialect, as a named
// sub-benchmark, with a migrated, isolated database.
func Bench(b *testing.B, sets []db.Migrations, fn func(b *testing.B, d *db.DB)) {
	b.Helper()
	b.Run("sqlite", func(b *testing.B) { fn(b, OpenSQLite(b, sets...)) })
	b.Run("postgres", func(b *testing.B) { fn(b, OpenPostgres(b, sets...)) })
}

// Analyze gives a freshly loaded database the statistics (and, on
// PostgreSQL, the visibility map) a database in use has — autovacuum runs
// after such a load, SQLite's optimize too — so a benchmark does not depend
// on whether the planner has any yet.
func Analyze(tb testing.TB, d *db.DB) {
	tb.Helper()
	stmt := `ANALYZE`
	if d.Dialect() == db.Postgres {
		stmt = `VACUUM ANALYZE`
	}
	if _, err := d.Exec(context.Background(), stmt); err != nil {
		tb.Fatal(err)
	}
}

// Insert loads n rows for a benchmark in one transaction, 400 to a
// statement: head is "INSERT INTO t (a, b, …) VALUES ", row the
// placeholders of one row ("(?, ?, …)", literals allowed), and values row
// j's arguments (tx for new ids).
func Insert(tb testing.TB, d *db.DB, head, row string, n int, values func(tx *db.Tx, j int) []any) {
	tb.Helper()
	const batch = 400
	err := d.Tx(context.Background(), func(tx *db.Tx) error {
		for i := 0; i < n; i += batch {
			var q strings.Builder
			q.WriteString(head)
			var args []any
			for j := i; j < min(i+batch, n); j++ {
				if j > i {
					q.WriteString(", ")
				}
				q.WriteString(row)
				args = append(args, values(tx, j)...)
			}
			if _, err := tx.Exec(context.Background(), q.String(), args...); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		tb.Fatal(err)
	}
}

// OpenSQLite returns a migrated database in a new file under t.TempDir().
func OpenSQLite(t testing.TB, sets ...db.Migrations) *db.DB {
	t.Helper()
	d, err := db.Open(context.Background(), filepath.Join(t.TempDir(), "kexie.db"))
	if err != nil {
		t.Fatalf("open sqlite: %v", err)
	}
	d.SetAuditKey(AuditKey)
	t.Cleanup(func() { d.Close() })
	if err := d.Migrate(context.Background(), sets...); err != nil {
		t.Fatalf("migrate sqlite: %v", err)
	}
	return d
}

// PostgresDSN creates a new, empty schema in the test server and returns a
// DSN whose search_path points at it; the schema is dropped at cleanup.
func PostgresDSN(t testing.TB) string {
	t.Helper()
	base := testenv.PostgresURL(t)
	b := make([]byte, 6)
	if _, err := rand.Read(b); err != nil {
		t.Fatal(err)
	}
	schema := "t_" + hex.EncodeToString(b)
	admin, err := sql.Open("pgx", base)
	if err != nil {
		t.Fatalf("open postgres: %v", err)
	}
	defer admin.Close()
	if _, err := admin.Exec(`CREATE SCHEMA ` + schema); err != nil {
		t.Fatalf("postgres at %s: create schema: %v", base, err)
	}
	t.Cleanup(func() {
		a, err := sql.Open("pgx", base)
		if err != nil {
			return
		}
		defer a.Close()
		if _, err := a.Exec(`DROP SCHEMA ` + schema + ` CASCADE`); err != nil {
			t.Logf("drop schema %s: %v", schema, err)
		}
	})
	u, err := url.Parse(base)
	if err != nil {
		t.Fatalf("parse KEXIE_TEST_PG: %v", err)
	}
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	return u.String()
}

// OpenPostgres returns a migrated database in a new schema.
func OpenPostgres(t testing.TB, sets ...db.Migrations) *db.DB {
	t.Helper()
	dsn := PostgresDSN(t)
	d, err := db.Open(context.Background(), dsn)
	if err != nil {
		t.Fatalf("open postgres: %v", err)
	}
	d.SetAuditKey(AuditKey)
	t.Cleanup(func() { d.Close() })
	if err := d.Migrate(context.Background(), sets...); err != nil {
		t.Fatalf("migrate postgres: %v", err)
	}
	return d
}

// AtOnce runs fn(0) … fn(n-1) in n goroutines released together (each
// waits at a barrier until all have started), and returns their errors in
// order: a store test calls a step n times at once with it to see whether
// the step holds on PostgreSQL, where db.Tx takes no lock by itself.
func AtOnce(n int, fn func(i int) error) []error {
	errs := make([]error, n)
	var ready, done sync.WaitGroup
	start := make(chan struct{})
	ready.Add(n)
	done.Add(n)
	for i := 0; i < n; i++ {
		go func(i int) {
			defer done.Done()
			ready.Done()
			<-start
			errs[i] = fn(i)
		}(i)
	}
	ready.Wait()
	close(start)
	done.Wait()
	return errs
}

// Went counts the calls of an AtOnce that went through (a nil error). Each
// other error must be one refused says is the step's own refusal (the
// status already moved on, a bound reached); any other is reported as
// unexpected, so a raw database error never passes for a refusal.
func Went(t testing.TB, errs []error, refused func(error) bool) int {
	t.Helper()
	n := 0
	for i, err := range errs {
		switch {
		case err == nil:
			n++
		case !refused(err):
			t.Errorf("call %d at once: unexpected %v", i, err)
		}
	}
	return n
}
