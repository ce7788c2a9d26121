package org_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"

	"kexie/internal/access"
	"kexie/internal/audit"
	"kexie/internal/db"
	"kexie/internal/db/dbtest"
	"kexie/internal/org"
	"kexie/internal/std"
	"kexie/internal/valid"
)

var sets = []db.Migrations{audit.Migrations(), org.Migrations()}

// tree builds: root ─ city A ─ county A1 ─ town A1x
//
//	└ city B
type tree struct {
	root, a, a1, a1x, b org.Org
}

func build(t *testing.T, s *org.Store) tree {
	t.Helper()
	ctx := context.Background()
	mk := func(parent int64, code, name string, typ org.Type) org.Org {
		o, err := s.Create(ctx, org.Input{ParentID: parent, Code: code, Name: name, Type: typ})
		if err != nil {
			t.Fatalf("create %s: %v", code, err)
		}
		return o
	}
	var tr tree
	tr.root = mk(0, "ROOT", "四川省科学技术协会", org.TypeProvince)
	tr.a = mk(tr.root.ID, "PZH", "攀枝花市科学技术协会", org.TypeCity)
	tr.a1 = mk(tr.a.ID, "PZH-DQ", "东区科协", org.TypeCounty)
	tr.a1x = mk(tr.a1.ID, "PZH-DQ-1", "银江镇科协", org.TypeTown)
	tr.b = mk(tr.root.ID, "CD", "成都市科学技术协会", org.TypeCity)
	return tr
}

func fieldOf(err error) string {
	if list, ok := valid.As(err); ok {
		return list[0].Field + ":" + list[0].Key
	}
	return fmt.Sprint(err)
}

func count(t *testing.T, d *db.DB) int {
	var n int
	if err := d.QueryRow(context.Background(), `SELECT COUNT(*) FROM orgs`).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

func TestCreateAndValidate(t *testing.T) {
	ctx := context.Background()
	dbtest.Run(t, sets, func(t *testing.T, d *db.DB) {
		s := org.NewStore(d, std.Regions())
		tr := build(t, s)
		if tr.a1x.Path != fmt.Sprintf("/%d/%d/%d/%d/", tr.root.ID, tr.a.ID, tr.a1.ID, tr.a1x.ID) || tr.a1x.Depth != 3 {
			t.Errorf("path %q depth %d", tr.a1x.Path, tr.a1x.Depth)
		}
		before := count(t, d)
		tests := []struct {
			name string
			in   org.Input
			want string
		}{
			{"duplicate code", org.Input{ParentID: tr.a.ID, Code: "pzh", Name: "重复", Type: org.TypeSociety}, "code:org.err.code_taken"},
			{"unknown region", org.Input{ParentID: tr.a.ID, Code: "X1", Name: "某学会", Type: org.TypeSociety, RegionCode: "510499"}, "region_code:org.err.region_unknown"},
			{"no name", org.Input{ParentID: tr.a.ID, Code: "X2", Type: org.TypeSociety}, "name:org.err.name_required"},
			{"bad code", org.Input{ParentID: tr.a.ID, Code: "有 空格", Name: "n", Type: org.TypeSociety}, "code:org.err.code_format"},
			{"bad type", org.Input{ParentID: tr.a.ID, Code: "X3", Name: "n", Type: "club"}, "type:org.err.type"},
			{"missing parent", org.Input{ParentID: 42, Code: "X4", Name: "n", Type: org.TypeSociety}, "parent_id:org.err.parent_missing"},
			{"second root", org.Input{Code: "X5", Name: "n", Type: org.TypeProvince}, "parent_id:org.err.parent_required"},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				_, err := s.Create(ctx, tt.in)
				if got := fieldOf(err); got != tt.want {
					t.Errorf("error = %s, want %s", got, tt.want)
				}
			})
		}
		if got := count(t, d); got != before {
			t.Errorf("failed creates changed the table: %d orgs, want %d", got, before)
		}
		ok, err := s.Create(ctx, org.Input{ParentID: tr.a.ID, Code: "PZH-KX", Name: "攀枝花市科普协会", Type: org.TypeKepu, RegionCode: "510400"})
		if err != nil || ok.RegionCode != "510400" {
			t.Fatalf("valid region: %v", err)
		}
		if _, err := s.Update(ctx, tr.b.ID, org.Input{Code: "PZH", Name: "成都", Type: org.TypeCity}); fieldOf(err) != "code:org.err.code_taken" {
			t.Errorf("update to a taken code: %v", err)
		}
		recs, _, err := audit.List(ctx, d, audit.Filter{Scope: access.Everywhere(), Action: "org.create"})
		if err != nil || len(recs) != 6 {
			t.Errorf("audit records of org.create = %d, %v; want 6", len(recs), err)
		}
	})
}

func TestMove(t *testing.T) {
	ctx := context.Background()
	dbtest.Run(t, sets, func(t *testing.T, d *db.DB) {
		s := org.NewStore(d, std.Regions())
		tr := build(t, s)
		// Into its own descendant: refused, nothing changed.
		if err := s.Move(ctx, tr.a.ID, tr.a1x.ID); fieldOf(err) != "parent_id:org.err.move_into_descendant" {
			t.Errorf("move into descendant: %v", err)
		}
		if err := s.Move(ctx, tr.a.ID, tr.a.ID); fieldOf(err) != "parent_id:org.err.move_into_descendant" {
			t.Errorf("move under itself: %v", err)
		}
		if err := s.Move(ctx, tr.root.ID, tr.b.ID); fieldOf(err) != "parent_id:org.err.move_root" {
			t.Errorf("move root: %v", err)
		}
		if got, _ := s.Get(ctx, tr.a1x.ID); got.Path != tr.a1x.Path {
			t.Errorf("refused move changed %q", got.Path)
		}
		// Move county A1 (with its town) under city B.
		if err := s.Move(ctx, tr.a1.ID, tr.b.ID); err != nil {
			t.Fatal(err)
		}
		a1, _ := s.Get(ctx, tr.a1.ID)
		a1x, _ := s.Get(ctx, tr.a1x.ID)
		wantA1 := fmt.Sprintf("%s%d/", tr.b.Path, tr.a1.ID)
		if a1.Path != wantA1 || a1.ParentID != tr.b.ID || a1.Depth != 2 {
			t.Errorf("moved org: path %q parent %d depth %d", a1.Path, a1.ParentID, a1.Depth)
		}
		if a1x.Path != fmt.Sprintf("%s%d/", wantA1, tr.a1x.ID) || a1x.Depth != 3 {
			t.Errorf("descendant: path %q depth %d", a1x.Path, a1x.Depth)
		}
		anc, err := s.Ancestors(ctx, a1x)
		if err != nil || len(anc) != 3 || anc[1].ID != tr.b.ID {
			t.Errorf("ancestors after move: %+v, %v", anc, err)
		}
		// A's subtree no longer holds them.
		list, total, err := s.List(ctx, org.Filter{Scope: access.Everywhere(), Under: tr.a.Path})
		if err != nil || total != 1 || list[0].ID != tr.a.ID {
			t.Errorf("A's subtree = %d orgs", total)
		}
		// Moving the big subtree back and forth keeps the paths unique and
		// consistent: every path starts with its parent's.
		if err := s.Move(ctx, tr.b.ID, tr.a.ID); err != nil {
			t.Fatal(err)
		}
		all, _, err := s.List(ctx, org.Filter{Scope: access.Everywhere(), Limit: 100})
		if err != nil {
			t.Fatal(err)
		}
		byID := map[int64]org.Org{}
		for _, o := range all {
			byID[o.ID] = o
		}
		for _, o := range all {
			if o.ParentID != 0 && !strings.HasPrefix(o.Path, byID[o.ParentID].Path) {
				t.Errorf("%s: path %q not under parent %q", o.Code, o.Path, byID[o.ParentID].Path)
			}
			if o.Depth != strings.Count(o.Path, "/")-2 {
				t.Errorf("%s: depth %d for path %q", o.Code, o.Depth, o.Path)
			}
		}
	})
}

func TestListAndStats(t *testing.T) {
	ctx := context.Background()
	dbtest.Run(t, sets, func(t *testing.T, d *db.DB) {
		s := org.NewStore(d, std.Regions())
		tr := build(t, s)
		tests := []struct {
			name  string
			f     org.Filter
			total int
			first string
		}{
			{"all", org.Filter{Scope: access.Everywhere()}, 5, "ROOT"},
			{"scope A", org.Filter{Scope: access.Subtrees(tr.a.Path)}, 3, "PZH"},
			{"zero scope", org.Filter{}, 0, ""},
			{"scope A and B", org.Filter{Scope: access.Subtrees(tr.a.Path, tr.b.Path)}, 4, ""},
			{"query name", org.Filter{Scope: access.Everywhere(), Q: "攀枝花"}, 1, "PZH"},
			{"query code", org.Filter{Scope: access.Everywhere(), Q: "pzh-dq"}, 2, ""},
			{"query wildcard is literal", org.Filter{Scope: access.Everywhere(), Q: "%"}, 0, ""},
			{"type", org.Filter{Scope: access.Everywhere(), Type: org.TypeCity, Sort: "code"}, 2, "CD"},
			{"type desc", org.Filter{Scope: access.Everywhere(), Type: org.TypeCity, Sort: "-code"}, 2, "PZH"},
			{"children", org.Filter{Scope: access.Everywhere(), ParentID: tr.root.ID, Sort: "name"}, 2, ""},
			{"page 2", org.Filter{Scope: access.Everywhere(), Limit: 2, Offset: 2}, 5, ""},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				list, total, err := s.List(ctx, tt.f)
				if err != nil {
					t.Fatal(err)
				}
				if total != tt.total && len(list) > 0 || len(list) == 0 && tt.total != 0 {
					t.Errorf("total = %d (rows %d), want %d", total, len(list), tt.total)
				}
				if tt.first != "" && (len(list) == 0 || list[0].Code != tt.first) {
					t.Errorf("first = %+v, want %s", list, tt.first)
				}
			})
		}
		root, _ := s.Get(ctx, tr.root.ID)
		kids, err := s.Children(ctx, root, "name", 10, 0)
		if err != nil || len(kids) != 2 || root.ChildCount != 2 {
			t.Fatalf("children: %d (count %d), %v", len(kids), root.ChildCount, err)
		}
		if db.PinyinKey(kids[0].Name) > db.PinyinKey(kids[1].Name) {
			t.Errorf("children not in name order: %s, %s", kids[0].Name, kids[1].Name)
		}
		if desc, _ := s.Children(ctx, root, "-name", 10, 0); desc[0].ID != kids[1].ID {
			t.Errorf("descending order wrong")
		}
		for _, k := range kids {
			want := 0
			if k.ID == tr.a.ID {
				want = 1
			}
			if k.ChildCount != want {
				t.Errorf("%s child count = %d, want %d", k.Code, k.ChildCount, want)
			}
		}
		if stats, err := s.Stats(ctx, access.Scope{}); err != nil || len(stats) != 0 {
			t.Errorf("zero scope stats = %v, %v", stats, err)
		}
		if stats, err := s.Stats(ctx, access.Everywhere()); err != nil || len(stats) != 4 {
			t.Errorf("everywhere stats = %v, %v; want four types", stats, err)
		}
		stats, err := s.Stats(ctx, access.Subtrees(tr.a.Path))
		if err != nil {
			t.Fatal(err)
		}
		got := map[org.Type]int{}
		for _, st := range stats {
			got[st.Type] = st.Count
		}
		if got[org.TypeCity] != 1 || got[org.TypeCounty] != 1 || got[org.TypeTown] != 1 || len(got) != 3 {
			t.Errorf("stats = %v", got)
		}
		if _, err := s.Get(ctx, 12345); !errors.Is(err, db.ErrNotFound) {
			t.Errorf("Get missing: %v", err)
		}
	})
}

// An org created without a code gets a readable one: region, type letters,
// a number; a 科协 takes its region's code alone.
func TestGeneratedCodes(t *testing.T) {
	dbtest.Run(t, sets, func(t *testing.T, d *db.DB) {
		s := org.NewStore(d, std.Regions())
		ctx := context.Background()
		mk := func(parent int64, name string, typ org.Type, region string) org.Org {
			t.Helper()
			o, err := s.Create(ctx, org.Input{ParentID: parent, Name: name, Type: typ, RegionCode: region})
			if err != nil {
				t.Fatal(err)
			}
			return o
		}
		root := mk(0, "四川省科学技术协会", org.TypeProvince, "510000")
		cd := mk(root.ID, "成都市科学技术协会", org.TypeCity, "510100")
		jj := mk(cd.ID, "锦江区科学技术协会", org.TypeCounty, "510104")
		d1 := mk(cd.ID, "成都市教育局", org.TypeGovDept, "")
		d2 := mk(cd.ID, "团市委", org.TypeGovDept, "")
		xh := mk(root.ID, "四川省化学化工学会", org.TypeSociety, "")
		for _, c := range []struct{ got, want string }{{root.Code, "510000-KX"}, {cd.Code, "510100-KX"}, {jj.Code, "510104-KX"},
			{d1.Code, "510100-BM-01"}, {d2.Code, "510100-BM-02"}, {xh.Code, "510000-XH-01"}} {
			if c.got != c.want {
				t.Errorf("code %q, want %q", c.got, c.want)
			}
		}
		// A second 科协 in the same region is numbered.
		if o := mk(cd.ID, "锦江区科协（筹）", org.TypeCounty, "510104"); o.Code != "510104-KX-01" {
			t.Errorf("second 科协 in 510104: %q", o.Code)
		}
	})
}
