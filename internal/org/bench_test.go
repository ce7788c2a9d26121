package org_test

import (
	"context"
	"fmt"
	"testing"

	"kexie/internal/db/dbtest"
	"kexie/internal/org"
	"kexie/internal/std"
)

// BenchmarkChildren reads one page of children — the query of the tree
// page — in a tree of 10,001 orgs on SQLite: a root, 100 cities and 99
// towns under each.
func BenchmarkChildren(b *testing.B) {
	ctx := context.Background()
	d := dbtest.OpenSQLite(b, sets...)
	s := org.NewStore(d, std.Regions())
	root, err := s.Create(ctx, org.Input{Code: "ROOT", Name: "某省科学技术协会", Type: org.TypeProvince})
	if err != nil {
		b.Fatal(err)
	}
	var city org.Org
	for i := range 100 {
		c, err := s.Create(ctx, org.Input{ParentID: root.ID, Code: fmt.Sprintf("C%03d", i), Name: fmt.Sprintf("第%03d市科协", i), Type: org.TypeCity})
		if err != nil {
			b.Fatal(err)
		}
		for j := range 99 {
			if _, err := s.Create(ctx, org.Input{ParentID: c.ID, Code: fmt.Sprintf("C%03d-%02d", i, j),
				Name: fmt.Sprintf("第%03d市第%02d镇科协", i, j), Type: org.TypeTown}); err != nil {
				b.Fatal(err)
			}
		}
		if i == 50 {
			city = c
		}
	}
	root, _ = s.Get(ctx, root.ID)
	city, _ = s.Get(ctx, city.ID)
	for _, bc := range []struct {
		name   string
		parent org.Org
		sort   string
		offset int
	}{
		{"root/name", root, "name", 0},
		{"root/-created/page2", root, "-created", 50},
		{"city/name", city, "name", 0},
		{"root/tree", root, "tree", 0},
	} {
		b.Run(bc.name, func(b *testing.B) {
			for b.Loop() {
				kids, err := s.Children(ctx, bc.parent, bc.sort, 50, bc.offset)
				if err != nil || len(kids) != 50 {
					b.Fatalf("children: %d, %v", len(kids), err)
				}
			}
		})
	}
}
