package main

import (
	"context"
	"errors"
	"fmt"

	"kexie/internal/app"
	"kexie/internal/db"
	"kexie/internal/org"
)

// errNoRoot is what a command that needs the organization tree says on a
// database that has none yet: `kexie migrate up` creates the tables only.
var errNoRoot = errors.New("the database has no organizations yet: run `kexie serve` once (it creates the root organization " +
	"and the first administrator, then keep it running or stop it with Ctrl-C), or `kexie demo` for sample data; then run this command again")

// targetOrg returns the org with code, or the root org when code is empty,
// with a message that says what to do when it does not exist.
func targetOrg(ctx context.Context, a *app.App, code string) (org.Org, error) {
	if code == "" {
		o, err := a.Orgs.Root(ctx)
		if errors.Is(err, db.ErrNotFound) {
			return o, errNoRoot
		}
		return o, err
	}
	o, err := a.Orgs.GetByCode(ctx, code)
	if errors.Is(err, db.ErrNotFound) {
		if _, rerr := a.Orgs.Root(ctx); errors.Is(rerr, db.ErrNotFound) {
			return o, fmt.Errorf("org %s: %w", code, errNoRoot)
		}
		return o, fmt.Errorf("no organization has the code %q: see the codes under 组织机构 (/orgs) or in its export", code)
	}
	if err != nil {
		return o, fmt.Errorf("org %s: %w", code, err)
	}
	return o, nil
}
