package org_test

import (
	"context"
	"slices"
	"testing"

	"kexie/internal/access"
	"kexie/internal/db"
	"kexie/internal/db/dbtest"
	"kexie/internal/org"
	"kexie/internal/std"
)

// pinyinOrgs are org names in the order a Chinese office reads them:
// digits, then pinyin syllable by syllable, a Latin name before the Han
// names of its letter, the place names' readings of 长 cháng, 重 chóng,
// 厦 xià.
var pinyinOrgs = []string{
	"3D打印学会", "ABC学会", "安徽省科协", "北京市科协", "长沙市科协", "重庆市科协",
	"上海市科协", "西安市科协", "厦门市科协", "中国（北京）学会", "中国科协",
}

// TestListPinyin: a list sorted by name, its pages, its descending order,
// the children of an org and the tree order's names within a type come in
// pinyin order on both databases.
func TestListPinyin(t *testing.T) {
	ctx := context.Background()
	dbtest.Run(t, sets, func(t *testing.T, d *db.DB) {
		s := org.NewStore(d, std.Regions())
		root, err := s.Create(ctx, org.Input{Code: "ROOT", Name: "全国", Type: org.TypeNational})
		if err != nil {
			t.Fatal(err)
		}
		// Written in reverse, so neither id nor insertion order gives the answer.
		for i := len(pinyinOrgs) - 1; i >= 0; i-- {
			if _, err := s.Create(ctx, org.Input{ParentID: root.ID, Code: "S" + string(rune('A'+i)), Name: pinyinOrgs[i], Type: org.TypeSociety}); err != nil {
				t.Fatal(err)
			}
		}
		names := func(list []org.Org) []string {
			var out []string
			for _, o := range list {
				out = append(out, o.Name)
			}
			return out
		}
		f := org.Filter{Scope: access.Everywhere(), ParentID: root.ID, Sort: "name"}
		list, _, err := s.List(ctx, f)
		if err != nil {
			t.Fatal(err)
		}
		if got := names(list); !slices.Equal(got, pinyinOrgs) {
			t.Errorf("by name\n got %q\nwant %q", got, pinyinOrgs)
		}
		var paged []string
		for off := 0; off < len(pinyinOrgs); off += 4 {
			f.Limit, f.Offset = 4, off
			list, _, err := s.List(ctx, f)
			if err != nil {
				t.Fatal(err)
			}
			paged = append(paged, names(list)...)
		}
		if !slices.Equal(paged, pinyinOrgs) {
			t.Errorf("pages of 4\n got %q\nwant %q", paged, pinyinOrgs)
		}
		desc, _, err := s.List(ctx, org.Filter{Scope: access.Everywhere(), ParentID: root.ID, Sort: "-name"})
		if err != nil {
			t.Fatal(err)
		}
		want := slices.Clone(pinyinOrgs)
		slices.Reverse(want)
		if got := names(desc); !slices.Equal(got, want) {
			t.Errorf("by name, descending\n got %q\nwant %q", got, want)
		}
		for _, sort := range []string{"name", "tree"} {
			kids, err := s.Children(ctx, root, sort, 50, 0)
			if err != nil {
				t.Fatal(err)
			}
			if got := names(kids); !slices.Equal(got, pinyinOrgs) {
				t.Errorf("children by %s\n got %q\nwant %q", sort, got, pinyinOrgs)
			}
		}
	})
}
