package plan

import (
	"context"
	"strings"
	"testing"

	"kexie/internal/access"
	"kexie/internal/audit"
	"kexie/internal/db"
	"kexie/internal/db/dbtest"
	"kexie/internal/org"
	"kexie/internal/std"
)

func TestSaveAndGet(t *testing.T) {
	ctx := context.Background()
	dbtest.Run(t, []db.Migrations{audit.Migrations(), org.Migrations(), Migrations()}, func(t *testing.T, d *db.DB) {
		orgs := org.NewStore(d, std.Regions())
		root, _ := orgs.Create(ctx, org.Input{Code: "ROOT", Name: "四川省科协", Type: org.TypeProvince})
		city, _ := orgs.Create(ctx, org.Input{ParentID: root.ID, Code: "PZH", Name: "攀枝花市科协", Type: org.TypeCity})
		_, doc := ownDoc(t, "shi_kexie_shiwuwu.txt")
		s := NewStore(d, orgs)
		id, err := s.Save(ctx, city.ID, doc, "shi_kexie_shiwuwu.txt", "text", nil)
		if err != nil {
			t.Fatal(err)
		}
		p, err := s.Get(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		if p.Title != doc.Title || p.StartYear != 2026 || p.EndYear != 2030 || p.Status != "draft" || len(p.Indicators) != len(doc.Targets()) ||
			len(doc.Targets()) == len(doc.Indicators) {
			t.Errorf("plan = %+v", p)
		}
		count := func(secs []*Section) int {
			n := 0
			var walk func([]*Section)
			walk = func(ss []*Section) {
				for _, x := range ss {
					n++
					walk(x.Children)
				}
			}
			walk(secs)
			return n
		}
		if len(p.Sections) != count(doc.Sections) || p.Sections[0].Path != "一" {
			t.Errorf("sections %d, want %d", len(p.Sections), count(doc.Sections))
		}
		leads := 0
		for _, u := range p.Units {
			if u.Role == "lead" && u.SectionPath == "三/(三)" && strings.Contains("市科协 市科技局", u.Name) {
				leads++
			}
		}
		if leads != 2 {
			t.Errorf("lead units of 三/(三): %d", leads)
		}
		for _, ind := range p.Indicators {
			if strings.Contains(ind.Text, "18%以上") && (ind.Comparator != ">=" || *ind.Value != 18) {
				t.Errorf("18%% indicator = %+v", ind)
			}
		}
		if list, total, _ := s.List(ctx, PlanFilter{Scope: access.Subtrees(root.Path)}); len(list) != 1 || total != 1 || list[0].Counts[1] != len(doc.Targets()) {
			t.Errorf("list %+v", list)
		}
		if list, _, _ := s.List(ctx, PlanFilter{Scope: access.Scope{}}); len(list) != 0 {
			t.Errorf("empty scope listed plans")
		}
		if list, _, _ := s.List(ctx, PlanFilter{Scope: access.Everywhere(), Q: "青川河", Status: "draft", Sort: "-title"}); len(list) != 1 {
			t.Errorf("filtered list %+v", list)
		}
		if list, total, _ := s.List(ctx, PlanFilter{Scope: access.Everywhere(), Q: "不存在的规划", Status: "draft"}); len(list) != 0 || total != 0 {
			t.Errorf("a query matching nothing listed %d", total)
		}
		if list, _, _ := s.List(ctx, PlanFilter{Scope: access.Everywhere(), Status: "published"}); len(list) != 0 {
			t.Errorf("status filter let a draft through")
		}
		if _, err := s.Save(ctx, city.ID, &Doc{}, "x", "", nil); err == nil {
			t.Error("a document without a title was saved")
		}
	})
}
