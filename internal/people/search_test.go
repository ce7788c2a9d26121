package people_test

import (
	"context"
	"testing"

	"kexie/internal/db"
	"kexie/internal/db/dbtest"
	"kexie/internal/people"
)

func TestSearch(t *testing.T) {
	ctx := context.Background()
	dbtest.Run(t, sets, func(t *testing.T, d *db.DB) {
		f := setup(t, d)
		mk := func(org int64, name, id17, employer, expertise, level, region, cats string) people.Person {
			p, err := f.s.Create(ctx, people.Input{OrgID: org, Name: name, IDNumber: idNumber(id17), Employer: employer,
				Expertise: expertise, TitleLevel: level, RegionCode: region, Categories: cats})
			if err != nil {
				t.Fatal(err)
			}
			return p
		}
		zhang := mk(f.city.ID, "张伟", "51040219850312201", "攀枝花钢铁研究院", "钒钛磁铁矿综合利用", "senior", "510402", "高层次人才、评审专家")
		mk(f.city.ID, "王芳", "51040219950101202", "攀枝花学院", "钒电池储能材料", "intermediate", "510411", "青年科技人才")
		mk(f.city.ID, "刘洋", "51040219700101203", "攀枝花市农科院", "芒果栽培与钛白粉废渣利用", "vice_senior", "510421", "")
		li := mk(f.peer.ID, "李娜", "34110219800101204", "滁州学院", "钒钛磁铁矿选矿", "senior", "341102", "评审专家")

		hitNames := func(r people.SearchResult) []string {
			var out []string
			for _, h := range r.Hits {
				out = append(out, h.Name)
			}
			return out
		}
		r, err := f.s.Search(ctx, people.SearchQuery{Q: "钒钛磁铁矿"})
		if err != nil {
			t.Fatal(err)
		}
		if r.Total != 2 {
			t.Fatalf("钒钛磁铁矿: %d hits %v", r.Total, hitNames(r))
		}
		if r.Facets["title_level"]["senior"] != 2 || r.Facets["category"]["评审专家"] != 2 || r.Facets["region"]["510400"] != 1 {
			t.Errorf("facets = %v", r.Facets)
		}
		// An exact expertise match ranks first.
		r, _ = f.s.Search(ctx, people.SearchQuery{Q: "钒钛磁铁矿综合利用"})
		if r.Total != 1 || r.Hits[0].ID != zhang.ID {
			t.Errorf("exact: %v", hitNames(r))
		}
		r, _ = f.s.Search(ctx, people.SearchQuery{Q: "钒"})
		if r.Total != 0 {
			t.Errorf("one character matched names: %v", hitNames(r))
		}
		r, _ = f.s.Search(ctx, people.SearchQuery{Q: "王"})
		if r.Total != 1 || r.Hits[0].Name != "王芳" {
			t.Errorf("surname prefix: %v", hitNames(r))
		}
		r, _ = f.s.Search(ctx, people.SearchQuery{Q: "钒", Facets: map[string]string{}})
		// Scope and facets narrow the hits.
		r, _ = f.s.Search(ctx, people.SearchQuery{Q: "钒钛", Scope: []string{f.peer.Path}})
		if r.Total != 1 || r.Hits[0].ID != li.ID {
			t.Errorf("scoped: %v", hitNames(r))
		}
		r, _ = f.s.Search(ctx, people.SearchQuery{Q: "攀枝花", Facets: map[string]string{"title_level": "senior", "region": "510400"}})
		if r.Total != 1 || r.Hits[0].ID != zhang.ID {
			t.Errorf("two facets: %v", hitNames(r))
		}
		r, _ = f.s.Search(ctx, people.SearchQuery{Q: "攀枝花", Facets: map[string]string{"age_band": "under35"}})
		if r.Total != 1 || r.Hits[0].Name != "王芳" {
			t.Errorf("age band: %v %v", hitNames(r), r.Facets["age_band"])
		}
		// The index follows updates and erasure in the same transaction.
		if _, err := f.s.Update(ctx, zhang.ID, people.Input{Name: "张伟", Employer: "攀钢集团", Expertise: "轧钢工艺"}); err != nil {
			t.Fatal(err)
		}
		if r, _ = f.s.Search(ctx, people.SearchQuery{Q: "钒钛磁铁矿"}); r.Total != 1 {
			t.Errorf("old terms still found after update: %v", hitNames(r))
		}
		if r, _ = f.s.Search(ctx, people.SearchQuery{Q: "轧钢"}); r.Total != 1 {
			t.Errorf("new terms not found after update")
		}
	})
}
