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

// viewNames lists the children of parent as a View reads them.
func viewNames(t *testing.T, s *org.Store, parent int64) []string {
	t.Helper()
	ctx := context.Background()
	vw, err := s.View(ctx)
	if err != nil {
		t.Fatal(err)
	}
	p, err := vw.Get(ctx, parent)
	if err != nil {
		t.Fatal(err)
	}
	kids, err := vw.Children(ctx, p, "name", 50, 0)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, k := range kids {
		out = append(out, k.Name)
	}
	return out
}

// Two stores on one database stand for two app nodes: what one writes, the
// other's next View shows, through the store, a move, a disable, and a
// hand-written UPDATE that no Go code knows of.
func TestViewSeesEveryWrite(t *testing.T) {
	ctx := context.Background()
	dbtest.Run(t, sets, func(t *testing.T, d *db.DB) {
		a := org.NewStore(d, std.Regions())
		b := org.NewStore(d, std.Regions())
		tr := build(t, a)
		want := func(step string, got []string, names ...string) {
			t.Helper()
			if len(got) != len(names) {
				t.Fatalf("%s: children %v, want %v", step, got, names)
			}
			for i := range names {
				if got[i] != names[i] {
					t.Fatalf("%s: children %v, want %v", step, got, names)
				}
			}
		}
		// Node b fills its cache, twice (the second from memory).
		want("first read", viewNames(t, b, tr.root.ID), "成都市科学技术协会", "攀枝花市科学技术协会")
		want("cached read", viewNames(t, b, tr.root.ID), "成都市科学技术协会", "攀枝花市科学技术协会")

		if _, err := a.Update(ctx, tr.b.ID, org.Input{ParentID: tr.root.ID, Code: "CD", Name: "成都市科协", Type: org.TypeCity}); err != nil {
			t.Fatal(err)
		}
		want("after a rename on node a", viewNames(t, b, tr.root.ID), "成都市科协", "攀枝花市科学技术协会")

		if _, err := a.Create(ctx, org.Input{ParentID: tr.root.ID, Code: "ZG", Name: "自贡市科学技术协会", Type: org.TypeCity}); err != nil {
			t.Fatal(err)
		}
		want("after a create", viewNames(t, b, tr.root.ID), "成都市科协", "攀枝花市科学技术协会", "自贡市科学技术协会")

		if err := a.Move(ctx, tr.a1.ID, tr.b.ID); err != nil {
			t.Fatal(err)
		}
		want("after a move: old parent", viewNames(t, b, tr.a.ID))
		want("after a move: new parent", viewNames(t, b, tr.b.ID), "东区科协")

		if _, err := d.Exec(ctx, `UPDATE orgs SET name = ? WHERE id = ?`, "东区科学技术协会", tr.a1.ID); err != nil {
			t.Fatal(err)
		}
		want("after a hand-written UPDATE", viewNames(t, b, tr.b.ID), "东区科学技术协会")

		// A child count read through the View follows the move too.
		vw, err := b.View(ctx)
		if err != nil {
			t.Fatal(err)
		}
		city, err := vw.Get(ctx, tr.b.ID)
		if err != nil || city.ChildCount != 1 {
			t.Fatalf("moved-into city: child count %d, %v", city.ChildCount, err)
		}
		if _, err := vw.Get(ctx, 1<<40); !errors.Is(err, db.ErrNotFound) {
			t.Fatalf("missing org through a View: %v, want not found", err)
		}
		anc, err := vw.Ancestors(ctx, tr.a1x)
		if err != nil || len(anc) != 3 {
			t.Fatalf("ancestors through a View: %d, %v", len(anc), err)
		}
	})
}

// A View whose check is older than the cache's neither reads stale rows from
// memory nor puts its own reads there.
func TestViewOlderThanCacheReadsTheDatabase(t *testing.T) {
	ctx := context.Background()
	dbtest.Run(t, sets, func(t *testing.T, d *db.DB) {
		s := org.NewStore(d, std.Regions())
		tr := build(t, s)
		old, err := s.View(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := s.Update(ctx, tr.b.ID, org.Input{ParentID: tr.root.ID, Code: "CD", Name: "成都市科协", Type: org.TypeCity}); err != nil {
			t.Fatal(err)
		}
		if got := viewNames(t, s, tr.root.ID); got[0] != "成都市科协" {
			t.Fatalf("new view: %v", got)
		}
		o, err := old.Get(ctx, tr.b.ID)
		if err != nil || o.Name != "成都市科协" {
			t.Fatalf("old view reads %q, %v; want the database's current row", o.Name, err)
		}
	})
}
