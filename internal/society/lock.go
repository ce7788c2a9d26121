package society

import (
	"context"
	"errors"
	"strconv"

	"kexie/internal/db"
)

// notFound turns a row lock's db.ErrNotFound into the module's own
// NotFoundError; other errors pass. Steps on one member or one invoice take
// its row lock (db.LockRow) before reading it: on PostgreSQL two
// confirmations, refunds or approvals at once each read the old status and
// each wrote — two receipts, two refunds, two first terms (race review 51).
func notFound(err error, what string, id int64) error {
	if errors.Is(err, db.ErrNotFound) {
		return &NotFoundError{what, id}
	}
	return err
}

// lockSociety serializes a society's own steps that read and then write
// rows of the society with no one row to lock first — a year's report
// (saved, filed, checked), its assessment, its grade, a new term of a body
// checked against the others — on PostgreSQL with a lock named for the
// society; SQLite's one writer already serializes.
func lockSociety(ctx context.Context, tx *db.Tx, orgID int64) error {
	return tx.LockKey(ctx, "society:"+strconv.FormatInt(orgID, 10))
}
