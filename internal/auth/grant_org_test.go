package auth_test

import (
	"context"
	"errors"
	"testing"

	"kexie/internal/access"
	"kexie/internal/auth"
	"kexie/internal/db"
	"kexie/internal/db/dbtest"
	"kexie/internal/valid"
)

// TestGrantOrgLookup: granting on a missing org is the field error "unknown
// org"; a database failure reading the org is an error, never that.
func TestGrantOrgLookup(t *testing.T) {
	ctx := context.Background()
	dbtest.Run(t, sets, func(t *testing.T, d *db.DB) {
		f := setup(t, d)
		u, err := f.svc.CreateUser(ctx, auth.UserInput{Username: "granted", DisplayName: "granted", Password: goodPassword})
		if err != nil {
			t.Fatal(err)
		}
		err = f.svc.Grant(ctx, u.ID, 42, access.Member, 0)
		if list, ok := valid.As(err); !ok || list[0].Key != "auth.err.org_unknown" {
			t.Errorf("grant on a missing org: %v; want auth.err.org_unknown", err)
		}
		if _, err := d.Exec(ctx, `ALTER TABLE orgs RENAME TO orgs_gone`); err != nil {
			t.Fatal(err)
		}
		err = f.svc.Grant(ctx, u.ID, f.city.ID, access.Member, 0)
		if _, ok := valid.As(err); err == nil || ok || errors.Is(err, db.ErrNotFound) {
			t.Errorf("grant with the orgs table gone: %v; want a database error", err)
		}
	})
}
