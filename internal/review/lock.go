package review

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"kexie/internal/db"
)

// lockCall locks call id's row for a step that reads the call, its stages,
// applications, assignments or objections and then writes from what it
// read (recommend, submit, decide, open or close a stage, handle an
// objection, finalize): on PostgreSQL, where db.Tx takes no lock, two such
// steps at once would both pass the check and both write (race review 51).
// Every step of a call takes the same lock first, so they queue in one
// order and never deadlock. A call's steps are a few a minute; serializing
// them costs nothing a user sees.
func lockCall(ctx context.Context, tx *db.Tx, id int64) error {
	err := tx.LockRow(ctx, "review_calls", id)
	if errors.Is(err, db.ErrNotFound) {
		return &NotFoundError{"call", id}
	}
	return err
}

// lockCallOf locks the call of row id of table (which has a call_id):
// a missing row locks nothing and the step's own read reports it.
func lockCallOf(ctx context.Context, tx *db.Tx, table string, id int64) error {
	if tx.Dialect() != db.Postgres {
		return nil // SQLite's one writer already serializes
	}
	var callID int64
	err := tx.QueryRow(ctx, `SELECT call_id FROM `+table+` WHERE id = ?`, id).Scan(&callID)
	if errors.Is(err, sql.ErrNoRows) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("review: call of %s %d: %w", table, id, err)
	}
	return lockCall(ctx, tx, callID)
}

// lockCallOfAssignment locks the call of an assignment (through its stage).
func lockCallOfAssignment(ctx context.Context, tx *db.Tx, id int64) error {
	if tx.Dialect() != db.Postgres {
		return nil
	}
	var callID int64
	err := tx.QueryRow(ctx, `SELECT s.call_id FROM review_assignments g JOIN review_stages s ON s.id = g.stage_id WHERE g.id = ?`, id).Scan(&callID)
	if errors.Is(err, sql.ErrNoRows) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("review: call of assignment %d: %w", id, err)
	}
	return lockCall(ctx, tx, callID)
}
