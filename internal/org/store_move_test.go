package org_test

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"testing"

	"kexie/internal/access"
	"kexie/internal/audit"
	"kexie/internal/db"
	"kexie/internal/db/dbtest"
	"kexie/internal/org"
	"kexie/internal/std"
	"kexie/internal/valid"
)

// checkTree verifies the invariants of the whole table: one root, every
// path is the parent's path plus the org's own id, depths agree with
// paths, and every kept child count is the real one.
func checkTree(t *testing.T, s *org.Store) {
	t.Helper()
	all, total, err := s.List(context.Background(), org.Filter{Scope: access.Everywhere(), Limit: 10000})
	if err != nil {
		t.Fatal(err)
	}
	if len(all) != total {
		t.Fatalf("listed %d of %d orgs", len(all), total)
	}
	byID := map[int64]org.Org{}
	kids := map[int64]int{}
	roots := 0
	for _, o := range all {
		byID[o.ID] = o
		kids[o.ParentID]++
	}
	for _, o := range all {
		want := fmt.Sprintf("/%d/", o.ID)
		if o.ParentID == 0 {
			roots++
		} else {
			want = fmt.Sprintf("%s%d/", byID[o.ParentID].Path, o.ID)
		}
		if o.Path != want {
			t.Errorf("%s: path %q, want %q", o.Code, o.Path, want)
		}
		if o.Depth != strings.Count(o.Path, "/")-2 {
			t.Errorf("%s: depth %d for path %q", o.Code, o.Depth, o.Path)
		}
		if o.ChildCount != kids[o.ID] {
			t.Errorf("%s: child count %d, has %d children", o.Code, o.ChildCount, kids[o.ID])
		}
	}
	if roots != 1 {
		t.Errorf("%d roots", roots)
	}
}

func TestMoveAudit(t *testing.T) {
	ctx := context.Background()
	dbtest.Run(t, sets, func(t *testing.T, d *db.DB) {
		s := org.NewStore(d, std.Regions())
		tr := build(t, s)
		if err := s.Move(ctx, tr.a1.ID, tr.b.ID); err != nil {
			t.Fatal(err)
		}
		recs, _, err := audit.List(ctx, d, audit.Filter{Scope: access.Everywhere(), Action: "org.move"})
		if err != nil || len(recs) != 1 {
			t.Fatalf("move records = %d, %v", len(recs), err)
		}
		r := recs[0]
		if r.Target != fmt.Sprintf("org:%d", tr.a1.ID) || !strings.Contains(r.Summary, tr.a1.Path) ||
			!strings.Contains(r.Summary, `"subtree":2`) {
			t.Errorf("move record: target %s, summary %s", r.Target, r.Summary)
		}
		// Moving to the parent it already has changes and records nothing.
		if err := s.Move(ctx, tr.a1.ID, tr.b.ID); err != nil {
			t.Fatal(err)
		}
		if recs, _, _ := audit.List(ctx, d, audit.Filter{Scope: access.Everywhere(), Action: "org.move"}); len(recs) != 1 {
			t.Errorf("a no-op move was recorded: %d records", len(recs))
		}
		checkTree(t, s)
	})
}

// TestConcurrentShapeChanges moves subtrees back and forth while other
// transactions add orgs inside them and cross-move two cities. On
// PostgreSQL this needs the tree lock: without it a child created during a
// move keeps the old path, and crossing moves can form a cycle.
func TestConcurrentShapeChanges(t *testing.T) {
	ctx := context.Background()
	dbtest.Run(t, sets, func(t *testing.T, d *db.DB) {
		s := org.NewStore(d, std.Regions())
		tr := build(t, s)
		const n = 15
		var wg sync.WaitGroup
		errs := make(chan error, 4*n)
		wg.Go(func() { // county A1 back and forth between the cities
			for i := range n {
				to := tr.a.ID
				if i%2 == 0 {
					to = tr.b.ID
				}
				if err := s.Move(ctx, tr.a1.ID, to); err != nil {
					if _, ok := valid.As(err); !ok {
						errs <- fmt.Errorf("move A1: %w", err)
					}
				}
			}
		})
		wg.Go(func() { // towns added under A1 and under its town
			for i := range n {
				for _, p := range []int64{tr.a1.ID, tr.a1x.ID} {
					if _, err := s.Create(ctx, org.Input{ParentID: p, Code: fmt.Sprintf("N%d-%d", p%1000, i),
						Name: "新建组织", Type: org.TypeTown}); err != nil {
						errs <- fmt.Errorf("create: %w", err)
					}
				}
			}
		})
		wg.Go(func() { // the cities cross-moved under each other: one of each pair must be refused
			for range n {
				for _, m := range [][2]int64{{tr.a.ID, tr.b.ID}, {tr.b.ID, tr.a.ID}, {tr.a.ID, tr.root.ID}, {tr.b.ID, tr.root.ID}} {
					if err := s.Move(ctx, m[0], m[1]); err != nil {
						if _, ok := valid.As(err); !ok {
							errs <- fmt.Errorf("cross move: %w", err)
						}
					}
				}
			}
		})
		wg.Wait()
		close(errs)
		for err := range errs {
			t.Error(err)
		}
		checkTree(t, s)
		if _, total, _ := s.List(ctx, org.Filter{Scope: access.Everywhere()}); total != 5+2*n {
			t.Errorf("%d orgs, want %d", total, 5+2*n)
		}
	})
}

func TestEnsureRoot(t *testing.T) {
	ctx := context.Background()
	dbtest.Run(t, sets, func(t *testing.T, d *db.DB) {
		s := org.NewStore(d, std.Regions())
		// Several nodes starting at once on a fresh database agree on one root.
		var wg sync.WaitGroup
		got := make([]org.Org, 4)
		created := make([]bool, 4)
		errs := make([]error, 4)
		for i := range got {
			wg.Go(func() {
				got[i], created[i], errs[i] = s.EnsureRoot(ctx, "省科协", fmt.Sprintf("ROOT%d", i), org.TypeProvince)
			})
		}
		wg.Wait()
		n := 0
		for i := range got {
			if errs[i] != nil {
				t.Fatalf("EnsureRoot %d: %v", i, errs[i])
			}
			if got[i].ID != got[0].ID {
				t.Errorf("EnsureRoot %d returned root %d, another returned %d", i, got[i].ID, got[0].ID)
			}
			if created[i] {
				n++
			}
		}
		if n != 1 {
			t.Errorf("%d callers created the root, want 1", n)
		}
		root, err := s.Root(ctx)
		if err != nil || root.ID != got[0].ID {
			t.Errorf("Root = %d, %v", root.ID, err)
		}
		checkTree(t, s)
	})
}
