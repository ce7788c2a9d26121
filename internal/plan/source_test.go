package plan_test

import (
	"context"
	"crypto/sha256"
	"testing"
	"time"

	"kexie/internal/access"
	"kexie/internal/audit"
	"kexie/internal/auth"
	"kexie/internal/db"
	"kexie/internal/db/dbtest"
	"kexie/internal/measure"
	"kexie/internal/org"
	"kexie/internal/people"
	"kexie/internal/pii"
	"kexie/internal/plan"
	"kexie/internal/std"
	"kexie/internal/valid"
)

var sourceSets = []db.Migrations{audit.Migrations(), org.Migrations(), auth.Migrations(), people.Migrations(), plan.Migrations()}

func ptr[T any](v T) *T { return &v }

func errKey(t *testing.T, err error, key string) {
	t.Helper()
	list, ok := valid.As(err)
	if !ok || list[0].Key != key {
		t.Fatalf("error %v, want %s", err, key)
	}
}

// A target bound to a people source shows, per period, the count of the
// matching people of the measured subtree on record at the period's end;
// its status follows that value; it leaves the 填报 list and takes no
// filing; unknown sources and orgs outside the editor's scope are refused.
func TestBoundTarget(t *testing.T) {
	ctx := context.Background()
	cst := time.FixedZone("CST", 8*3600)
	day := func(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 9, 0, 0, 0, cst) }
	dbtest.Run(t, sourceSets, func(t *testing.T, d *db.DB) {
		orgs := org.NewStore(d, std.Regions())
		root, err := orgs.Create(ctx, org.Input{Code: "ROOT", Name: "省科协", Type: org.TypeProvince})
		if err != nil {
			t.Fatal(err)
		}
		city, _ := orgs.Create(ctx, org.Input{ParentID: root.ID, Code: "PZH", Name: "攀枝花市科协", Type: org.TypeCity})
		county, _ := orgs.Create(ctx, org.Input{ParentID: city.ID, Code: "PZH-DQ", Name: "东区科协", Type: org.TypeCounty})
		peer, _ := orgs.Create(ctx, org.Input{ParentID: root.ID, Code: "CZ", Name: "滁州市科协", Type: org.TypeCity})
		keys, _ := pii.NewKeyring(func(p string) []byte { h := sha256.Sum256([]byte(p)); return h[:] }, 1)
		ppl := people.NewStore(d, keys)
		reg, err := measure.NewRegistry(ppl.Sources())
		if err != nil {
			t.Fatal(err)
		}
		ps := plan.NewStore(d, orgs)
		ps.SetSources(reg)
		now := day(2026, 5, 10)
		ps.SetClock(func() time.Time { return now })

		doc := &plan.Doc{Title: "攀枝花市人才发展规划（2024—2028年）", Period: plan.Period{Start: ptr(2024), End: ptr(2028)},
			Sections: []*plan.Section{{Number: "一", Title: "目标", Level: 1}},
			Indicators: []plan.Indicator{
				{Text: "高层次人才达到10人", Section: []string{"一"}, Metric: "高层次人才", Comparator: ">=", Value: ptr(10.0), Unit: "人", DeadlineYear: ptr(2028)},
				{Text: "每年举办活动100场", Section: []string{"一"}, Metric: "活动", Comparator: ">=", Value: ptr(100.0), Unit: "人", Per: ptr("year")},
				{Text: "科技志愿者3万人", Section: []string{"一"}, Metric: "志愿者", Comparator: ">=", Value: ptr(3.0), Unit: "万人"},
			}}
		planID, err := ps.Save(ctx, city.ID, doc, "p.txt", "", nil)
		if err != nil {
			t.Fatal(err)
		}
		p, _ := ps.Get(ctx, planID)
		talent, perYear, tenK := p.Indicators[0], p.Indicators[1], p.Indicators[2]
		for _, ind := range p.Indicators {
			if err := ps.Assign(ctx, planID, ind.ID, city.ID); err != nil {
				t.Fatal(err)
			}
		}
		if err := ps.Publish(ctx, planID); err != nil {
			t.Fatal(err)
		}

		add := func(when time.Time, orgID int64, name, cats string) {
			t.Helper()
			d.Now = func() time.Time { return when }
			if _, err := ppl.Create(ctx, people.Input{OrgID: orgID, Name: name, Categories: cats}); err != nil {
				t.Fatal(err)
			}
		}
		add(day(2024, 3, 1), city.ID, "张伟", "高层次人才")
		add(day(2024, 12, 31), city.ID, "王芳", "高层次人才、评审专家")
		add(day(2025, 5, 20), county.ID, "李强", "高层次人才") // in the subtree
		add(day(2024, 6, 1), peer.ID, "赵敏", "高层次人才")    // outside it
		add(day(2025, 1, 1), city.ID, "陈晨", "")         // no category
		add(day(2026, 2, 1), city.ID, "周平", "企业创新人才")
		d.Now = time.Now

		editor := access.Subtrees(city.Path)
		bind := func(in plan.BindInput) error {
			in.PlanID, in.Scope = planID, editor
			if in.IndicatorID == 0 {
				in.IndicatorID = talent.ID
			}
			return ps.Bind(ctx, in)
		}
		t.Run("refused", func(t *testing.T) {
			err := bind(plan.BindInput{Key: "people.talent.不存在"})
			errKey(t, err, "plan.err.source_unknown")
			if list, _ := valid.As(err); list[0].Args[0] != "people.talent.不存在" {
				t.Errorf("the message does not name the key: %v", list[0].Args)
			}
			errKey(t, bind(plan.BindInput{Key: people.TalentSource("高层次人才"), IndicatorID: tenK.ID}), "plan.err.source_unit")
			errKey(t, bind(plan.BindInput{Key: people.TalentSource("高层次人才"), IndicatorID: perYear.ID}), "plan.err.source_per")
			errKey(t, bind(plan.BindInput{Key: people.TalentSource("高层次人才"), OrgID: peer.ID}), "plan.err.source_org")
			// An editor whose scope is nothing binds nothing.
			errKey(t, ps.Bind(ctx, plan.BindInput{PlanID: planID, IndicatorID: talent.ID, Key: people.TalentSource("高层次人才")}),
				"plan.err.source_org")
			if p, _ := ps.Get(ctx, planID); p.Indicators[0].Bound != nil {
				t.Fatal("a refused binding was stored")
			}
		})

		// Bound ten times at once (a double click, two editors): bound
		// once, audited once, and no raw database error.
		for _, err := range dbtest.AtOnce(10, func(int) error { return bind(plan.BindInput{Key: people.TalentSource("高层次人才")}) }) {
			if err != nil {
				t.Errorf("binding at once: %v", err)
			}
		}
		var bound int
		if err := d.QueryRow(ctx, `SELECT COUNT(*) FROM audit_log WHERE action = 'plan.source_bind'`).Scan(&bound); err != nil || bound != 1 {
			t.Errorf("%d bindings audited (%v), want 1", bound, err)
		}
		if err := bind(plan.BindInput{Key: people.TalentSource("高层次人才")}); err != nil {
			t.Fatal(err)
		}
		p, err = ps.Get(ctx, planID)
		if err != nil {
			t.Fatal(err)
		}
		got := p.Indicators[0]
		if got.Bound == nil || got.Bound.OrgID != city.ID || !got.Bound.Known() {
			t.Fatalf("binding %+v: want the plan's org", got.Bound)
		}
		series, err := ps.Computed(ctx, p, got)
		if err != nil {
			t.Fatal(err)
		}
		want := []plan.Reading{{Year: 2024, Value: 2}, {Year: 2025, Value: 3}, {Year: 2026, Quarter: 1, Value: 3}, {Year: 2026, Quarter: 2, Value: 3}}
		if len(series) != len(want) {
			t.Fatalf("computed %+v, want %+v", series, want)
		}
		for i := range want {
			if series[i] != want[i] {
				t.Errorf("period %d: %+v, want %+v", i, series[i], want[i])
			}
		}
		if got.Latest == nil || *got.Latest != want[3] {
			t.Errorf("latest %+v, want %+v", got.Latest, want[3])
		}
		// 3 of 10 halfway through the plan: behind; the status follows the count.
		if wantA := got.Indicator.Assess(&want[3], 2024, 2028, now); got.Status != wantA.Status || got.Status != plan.Behind {
			t.Errorf("status %s, want %s (behind)", got.Status, wantA.Status)
		}
		for _, n := range []string{"甲", "乙", "丙"} {
			add(day(2026, 4, 2), county.ID, "孙"+n, "高层次人才")
		}
		d.Now = time.Now
		p, _ = ps.Get(ctx, planID)
		if s, l := p.Indicators[0].Status, p.Indicators[0].Latest; s != plan.OnTrack || l.Value != 6 {
			t.Errorf("after three more: %s %+v, want on track with 6", s, l)
		}
		if cmp, err := ps.Compare(ctx, access.Everywhere(), "高层次人才", 10); err != nil || len(cmp) != 1 || cmp[0].Latest == nil || cmp[0].Latest.Value != 6 {
			t.Errorf("compare shows %+v (%v), want the computed 6", cmp, err)
		}
		series, _ = ps.Computed(ctx, p, p.Indicators[0])
		if series[2].Value != 3 || series[3].Value != 6 {
			t.Errorf("people added in Q2 counted outside it: %+v", series)
		}

		// Nobody files it, and the 填报 list leaves it out.
		tasks, err := ps.Tasks(ctx, access.Everywhere(), 100)
		if err != nil {
			t.Fatal(err)
		}
		for _, task := range tasks {
			if task.ID == talent.ID {
				t.Error("the bound target is in the 填报 list")
			}
		}
		if len(tasks) != 2 {
			t.Errorf("%d tasks, want the 2 unbound targets", len(tasks))
		}
		_, err = ps.File(ctx, plan.ProgressInput{PlanID: planID, IndicatorID: talent.ID, Year: "2026", Quarter: "1", Value: "5",
			Scope: access.Subtrees(city.Path)})
		errKey(t, err, "plan.err.source_bound")
		dash := plan.Dashboard(p, map[int64]bool{}, nil, 2026, 2)
		for _, ind := range dash.Due {
			if ind.ID == talent.ID {
				t.Error("the bound target is due on the dashboard")
			}
		}

		// Bound to the county, it counts the county's subtree alone.
		if err := bind(plan.BindInput{Key: people.TalentSource("高层次人才"), OrgID: county.ID}); err != nil {
			t.Fatal(err)
		}
		p, _ = ps.Get(ctx, planID)
		if l := p.Indicators[0].Latest; l == nil || l.Value != 4 {
			t.Errorf("county: %+v, want 4", l)
		}

		// Unbound, it is filed by hand again.
		if err := bind(plan.BindInput{}); err != nil {
			t.Fatal(err)
		}
		p, _ = ps.Get(ctx, planID)
		if p.Indicators[0].Bound != nil || p.Indicators[0].Status != plan.None {
			t.Errorf("after unbinding: %+v %s", p.Indicators[0].Bound, p.Indicators[0].Status)
		}
		if tasks, _ := ps.Tasks(ctx, access.Everywhere(), 100); len(tasks) != 3 {
			t.Errorf("%d tasks after unbinding, want 3", len(tasks))
		}
		var n int
		if err := d.QueryRow(ctx, `SELECT COUNT(*) FROM audit_log WHERE action IN ('plan.source_bind', 'plan.source_unbind')`).Scan(&n); err != nil || n != 3 {
			t.Errorf("%d audit entries (%v), want 3", n, err)
		}

		// A binding whose source no module publishes any more computes nothing.
		if _, err := d.Exec(ctx, `INSERT INTO plan_indicator_sources (indicator_id, plan_id, source_key, org_id, bound_at) VALUES (?, ?, ?, ?, 0)`,
			talent.ID, planID, "gone.source", city.ID); err != nil {
			t.Fatal(err)
		}
		p, err = ps.Get(ctx, planID)
		if err != nil {
			t.Fatal(err)
		}
		if b := p.Indicators[0].Bound; b == nil || b.Known() || p.Indicators[0].Latest != nil {
			t.Errorf("gone source: %+v %+v", b, p.Indicators[0].Latest)
		}
	})
}
