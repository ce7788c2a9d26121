package org_test

import (
	"context"
	"testing"

	"kexie/internal/audit"
	"kexie/internal/db"
	"kexie/internal/db/dbtest"
	"kexie/internal/org"
	"kexie/internal/std"
)

// The orgs the public may write to: 科协 and 学会, enabled; never a
// government department, a company or a disabled org, by id, code, exact
// name or a part of the name.
func TestPublicOrgs(t *testing.T) {
	dbtest.Run(t, []db.Migrations{audit.Migrations(), org.Migrations()}, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		s := org.NewStore(d, std.Regions())
		root, _, err := s.EnsureRoot(ctx, "四川省科学技术协会", "KX51", org.TypeProvince)
		if err != nil {
			t.Fatal(err)
		}
		mk := func(code, name string, typ org.Type) org.Org {
			t.Helper()
			o, err := s.Create(ctx, org.Input{ParentID: root.ID, Code: code, Name: name, Type: typ})
			if err != nil {
				t.Fatal(err)
			}
			return o
		}
		city := mk("PZH", "攀枝花市科学技术协会", org.TypeCity)
		soc := mk("SC-NX", "四川省农学会", org.TypeSociety)
		dept := mk("SC-KJT", "四川省科学技术厅", org.TypeGovDept)
		gone := mk("YB", "宜宾市科学技术协会", org.TypeCity)
		if _, err := s.Disable(ctx, gone.ID, true); err != nil {
			t.Fatal(err)
		}

		for _, c := range []struct {
			o    org.Org
			want bool
		}{{root, true}, {city, true}, {soc, true}, {dept, false}, {gone, false}} {
			path, ok, err := org.PublicPath(ctx, d, c.o.ID)
			if err != nil || ok != c.want || ok && path != c.o.Path {
				t.Errorf("PublicPath(%s) = %q %v %v, want %v", c.o.Name, path, ok, err, c.want)
			}
		}
		for v, want := range map[string]int64{"pzh": city.ID, "四川省农学会": soc.ID, "SC-KJT": 0, "四川省科学技术厅": 0, "YB": 0, "": 0, "无此单位": 0} {
			if id, err := s.PublicByCode(ctx, v); err != nil || id != want {
				t.Errorf("PublicByCode(%q) = %d %v, want %d", v, id, err, want)
			}
		}
		list, total, err := s.Publics(ctx, "科学技术", 10, 0)
		if err != nil || total != 2 || len(list) != 2 || list[0].ID != root.ID || list[1].ID != city.ID {
			t.Errorf("Publics(科学技术) = %+v (%d) %v, want the province then the city", list, total, err)
		}
		if list, total, _ := s.Publics(ctx, "", 1, 1); total != 3 || len(list) != 1 {
			t.Errorf("a page of one: %+v of %d, want one of 3", list, total)
		}
	})
}
