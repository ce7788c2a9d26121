package org_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"

	"kexie/internal/access"
	"kexie/internal/db"
	"kexie/internal/db/dbtest"
	"kexie/internal/org"
	"kexie/internal/std"
)

// BenchmarkOrgList reads the org lists that sort by name over 10,000 orgs
// (a root, 100 cities, 99 societies and towns under each), on both
// databases: the list by name and in its default order (page 1 of all),
// one city's subtree by name, the root's children by name and the
// public picker (every society and town).
func BenchmarkOrgList(b *testing.B) {
	ctx := context.Background()
	const cities, each = 100, 99
	head := []rune("华中东南西北新长重厦安康平和兴盛光明金银江河湖海山川")
	word := []rune("科学技术协会电子学会机械工程学会农学会林学会医学会药学会计算机学会土木建筑学会")
	dbtest.Bench(b, sets, func(b *testing.B, d *db.DB) {
		s := org.NewStore(d, std.Regions())
		root, err := s.Create(ctx, org.Input{Code: "ROOT", Name: "某省科学技术协会", Type: org.TypeProvince})
		if err != nil {
			b.Fatal(err)
		}
		var city []org.Org
		for i := range cities {
			c, err := s.Create(ctx, org.Input{ParentID: root.ID, Code: fmt.Sprintf("C%03d", i), Name: fmt.Sprintf("第%03d市科协", i), Type: org.TypeCity})
			if err != nil {
				b.Fatal(err)
			}
			city = append(city, c)
		}
		r := rand.New(rand.NewPCG(54, 54))
		dbtest.Insert(b, d, `INSERT INTO orgs (id, parent_id, path, depth, code, name, type, created_at, updated_at) VALUES `,
			`(?, ?, ?, 2, ?, ?, ?, 0, 0)`, cities*each, func(tx *db.Tx, j int) []any {
				c := city[j/each]
				id := tx.NewID()
				var name strings.Builder
				for k := 2 + r.IntN(3); k > 0; k-- {
					name.WriteRune(head[r.IntN(len(head))])
				}
				typ := org.TypeSociety
				if j%2 == 0 {
					typ = org.TypeTown
				}
				for k := 3 + r.IntN(4); k > 0; k-- {
					name.WriteRune(word[r.IntN(len(word))])
				}
				return []any{id, c.ID, c.Path + strconv.FormatInt(id, 10) + "/", fmt.Sprintf("S%05d", j), name.String(), string(typ)}
			})
		dbtest.Analyze(b, d)
		if root, err = s.Get(ctx, root.ID); err != nil {
			b.Fatal(err)
		}
		all := cities*each + cities + 1
		for _, bc := range []struct {
			name  string
			f     org.Filter
			total int
		}{
			{"list/name", org.Filter{Scope: access.Everywhere(), Sort: "name"}, all},
			{"list/default", org.Filter{Scope: access.Everywhere()}, all},
			{"list/city", org.Filter{Scope: access.Subtrees(city[50].Path), Sort: "name"}, each + 1},
		} {
			b.Run(bc.name, func(b *testing.B) {
				for b.Loop() {
					list, total, err := s.List(ctx, bc.f)
					if err != nil || len(list) != 50 || total != bc.total {
						b.Fatalf("read %d of %d: %v", len(list), total, err)
					}
				}
			})
		}
		b.Run("children/name", func(b *testing.B) {
			for b.Loop() {
				if kids, err := s.Children(ctx, root, "name", 50, 0); err != nil || len(kids) != 50 {
					b.Fatalf("children: %d, %v", len(kids), err)
				}
			}
		})
		b.Run("publics", func(b *testing.B) {
			for b.Loop() {
				if list, total, err := s.Publics(ctx, "", 20, 0); err != nil || len(list) != 20 || total != all {
					b.Fatalf("publics: %d of %d, %v", len(list), total, err)
				}
			}
		})
	})
}
