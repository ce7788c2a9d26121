package db_test

import (
	"context"
	"errors"
	"testing"

	"kexie/internal/db"
	"kexie/internal/db/dbtest"
)

// LockRow and LockKey make a read-check-write step see the step before it:
// 20 transactions at once each read a counter and write it plus one; with
// the lock the counter ends at 20 on both databases (without it, 7 to 10 on
// PostgreSQL). An unknown row is ErrNotFound on PostgreSQL; a bad table name panics.
func TestLockRow(t *testing.T) {
	t.Run("row", func(t *testing.T) { testLock(t, false) })
	t.Run("key", func(t *testing.T) { testLock(t, true) })
}

func testLock(t *testing.T, byKey bool) {
	dbtest.Run(t, nil, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		if _, err := d.Exec(ctx, `CREATE TABLE lock_counters (id BIGINT PRIMARY KEY, n BIGINT NOT NULL)`); err != nil {
			t.Fatal(err)
		}
		if _, err := d.Exec(ctx, `INSERT INTO lock_counters (id, n) VALUES (1, 0)`); err != nil {
			t.Fatal(err)
		}
		errs := dbtest.AtOnce(20, func(int) error {
			return d.Tx(ctx, func(tx *db.Tx) error {
				lock := tx.LockRow(ctx, "lock_counters", 1)
				if byKey {
					lock = tx.LockKey(ctx, "locktest:counter")
				}
				if lock != nil {
					return lock
				}
				var n int64
				if err := tx.QueryRow(ctx, `SELECT n FROM lock_counters WHERE id = 1`).Scan(&n); err != nil {
					return err
				}
				_, err := tx.Exec(ctx, `UPDATE lock_counters SET n = ? WHERE id = 1`, n+1)
				return err
			})
		})
		for _, err := range errs {
			if err != nil {
				t.Fatal(err)
			}
		}
		var n int64
		if err := d.QueryRow(ctx, `SELECT n FROM lock_counters WHERE id = 1`).Scan(&n); err != nil {
			t.Fatal(err)
		}
		if n != 20 {
			t.Errorf("counter %d after 20 steps at once (by key: %v), want 20", n, byKey)
		}
		err := d.Tx(ctx, func(tx *db.Tx) error { return tx.LockRow(ctx, "lock_counters", 2) })
		if d.Dialect() == db.Postgres && !errors.Is(err, db.ErrNotFound) {
			t.Errorf("unknown row: %v, want ErrNotFound", err)
		}
		defer func() {
			if recover() == nil {
				t.Error("a bad table name did not panic")
			}
		}()
		_ = d.Tx(ctx, func(tx *db.Tx) error { return tx.LockRow(ctx, "x; DROP TABLE y", 1) })
	})
}
