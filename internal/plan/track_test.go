package plan

import (
	"context"
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

func itoa(v int64) string { return strconv.FormatInt(v, 10) }
