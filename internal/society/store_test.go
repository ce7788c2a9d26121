package society_test

import (
	"context"
	"errors"
	"math"
	"testing"
	"time"

	"kexie/internal/access"
	"kexie/internal/audit"
	"kexie/internal/db"
	"kexie/internal/db/dbtest"
	"kexie/internal/measure"
	"kexie/internal/org"
	"kexie/internal/society"
	"kexie/internal/std"
	"kexie/internal/valid"
)

var sets = []db.Migrations{audit.Migrations(), org.Migrations(), society.Migrations()}

// fixture is a province 科协 with a city 科协 and two societies under it,
// and one society under another city.
type fixture struct {
	s                *society.Store
	d                *db.DB
	root, city, peer org.Org
	soc, soc2, other org.Org
	clock            *time.Time
	orgs             *org.Store
}

func build(t *testing.T, d *db.DB) fixture { return buildB(t, d) }

func buildB(t testing.TB, d *db.DB) fixture {
	t.Helper()
	ctx := context.Background()
	now := time.Date(2026, 3, 1, 2, 0, 0, 0, time.UTC)
	f := fixture{d: d, clock: &now}
	d.Now = func() time.Time { return *f.clock }
	os := org.NewStore(d, std.Regions())
	mk := func(parent int64, code, name string, typ org.Type) org.Org {
		o, err := os.Create(ctx, org.Input{ParentID: parent, Code: code, Name: name, Type: typ})
		if err != nil {
			t.Fatal(err)
		}
		return o
	}
	f.orgs = os
	f.root = mk(0, "ROOT", "省科协", org.TypeProvince)
	f.city = mk(f.root.ID, "CITY", "市科协", org.TypeCity)
	f.peer = mk(f.root.ID, "PEER", "邻市科协", org.TypeCity)
	f.soc = mk(f.city.ID, "CES", "市电子学会", org.TypeSociety)
	f.soc2 = mk(f.city.ID, "CMS", "市机械工程学会", org.TypeSociety)
	f.other = mk(f.peer.ID, "PCS", "邻市化学会", org.TypeSociety)
	f.s = society.NewStore(d, society.Config{CardKey: []byte("test card key"), Uploads: t.TempDir(), Provider: &society.TestProvider{}})
	return f
}

func fieldKey(err error) string {
	if es, ok := valid.As(err); ok && len(es) > 0 {
		return es[0].Field + ":" + es[0].Key
	}
	if err == nil {
		return ""
	}
	return "error:" + err.Error()
}

// TestAssessmentNotANumber: a self-assessment's score must lie in [0, 1];
// NaN, which every comparison answers false, is refused like any other
// value outside, and nothing is kept.
func TestAssessmentNotANumber(t *testing.T) {
	dbtest.Run(t, sets, func(t *testing.T, d *db.DB) {
		f := build(t, d)
		ctx := context.Background()
		key := society.Indicators[0].Key
		for _, v := range []float64{math.NaN(), -0.1, 1.5} {
			_, err := f.s.SaveAssessment(ctx, society.Assessment{OrgID: f.soc.ID, Year: 2025, Scores: map[string]float64{key: v}}, false)
			if !valid.Has(err, "society.err.fraction") {
				t.Errorf("score %v: %v", v, err)
			}
		}
		if a, _ := f.s.GetAssessment(ctx, f.soc.ID, 2025); len(a.Scores) != 0 {
			t.Errorf("a refused assessment was kept: %+v", a)
		}
	})
}

func TestProfileUSCC(t *testing.T) {
	dbtest.Run(t, sets, func(t *testing.T, d *db.DB) {
		f := build(t, d)
		ctx := context.Background()
		good := "51510400MJ0000000" + string(std.USCCCheckChar("51510400MJ0000000"))
		bad := good[:17] + map[bool]string{true: "1", false: "0"}[good[17] == '0']
		if _, err := f.s.SaveProfile(ctx, society.Profile{OrgID: f.soc.ID, USCC: bad}); fieldKey(err) != "uscc:society.err.uscc_check" {
			t.Errorf("wrong check character: %v", err)
		}
		if p, _ := f.s.GetProfile(ctx, f.soc.ID); p.USCC != "" {
			t.Errorf("a refused profile was kept: %q", p.USCC)
		}
		if _, err := f.s.SaveProfile(ctx, society.Profile{OrgID: f.soc.ID, USCC: " " + good, Registrar: "市民政局"}); err != nil {
			t.Fatal(err)
		}
		if p, _ := f.s.GetProfile(ctx, f.soc.ID); p.USCC != good || p.Registrar != "市民政局" {
			t.Errorf("profile %+v", p)
		}
		if _, err := f.s.AddFact(ctx, society.Fact{OrgID: f.soc.ID, Kind: society.FactFunction, Name: "团体标准制定", Role: "市市场监督管理局",
			From: time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC), To: time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)}); fieldKey(err) != "to:society.err.period" {
			t.Errorf("a function ending before it starts: %v", err)
		}
		if _, err := f.s.AddFact(ctx, society.Fact{OrgID: f.soc.ID, Kind: society.FactFunction, Name: "团体标准制定", Role: "市市场监督管理局",
			Detail: "发布团体标准 3 项；评估优秀", From: time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)}); err != nil {
			t.Fatal(err)
		}
		for _, src := range f.s.Sources() {
			if src.Key == "society.functions.count" {
				if v, err := src.Value(ctx, access.Subtrees(f.city.Path), measure.AsOf(*f.clock)); err != nil || v != 1 {
					t.Errorf("societies with functions = %v %v", v, err)
				}
			}
			// A subtree with no society: no share of 3A (not 0 %).
			if src.Key == "society.graded3a.share" {
				if v, err := src.Value(ctx, access.Subtrees("/1/"), measure.AsOf(*f.clock)); err != nil || measure.Known(v) {
					t.Errorf("the 3A share of no society = %v %v", v, err)
				}
			}
		}
		if _, err := f.s.SaveProfile(ctx, society.Profile{OrgID: f.city.ID}); !errors.Is(err, db.ErrNotFound) {
			t.Errorf("a city is no society: %v", err)
		}
	})
}

func TestReportFlowAndBoard(t *testing.T) {
	dbtest.Run(t, sets, func(t *testing.T, d *db.DB) {
		f := build(t, d)
		ctx := context.Background()
		const filer, checker = 11, 22
		form := society.Form{Activities: 12, IncomeTotal: 100, IncomeDues: 40,
			Changes: []society.Change{{Kind: "legal_rep", ApprovedOn: "2025-06-01"}}}
		if _, err := f.s.SaveReport(ctx, f.soc.ID, 2026, form, filer); fieldKey(err) != "year:society.err.report_year" {
			t.Errorf("a year not ended: %v", err)
		}
		bad := form
		bad.IncomeDues = 200
		if _, err := f.s.SaveReport(ctx, f.soc.ID, 2025, bad, filer); err != nil {
			t.Fatal(err)
		}
		if _, err := f.s.FileReport(ctx, f.soc.ID, 2025, filer); fieldKey(err) != "income_total:society.err.income_sum" {
			t.Errorf("dues above income: %v", err)
		}
		if _, err := f.s.SaveReport(ctx, f.soc.ID, 2025, form, filer); err != nil {
			t.Fatal(err)
		}
		r, err := f.s.FileReport(ctx, f.soc.ID, 2025, filer)
		if err != nil || r.Late || r.Status != society.ReportFiled {
			t.Fatalf("file: %+v %v", r, err)
		}
		if _, err := f.s.CheckReport(ctx, f.soc.ID, 2025, filer, true, ""); fieldKey(err) != "form:society.err.own_report" {
			t.Errorf("the filer accepted: %v", err)
		}
		if _, err := f.s.CheckReport(ctx, f.soc.ID, 2025, checker, false, ""); fieldKey(err) != "comment:society.err.comment_required" {
			t.Errorf("return without comment: %v", err)
		}
		if r, err = f.s.CheckReport(ctx, f.soc.ID, 2025, checker, false, "请补充学术活动明细"); err != nil || r.Status != society.ReportReturned {
			t.Fatalf("return: %+v %v", r, err)
		}
		// Refiled after the deadline: still on time, as first filed.
		*f.clock = time.Date(2026, 7, 1, 0, 0, 0, 0, time.UTC)
		if r, err = f.s.FileReport(ctx, f.soc.ID, 2025, filer); err != nil || r.Late {
			t.Fatalf("refile: %+v %v", r, err)
		}
		if r, err = f.s.CheckReport(ctx, f.soc.ID, 2025, checker, true, ""); err != nil || r.Status != society.ReportAccepted {
			t.Fatalf("accept: %+v %v", r, err)
		}
		// The second society files late: allowed and marked.
		if _, err := f.s.SaveReport(ctx, f.soc2.ID, 2025, form, filer); err != nil {
			t.Fatal(err)
		}
		if r, err = f.s.FileReport(ctx, f.soc2.ID, 2025, filer); err != nil || !r.Late {
			t.Fatalf("late: %+v %v", r, err)
		}
		if _, err := f.s.AwardGrade(ctx, f.soc.ID, 91, time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC), 0, 0); err != nil {
			t.Fatal(err)
		}
		if _, err := f.s.AddTerm(ctx, society.TermInput{OrgID: f.soc2.ID, Body: "council", Seq: 3,
			StartsOn: time.Date(2021, 1, 1, 0, 0, 0, 0, time.UTC), EndsOn: time.Date(2025, 12, 1, 0, 0, 0, 0, time.UTC)}); err != nil {
			t.Fatal(err)
		}
		b, err := f.s.Board(ctx, access.Subtrees(f.city.Path), 2025)
		if err != nil {
			t.Fatal(err)
		}
		if b.Societies != 2 || b.OnTime != 1 || b.Late != 1 || b.Missing != 0 || b.Grades["5A"] != 1 || b.Grades["none"] != 1 || b.RenewalOverdue != 1 {
			t.Errorf("board %+v", b)
		}
		b, _ = f.s.Board(ctx, access.Everywhere(), 2025)
		if b.Societies != 3 || b.Missing != 1 {
			t.Errorf("board everywhere %+v", b)
		}
		if b, _ = f.s.Board(ctx, access.Scope{}, 2025); b.Societies != 0 {
			t.Errorf("zero scope shows %+v", b)
		}
		rows, total, err := f.s.BoardRows(ctx, society.BoardFilter{Scope: access.Subtrees(f.city.Path), Year: 2025, State: "late"})
		if err != nil || total != 1 || rows[0].OrgID != f.soc2.ID || !rows[0].Overdue {
			t.Errorf("late rows %+v %d %v", rows, total, err)
		}
	})
}

func TestTermOverlapAndRenewal(t *testing.T) {
	dbtest.Run(t, sets, func(t *testing.T, d *db.DB) {
		f := build(t, d)
		ctx := context.Background()
		y := func(y int) time.Time { return time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC) }
		tm, err := f.s.AddTerm(ctx, society.TermInput{OrgID: f.soc.ID, Body: "council", Seq: 7, StartsOn: y(2022), EndsOn: y(2027)})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := f.s.AddTerm(ctx, society.TermInput{OrgID: f.soc.ID, Body: "council", Seq: 8, StartsOn: y(2026), EndsOn: y(2031)}); fieldKey(err) != "seq:society.err.term_overlap" {
			t.Errorf("overlap: %v", err)
		}
		if _, err := f.s.RenewalStep(ctx, tm.ID, society.RenewElect, 1, "", y(2027)); fieldKey(err) != "elected_on:society.err.plan_unapproved" {
			t.Errorf("elect before approval: %v", err)
		}
		if _, err := f.s.RenewalStep(ctx, tm.ID, society.RenewSubmit, 1, "第八届换届方案", time.Time{}); err != nil {
			t.Fatal(err)
		}
		if _, err := f.s.RenewalStep(ctx, tm.ID, society.RenewApprove, 1, "", time.Time{}); fieldKey(err) != "plan:society.err.own_plan" {
			t.Errorf("own plan: %v", err)
		}
		if _, err := f.s.RenewalStep(ctx, tm.ID, society.RenewApprove, 2, "", time.Time{}); err != nil {
			t.Fatal(err)
		}
		got, err := f.s.RenewalStep(ctx, tm.ID, society.RenewElect, 1, "选举产生第八届理事会", y(2027))
		if err != nil || got.ElectedOn.IsZero() {
			t.Fatalf("elect %+v %v", got, err)
		}
		if left, err := f.s.RemindTerm(ctx, tm.ID, 6); err != nil || left {
			t.Errorf("a renewed term is reminded: %v %v", left, err)
		}
	})
}
