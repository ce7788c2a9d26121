//go:build unix

package db_test

import (
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"syscall"
	"testing"

	"kexie/internal/db"
)

func mode(t *testing.T, path string) fs.FileMode {
	t.Helper()
	st, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	return st.Mode().Perm()
}

// withUmask runs the test under the usual umask 022, under which files are
// created world-readable unless the code asks otherwise.
func withUmask(t *testing.T) {
	old := syscall.Umask(0o022)
	t.Cleanup(func() { syscall.Umask(old) })
}

// A new data directory, its database and the -wal and -shm files SQLite
// creates beside it are private to the server's user.
func TestNewDatabaseFilesPrivate(t *testing.T) {
	withUmask(t)
	ctx := context.Background()
	dir := filepath.Join(t.TempDir(), "kexie-data")
	path := filepath.Join(dir, "kexie.db")
	d, err := db.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	if err := d.Migrate(ctx, testSet); err != nil {
		t.Fatal(err)
	}
	if _, err := d.Exec(ctx, `INSERT INTO items (id, path) VALUES (?, ?)`, d.NewID(), "/1/"); err != nil {
		t.Fatal(err)
	}
	if got := mode(t, dir); got != 0o700 {
		t.Errorf("data directory: %v, want 0700", got)
	}
	for _, p := range []string{path, path + "-wal", path + "-shm"} {
		if got := mode(t, p); got != 0o600 {
			t.Errorf("%s: %v, want 0600", filepath.Base(p), got)
		}
	}
	backup := filepath.Join(t.TempDir(), "backup.db")
	if err := d.BackupSQLite(ctx, backup); err != nil {
		t.Fatal(err)
	}
	if got := mode(t, backup); got != 0o600 {
		t.Errorf("backup: %v, want 0600", got)
	}
	if err := db.CreateBackupFile(backup); err == nil {
		t.Error("CreateBackupFile over an existing file succeeded")
	}
}

// A data directory left world-readable by an older version is tightened:
// the directory, the database files and the key directory and file.
func TestTightenDataDir(t *testing.T) {
	withUmask(t)
	ctx := context.Background()
	dir := filepath.Join(t.TempDir(), "kexie-data")
	path := filepath.Join(dir, "kexie.db")
	d, err := db.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	if err := d.Migrate(ctx, testSet); err != nil {
		t.Fatal(err)
	}
	d.Close()
	if err := os.MkdirAll(filepath.Join(dir, "keys"), 0o755); err != nil {
		t.Fatal(err)
	}
	key := filepath.Join(dir, "keys", "secret.key")
	if err := os.WriteFile(key, []byte("00\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for p, m := range map[string]fs.FileMode{dir: 0o755, filepath.Join(dir, "keys"): 0o755, path: 0o644} {
		if err := os.Chmod(p, m); err != nil {
			t.Fatal(err)
		}
	}
	changed, err := db.TightenDataDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{dir, path, filepath.Join(dir, "keys"), key}
	if !slices.Equal(changed, want) {
		t.Errorf("changed %q, want %q", changed, want)
	}
	for p, m := range map[string]fs.FileMode{dir: 0o700, filepath.Join(dir, "keys"): 0o700, path: 0o600, key: 0o600} {
		if got := mode(t, p); got != m {
			t.Errorf("%s: %v, want %v", p, got, m)
		}
	}
	if again, err := db.TightenDataDir(dir); err != nil || len(again) != 0 {
		t.Errorf("second pass changed %q, %v", again, err)
	}
	if none, err := db.TightenDataDir(filepath.Join(dir, "missing")); err != nil || len(none) != 0 {
		t.Errorf("missing directory: %q, %v", none, err)
	}

	// Opening a world-readable database tightens it too.
	if err := os.Chmod(path, 0o644); err != nil {
		t.Fatal(err)
	}
	if d, err = db.Open(ctx, path); err != nil {
		t.Fatal(err)
	}
	d.Close()
	if got := mode(t, path); got != 0o600 {
		t.Errorf("database after Open: %v, want 0600", got)
	}
}
