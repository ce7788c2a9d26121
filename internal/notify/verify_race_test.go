package notify_test

import (
	"context"
	"testing"

	"kexie/internal/db/dbtest"
)

// Codes asked for one address at once (a double click, a script) are held
// to one a CodeGap: each request counted the codes before any other was
// written, and each sent a text message.
func TestCodesAtOnce(t *testing.T) {
	eachDB(t, func(t *testing.T, f *fixture) {
		ctx := context.Background()
		sent := dbtest.Went(t, dbtest.AtOnce(10, func(int) error {
			_, err := f.Store.StartVerify(ctx, "138 0013 8000")
			return err
		}), func(err error) bool { return errKey(err) == "notify.err.code_wait" })
		var n int
		if err := f.DB.QueryRow(ctx, `SELECT COUNT(*) FROM notify_codes`).Scan(&n); err != nil || sent != 1 || n != 1 {
			t.Errorf("%d of 10 went through, %d codes stored (%v); want 1", sent, n, err)
		}
	})
}
