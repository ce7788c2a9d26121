package org_test

import (
	"context"
	"errors"
	"testing"

	"kexie/internal/db"
	"kexie/internal/db/dbtest"
	"kexie/internal/org"
	"kexie/internal/std"
)

func TestLookup(t *testing.T) {
	dbtest.Run(t, sets, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		s := org.NewStore(d, std.Regions())
		tr := build(t, s)

		ref, err := org.Lookup(ctx, d, tr.a1.ID)
		if err != nil || ref != (org.Ref{ID: tr.a1.ID, Name: tr.a1.Name, Path: tr.a1.Path}) {
			t.Errorf("Lookup = %+v, %v; want %s at %s", ref, err, tr.a1.Name, tr.a1.Path)
		}
		// Inside a transaction too.
		err = d.Tx(ctx, func(tx *db.Tx) error {
			ref, err := org.Lookup(ctx, tx, tr.b.ID)
			if err == nil && ref.Path != tr.b.Path {
				t.Errorf("Lookup in tx = %+v", ref)
			}
			return err
		})
		if err != nil {
			t.Fatal(err)
		}

		// No such org: a typed not-found.
		_, err = org.Lookup(ctx, d, 42)
		var nf *org.NotFoundError
		if !errors.As(err, &nf) || nf.ID != 42 || !errors.Is(err, db.ErrNotFound) {
			t.Errorf("missing org: %v; want *NotFoundError unwrapping to db.ErrNotFound", err)
		}

		// A database failure is an error, never a not-found.
		cancelled, cancel := context.WithCancel(ctx)
		cancel()
		_, err = org.Lookup(cancelled, d, tr.a.ID)
		if err == nil || errors.Is(err, db.ErrNotFound) || errors.As(err, &nf) {
			t.Errorf("cancelled context: %v; want a database error that is not not-found", err)
		}

		// The route resolver passes the not-found on (the site answers 404).
		if _, err := s.Resource(ctx, 42); !errors.Is(err, db.ErrNotFound) {
			t.Errorf("Resource of a missing org: %v; want not-found", err)
		}
	})
	t.Run("closed", func(t *testing.T) {
		d := dbtest.OpenSQLite(t, sets...)
		s := org.NewStore(d, std.Regions())
		tr := build(t, s)
		d.Close()
		_, err := org.Lookup(context.Background(), d, tr.a.ID)
		if err == nil || errors.Is(err, db.ErrNotFound) {
			t.Errorf("closed database: %v; want a database error that is not not-found", err)
		}
		if _, err := s.Resource(context.Background(), tr.a.ID); err == nil || errors.Is(err, db.ErrNotFound) {
			t.Errorf("Resource on a closed database: %v; want an error that is not not-found", err)
		}
	})
}
