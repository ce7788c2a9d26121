package plan

import (
	"context"
	"errors"
	"strconv"
	"strings"
	"testing"
	"time"

	"kexie/internal/access"
	"kexie/internal/audit"
	"kexie/internal/auth"
	"kexie/internal/db"
	"kexie/internal/db/dbtest"
	"kexie/internal/org"
	"kexie/internal/std"
	"kexie/internal/valid"
)

func f64(v float64) *float64 { return &v }
func iptr(v int) *int        { return &v }

func TestAssess(t *testing.T) {
	mid := time.Date(2019, 3, 1, 0, 0, 0, 0, time.UTC)
	after := time.Date(2022, 3, 1, 0, 0, 0, 0, time.UTC)
	pctTo8 := Indicator{Comparator: "approx", Value: f64(8), DeadlineYear: iptr(2020)}
	withBase := Indicator{Comparator: ">=", Value: f64(15.5), DeadlineYear: iptr(2025), Baseline: &Baseline{Value: 10.56, Year: 2020}}
	yearly := Indicator{Comparator: ">=", Value: f64(1), Per: strp("year")}
	ceiling := Indicator{Comparator: "<=", Value: f64(5), Baseline: &Baseline{Value: 9, Year: 2015}, DeadlineYear: iptr(2020)}
	rangeT := Indicator{Comparator: "range", Low: f64(3), High: f64(5)}
	cases := []struct {
		name  string
		ind   Indicator
		r     *Reading
		now   time.Time
		want  Status
		start int
	}{
		{"no reading", pctTo8, nil, mid, None, 2016},
		// Line from 0 at the end of 2015 to 8 at the end of 2020: 4.8 expected at the end of 2018.
		{"ahead of the line", pctTo8, &Reading{Value: 5, Year: 2018}, mid, OnTrack, 2016},
		{"a little behind", pctTo8, &Reading{Value: 4.2, Year: 2018}, mid, AtRisk, 2016},
		{"far behind", pctTo8, &Reading{Value: 2, Year: 2018}, mid, Behind, 2016},
		{"approx reached", pctTo8, &Reading{Value: 7.9, Year: 2019}, mid, Achieved, 2016},
		{"deadline missed", pctTo8, &Reading{Value: 7, Year: 2020}, after, Behind, 2016},
		// From 10.56 (2020) to 15.5 (2025): 11.55 expected at the end of 2021.
		{"baseline on track", withBase, &Reading{Value: 11.6, Year: 2021}, mid, OnTrack, 2021},
		{"baseline behind", withBase, &Reading{Value: 10.7, Year: 2021}, mid, Behind, 2021},
		{"quarter of a yearly target", yearly, &Reading{Value: 0, Year: 2019, Quarter: 1}, mid, Behind, 2016},
		{"yearly met", yearly, &Reading{Value: 1, Year: 2019}, mid, OnTrack, 2016},
		{"yearly met in the last year", yearly, &Reading{Value: 2, Year: 2020}, after, Achieved, 2016},
		{"ceiling reached", ceiling, &Reading{Value: 4.5, Year: 2019}, mid, Achieved, 2016},
		{"ceiling on the way", ceiling, &Reading{Value: 7, Year: 2017}, mid, OnTrack, 2016},
		{"ceiling going the wrong way", ceiling, &Reading{Value: 9.5, Year: 2017}, mid, Behind, 2016},
		{"range low end reached", rangeT, &Reading{Value: 3, Year: 2019}, mid, Achieved, 2016},
	}
	for _, c := range cases {
		a := c.ind.Assess(c.r, c.start, 2020, c.now)
		if a.Status != c.want {
			t.Errorf("%s: status %s (expected %.2f, progress %.2f), want %s", c.name, a.Status, a.Expected, a.Progress, c.want)
		}
		if a.Progress < 0 || a.Progress > 1 {
			t.Errorf("%s: progress %v out of 0..1", c.name, a.Progress)
		}
	}
	var r Rollup
	r.Add(Assessment{Status: Achieved, Progress: 1})
	r.Add(Assessment{Status: Behind, Progress: 0.2})
	if r.Total != 2 || r.Count("achieved") != 1 || r.Percent() != 60 {
		t.Errorf("rollup %+v percent %d", r, r.Percent())
	}
}

func strp(s string) *string { return &s }

type trackEnv struct {
	store      *Store
	orgs       *org.Store
	city, peer org.Org
	planID     int64
	plan       Plan
}

// newTrack saves the project's test plan kepu_gangyao_2016.txt (a 2016–2020
// literacy plan with ten lead/cooperate sections) as a draft of a city.
func newTrack(t *testing.T, d *db.DB) trackEnv {
	t.Helper()
	ctx := context.Background()
	orgs := org.NewStore(d, std.Regions())
	root, err := orgs.Create(ctx, org.Input{Code: "ROOT", Name: "四川省科协", Type: org.TypeProvince})
	if err != nil {
		t.Fatal(err)
	}
	city, _ := orgs.Create(ctx, org.Input{ParentID: root.ID, Code: "PZH", Name: "攀枝花市科协", Type: org.TypeCity})
	peer, _ := orgs.Create(ctx, org.Input{ParentID: root.ID, Code: "CD", Name: "成都市科协", Type: org.TypeCity})
	s := NewStore(d, orgs)
	s.SetClock(func() time.Time { return time.Date(2019, 2, 10, 0, 0, 0, 0, time.UTC) })
	_, doc := ownDoc(t, "kepu_gangyao_2016.txt")
	id, err := s.Save(ctx, city.ID, doc, "kepu_gangyao_2016.txt", "text", []byte("text"))
	if err != nil {
		t.Fatal(err)
	}
	return trackEnv{store: s, orgs: orgs, city: city, peer: peer, planID: id}
}

func (e *trackEnv) reload(t *testing.T) {
	t.Helper()
	p, err := e.store.Get(context.Background(), e.planID)
	if err != nil {
		t.Fatal(err)
	}
	e.plan = p
}

func (e *trackEnv) indicator(t *testing.T, metricPart string) StoredIndicator {
	t.Helper()
	for _, i := range e.plan.Indicators {
		if strings.Contains(i.Metric, metricPart) {
			return i
		}
	}
	t.Fatalf("no indicator %q in %+v", metricPart, e.plan.Indicators)
	return StoredIndicator{}
}

func wantKey(t *testing.T, err error, key string) {
	t.Helper()
	list, ok := valid.As(err)
	if !ok || list[0].Key != key {
		t.Fatalf("error %v, want %s", err, key)
	}
}

var trackSets = []db.Migrations{audit.Migrations(), org.Migrations(), auth.Migrations(), Migrations()}

func TestTrackingFlow(t *testing.T) {
	ctx := context.Background()
	dbtest.Run(t, trackSets, func(t *testing.T, d *db.DB) {
		e := newTrack(t, d)
		names, err := e.store.UnitNames(ctx, e.planID)
		if err != nil || len(names) < 20 {
			t.Fatalf("unit names: %v, %d", err, len(names))
		}
		// An existing org of the same name is offered for linking.
		edu, err := e.orgs.Create(ctx, org.Input{ParentID: e.city.ID, Code: "PZH-EDU", Name: "市教育体育局", Type: org.TypeGovDept})
		if err != nil {
			t.Fatal(err)
		}
		names, _ = e.store.UnitNames(ctx, e.planID)
		var choices []UnitChoice
		for _, n := range names {
			c := UnitChoice{Name: n.Name, New: true}
			if n.Name == "市教育体育局" {
				if len(n.Candidates) != 1 || n.Candidates[0].ID != edu.ID {
					t.Errorf("candidates of 市教育体育局: %+v", n.Candidates)
				}
				c = UnitChoice{Name: n.Name, OrgID: edu.ID}
			}
			choices = append(choices, c)
		}
		// Linking to an org outside the plan's subtree is refused, and nothing is created.
		bad := append([]UnitChoice{{Name: names[0].Name, New: true}}, UnitChoice{Name: names[1].Name, OrgID: e.peer.ID})
		_, err = e.store.LinkUnits(ctx, e.planID, bad)
		wantKey(t, err, "plan.err.unit_outside")
		if n, _ := e.store.UnitNames(ctx, e.planID); n[0].OrgID != 0 {
			t.Error("a refused link left a unit linked")
		}
		created, err := e.store.LinkUnits(ctx, e.planID, choices)
		if err != nil || created != len(names)-1 {
			t.Fatalf("link: %d created, %v", created, err)
		}
		e.reload(t)
		for _, u := range e.plan.Units {
			if u.OrgID == 0 {
				t.Fatalf("unit %s not linked", u.Name)
			}
		}
		// Targets without a lead in their section stay unassigned; assign by hand.
		lit := e.indicator(t, "科学素质")
		if lit.OrgID != 0 {
			t.Errorf("section 二 has no lead, yet the target went to %s", lit.OrgName)
		}
		wantKey(t, e.store.Assign(ctx, e.planID, lit.ID, e.peer.ID), "plan.err.assign_outside")
		if err := e.store.Assign(ctx, e.planID, lit.ID, edu.ID); err != nil {
			t.Fatal(err)
		}
		// Draft plans take no progress.
		unitScope := access.Subtrees(edu.Path)
		in := ProgressInput{PlanID: e.planID, IndicatorID: lit.ID, Year: "2018", Quarter: "0", Value: "5.1", Narrative: "全市抽样调查", UserID: 7,
			Scope: unitScope, Files: []File{{Name: "调查报告.pdf", Data: []byte("%PDF-1.4 report")}}}
		_, err = e.store.File(ctx, in)
		wantKey(t, err, "plan.err.not_published")
		if err := e.store.Publish(ctx, e.planID); err != nil {
			t.Fatal(err)
		}
		// Another unit may not report on it.
		other := in
		other.Scope = access.Subtrees(e.peer.Path)
		_, err = e.store.File(ctx, other)
		wantKey(t, err, "plan.err.not_responsible")
		other.Scope = access.Scope{}
		_, err = e.store.File(ctx, other)
		wantKey(t, err, "plan.err.not_responsible")
		// Bad values and files are named.
		badIn := in
		badIn.Value, badIn.Files = "五", []File{{Name: "run.exe", Data: []byte("MZ")}}
		_, err = e.store.File(ctx, badIn)
		if list, ok := valid.As(err); !ok || len(list) != 2 {
			t.Errorf("bad value and file: %v", err)
		}
		outside := in
		outside.Year = "2023"
		_, err = e.store.File(ctx, outside)
		wantKey(t, err, "plan.err.year_outside")
		pid, err := e.store.File(ctx, in)
		if err != nil {
			t.Fatal(err)
		}
		_, err = e.store.File(ctx, in)
		wantKey(t, err, "plan.err.period_taken")
		entries, err := e.store.Entries(ctx, e.planID, lit.ID)
		if err != nil || len(entries) != 1 || entries[0].State != "submitted" || len(entries[0].Files) != 1 {
			t.Fatalf("entries %v %+v", err, entries)
		}
		name, _, data, err := e.store.Evidence(ctx, e.planID, entries[0].Files[0].ID)
		if err != nil || name != "调查报告.pdf" || string(data) != "%PDF-1.4 report" {
			t.Errorf("evidence %q %q %v", name, data, err)
		}
		// Pending entries do not count yet.
		e.reload(t)
		if got := e.indicator(t, "科学素质"); got.Status != None {
			t.Errorf("before review: %s", got.Status)
		}
		wantKey(t, e.store.Review(ctx, e.planID, pid, false, " ", 0), "plan.err.return_note")
		if err := e.store.Review(ctx, e.planID, pid, true, "", 0); err != nil {
			t.Fatal(err)
		}
		wantKey(t, e.store.Review(ctx, e.planID, pid, true, "", 0), "plan.err.reviewed")
		e.reload(t)
		got := e.indicator(t, "科学素质")
		// 5.1 at the end of 2018 against 4.8 on the line to 8% in 2020.
		if got.Status != OnTrack || got.Latest == nil || got.Latest.Value != 5.1 || got.Latest.Year != 2018 {
			t.Errorf("after accept: %s %+v", got.Status, got.Latest)
		}
		// An earlier period accepted later does not replace the latest reading.
		early := in
		early.Year, early.Value, early.Files = "2017", "2", nil
		pid2, err := e.store.File(ctx, early)
		if err != nil {
			t.Fatal(err)
		}
		if err := e.store.Review(ctx, e.planID, pid2, true, "", 0); err != nil {
			t.Fatal(err)
		}
		e.reload(t)
		if got := e.indicator(t, "科学素质"); got.Latest.Year != 2018 {
			t.Errorf("latest went back to %d", got.Latest.Year)
		}
		// The unit's task list and the subtree comparison see it.
		tasks, err := e.store.Tasks(ctx, unitScope, 100)
		if err != nil || len(tasks) == 0 {
			t.Fatalf("tasks %v %d", err, len(tasks))
		}
		for _, tk := range tasks {
			if tk.OrgID != edu.ID {
				t.Errorf("task of another unit: %+v", tk)
			}
		}
		if tasks, _ := e.store.Tasks(ctx, access.Subtrees(e.peer.Path), 100); len(tasks) != 0 {
			t.Errorf("peer city sees %d tasks", len(tasks))
		}
		cmp, err := e.store.Compare(ctx, access.Subtrees(e.city.Path), "科学素质的比例", 10)
		if err != nil || len(cmp) != 1 || cmp[0].PlanOrg != "攀枝花市科协" {
			t.Errorf("compare %v %+v", err, cmp)
		}
		if cmp, _ := e.store.Compare(ctx, access.Subtrees(e.peer.Path), "科学素质", 10); len(cmp) != 0 {
			t.Errorf("peer compares %d rows", len(cmp))
		}
		// The zero Scope sees nothing, Everywhere what the unit sees.
		if tasks, err := e.store.Tasks(ctx, access.Scope{}, 100); err != nil || len(tasks) != 0 {
			t.Errorf("zero scope: %d tasks, %v", len(tasks), err)
		}
		if all, err := e.store.Tasks(ctx, access.Everywhere(), 100); err != nil || len(all) != len(tasks) {
			t.Errorf("everywhere: %d tasks, %v; want %d", len(all), err, len(tasks))
		}
		if cmp, err := e.store.Compare(ctx, access.Scope{}, "科学素质", 10); err != nil || len(cmp) != 0 {
			t.Errorf("zero scope compares %d rows, %v", len(cmp), err)
		}
		if cmp, err := e.store.Compare(ctx, access.Everywhere(), "科学素质的比例", 10); err != nil || len(cmp) != 1 {
			t.Errorf("everywhere compares %d rows, %v", len(cmp), err)
		}
		// The dashboard rolls the status up to section 二 and to the unit.
		filed, _ := e.store.Filed(ctx, e.planID)
		dash := Dashboard(e.plan, filed, nil, 2019, 1)
		for _, s := range dash.Sections {
			if s.Path == "二" && s.Counts[OnTrack] != 1 {
				t.Errorf("section 二 rollup %+v", s.Rollup)
			}
		}
		found := false
		for _, u := range dash.Units {
			if u.OrgID == edu.ID {
				found = u.Counts[OnTrack] >= 1
			}
		}
		if !found || dash.Overall.Total != len(e.plan.Indicators) {
			t.Errorf("dashboard units %+v overall %+v", dash.Units, dash.Overall)
		}
		// A closed plan takes nothing more.
		if err := e.store.Close(ctx, e.planID); err != nil {
			t.Fatal(err)
		}
		late := in
		late.Year = "2019"
		_, err = e.store.File(ctx, late)
		wantKey(t, err, "plan.err.closed")
		// Every change is in the audit log, chained.
		res, err := audit.Verify(ctx, d)
		if err != nil || len(res.Problems) != 0 || res.Checked == 0 {
			t.Errorf("audit verify: %v %+v", err, res)
		}
	})
}

func TestEvaluation(t *testing.T) {
	ctx := context.Background()
	dbtest.Run(t, trackSets, func(t *testing.T, d *db.DB) {
		e := newTrack(t, d)
		_, err := e.store.CreateEvaluation(ctx, e.planID, "midterm", "2018", 0)
		wantKey(t, err, "plan.err.not_published")
		if err := e.store.Publish(ctx, e.planID); err != nil {
			t.Fatal(err)
		}
		_, err = e.store.CreateEvaluation(ctx, e.planID, "midterm", "2018", 0)
		wantKey(t, err, "plan.err.eval_no_units")
		names, _ := e.store.UnitNames(ctx, e.planID)
		var choices []UnitChoice
		for _, n := range names {
			choices = append(choices, UnitChoice{Name: n.Name, New: true})
		}
		if _, err := e.store.LinkUnits(ctx, e.planID, choices); err != nil {
			t.Fatal(err)
		}
		eid, err := e.store.CreateEvaluation(ctx, e.planID, "midterm", "2018", 0)
		if err != nil {
			t.Fatal(err)
		}
		_, err = e.store.CreateEvaluation(ctx, e.planID, "midterm", "2018", 0)
		wantKey(t, err, "plan.err.eval_exists")
		e.reload(t)
		ev, err := e.store.Evaluation(ctx, e.plan, eid)
		if err != nil || len(ev.Rows) < 20 || len(ev.Rows) > 80 {
			t.Fatalf("evaluation rows %d %v", len(ev.Rows), err)
		}
		if ev.Rows[0].SectionPath != "三/(一)" || ev.Rows[0].Role != "lead" {
			t.Errorf("first row %+v", ev.Rows[0])
		}
		if last := ev.Rows[len(ev.Rows)-1]; last.SectionPath != CooperationRow || last.Role != "cooperate" {
			t.Errorf("last row %+v, want a unit's cooperation row", last)
		}
		// One bad score rejects the sheet; nothing is saved.
		in := []ScoreInput{{RowID: ev.Rows[0].ID, Score: "90"}, {RowID: ev.Rows[1].ID, Score: "120"}}
		err = e.store.SaveScores(ctx, e.planID, eid, in, 0)
		if list, ok := valid.As(err); !ok || list[0].Field != "score_"+itoa(ev.Rows[1].ID) {
			t.Fatalf("bad score: %v", err)
		}
		ev, _ = e.store.Evaluation(ctx, e.plan, eid)
		if ev.Rows[0].Score != nil {
			t.Error("a rejected sheet saved a score")
		}
		// Scores rank the units by their average.
		score := map[string]string{}
		in = nil
		for _, r := range ev.Rows {
			v := "80"
			switch r.OrgName {
			case "市科协":
				v = "95"
			case "团市委":
				v = "60"
			}
			score[r.OrgName] = v
			in = append(in, ScoreInput{RowID: r.ID, Score: v, Comments: "按时完成"})
		}
		if err := e.store.SaveScores(ctx, e.planID, eid, in, 0); err != nil {
			t.Fatal(err)
		}
		ev, _ = e.store.Evaluation(ctx, e.plan, eid)
		totals := ev.Totals()
		if totals[0].OrgName != "市科协" || totals[0].Average != 95 || totals[0].Rank != 1 {
			t.Errorf("first: %+v", totals[0])
		}
		if last := totals[len(totals)-1]; last.OrgName != "团市委" || last.Average != 60 {
			t.Errorf("last: %+v", last)
		}
		// Equal averages are ordered by total; only equal on both share a rank.
		for i := 1; i < len(totals); i++ {
			a, b := totals[i-1], totals[i]
			same := a.Average == b.Average && a.Total == b.Total
			if a.Average < b.Average || (a.Average == b.Average && a.Total < b.Total) || (same != (a.Rank == b.Rank)) {
				t.Errorf("ranking %d/%d: %+v then %+v", i, i+1, a, b)
			}
		}
	})
}

func itoa(v int64) string { return strconv.FormatInt(v, 10) }

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
