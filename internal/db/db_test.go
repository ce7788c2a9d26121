package db_test

import (
	"context"
	"errors"
	"sync"
	"testing"
	"testing/fstest"

	"kexie/internal/access"
	"kexie/internal/db"
	"kexie/internal/db/dbtest"
)

func TestRebind(t *testing.T) {
	tests := []struct{ in, want string }{
		{"SELECT 1", "SELECT 1"},
		{"a = ? AND b = ?", "a = $1 AND b = $2"},
		{"x = '?' AND y = ?", "x = '?' AND y = $1"},
		{`"we?ird" = ? -- what?` + "\n" + "AND z = ?", `"we?ird" = $1 -- what?` + "\n" + "AND z = $2"},
		{"unterminated '?", "unterminated '?"},
	}
	for _, tt := range tests {
		if got := db.Rebind(tt.in); got != tt.want {
			t.Errorf("Rebind(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

var testSet = db.Migrations{Module: "t", FS: fstest.MapFS{
	"001_items.sql":          {Data: []byte("CREATE TABLE items (id BIGINT PRIMARY KEY, path TEXT NOT NULL UNIQUE, note TEXT);")},
	"002_index.sqlite.sql":   {Data: []byte("CREATE INDEX items_path_sqlite ON items (path);")},
	"002_index.postgres.sql": {Data: []byte("CREATE INDEX items_path_pg ON items (path text_pattern_ops);")},
	"002_index.sql":          {Data: []byte("this generic file must never run when both dialect files exist")},
}}

func TestMigrateAndStore(t *testing.T) {
	dbtest.Run(t, []db.Migrations{testSet}, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		// Migrating again is a no-op.
		if err := d.Migrate(ctx, testSet); err != nil {
			t.Fatalf("second Migrate: %v", err)
		}
		st, err := d.MigrationStatus(ctx, testSet)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range st {
			if m.AppliedAt.IsZero() {
				t.Errorf("migration %s/%d not applied", m.Module, m.Version)
			}
		}
		if got, want := len(st), 7; got != want { // core 001–005, items 001–002
			t.Errorf("got %d migrations, want %d", got, want)
		}

		paths := []string{"/1/", "/1/2/", "/1/2/3/", "/1/20/", "/4/"}
		err = d.Tx(ctx, func(tx *db.Tx) error {
			for _, p := range paths {
				if _, err := tx.Exec(ctx, `INSERT INTO items (id, path) VALUES (?, ?)`, tx.NewID(), p); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		cond, arg := db.PrefixMatch(d, "path", "/1/2/")
		var n int
		if err := d.QueryRow(ctx, `SELECT COUNT(*) FROM items WHERE `+cond, arg).Scan(&n); err != nil {
			t.Fatal(err)
		}
		if n != 2 {
			t.Errorf("prefix /1/2/ matched %d rows, want 2", n)
		}

		for _, tt := range []struct {
			scope access.Scope
			want  int
		}{{access.Scope{}, 0}, {access.Everywhere(), 5}, {access.Subtrees("/1/2/"), 2},
			{access.Subtrees("/1/2/", "/4/"), 3}, {access.Subtrees("/1/"), 4}} {
			cond, args := db.ScopeCond(d, "path", tt.scope)
			if err := d.QueryRow(ctx, `SELECT COUNT(*) FROM items WHERE `+cond, args...).Scan(&n); err != nil {
				t.Fatal(err)
			}
			if n != tt.want {
				t.Errorf("scope %v matched %d rows, want %d", tt.scope, n, tt.want)
			}
		}

		// ScopeIn narrows to an org's subtree inside the scope; an org
		// outside it, or an empty scope, matches nothing (ok false).
		for _, tt := range []struct {
			scope access.Scope
			org   string
			want  int // -1: ok is false
		}{{access.Everywhere(), "", 5}, {access.Everywhere(), "/1/2/", 2}, {access.Subtrees("/1/"), "/1/2/", 2},
			{access.Subtrees("/1/2/"), "/1/", -1}, {access.Subtrees("/4/"), "/1/2/", -1}, {access.Scope{}, "", -1}} {
			cond, args, ok := db.ScopeIn(d, "path", tt.scope, tt.org)
			if !ok {
				if tt.want != -1 {
					t.Errorf("ScopeIn(%v, %q): nothing can match, want %d rows", tt.scope, tt.org, tt.want)
				}
				continue
			}
			if err := d.QueryRow(ctx, `SELECT COUNT(*) FROM items WHERE `+cond, args...).Scan(&n); err != nil {
				t.Fatal(err)
			}
			if n != tt.want {
				t.Errorf("ScopeIn(%v, %q) matched %d rows, want %d", tt.scope, tt.org, n, tt.want)
			}
		}

		_, err = d.Exec(ctx, `INSERT INTO items (id, path) VALUES (?, ?)`, d.NewID(), "/4/")
		if !db.IsUniqueViolation(err) {
			t.Errorf("duplicate path: got %v, want a unique violation", err)
		}

		// A failing transaction leaves nothing behind.
		boom := errors.New("boom")
		err = d.Tx(ctx, func(tx *db.Tx) error {
			if _, err := tx.Exec(ctx, `INSERT INTO items (id, path) VALUES (?, ?)`, tx.NewID(), "/9/"); err != nil {
				return err
			}
			return boom
		})
		if !errors.Is(err, boom) {
			t.Fatalf("Tx error = %v, want boom", err)
		}
		if err := d.QueryRow(ctx, `SELECT COUNT(*) FROM items WHERE path = ?`, "/9/").Scan(&n); err != nil {
			t.Fatal(err)
		}
		if n != 0 {
			t.Errorf("rolled-back row is visible")
		}
	})
}

func TestIDsUniqueAcrossProcesses(t *testing.T) {
	dbtest.Run(t, nil, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		// A second handle on the same database stands in for a second node.
		d2, err := db.Open(ctx, d.DSN())
		if err != nil {
			t.Fatal(err)
		}
		defer d2.Close()
		if err := d2.Migrate(ctx); err != nil {
			t.Fatal(err)
		}
		var mu sync.Mutex
		seen := map[int64]bool{}
		var wg sync.WaitGroup
		for _, h := range []*db.DB{d, d2, d, d2} {
			wg.Add(1)
			go func() {
				defer wg.Done()
				var last int64
				for range 5000 {
					id := h.NewID()
					if id <= last {
						t.Errorf("IDs not increasing: %d after %d", id, last)
						return
					}
					last = id
					mu.Lock()
					if seen[id] {
						t.Errorf("duplicate ID %d", id)
					}
					seen[id] = true
					mu.Unlock()
				}
			}()
		}
		wg.Wait()
	})
}
