package db

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
)

// ErrNotEmpty is returned when a restore would overwrite existing data.
var ErrNotEmpty = errors.New("database is not empty")

// BackupSQLite writes a consistent copy of the live SQLite database to file
// with VACUUM INTO, which reads one snapshot while the server keeps serving.
// file must not exist; it is created readable by the server's user only.
func (d *DB) BackupSQLite(ctx context.Context, file string) error {
	if d.dialect != SQLite {
		return errors.New("db: BackupSQLite on a PostgreSQL database: use pg_dump (see README)")
	}
	// VACUUM INTO writes into an empty file that exists, keeping its mode.
	if err := createPrivate(file); err != nil {
		return err
	}
	if _, err := d.w.ExecContext(ctx, `VACUUM INTO ?`, file); err != nil {
		os.Remove(file)
		return fmt.Errorf("db: backup: %w", err)
	}
	return nil
}

// Empty reports whether the database holds no Kexie data (no migrations
// applied, or no rows in any table this process knows nothing about is not
// checked: a migrated database counts as non-empty).
func (d *DB) Empty(ctx context.Context) (bool, error) {
	var q string
	if d.dialect == Postgres {
		q = `SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'`
	} else {
		q = `SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`
	}
	var n int
	if err := d.r.QueryRowContext(ctx, q).Scan(&n); err != nil {
		return false, fmt.Errorf("db: count tables: %w", err)
	}
	return n == 0, nil
}

// RestoreSQLite replaces the SQLite database at target with the backup in
// file. It refuses when target holds tables unless force is set. The server
// must not be running on target. The backup is checked with
// PRAGMA integrity_check before anything is replaced, and the swap is a
// rename, so a failure leaves the old database in place.
func RestoreSQLite(ctx context.Context, file, target string, force bool) error {
	src, err := Open(ctx, file)
	if err != nil {
		return fmt.Errorf("db: restore: open backup: %w", err)
	}
	var res string
	err = src.r.QueryRowContext(ctx, `PRAGMA integrity_check`).Scan(&res)
	empty, err2 := src.Empty(ctx)
	src.Close()
	if err != nil {
		return fmt.Errorf("db: restore: %s is not a SQLite database: %w", file, err)
	}
	if res != "ok" {
		return fmt.Errorf("db: restore: %s failed the integrity check: %s", file, res)
	}
	if err2 != nil || empty {
		return fmt.Errorf("db: restore: %s holds no Kexie data", file)
	}
	if _, err := os.Stat(target); err == nil {
		cur, err := Open(ctx, target)
		if err != nil {
			return fmt.Errorf("db: restore: open %s: %w", target, err)
		}
		empty, err := cur.Empty(ctx)
		cur.Close()
		if err != nil {
			return err
		}
		if !empty && !force {
			return fmt.Errorf("db: restore into %s: %w (pass --force to overwrite it)", target, ErrNotEmpty)
		}
	}
	if err := os.MkdirAll(filepath.Dir(target), DirMode); err != nil {
		return err
	}
	tmp := target + ".restore"
	if err := copyFile(file, tmp); err != nil {
		return fmt.Errorf("db: restore: copy: %w", err)
	}
	for _, ext := range []string{"-wal", "-shm"} {
		if err := os.Remove(target + ext); err != nil && !errors.Is(err, os.ErrNotExist) {
			return fmt.Errorf("db: restore: %w", err)
		}
	}
	if err := os.Rename(tmp, target); err != nil {
		return fmt.Errorf("db: restore: %w", err)
	}
	return nil
}

func copyFile(from, to string) error {
	in, err := os.Open(from)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(to, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, FileMode)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	if err := out.Sync(); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}
