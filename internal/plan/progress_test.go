package plan

import (
	"context"
	"strings"
	"testing"
	"time"

	"kexie/internal/access"
	"kexie/internal/db"
	"kexie/internal/db/dbtest"
	"kexie/internal/org"
	"kexie/internal/std"
	"kexie/internal/valid"
)

// progressEnv is a published 2021–2025 plan of a city with two targets, a
// count (场) and a share (%), both assigned to one department.
type progressEnv struct {
	store         *Store
	d             *db.DB
	planID        int64
	count, share  int64
	unit          access.Scope
	filer, review int64
}

const progressPlan = "某市科普工作规划（2021—2025年）\n一、主要目标\n每年举办科普讲座不少于20场。\n到2025年，公民具备科学素质的比例达到15%。\n牵头单位：市教育局\n"

func newProgress(t *testing.T, d *db.DB) progressEnv {
	t.Helper()
	ctx := context.Background()
	orgs := org.NewStore(d, std.Regions())
	root, err := orgs.Create(ctx, org.Input{Code: "ROOT", Name: "四川省科协", Type: org.TypeProvince})
	if err != nil {
		t.Fatal(err)
	}
	city, _ := orgs.Create(ctx, org.Input{ParentID: root.ID, Code: "PZH", Name: "攀枝花市科协", Type: org.TypeCity})
	s := NewStore(d, orgs)
	s.SetClock(func() time.Time { return time.Date(2022, 5, 10, 0, 0, 0, 0, time.UTC) })
	doc, err := Ingest(strings.NewReader(progressPlan))
	if err != nil {
		t.Fatal(err)
	}
	e := progressEnv{store: s, d: d, filer: 7, review: 8}
	if e.planID, err = s.Save(ctx, city.ID, doc, "plan.txt", "", []byte("x")); err != nil {
		t.Fatal(err)
	}
	if _, err := s.LinkUnits(ctx, e.planID, []UnitChoice{{Name: "市教育局", New: true}}); err != nil {
		t.Fatal(err)
	}
	if err := s.Publish(ctx, e.planID); err != nil {
		t.Fatal(err)
	}
	p, err := s.Get(ctx, e.planID)
	if err != nil {
		t.Fatal(err)
	}
	for _, i := range p.Indicators {
		switch i.Unit {
		case "场":
			e.count = i.ID
		case "%":
			e.share = i.ID
		}
		if i.OrgID == 0 {
			t.Fatalf("target %s unassigned", i.Metric)
		}
		u, _ := orgs.Get(ctx, i.OrgID)
		e.unit = access.Subtrees(u.Path)
	}
	if e.count == 0 || e.share == 0 {
		t.Fatalf("fixture targets: %+v", p.Indicators)
	}
	return e
}

func (e progressEnv) in(ind int64, value string) ProgressInput {
	return ProgressInput{PlanID: e.planID, IndicatorID: ind, Year: "2022", Quarter: "1", Value: value, Narrative: "举办了讲座",
		UserID: e.filer, Scope: e.unit}
}

func (e progressEnv) entries(t *testing.T, ind int64) []Entry {
	t.Helper()
	list, err := e.store.Entries(context.Background(), e.planID, ind)
	if err != nil {
		t.Fatal(err)
	}
	return list
}

func fieldKeys(err error) map[string]string {
	out := map[string]string{}
	list, _ := valid.As(err)
	for _, x := range list {
		out[x.Field] = x.Key
	}
	return out
}

// A value is checked against its target's kind, a narrative is required,
// every error is named at once and nothing is saved.
func TestProgressValueKinds(t *testing.T) {
	ctx := context.Background()
	dbtest.Run(t, trackSets, func(t *testing.T, d *db.DB) {
		e := newProgress(t, d)
		cases := []struct {
			ind       int64
			value     string
			narrative string
			want      map[string]string
		}{
			{e.count, "-5", "", map[string]string{"value": "plan.err.negative", "narrative": "plan.err.narrative_required"}},
			{e.count, "2.5", "讲座", map[string]string{"value": "plan.err.whole"}},
			{e.share, "120", "调查", map[string]string{"value": "plan.err.share_range"}},
			{e.share, "-1", "调查", map[string]string{"value": "plan.err.share_range"}},
			{e.count, "12", "   ", map[string]string{"narrative": "plan.err.narrative_required"}},
			{e.count, "12,50", "讲座", map[string]string{"value": "plan.err.number"}}, // a misplaced comma, not 1250
			{e.share, "1e2", "调查", map[string]string{"value": "plan.err.number"}},
			{e.share, "NaN", "调查", map[string]string{"value": "plan.err.number"}},
		}
		for _, c := range cases {
			in := e.in(c.ind, c.value)
			in.Narrative = c.narrative
			_, err := e.store.File(ctx, in)
			got := fieldKeys(err)
			if len(got) != len(c.want) {
				t.Errorf("%s %q: errors %v, want %v", c.value, c.narrative, got, c.want)
			}
			for f, k := range c.want {
				if got[f] != k {
					t.Errorf("%s %q: field %s = %q, want %q", c.value, c.narrative, f, got[f], k)
				}
			}
		}
		if n := len(e.entries(t, e.count)) + len(e.entries(t, e.share)); n != 0 {
			t.Errorf("refused entries were saved: %d", n)
		}
		// Good values go in: a whole count, a share with decimals.
		if _, err := e.store.File(ctx, e.in(e.count, "12")); err != nil {
			t.Error(err)
		}
		if _, err := e.store.File(ctx, e.in(e.share, "12.5")); err != nil {
			t.Error(err)
		}
	})
}

// Whoever filed an entry never reviews it, whatever roles they hold; the
// refusal is audited and changes nothing.
func TestProgressSeparationOfDuties(t *testing.T) {
	ctx := context.Background()
	dbtest.Run(t, trackSets, func(t *testing.T, d *db.DB) {
		e := newProgress(t, d)
		pid, err := e.store.File(ctx, e.in(e.count, "12"))
		if err != nil {
			t.Fatal(err)
		}
		wantKey(t, e.store.Review(ctx, e.planID, pid, true, "", e.filer), ErrOwnEntry)
		wantKey(t, e.store.Review(ctx, e.planID, pid, false, "不对", e.filer), ErrOwnEntry)
		if got := e.entries(t, e.count); got[0].State != "submitted" {
			t.Errorf("own review changed the entry: %s", got[0].State)
		}
		var refused int
		if err := d.QueryRow(ctx, `SELECT COUNT(*) FROM audit_log WHERE action = 'plan.progress_review_refused'`).Scan(&refused); err != nil {
			t.Fatal(err)
		}
		if refused != 2 {
			t.Errorf("%d refusals audited, want 2", refused)
		}
		if err := e.store.Review(ctx, e.planID, pid, true, "", e.review); err != nil {
			t.Fatal(err)
		}
	})
}

// A filer withdraws an entry waiting for review (nobody else may); a
// reviewed entry is corrected by a new one that supersedes it once
// accepted; both stay in the ledger and only the current value counts.
func TestProgressWithdrawAndCorrect(t *testing.T) {
	ctx := context.Background()
	dbtest.Run(t, trackSets, func(t *testing.T, d *db.DB) {
		e := newProgress(t, d)
		pid, err := e.store.File(ctx, e.in(e.count, "12"))
		if err != nil {
			t.Fatal(err)
		}
		wantKey(t, e.store.Withdraw(ctx, e.planID, pid, e.review), "plan.err.withdraw_not_filer")
		if err := e.store.Withdraw(ctx, e.planID, pid, e.filer); err != nil {
			t.Fatal(err)
		}
		wantKey(t, e.store.Review(ctx, e.planID, pid, true, "", e.review), "plan.err.reviewed")
		// The period is free again.
		first, err := e.store.File(ctx, e.in(e.count, "12"))
		if err != nil {
			t.Fatal(err)
		}
		wantKey(t, e.store.Withdraw(ctx, e.planID, first, e.filer+100), "plan.err.withdraw_not_filer")
		if err := e.store.Review(ctx, e.planID, first, true, "", e.review); err != nil {
			t.Fatal(err)
		}
		wantKey(t, e.store.Withdraw(ctx, e.planID, first, e.filer), "plan.err.reviewed")
		// A plain second filing is still refused; a correction is not.
		_, err = e.store.File(ctx, e.in(e.count, "15"))
		wantKey(t, err, "plan.err.period_taken")
		fix := e.in(e.count, "15")
		fix.Corrects = first
		fix.Quarter = "2"
		_, err = e.store.File(ctx, fix)
		wantKey(t, err, "plan.err.correct_period")
		fix.Quarter = "1"
		second, err := e.store.File(ctx, fix)
		if err != nil {
			t.Fatal(err)
		}
		// Until the correction is accepted the first value counts.
		p, _ := e.store.Get(ctx, e.planID)
		for _, i := range p.Indicators {
			if i.ID == e.count && (i.Latest == nil || i.Latest.Value != 12) {
				t.Errorf("latest before the correction is accepted: %+v", i.Latest)
			}
		}
		if err := e.store.Review(ctx, e.planID, second, true, "", e.review); err != nil {
			t.Fatal(err)
		}
		p, _ = e.store.Get(ctx, e.planID)
		for _, i := range p.Indicators {
			if i.ID == e.count && (i.Latest == nil || i.Latest.Value != 15) {
				t.Errorf("latest after the correction: %+v", i.Latest)
			}
		}
		var old, cur *Entry
		list := e.entries(t, e.count)
		for i := range list {
			switch list[i].ID {
			case first:
				old = &list[i]
			case second:
				cur = &list[i]
			}
		}
		if old == nil || cur == nil || old.SupersededBy != second || cur.Corrects != first || old.Current() || !cur.Current() {
			t.Errorf("ledger after the correction: %+v", list)
		}
		// A superseded entry cannot be corrected again.
		again := e.in(e.count, "16")
		again.Corrects = first
		_, err = e.store.File(ctx, again)
		wantKey(t, err, "plan.err.not_correctable")
	})
}
