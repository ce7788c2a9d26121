package db

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// The modes of what Kexie writes to disk: the data directory, its key
// directory and the database files hold every person's data, so only the
// server's own user may read them.
const (
	DirMode  fs.FileMode = 0o700
	FileMode fs.FileMode = 0o600
)

// TightenDataDir makes dir, the files directly in it, its keys directory
// and the files in that private to the server's user, where an earlier
// version (or a hand-made directory) left them readable by others. It
// returns the paths it changed, for the caller to log; a missing dir is
// not an error.
func TightenDataDir(dir string) ([]string, error) {
	var changed []string
	tighten := func(path string, mode fs.FileMode) error {
		st, err := os.Stat(path)
		if errors.Is(err, os.ErrNotExist) {
			return nil
		}
		if err != nil {
			return err
		}
		if st.Mode().Perm()&^mode == 0 {
			return nil
		}
		if err := os.Chmod(path, mode); err != nil {
			return fmt.Errorf("db: tighten %s: %w", path, err)
		}
		changed = append(changed, path)
		return nil
	}
	for _, sub := range []string{dir, filepath.Join(dir, "keys")} {
		if err := tighten(sub, DirMode); err != nil {
			return changed, err
		}
		entries, err := os.ReadDir(sub)
		if errors.Is(err, os.ErrNotExist) {
			continue
		}
		if err != nil {
			return changed, fmt.Errorf("db: tighten %s: %w", sub, err)
		}
		for _, e := range entries {
			if e.Type().IsRegular() {
				if err := tighten(filepath.Join(sub, e.Name()), FileMode); err != nil {
					return changed, err
				}
			}
		}
	}
	return changed, nil
}

// privateSQLiteFiles creates the database file with FileMode before SQLite
// does (SQLite gives its -wal and -shm files the mode of the database
// file), and tightens an existing database and its -wal and -shm files.
func privateSQLiteFiles(path string) error {
	if path == "" || strings.HasPrefix(path, ":") {
		return nil // an in-memory database
	}
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, FileMode)
	if err != nil {
		return fmt.Errorf("db: create %s: %w", path, err)
	}
	if err := f.Close(); err != nil {
		return err
	}
	for _, p := range []string{path, path + "-wal", path + "-shm"} {
		st, err := os.Stat(p)
		if errors.Is(err, os.ErrNotExist) {
			continue
		}
		if err != nil {
			return err
		}
		if st.Mode().Perm()&^FileMode != 0 {
			if err := os.Chmod(p, FileMode); err != nil {
				return fmt.Errorf("db: tighten %s: %w", p, err)
			}
		}
	}
	return nil
}

// createPrivate creates file, which must not exist, empty and with
// FileMode, for a tool (VACUUM INTO, pg_dump) to write into.
func createPrivate(file string) error {
	f, err := os.OpenFile(file, os.O_WRONLY|os.O_CREATE|os.O_EXCL, FileMode)
	if errors.Is(err, os.ErrExist) {
		return fmt.Errorf("db: backup: %s already exists", file)
	}
	if err != nil {
		return fmt.Errorf("db: backup: %w", err)
	}
	return f.Close()
}

// CreateBackupFile creates the empty, private file a backup tool (pg_dump)
// then writes into, so the copy is never readable by others, not even for
// a moment. file must not exist.
func CreateBackupFile(file string) error { return createPrivate(file) }
