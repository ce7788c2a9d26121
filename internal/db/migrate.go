package db

import (
	"context"
	"embed"
	"fmt"
	"io/fs"
	"sort"
	"strconv"
	"strings"
	"time"
)

//go:embed migrations/*.sql
var coreFS embed.FS

// Migrations is one module's set of numbered SQL files, "NNN_name.sql" at the
// root of FS. A type the two databases spell differently is written in a
// shared file as a placeholder (see dialectType): {{blob}} for bytes,
// {{serial_pk}} for an auto-numbered primary key. Only where the statements
// themselves differ (an index operator class, FTS5 against a tsvector) do
// "NNN_name.sqlite.sql" and "NNN_name.postgres.sql" replace the plain file
// for that dialect, and they hold only those statements.
// Migrations are forward-only; each file runs in its own transaction.
type Migrations struct {
	Module string
	FS     fs.FS
}

// Core returns the migrations this package itself owns; they run first.
func Core() Migrations {
	sub, err := fs.Sub(coreFS, "migrations")
	if err != nil {
		panic(err) // the embedded folder is part of the binary
	}
	return Migrations{Module: "db", FS: sub}
}

// Migration is one step and whether it has been applied.
type Migration struct {
	Module    string
	Version   int
	Name      string
	AppliedAt time.Time // zero when pending
	sql       string
}

// list reads the steps of m for dialect.
func (m Migrations) list(dialect Dialect) ([]Migration, error) {
	entries, err := fs.ReadDir(m.FS, ".")
	if err != nil {
		return nil, fmt.Errorf("db: read migrations of %s: %w", m.Module, err)
	}
	type pick struct {
		name     string
		file     string
		specific bool
	}
	byVersion := map[int]pick{}
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() || !strings.HasSuffix(name, ".sql") {
			continue
		}
		base := strings.TrimSuffix(name, ".sql")
		specific := false
		switch {
		case strings.HasSuffix(base, ".sqlite"), strings.HasSuffix(base, ".postgres"):
			d := base[strings.LastIndexByte(base, '.')+1:]
			if Dialect(d) != dialect {
				continue
			}
			base = strings.TrimSuffix(base, "."+d)
			specific = true
		}
		num, label, ok := strings.Cut(base, "_")
		v, err := strconv.Atoi(num)
		if !ok || err != nil || v <= 0 {
			return nil, fmt.Errorf("db: migration %s/%s: name must be NNN_name.sql", m.Module, name)
		}
		if old, dup := byVersion[v]; dup {
			if old.specific == specific {
				return nil, fmt.Errorf("db: migration %s: two files for version %d", m.Module, v)
			}
			if old.specific {
				continue
			}
		}
		byVersion[v] = pick{name: label, file: name, specific: specific}
	}
	out := make([]Migration, 0, len(byVersion))
	for v, p := range byVersion {
		b, err := fs.ReadFile(m.FS, p.file)
		if err != nil {
			return nil, fmt.Errorf("db: read migration %s/%s: %w", m.Module, p.file, err)
		}
		sql := string(b)
		if !p.specific {
			if sql, err = expandTypes(sql, dialect); err != nil {
				return nil, fmt.Errorf("db: migration %s/%s: %w", m.Module, p.file, err)
			}
		}
		out = append(out, Migration{Module: m.Module, Version: v, Name: p.name, sql: sql})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Version < out[j].Version })
	return out, nil
}

const createMigrationsTable = `CREATE TABLE IF NOT EXISTS schema_migrations (
    module     TEXT NOT NULL,
    version    INTEGER NOT NULL,
    name       TEXT NOT NULL,
    applied_at BIGINT NOT NULL,
    PRIMARY KEY (module, version)
)`

// Migrate applies every pending step of Core() and then of sets, in order,
// and claims this process's ID node number. Several nodes may call it at once:
// on PostgreSQL each step takes an advisory lock and re-checks.
func (d *DB) Migrate(ctx context.Context, sets ...Migrations) error {
	if _, err := d.w.ExecContext(ctx, createMigrationsTable); err != nil {
		return fmt.Errorf("db: create schema_migrations: %w", err)
	}
	all := append([]Migrations{Core()}, sets...)
	for _, set := range all {
		steps, err := set.list(d.dialect)
		if err != nil {
			return err
		}
		for _, st := range steps {
			if err := d.apply(ctx, st); err != nil {
				return err
			}
		}
	}
	return d.claimNode(ctx)
}

func (d *DB) apply(ctx context.Context, st Migration) error {
	return d.Tx(ctx, func(tx *Tx) error {
		if d.dialect == Postgres {
			if _, err := tx.tx.ExecContext(ctx, `SELECT pg_advisory_xact_lock(746594)`); err != nil {
				return fmt.Errorf("db: lock migrations: %w", err)
			}
		}
		var n int
		if err := tx.QueryRow(ctx, `SELECT COUNT(*) FROM schema_migrations WHERE module = ? AND version = ?`,
			st.Module, st.Version).Scan(&n); err != nil {
			return fmt.Errorf("db: check migration %s/%d: %w", st.Module, st.Version, err)
		}
		if n > 0 {
			return nil
		}
		// No arguments: both drivers then accept several statements at once.
		if _, err := tx.tx.ExecContext(ctx, st.sql); err != nil {
			return fmt.Errorf("db: migration %s/%03d_%s: %w", st.Module, st.Version, st.Name, err)
		}
		if _, err := tx.Exec(ctx, `INSERT INTO schema_migrations (module, version, name, applied_at) VALUES (?, ?, ?, ?)`,
			st.Module, st.Version, st.Name, tx.Now.UnixMilli()); err != nil {
			return fmt.Errorf("db: record migration %s/%d: %w", st.Module, st.Version, err)
		}
		return nil
	})
}

// MigrationStatus lists every step of Core() and sets with when it was applied.
func (d *DB) MigrationStatus(ctx context.Context, sets ...Migrations) ([]Migration, error) {
	if _, err := d.w.ExecContext(ctx, createMigrationsTable); err != nil {
		return nil, fmt.Errorf("db: create schema_migrations: %w", err)
	}
	applied := map[string]int64{}
	rows, err := d.Query(ctx, `SELECT module, version, applied_at FROM schema_migrations`)
	if err != nil {
		return nil, fmt.Errorf("db: read schema_migrations: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var m string
		var v int
		var at int64
		if err := rows.Scan(&m, &v, &at); err != nil {
			return nil, fmt.Errorf("db: scan schema_migrations: %w", err)
		}
		applied[m+"/"+strconv.Itoa(v)] = at
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("db: read schema_migrations: %w", err)
	}
	var out []Migration
	for _, set := range append([]Migrations{Core()}, sets...) {
		steps, err := set.list(d.dialect)
		if err != nil {
			return nil, err
		}
		for _, st := range steps {
			if at, ok := applied[st.Module+"/"+strconv.Itoa(st.Version)]; ok {
				st.AppliedAt = time.UnixMilli(at).UTC()
			}
			st.sql = ""
			out = append(out, st)
		}
	}
	return out, nil
}

// dialectType spells a placeholder of a shared migration for d.
func dialectType(name string, d Dialect) (string, bool) {
	pg := d == Postgres
	switch name {
	case "blob":
		if pg {
			return "BYTEA", true
		}
		return "BLOB", true
	case "serial_pk":
		if pg {
			return "BIGSERIAL PRIMARY KEY", true
		}
		return "INTEGER PRIMARY KEY AUTOINCREMENT", true
	}
	return "", false
}

// expandTypes replaces every {{name}} in sql by its spelling for d. An
// unknown name is an error, so a typo fails at start, not in production.
func expandTypes(sql string, d Dialect) (string, error) {
	if !strings.Contains(sql, "{{") {
		return sql, nil
	}
	var b strings.Builder
	for {
		i := strings.Index(sql, "{{")
		if i < 0 {
			b.WriteString(sql)
			return b.String(), nil
		}
		j := strings.Index(sql[i:], "}}")
		if j < 0 {
			return "", fmt.Errorf("unclosed placeholder at %q", sql[i:min(len(sql), i+20)])
		}
		name := sql[i+2 : i+j]
		typ, ok := dialectType(name, d)
		if !ok {
			return "", fmt.Errorf("unknown placeholder {{%s}}", name)
		}
		b.WriteString(sql[:i])
		b.WriteString(typ)
		sql = sql[i+j+2:]
	}
}
