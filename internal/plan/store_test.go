package plan

import (
	"context"
	"strings"
	"testing"

	"kexie/internal/audit"
	"kexie/internal/db"
	"kexie/internal/db/dbtest"
	"kexie/internal/org"
	"kexie/internal/std"
	"kexie/internal/valid"
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
		if list, total, _ := s.List(ctx, PlanFilter{Scope: []string{root.Path}}); len(list) != 1 || total != 1 || list[0].Counts[1] != len(doc.Targets()) {
			t.Errorf("list %+v", list)
		}
		if list, _, _ := s.List(ctx, PlanFilter{Scope: []string{}}); len(list) != 0 {
			t.Errorf("empty scope listed plans")
		}
		if list, _, _ := s.List(ctx, PlanFilter{Q: "青川河", Status: "draft", Sort: "-title"}); len(list) != 1 {
			t.Errorf("filtered list %+v", list)
		}
		if list, total, _ := s.List(ctx, PlanFilter{Q: "不存在的规划", Status: "draft"}); len(list) != 0 || total != 0 {
			t.Errorf("a query matching nothing listed %d", total)
		}
		if list, _, _ := s.List(ctx, PlanFilter{Status: "published"}); len(list) != 0 {
			t.Errorf("status filter let a draft through")
		}
		if _, err := s.Save(ctx, city.ID, &Doc{}, "x", "", nil); err == nil {
			t.Error("a document without a title was saved")
		}
	})
}

func TestReviewAndPublish(t *testing.T) {
	ctx := context.Background()
	dbtest.Run(t, []db.Migrations{audit.Migrations(), org.Migrations(), Migrations()}, func(t *testing.T, d *db.DB) {
		orgs := org.NewStore(d, std.Regions())
		root, _ := orgs.Create(ctx, org.Input{Code: "ROOT", Name: "省科协", Type: org.TypeProvince})
		s := NewStore(d, orgs)
		doc, _ := Ingest(strings.NewReader("某市科协规划\n一、目标\n到2025年，建成15个科普基地，每年举办3-5场论坛。"))
		id, err := s.Save(ctx, root.ID, doc, "a.txt", "", nil)
		if err != nil {
			t.Fatal(err)
		}
		p, _ := s.Get(ctx, id)
		if len(p.Indicators) != 2 {
			t.Fatalf("indicators %+v", p.Indicators)
		}
		first := p.Indicators[0]
		bad := []struct {
			e    IndicatorEdit
			want string
		}{
			{IndicatorEdit{Metric: "", Comparator: "=", Value: "1"}, "metric:plan.err.metric"},
			{IndicatorEdit{Metric: "m", Comparator: "~", Value: "1"}, "comparator:plan.err.comparator"},
			{IndicatorEdit{Metric: "m", Comparator: "range", Low: "5", High: "3"}, "low:plan.err.range"},
			{IndicatorEdit{Metric: "m", Comparator: ">=", Value: "x"}, "value:plan.err.number"},
			{IndicatorEdit{Metric: "m", Comparator: ">=", Value: "1", Baseline: "六"}, "baseline:plan.err.number"},
			{IndicatorEdit{Metric: "m", Comparator: ">=", Value: "1", Baseline: "6", BaselineYear: "15"}, "baseline_year:plan.err.year"},
		}
		for _, b := range bad {
			err := s.UpdateIndicator(ctx, id, first.ID, b.e)
			if list, ok := valid.As(err); !ok || list[0].Field+":"+list[0].Key != b.want {
				t.Errorf("%+v: %v", b.e, err)
			}
		}
		if err := s.UpdateIndicator(ctx, id, first.ID, IndicatorEdit{Metric: "建成科普基地", Comparator: ">=", Value: "18", Unit: "个", Deadline: "2025",
			Baseline: "6", BaselineYear: "2020"}); err != nil {
			t.Fatal(err)
		}
		if err := s.DeleteIndicator(ctx, id, p.Indicators[1].ID); err != nil {
			t.Fatal(err)
		}
		p, _ = s.Get(ctx, id)
		if len(p.Indicators) != 1 || *p.Indicators[0].Value != 18 || p.Indicators[0].Comparator != ">=" ||
			p.Indicators[0].Baseline == nil || p.Indicators[0].Baseline.Value != 6 || p.Indicators[0].Baseline.Year != 2020 {
			t.Errorf("after review %+v", p.Indicators)
		}
		if err := s.Publish(ctx, id); err != nil {
			t.Fatal(err)
		}
		err = s.UpdateIndicator(ctx, id, first.ID, IndicatorEdit{Metric: "x", Comparator: "=", Value: "1"})
		if list, ok := valid.As(err); !ok || list[0].Key != "plan.err.not_draft" {
			t.Errorf("edit after publishing: %v", err)
		}
		if err := s.Publish(ctx, id); err == nil {
			t.Error("published twice")
		}
	})
}
