package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"

	"kexie/internal/app"
	"kexie/internal/db"
)

// cmdBackup: kexie backup FILE. On SQLite a consistent online copy (VACUUM
// INTO) while the server runs; on PostgreSQL it runs pg_dump --format=custom.
// The file is created readable by the server's user only (0600).
func cmdBackup(ctx context.Context, e *env, args []string) error {
	fs := e.flags("backup")
	file, err := oneArg(fs, args, "want: backup FILE")
	if err != nil {
		return err
	}
	dsn := e.cfg.DatabaseDSN()
	if db.IsPostgres(dsn) {
		// pg_dump writes into the private file made here, keeping its mode.
		if err := db.CreateBackupFile(file); err != nil {
			return err
		}
		cmd := exec.CommandContext(ctx, "pg_dump", "--format=custom", "--no-owner", "--file", file, "--dbname", dsn)
		cmd.Stdout, cmd.Stderr = e.stdout, e.stderr
		if err := cmd.Run(); err != nil {
			os.Remove(file)
			return fmt.Errorf("pg_dump: %w", err)
		}
		fmt.Fprintf(e.stdout, "backup written to %s (pg_dump custom format)\n", file)
		return nil
	}
	a, err := e.open(ctx)
	if err != nil {
		return err
	}
	defer a.Close()
	if err := a.DB.BackupSQLite(ctx, file); err != nil {
		return err
	}
	st, err := os.Stat(file)
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "backup written to %s (%d bytes)\n", file, st.Size())
	return nil
}

// cmdRestore: kexie restore FILE [--force]. Refuses to overwrite a database
// that holds data unless --force is given. Stop the server first.
func cmdRestore(ctx context.Context, e *env, args []string) error {
	fs := e.flags("restore")
	force := fs.Bool("force", false, "overwrite a database that already holds data")
	file, err := oneArg(fs, args, "want: restore FILE [--force]")
	if err != nil {
		return err
	}
	if _, err := os.Stat(file); err != nil {
		return fmt.Errorf("backup file: %w", err)
	}
	dsn := e.cfg.DatabaseDSN()
	if db.IsPostgres(dsn) {
		d, err := db.Open(ctx, dsn)
		if err != nil {
			return err
		}
		empty, err := d.Empty(ctx)
		d.Close()
		if err != nil {
			return err
		}
		if !empty && !*force {
			return fmt.Errorf("restore: %w (pass --force to replace its contents)", db.ErrNotEmpty)
		}
		cmd := exec.CommandContext(ctx, "pg_restore", "--clean", "--if-exists", "--no-owner", "--exit-on-error", "--single-transaction", "--dbname", dsn, file)
		cmd.Stdout, cmd.Stderr = e.stdout, e.stderr
		if err := cmd.Run(); err != nil {
			return fmt.Errorf("pg_restore: %w", err)
		}
		fmt.Fprintln(e.stdout, "restored from", file)
		return nil
	}
	if err := db.RestoreSQLite(ctx, file, dsn, *force); err != nil {
		if errors.Is(err, db.ErrNotEmpty) {
			return err
		}
		return err
	}
	// Bring the restored schema up to this binary's version.
	a, err := app.Open(ctx, e.cfg, e.logger())
	if err != nil {
		return err
	}
	defer a.Close()
	if err := a.Migrate(ctx); err != nil {
		return err
	}
	fmt.Fprintln(e.stdout, "restored from", file)
	return nil
}
