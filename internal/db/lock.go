package db

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"hash/fnv"
)

// LockRow locks the row id of table until the transaction ends, so that a
// step which reads a row's status, count or quota and then writes from it
// (approve, decide, take a place) sees the writes of any other transaction
// doing the same: on PostgreSQL it runs SELECT … FOR UPDATE (db.Tx runs at
// READ COMMITTED, where two transactions would otherwise both read the old
// status and both write the new one); a missing row is ErrNotFound. On
// SQLite it does nothing: the one writer connection (_txlock=immediate)
// already holds the database's write lock from BEGIN, and no statement is
// spent — the caller reads the row next and reports its own "not found".
//
// Lock the row first, before reading anything the step decides on. table is
// a name written in the code, never input: anything but a plain lower-case
// SQL identifier panics.
func (tx *Tx) LockRow(ctx context.Context, table string, id int64) error {
	if !plainIdent(table) {
		panic("db: LockRow: bad table name " + table)
	}
	if tx.d.dialect != Postgres {
		return nil
	}
	var got int64
	err := tx.QueryRow(ctx, `SELECT id FROM `+table+` WHERE id = ? FOR UPDATE`, id).Scan(&got)
	if errors.Is(err, sql.ErrNoRows) {
		return fmt.Errorf("db: lock %s %d: %w", table, id, ErrNotFound)
	}
	if err != nil {
		return fmt.Errorf("db: lock %s %d: %w", table, id, err)
	}
	return nil
}

// LockKey takes a lock named key until the transaction ends, for a bound
// that no one row carries — "at most N an hour from one address" counts rows
// of many orgs: on PostgreSQL a transaction-scoped advisory lock on a 64-bit
// hash of key (two keys sharing a hash only wait for each other); nothing on
// SQLite, whose one writer already serializes. Name keys by module and
// purpose ("voice.file:" + source) so modules do not wait on each other.
func (tx *Tx) LockKey(ctx context.Context, key string) error {
	if tx.d.dialect != Postgres {
		return nil
	}
	h := fnv.New64a()
	h.Write([]byte(key))
	if _, err := tx.Exec(ctx, `SELECT pg_advisory_xact_lock(?)`, int64(h.Sum64())); err != nil {
		return fmt.Errorf("db: lock key: %w", err)
	}
	return nil
}

func plainIdent(s string) bool {
	if s == "" || len(s) > 63 || s[0] < 'a' || s[0] > 'z' {
		return false
	}
	for _, c := range []byte(s) {
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_') {
			return false
		}
	}
	return true
}
