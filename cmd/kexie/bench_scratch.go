package main

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"flag"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"time"

	"kexie/internal/app"
	"kexie/internal/db"
)

// scratchApp opens a migrated app with its site built on a throw-away
// database, so a benchmark never touches real data: a fresh temporary data
// directory, and a scratch schema when --db is PostgreSQL, else SQLite in
// that directory. It logs at error level only. cleanup closes the app, drops
// the schema and removes the directory; on error nothing is left to clean.
// The scratch database's DSN is the app's Cfg.DB.
func scratchApp(ctx context.Context, e *env) (*app.App, func(), error) {
	cfg := e.cfg
	cfg.DataDir = filepath.Join(os.TempDir(), fmt.Sprintf("kexie-bench-%d", time.Now().UnixNano()))
	cfg.LogLevel = "error"
	drop := func() {}
	if db.IsPostgres(cfg.DB) {
		dsn, d, err := scratchSchema(ctx, cfg.DB)
		if err != nil {
			os.RemoveAll(cfg.DataDir)
			return nil, nil, err
		}
		cfg.DB, drop = dsn, d
	} else {
		cfg.DB = ""
	}
	release := func() {
		drop()
		os.RemoveAll(cfg.DataDir)
	}
	e2 := *e
	e2.cfg = cfg
	a, err := e2.open(ctx)
	if err != nil {
		release()
		return nil, nil, err
	}
	cleanup := func() {
		a.Close()
		release()
	}
	if err := a.BuildSite(); err != nil {
		cleanup()
		return nil, nil, err
	}
	return a, cleanup, nil
}

// scratchSchema creates an empty schema in the PostgreSQL database so the
// benchmark never touches real data; drop removes it.
func scratchSchema(ctx context.Context, dsn string) (string, func(), error) {
	b := make([]byte, 4)
	_, _ = rand.Read(b)
	schema := "bench_" + hex.EncodeToString(b)
	admin, err := sql.Open("pgx", dsn)
	if err != nil {
		return "", nil, err
	}
	if _, err := admin.ExecContext(ctx, "CREATE SCHEMA "+schema); err != nil {
		admin.Close()
		return "", nil, fmt.Errorf("create scratch schema: %w", err)
	}
	u, err := url.Parse(dsn)
	if err != nil {
		admin.Close()
		return "", nil, err
	}
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	return u.String(), func() {
		_, _ = admin.Exec("DROP SCHEMA " + schema + " CASCADE")
		admin.Close()
	}, nil
}

// wrkScratch is the start of every benchmark that loads pages with wrk:
// its flags parsed, wrk found, and a scratch app opened (see scratchApp).
func wrkScratch(ctx context.Context, e *env, fs *flag.FlagSet, args []string) (*app.App, func(), error) {
	if err := fs.Parse(args); err != nil {
		return nil, nil, err
	}
	if err := needWrk(); err != nil {
		return nil, nil, err
	}
	return scratchApp(ctx, e)
}
