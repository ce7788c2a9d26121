package db_test

import (
	"context"
	"errors"
	"path/filepath"
	"testing"

	"kexie/internal/db"
	"kexie/internal/db/dbtest"
)

func TestBackupRestoreSQLite(t *testing.T) {
	ctx := context.Background()
	d := dbtest.OpenSQLite(t, testSet)
	if _, err := d.Exec(ctx, `INSERT INTO items (id, path) VALUES (?, ?)`, d.NewID(), "/1/"); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	backup := filepath.Join(dir, "backup.db")
	if err := d.BackupSQLite(ctx, backup); err != nil {
		t.Fatal(err)
	}
	if err := d.BackupSQLite(ctx, backup); err == nil {
		t.Error("backup over an existing file succeeded")
	}

	// Into a fresh path: allowed.
	fresh := filepath.Join(dir, "fresh", "kexie.db")
	if err := db.RestoreSQLite(ctx, backup, fresh, false); err != nil {
		t.Fatalf("restore into fresh: %v", err)
	}
	r, err := db.Open(ctx, fresh)
	if err != nil {
		t.Fatal(err)
	}
	var n int
	if err := r.QueryRow(ctx, `SELECT COUNT(*) FROM items`).Scan(&n); err != nil || n != 1 {
		t.Errorf("restored items = %d, %v; want 1", n, err)
	}
	r.Close()

	// Into a non-empty database: refused without force, done with it.
	if err := db.RestoreSQLite(ctx, backup, fresh, false); !errors.Is(err, db.ErrNotEmpty) {
		t.Errorf("restore into non-empty = %v, want ErrNotEmpty", err)
	}
	if err := db.RestoreSQLite(ctx, backup, fresh, true); err != nil {
		t.Errorf("forced restore: %v", err)
	}

	// A file that is not a database is refused and changes nothing.
	junk := filepath.Join(dir, "junk.db")
	if err := db.RestoreSQLite(ctx, junk, fresh, true); err == nil {
		t.Error("restore of a missing/empty file succeeded")
	}
}
