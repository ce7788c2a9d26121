package plan

import (
	"context"
	"errors"
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
			{IndicatorEdit{Metric: "m", Comparator: ">=", Value: "NaN"}, "value:plan.err.number"},
			{IndicatorEdit{Metric: "m", Comparator: "range", Low: "NaN", High: "3"}, "low:plan.err.number"},
			{IndicatorEdit{Metric: "m", Comparator: ">=", Value: "1", Baseline: "NaN", BaselineYear: "2020"}, "baseline:plan.err.number"},
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

func TestHandAdditions(t *testing.T) {
	ctx := context.Background()
	dbtest.Run(t, trackSets, func(t *testing.T, d *db.DB) {
		e := newTrack(t, d)
		wantKey(t, e.store.AddSection(ctx, e.planID, "三", "(一)", "重复"), "plan.err.section_taken")
		wantKey(t, e.store.AddSection(ctx, e.planID, "九", "1", "无上级"), "plan.err.section")
		if err := e.store.AddSection(ctx, e.planID, "三", "(十一)", "科普信息化补充任务"); err != nil {
			t.Fatal(err)
		}
		if err := e.store.AddIndicator(ctx, e.planID, "三/(十一)", "", IndicatorEdit{Metric: "科普网站访问量", Comparator: ">=",
			Value: "100", Unit: "万人次", Deadline: "2020"}); err != nil {
			t.Fatal(err)
		}
		err := e.store.AddIndicator(ctx, e.planID, "三/(十一)", "", IndicatorEdit{Metric: "x", Comparator: "range", Low: "5", High: "3"})
		wantKey(t, err, "plan.err.range")
		if err := e.store.AddUnit(ctx, e.planID, "三/(十一)", "lead", "市大数据局"); err != nil {
			t.Fatal(err)
		}
		wantKey(t, e.store.AddUnit(ctx, e.planID, "三/(十一)", "boss", "市大数据局"), "plan.err.unit_role")
		e.reload(t)
		// The new section sits after the last section of 三, before 四.
		pos := map[string]int{}
		for i, s := range e.plan.Sections {
			pos[s.Path] = i
		}
		if !(pos["三/(十一)"] > pos["三/(十)"] && pos["三/(十一)"] < pos["四"]) {
			t.Errorf("order: (十)=%d (十一)=%d 四=%d", pos["三/(十)"], pos["三/(十一)"], pos["四"])
		}
		ind := e.indicator(t, "科普网站访问量")
		if ind.SectionPath != "三/(十一)" || *ind.Value != 100 {
			t.Errorf("added indicator %+v", ind)
		}
		// Linking assigns the added target to the added lead unit.
		if _, err := e.store.LinkUnits(ctx, e.planID, []UnitChoice{{Name: "市大数据局", New: true}}); err != nil {
			t.Fatal(err)
		}
		e.reload(t)
		if ind := e.indicator(t, "科普网站访问量"); ind.OrgName != "市大数据局" {
			t.Errorf("assigned to %q", ind.OrgName)
		}
		if err := e.store.Publish(ctx, e.planID); err != nil {
			t.Fatal(err)
		}
		wantKey(t, e.store.AddSection(ctx, e.planID, "", "十", "发布后"), "plan.err.not_draft")
		if !errors.Is(e.store.Close(ctx, e.planID+1), db.ErrNotFound) {
			t.Error("closing a missing plan")
		}
	})
}
