package people

import (
	"context"
	"errors"
	"fmt"

	"kexie/internal/db"
	"kexie/internal/org"
	"kexie/internal/valid"
)

// lookupOrg reads the org with id through q; a missing org is a validation
// error on field, a database failure stays an error (never "no such org").
func lookupOrg(ctx context.Context, q db.Q, field string, id int64) (org.Ref, error) {
	o, err := org.Lookup(ctx, q, id)
	if errors.Is(err, db.ErrNotFound) {
		return o, valid.New(field, "people.err.org")
	}
	if err != nil {
		return o, fmt.Errorf("people: %w", err)
	}
	return o, nil
}

// orgPath is lookupOrg's path for the field org_id.
func orgPath(ctx context.Context, q db.Q, id int64) (string, error) {
	o, err := lookupOrg(ctx, q, "org_id", id)
	return o.Path, err
}
