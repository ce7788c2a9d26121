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

// Staff correct a draft's extracted targets — a bad edit is refused on its
// field — remove one, and publish; a published plan is no longer a draft.
func TestDraftEditAndPublish(t *testing.T) {
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
			t.Errorf("after the edits %+v", p.Indicators)
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
