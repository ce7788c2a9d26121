package people_test

import (
	"context"
	"fmt"
	"testing"

	"kexie/internal/access"
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
		r, err := f.s.Search(ctx, people.SearchQuery{Scope: access.Everywhere(), Q: "钒钛磁铁矿"})
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
		r, _ = f.s.Search(ctx, people.SearchQuery{Scope: access.Everywhere(), Q: "钒钛磁铁矿综合利用"})
		if r.Total != 1 || r.Hits[0].ID != zhang.ID {
			t.Errorf("exact: %v", hitNames(r))
		}
		r, _ = f.s.Search(ctx, people.SearchQuery{Scope: access.Everywhere(), Q: "钒"})
		if r.Total != 0 {
			t.Errorf("one character matched names: %v", hitNames(r))
		}
		r, _ = f.s.Search(ctx, people.SearchQuery{Scope: access.Everywhere(), Q: "王"})
		if r.Total != 1 || r.Hits[0].Name != "王芳" {
			t.Errorf("surname prefix: %v", hitNames(r))
		}
		r, _ = f.s.Search(ctx, people.SearchQuery{Scope: access.Everywhere(), Q: "钒", Facets: map[string]string{}})
		// Scope and facets narrow the hits.
		r, _ = f.s.Search(ctx, people.SearchQuery{Q: "钒钛", Scope: access.Subtrees(f.peer.Path)})
		if r.Total != 1 || r.Hits[0].ID != li.ID {
			t.Errorf("scoped: %v", hitNames(r))
		}
		r, _ = f.s.Search(ctx, people.SearchQuery{Scope: access.Everywhere(), Q: "攀枝花", Facets: map[string]string{"title_level": "senior", "region": "510400"}})
		if r.Total != 1 || r.Hits[0].ID != zhang.ID {
			t.Errorf("two facets: %v", hitNames(r))
		}
		r, _ = f.s.Search(ctx, people.SearchQuery{Scope: access.Everywhere(), Q: "攀枝花", Facets: map[string]string{"age_band": "under35"}})
		if r.Total != 1 || r.Hits[0].Name != "王芳" {
			t.Errorf("age band: %v %v", hitNames(r), r.Facets["age_band"])
		}
		// The index follows updates and erasure in the same transaction.
		if _, err := f.s.Update(ctx, zhang.ID, people.Input{Name: "张伟", Employer: "攀钢集团", Expertise: "轧钢工艺"}); err != nil {
			t.Fatal(err)
		}
		if r, _ = f.s.Search(ctx, people.SearchQuery{Scope: access.Everywhere(), Q: "钒钛磁铁矿"}); r.Total != 1 {
			t.Errorf("old terms still found after update: %v", hitNames(r))
		}
		if r, _ = f.s.Search(ctx, people.SearchQuery{Scope: access.Everywhere(), Q: "轧钢"}); r.Total != 1 {
			t.Errorf("new terms not found after update")
		}
	})
}

// The in-memory index answers exactly as the database's index does, and
// follows every change committed after it was built.
func TestMemIndex(t *testing.T) {
	ctx := context.Background()
	dbtest.Run(t, sets, func(t *testing.T, d *db.DB) {
		f := setup(t, d)
		for i, x := range []struct{ name, emp, exp, lvl, region, cats string }{
			{"张伟", "攀枝花钢铁研究院", "钒钛磁铁矿综合利用", "senior", "510402", "高层次人才、评审专家"},
			{"王芳", "攀枝花学院", "钒电池储能材料", "intermediate", "510411", "青年科技人才"},
			{"刘洋", "攀枝花市农科院", "芒果栽培", "vice_senior", "510421", ""},
			{"李娜", "滁州学院", "钒钛磁铁矿选矿", "senior", "341102", "评审专家"},
			{"王强", "滁州学院", "人工智能", "junior", "341102", ""},
		} {
			org := f.city.ID
			if i >= 3 {
				org = f.peer.ID
			}
			if _, err := f.s.Create(ctx, people.Input{OrgID: org, Name: x.name, IDNumber: idNumber(fmt.Sprintf("5104021985031220%d", i)),
				Employer: x.emp, Expertise: x.exp, TitleLevel: x.lvl, RegionCode: x.region, Categories: x.cats}); err != nil {
				t.Fatal(err)
			}
		}
		if err := f.s.BuildIndex(ctx); err != nil {
			t.Fatal(err)
		}
		queries := []people.SearchQuery{
			{Q: "钒钛磁铁矿"}, {Q: "钒"}, {Q: "王"}, {Q: "攀枝花"}, {Q: "学院", Scope: access.Subtrees(f.peer.Path)},
			{Q: "攀枝花", Facets: map[string]string{"title_level": "senior", "region": "510400"}},
			{Q: "学院", Facets: map[string]string{"category": "青年科技人才"}}, {Q: "钒钛 评审"}, {Q: "不存在的词"},
		}
		for i := range queries {
			if queries[i].Scope.None() {
				queries[i].Scope = access.Everywhere()
			}
		}
		same := func(label string) {
			for _, q := range queries {
				mem, err := f.s.Search(ctx, q)
				if err != nil {
					t.Fatal(err)
				}
				q.UseDatabase = true
				dbr, err := f.s.Search(ctx, q)
				if err != nil {
					t.Fatal(err)
				}
				if mem.Total != dbr.Total || fmt.Sprint(mem.Facets) != fmt.Sprint(dbr.Facets) || fmt.Sprint(names(mem)) != fmt.Sprint(names(dbr)) {
					t.Errorf("%s %q: memory %d %v %v, database %d %v %v", label, q.Q, mem.Total, names(mem), mem.Facets, dbr.Total, names(dbr), dbr.Facets)
				}
			}
		}
		same("built")
		// Changes after the build: a new person, an update, an erasure.
		p, err := f.s.CreateOwn(ctx, 9, people.Input{OrgID: f.city.ID, Name: "赵敏", Expertise: "钒钛磁铁矿冶炼"}, true)
		if err != nil {
			t.Fatal(err)
		}
		zhang, _ := f.s.FindByIDNumber(ctx, idNumber("51040219850312200"))
		if _, err := f.s.Update(ctx, zhang.ID, people.Input{Name: "张伟", Employer: "攀钢集团", Expertise: "轧钢工艺"}); err != nil {
			t.Fatal(err)
		}
		same("after changes")
		if r, _ := f.s.Search(ctx, people.SearchQuery{Scope: access.Everywhere(), Q: "钒钛磁铁矿"}); r.Total != 2 {
			t.Errorf("after create and update: %v", names(r))
		}
		if err := f.s.RequestDeletion(ctx, 9, ""); err != nil {
			t.Fatal(err)
		}
		reqs, _ := f.s.DeletionRequests(ctx, access.Everywhere())
		if err := f.s.ResolveDeletion(ctx, reqs[0].ID, 1); err != nil {
			t.Fatal(err)
		}
		if r, _ := f.s.Search(ctx, people.SearchQuery{Scope: access.Everywhere(), Q: "赵敏"}); r.Total != 0 {
			t.Errorf("erased person %d still found", p.ID)
		}
		same("after erasure")
	})
}

func names(r people.SearchResult) []string {
	var out []string
	for _, h := range r.Hits {
		out = append(out, h.Name)
	}
	return out
}

// Searches run while people are written; with -race this checks the
// index's locking, and every search sees at least what was committed
// before it started.
func TestMemIndexConcurrent(t *testing.T) {
	ctx := context.Background()
	d := dbtest.OpenSQLite(t, sets...)
	f := setup(t, d)
	if err := f.s.BuildIndex(ctx); err != nil {
		t.Fatal(err)
	}
	done := make(chan struct{})
	committed := make(chan int, 100)
	go func() {
		defer close(done)
		for i := range 40 {
			if _, err := f.s.Create(ctx, people.Input{OrgID: f.city.ID, Name: fmt.Sprintf("并发%02d", i), Expertise: "并发测试"}); err != nil {
				t.Error(err)
				return
			}
			committed <- i + 1
		}
	}()
	seen := 0
	for {
		select {
		case n := <-committed:
			seen = n
		case <-done:
			r, err := f.s.Search(ctx, people.SearchQuery{Scope: access.Everywhere(), Q: "并发测试"})
			if err != nil || r.Total != 40 {
				t.Errorf("final search: %d, %v", r.Total, err)
			}
			return
		default:
		}
		r, err := f.s.Search(ctx, people.SearchQuery{Scope: access.Everywhere(), Q: "并发测试"})
		if err != nil {
			t.Fatal(err)
		}
		if r.Total < seen {
			t.Fatalf("search saw %d people after %d were committed", r.Total, seen)
		}
	}
}

// An achievement's title is searchable, also after the person is edited.
func TestItemsSearchable(t *testing.T) {
	ctx := context.Background()
	dbtest.Run(t, sets, func(t *testing.T, d *db.DB) {
		f := setup(t, d)
		p, _ := f.s.Create(ctx, people.Input{OrgID: f.city.ID, Name: "张伟", Expertise: "冶金"})
		if _, err := f.s.AddItem(ctx, people.Item{PersonID: p.ID, Kind: "patent", Title: "一种高钛型高炉渣提钛方法", Year: 2019}); err != nil {
			t.Fatal(err)
		}
		if _, err := f.s.AddItem(ctx, people.Item{PersonID: p.ID, Kind: "novel", Title: "x"}); fieldKey(err) != "kind:people.err.item_kind" {
			t.Errorf("bad kind: %v", err)
		}
		for _, useDB := range []bool{true, false} {
			if !useDB {
				if err := f.s.BuildIndex(ctx); err != nil {
					t.Fatal(err)
				}
			}
			if r, _ := f.s.Search(ctx, people.SearchQuery{Scope: access.Everywhere(), Q: "高炉渣提钛", UseDatabase: useDB}); r.Total != 1 {
				t.Errorf("achievement not found (database %v)", useDB)
			}
		}
		if _, err := f.s.Update(ctx, p.ID, people.Input{Name: "张伟", Expertise: "轧钢"}); err != nil {
			t.Fatal(err)
		}
		if r, _ := f.s.Search(ctx, people.SearchQuery{Scope: access.Everywhere(), Q: "高炉渣提钛"}); r.Total != 1 {
			t.Error("achievement lost from the index after an edit")
		}
		if items, _ := f.s.Items(ctx, p.ID); len(items) != 1 || items[0].Year != 2019 {
			t.Errorf("items %+v", items)
		}
	})
}

// 青年科技人才 follows the configured age limit on both search paths.
func TestYouthCategory(t *testing.T) {
	ctx := context.Background()
	dbtest.Run(t, sets, func(t *testing.T, d *db.DB) {
		f := setup(t, d)
		born := func(y int) string { return idNumber(fmt.Sprintf("510402%d0101201", y)) }
		year := d.Now().Year()
		for i, y := range []int{year - 30, year - 38, year - 50} {
			if _, err := f.s.Create(ctx, people.Input{OrgID: f.city.ID, Name: fmt.Sprintf("测试%d", i), IDNumber: born(y), Expertise: "青年测试"}); err != nil {
				t.Fatal(err)
			}
		}
		count := func(useDB bool) int {
			r, err := f.s.Search(ctx, people.SearchQuery{Scope: access.Everywhere(), Q: "青年测试", UseDatabase: useDB, Facets: map[string]string{"category": people.YouthCategory}})
			if err != nil {
				t.Fatal(err)
			}
			return r.Total
		}
		if err := f.s.BuildIndex(ctx); err != nil {
			t.Fatal(err)
		}
		if a, b := count(true), count(false); a != 1 || b != 1 {
			t.Errorf("limit 35: database %d, memory %d; want 1", a, b)
		}
		if err := f.s.SetYouthAge(ctx, 40); err != nil {
			t.Fatal(err)
		}
		if a, b := count(true), count(false); a != 2 || b != 2 {
			t.Errorf("limit 40: database %d, memory %d; want 2", a, b)
		}
		if err := f.s.SetYouthAge(ctx, 70); err == nil {
			t.Error("limit 70 accepted")
		}
	})
}
