// Package db opens Kexie's database — embedded SQLite or PostgreSQL — and hides
// the few differences between the two: placeholders, prefix matching, error
// codes and connection pools. It runs the numbered, embedded migrations of every
// module and hands out time-ordered IDs that several app nodes can create at once.
//
// It must never know about any business module: modules hand it their SQL.
package db

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib" // registers the "pgx" driver
	_ "modernc.org/sqlite"             // registers the "sqlite" driver
)

// Dialect names the SQL engine behind a DB.
type Dialect string

// The two dialects Kexie runs on.
const (
	SQLite   Dialect = "sqlite"
	Postgres Dialect = "postgres"
)

// ErrNotFound is the sentinel every store's "no such row" error unwraps to.
var ErrNotFound = errors.New("not found")

// DB is a handle on the database with a writer and a reader pool. For SQLite
// the writer pool has one connection, so writes queue in Go instead of failing
// with SQLITE_BUSY; for PostgreSQL both pools are the same.
type DB struct {
	dialect Dialect
	// Now is the clock every transaction reads; tests replace it.
	Now func() time.Time

	w, r      *sql.DB
	ids       *idGen
	rebind    sync.Map // query text → rebound text (PostgreSQL only)
	stmts     sync.Map // query text → *sql.Stmt on the reader pool (SQLite only)
	stmtCount atomic.Int32
	ran       atomic.Int64 // statements run, for Statements
	dsn       string
	path      string // SQLite file path
	auditKey  []byte
}

// IsPostgres reports whether dsn names a PostgreSQL database.
func IsPostgres(dsn string) bool {
	return strings.HasPrefix(dsn, "postgres://") || strings.HasPrefix(dsn, "postgresql://")
}

// Open connects to dsn: a postgres:// URL, or else a SQLite file path
// (an optional "sqlite:" or "file:" prefix is accepted). It does not migrate.
func Open(ctx context.Context, dsn string) (*DB, error) {
	d := &DB{Now: time.Now, dsn: dsn}
	if IsPostgres(dsn) {
		d.dialect = Postgres
		pool, err := sql.Open("pgx", dsn)
		if err != nil {
			return nil, fmt.Errorf("db: open postgres: %w", err)
		}
		pool.SetMaxOpenConns(32)
		pool.SetMaxIdleConns(32)
		pool.SetConnMaxIdleTime(5 * time.Minute)
		d.w, d.r = pool, pool
	} else {
		d.dialect = SQLite
		if err := registerPinyin(); err != nil {
			return nil, fmt.Errorf("db: register pinyin(): %w", err)
		}
		path := strings.TrimPrefix(strings.TrimPrefix(dsn, "sqlite:"), "file:")
		if i := strings.IndexByte(path, '?'); i >= 0 {
			path = path[:i]
		}
		if path == "" {
			return nil, errors.New("db: empty SQLite path")
		}
		if dir := filepath.Dir(path); dir != "" {
			if err := os.MkdirAll(dir, DirMode); err != nil {
				return nil, fmt.Errorf("db: create directory for %s: %w", path, err)
			}
		}
		if err := privateSQLiteFiles(path); err != nil {
			return nil, err
		}
		d.path = path
		// Why these pragmas: WAL lets readers run beside the one writer;
		// busy_timeout makes a second process (a CLI command beside `serve`)
		// wait instead of failing; foreign_keys is off by default in SQLite;
		// synchronous=NORMAL is durable across application crashes in WAL mode;
		// _txlock=immediate takes the write lock at BEGIN so two writers never
		// deadlock upgrading a read lock; secure_delete zeroes what a change
		// frees, so erased personal data (an erasure request, the clear
		// birth dates migration people/013 drops) leaves no bytes in the file.
		base := "file:" + path + "?_pragma=busy_timeout(10000)&_pragma=journal_mode(WAL)" +
			"&_pragma=foreign_keys(1)&_pragma=synchronous(NORMAL)&_pragma=secure_delete(1)"
		w, err := sql.Open("sqlite", base+"&_txlock=immediate")
		if err != nil {
			return nil, fmt.Errorf("db: open sqlite writer: %w", err)
		}
		w.SetMaxOpenConns(1)
		w.SetConnMaxIdleTime(0)
		// Readers keep a larger page cache (16 MB each).
		r, err := sql.Open("sqlite", base+"&_pragma=query_only(1)&_pragma=cache_size(-16000)")
		if err != nil {
			w.Close()
			return nil, fmt.Errorf("db: open sqlite reader: %w", err)
		}
		r.SetMaxOpenConns(8)
		r.SetMaxIdleConns(8)
		d.w, d.r = w, r
	}
	if err := d.Ping(ctx); err != nil {
		d.Close()
		return nil, err
	}
	return d, nil
}

// Close releases both pools.
func (d *DB) Close() error {
	d.stmts.Range(func(_, v any) bool { v.(*sql.Stmt).Close(); return true })
	err := d.w.Close()
	if d.r != d.w {
		if e := d.r.Close(); err == nil {
			err = e
		}
	}
	return err
}

// Ping checks that the database answers.
func (d *DB) Ping(ctx context.Context) error {
	if err := d.w.PingContext(ctx); err != nil {
		return fmt.Errorf("db: ping: %w", err)
	}
	return nil
}

// Dialect reports which engine d runs on.
func (d *DB) Dialect() Dialect { return d.dialect }

// SetAuditKey gives d the secret that keys the audit chain (HMAC-SHA-256).
// The app derives it from its master key and sets it right after Open,
// before any write; without it audit records cannot be appended.
func (d *DB) SetAuditKey(k []byte) { d.auditKey = append([]byte(nil), k...) }

// AuditKey returns the key set by SetAuditKey, or nil.
func (d *DB) AuditKey() []byte { return d.auditKey }

// AuditKey returns the audit key of the transaction's database.
func (tx *Tx) AuditKey() []byte { return tx.d.auditKey }

// Path returns the SQLite file path, or "" for PostgreSQL.
func (d *DB) Path() string { return d.path }

// DSN returns the data source name the DB was opened with.
func (d *DB) DSN() string { return d.dsn }

// Statements is the number of statements run through d (reads, writes and
// those in transactions) since it was opened: tests and benchmarks count a
// request's database round trips with it.
func (d *DB) Statements() int64 { return d.ran.Load() }

// Q is what both *DB and *Tx offer, so store helpers can take either.
// Queries use "?" placeholders; they are rebound for PostgreSQL.
type Q interface {
	Exec(ctx context.Context, query string, args ...any) (sql.Result, error)
	Query(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRow(ctx context.Context, query string, args ...any) *sql.Row
	Dialect() Dialect
}

// Exec runs a statement outside any explicit transaction, on the writer pool.
func (d *DB) Exec(ctx context.Context, query string, args ...any) (sql.Result, error) {
	d.ran.Add(1)
	res, err := d.w.ExecContext(ctx, d.bind(query), args...)
	forgetVersions(ctx)
	return res, err
}

// Query reads on the reader pool.
func (d *DB) Query(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	d.ran.Add(1)
	if st := d.stmt(ctx, query); st != nil {
		return st.QueryContext(ctx, args...)
	}
	return d.r.QueryContext(ctx, d.bind(query), args...)
}

// QueryRow reads one row on the reader pool.
func (d *DB) QueryRow(ctx context.Context, query string, args ...any) *sql.Row {
	d.ran.Add(1)
	if st := d.stmt(ctx, query); st != nil {
		return st.QueryRowContext(ctx, args...)
	}
	return d.r.QueryRowContext(ctx, d.bind(query), args...)
}

// stmt returns a cached prepared statement for a read on SQLite, where
// parsing and planning a statement costs as much as running a small query.
// (pgx caches prepared statements per connection itself.) Query texts are
// a fixed set written in the code, but one built from user-chosen filters
// has a few variants, so the cache stops growing at 512 entries.
func (d *DB) stmt(ctx context.Context, query string) *sql.Stmt {
	if d.dialect != SQLite {
		return nil
	}
	if v, ok := d.stmts.Load(query); ok {
		return v.(*sql.Stmt)
	}
	if d.stmtCount.Load() >= 512 {
		return nil
	}
	st, err := d.r.PrepareContext(ctx, query)
	if err != nil {
		return nil // the plain query reports the error
	}
	if v, loaded := d.stmts.LoadOrStore(query, st); loaded {
		st.Close()
		return v.(*sql.Stmt)
	}
	d.stmtCount.Add(1)
	return st
}

// Tx is a write transaction. It carries the time it started so that every row
// it writes agrees on "now" and tests can freeze it.
type Tx struct {
	tx  *sql.Tx
	d   *DB
	Now time.Time
}

// Tx runs fn in a write transaction, committing when fn returns nil and
// rolling back otherwise (also on panic, which is re-raised).
func (d *DB) Tx(ctx context.Context, fn func(tx *Tx) error) (err error) {
	sqltx, err := d.w.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("db: begin: %w", err)
	}
	tx := &Tx{tx: sqltx, d: d, Now: d.Now().UTC()}
	defer func() {
		if p := recover(); p != nil {
			_ = sqltx.Rollback()
			panic(p)
		}
		if err != nil {
			_ = sqltx.Rollback()
		}
	}()
	if err = fn(tx); err != nil {
		return err
	}
	err = sqltx.Commit()
	forgetVersions(ctx) // also after a failed commit: what it wrote is unknown
	if err != nil {
		return fmt.Errorf("db: commit: %w", err)
	}
	return nil
}

// ReadTx runs fn in a read-only transaction that sees one consistent
// snapshot of the database: REPEATABLE READ on PostgreSQL; on SQLite a
// transaction on the reader pool, whose WAL snapshot holds from its first
// read to its end. Writers are not blocked. The transaction is rolled back
// when fn returns; fn must only read.
func (d *DB) ReadTx(ctx context.Context, fn func(tx *Tx) error) error {
	opts := &sql.TxOptions{ReadOnly: true}
	if d.dialect == Postgres {
		opts.Isolation = sql.LevelRepeatableRead
	}
	sqltx, err := d.r.BeginTx(ctx, opts)
	if err != nil {
		return fmt.Errorf("db: begin read: %w", err)
	}
	defer func() { _ = sqltx.Rollback() }()
	return fn(&Tx{tx: sqltx, d: d, Now: d.Now().UTC()})
}

// Exec runs a statement in the transaction.
func (tx *Tx) Exec(ctx context.Context, query string, args ...any) (sql.Result, error) {
	tx.d.ran.Add(1)
	return tx.tx.ExecContext(ctx, tx.d.bind(query), args...)
}

// Query reads in the transaction.
func (tx *Tx) Query(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	tx.d.ran.Add(1)
	return tx.tx.QueryContext(ctx, tx.d.bind(query), args...)
}

// QueryRow reads one row in the transaction.
func (tx *Tx) QueryRow(ctx context.Context, query string, args ...any) *sql.Row {
	tx.d.ran.Add(1)
	return tx.tx.QueryRowContext(ctx, tx.d.bind(query), args...)
}

// Dialect implements Q.
func (tx *Tx) Dialect() Dialect { return tx.d.dialect }

// NewID returns a new time-ordered ID.
func (tx *Tx) NewID() int64 { return tx.d.NewID() }

// DB returns the database the transaction belongs to.
func (tx *Tx) DB() *DB { return tx.d }
