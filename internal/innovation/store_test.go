package innovation_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"kexie/internal/access"
	"kexie/internal/db"
	"kexie/internal/db/dbtest"
	"kexie/internal/innovation"
	"kexie/internal/measure"
)

func count(t *testing.T, d *db.DB, q string, args ...any) int {
	t.Helper()
	var n int
	if err := d.QueryRow(context.Background(), q, args...).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

// Bad input gets a precise error and saves nothing; a good need is sealed
// and masked, and the public files at most MaxPerHour an hour.
func TestFile(t *testing.T) {
	dbtest.Run(t, sets, func(t *testing.T, d *db.DB) {
		f := setup(t, d)
		ctx := context.Background()
		for _, c := range []struct {
			name string
			edit func(*innovation.FileInput)
			code string
		}{
			{"no enterprise", func(in *innovation.FileInput) { in.Enterprise = " " }, "innovation.err.enterprise"},
			{"long enterprise", func(in *innovation.FileInput) { in.Enterprise = strings.Repeat("企", innovation.MaxEnterprise+1) }, "innovation.err.too_long"},
			{"bad credit code check", func(in *innovation.FileInput) { in.USCC = "91110000802100433C" }, "innovation.err.uscc"},
			{"short credit code", func(in *innovation.FileInput) { in.USCC = "9111000080210043" }, "innovation.err.uscc"},
			{"bad region", func(in *innovation.FileInput) { in.RegionCode = "999999" }, "innovation.err.region"},
			{"bad field", func(in *innovation.FileInput) { in.Field = "weather" }, "innovation.err.field"},
			{"short title", func(in *innovation.FileInput) { in.Title = "钒" }, "innovation.err.title_short"},
			{"long title", func(in *innovation.FileInput) { in.Title = strings.Repeat("长", innovation.MaxTitle+1) }, "innovation.err.too_long"},
			{"short body", func(in *innovation.FileInput) { in.Body = "太短" }, "innovation.err.body_short"},
			{"long body", func(in *innovation.FileInput) { in.Body = strings.Repeat("字", innovation.MaxBody+1) }, "innovation.err.too_long"},
			{"negative budget", func(in *innovation.FileInput) { in.BudgetLo = "-5" }, "innovation.err.amount"},
			{"budget too big", func(in *innovation.FileInput) { in.BudgetHi = "2000000" }, "innovation.err.amount"},
			{"budget three decimals", func(in *innovation.FileInput) { in.BudgetLo = "1.005" }, "innovation.err.amount"},
			{"budget reversed", func(in *innovation.FileInput) { in.BudgetLo, in.BudgetHi = "300", "100" }, "innovation.err.budget_order"},
			{"bad date", func(in *innovation.FileInput) { in.WantedBy = "2026-13-01" }, "innovation.err.date"},
			{"past date", func(in *innovation.FileInput) { in.WantedBy = "2020-01-01" }, "innovation.err.wanted_by"},
			{"no contact", func(in *innovation.FileInput) { in.Contact = "" }, "innovation.err.contact_required"},
			{"bad contact", func(in *innovation.FileInput) { in.Contact = "abc" }, "innovation.err.contact"},
			{"not a public org", func(in *innovation.FileInput) { in.OrgID = f.dept.ID }, "innovation.err.org"},
			{"no org", func(in *innovation.FileInput) { in.OrgID = 0 }, "innovation.err.org"},
		} {
			t.Run(c.name, func(t *testing.T) {
				in := goodNeed(f.city)
				c.edit(&in)
				_, err := f.s.File(ctx, in)
				wantCode(t, err, c.code)
			})
		}
		if n := count(t, d, `SELECT COUNT(*) FROM innovation_needs`); n != 0 {
			t.Fatalf("%d needs saved from bad input", n)
		}
		in := goodNeed(f.city)
		in.USCC = strings.ToLower(in.USCC)
		n, err := f.s.File(ctx, in)
		must(t, err)
		if n.Contact != "139****5678" || n.Status != innovation.Pending || n.USCC != "91110000802100433B" || n.Budget() != "50–200" {
			t.Errorf("filed %+v", n)
		}
		if k := count(t, d, `SELECT COUNT(*) FROM innovation_needs WHERE contact LIKE '%13912345678%'`); k != 0 {
			t.Error("contact kept in clear")
		}
		for i := 1; i < innovation.MaxPerHour; i++ {
			_, err := f.s.File(ctx, goodNeed(f.city))
			must(t, err)
		}
		_, err = f.s.File(ctx, goodNeed(f.city))
		wantCode(t, err, "innovation.err.rate")
	})
}

// GB 32100: codes with a right check character pass, any other fails.
func TestCreditCodes(t *testing.T) {
	for _, c := range validUSCC {
		n, ok := innovation.ParseWan("12.5")
		if !ok || n != 1250 {
			t.Fatalf("ParseWan 12.5 = %d", n)
		}
		d := dbtest.OpenSQLite(t, sets...)
		f := setup(t, d)
		in := goodNeed(f.city)
		in.USCC = c
		if _, err := f.s.File(context.Background(), in); err != nil {
			t.Errorf("%s: %v", c, err)
		}
		bad := []byte(c)
		bad[17] = map[bool]byte{true: '0', false: '1'}[bad[17] != '0']
		in.USCC = string(bad)
		_, err := f.s.File(context.Background(), in)
		wantCode(t, err, "innovation.err.uscc")
	}
}

// The whole path: published, an expert proposed (only one visible in the
// scope), a 对接, a 签约 with its amount, solved; each step on the timeline.
func TestMatchFlow(t *testing.T) {
	dbtest.Run(t, sets, func(t *testing.T, d *db.DB) {
		f := setup(t, d)
		ctx := context.Background()
		scope := access.Subtrees(f.city.Path)
		n := f.file(t, f.city, "钒钛尾矿综合利用")
		wantCode(t, f.s.Propose(ctx, n.ID, 1, scope, clerk), "innovation.err.status")
		must(t, f.s.Publish(ctx, n.ID, clerk))
		wantCode(t, f.s.Publish(ctx, n.ID, clerk), "innovation.err.status")
		wantCode(t, f.s.Propose(ctx, n.ID, 2, scope, clerk), "innovation.err.expert") // another city's expert
		must(t, f.s.Propose(ctx, n.ID, 1, scope, clerk))
		wantCode(t, f.s.Propose(ctx, n.ID, 1, scope, clerk), "innovation.err.proposed")
		wantCode(t, f.s.Confirm(ctx, n.ID, innovation.Signed, "100", "", wang), "innovation.err.status")
		for _, c := range []struct {
			in   innovation.MeetingInput
			code string
		}{
			{innovation.MeetingInput{HeldOn: "2026-02-30", Form: "online", Participants: "李钒钛、企业技术部"}, "innovation.err.date"},
			{innovation.MeetingInput{HeldOn: "2026-03-09", Form: "online", Participants: "李钒钛、企业技术部"}, "innovation.err.held_on"},
			{innovation.MeetingInput{HeldOn: "2026-03-02", Form: "phone", Participants: "李钒钛、企业技术部"}, "innovation.err.form"},
			{innovation.MeetingInput{HeldOn: "2026-03-02", Form: "online", Participants: " "}, "innovation.err.participants"},
		} {
			wantCode(t, f.s.Meet(ctx, n.ID, c.in, wang), c.code)
		}
		must(t, f.s.Meet(ctx, n.ID, innovation.MeetingInput{HeldOn: "2026-03-02", Form: "onsite", Participants: "李钒钛、企业技术部", Note: "现场考察尾矿库"}, wang))
		wantCode(t, f.s.Confirm(ctx, n.ID, innovation.Signed, "-1", "", wang), "innovation.err.amount")
		wantCode(t, f.s.Confirm(ctx, n.ID, innovation.Signed, "1000001", "", wang), "innovation.err.amount")
		wantCode(t, f.s.Confirm(ctx, n.ID, innovation.Intent, "5", "", wang), "innovation.err.amount_intent")
		wantCode(t, f.s.Confirm(ctx, n.ID, "maybe", "", "", wang), "innovation.err.result")
		must(t, f.s.Confirm(ctx, n.ID, innovation.Intent, "", "双方签署合作意向书", wang))
		must(t, f.s.Confirm(ctx, n.ID, innovation.Signed, "120.5", "签订技术开发合同", wang))
		wantCode(t, f.s.Close(ctx, n.ID, innovation.Withdrawn, "x", wang), "innovation.err.outcome")
		wantCode(t, f.s.Close(ctx, n.ID, innovation.Solved, " ", wang), "innovation.err.note")
		must(t, f.s.Close(ctx, n.ID, innovation.Solved, "中试成功", wang))
		got, err := f.s.Need(ctx, n.ID)
		must(t, err)
		if got.Status != innovation.Solved || got.Result != innovation.Signed || got.Amount != 12050 || got.MatchedAt.IsZero() {
			t.Errorf("solved need %+v", got)
		}
		evs, err := f.s.Events(ctx, n.ID)
		must(t, err)
		var acts []string
		for _, e := range evs {
			acts = append(acts, e.Action)
		}
		if strings.Join(acts, " ") != "file publish propose meet result result close" {
			t.Errorf("timeline %v", acts)
		}
		if k := count(t, d, `SELECT COUNT(*) FROM audit_log WHERE action LIKE 'innovation.%'`); k != 7 {
			t.Errorf("%d audit entries, want 7", k)
		}
		ex, _ := f.s.ProposedExperts(ctx, n.ID)
		ms, _ := f.s.Meetings(ctx, n.ID)
		if len(ex) != 1 || ex[0].Employer != "攀钢研究院" || len(ms) != 1 {
			t.Errorf("experts %v meetings %v", ex, ms)
		}
		// Rejected and withdrawn need reasons.
		r := f.file(t, f.city, "另一个需求")
		wantCode(t, f.s.Reject(ctx, r.ID, "", clerk), "innovation.err.reason")
		must(t, f.s.Reject(ctx, r.ID, "不属于技术需求", clerk))
		w := f.file(t, f.city, "第三个需求")
		must(t, f.s.Withdraw(ctx, w.ID, "企业已自行解决", clerk))
		wantCode(t, f.s.Withdraw(ctx, w.ID, "再撤", clerk), "innovation.err.status")
	})
}

// A staff member who filed a need for an enterprise never confirms its
// result nor closes it.
func TestIntegrity(t *testing.T) {
	dbtest.Run(t, sets, func(t *testing.T, d *db.DB) {
		f := setup(t, d)
		ctx := context.Background()
		in := goodNeed(f.city)
		in.UserID, in.Name = wang.UserID, wang.Name
		n, err := f.s.File(ctx, in)
		must(t, err)
		must(t, f.s.Publish(ctx, n.ID, clerk))
		must(t, f.s.Meet(ctx, n.ID, innovation.MeetingInput{HeldOn: "2026-03-02", Form: "online", Participants: "李钒钛"}, wang))
		wantCode(t, f.s.Confirm(ctx, n.ID, innovation.Signed, "10", "", wang), "innovation.err.own")
		wantCode(t, f.s.Close(ctx, n.ID, innovation.Solved, "解决了", wang), "innovation.err.own")
		must(t, f.s.Confirm(ctx, n.ID, innovation.Signed, "10", "", clerk))
		must(t, f.s.Close(ctx, n.ID, innovation.Solved, "解决了", clerk))
	})
}

// Lists are scoped: another city sees none, the zero scope sees nothing;
// the public list has no contact; filters and the year's figures.
func TestScopeAndStats(t *testing.T) {
	dbtest.Run(t, sets, func(t *testing.T, d *db.DB) {
		f := setup(t, d)
		ctx := context.Background()
		a := f.file(t, f.county, "县里的需求")
		b := f.file(t, f.peer, "滁州的需求")
		f.file(t, f.city, "市里待审核")
		must(t, f.s.Publish(ctx, a.ID, clerk))
		must(t, f.s.Meet(ctx, a.ID, innovation.MeetingInput{HeldOn: "2026-03-02", Form: "online", Participants: "李钒钛"}, wang))
		must(t, f.s.Confirm(ctx, a.ID, innovation.Signed, "88", "", wang))
		must(t, f.s.Publish(ctx, b.ID, clerk))
		for _, c := range []struct {
			name string
			f    innovation.Filter
			want int
		}{
			{"city", innovation.Filter{Scope: access.Subtrees(f.city.Path)}, 2},
			{"peer", innovation.Filter{Scope: access.Subtrees(f.peer.Path)}, 1},
			{"none", innovation.Filter{}, 0},
			{"org outside scope", innovation.Filter{Scope: access.Subtrees(f.peer.Path), OrgPath: f.county.Path}, 0},
			{"county", innovation.Filter{Scope: access.Everywhere(), OrgPath: f.county.Path}, 1},
			{"status", innovation.Filter{Scope: access.Everywhere(), Status: innovation.Pending}, 1},
			{"field", innovation.Filter{Scope: access.Everywhere(), Field: "energy"}, 0},
			{"region", innovation.Filter{Scope: access.Everywhere(), Region: "5104"}, 3},
			{"search", innovation.Filter{Scope: access.Everywhere(), Q: "滁州"}, 1},
			{"public", innovation.Filter{Public: true}, 2},
		} {
			t.Run(c.name, func(t *testing.T) {
				list, total, err := f.s.List(ctx, c.f)
				must(t, err)
				if total != c.want || len(list) != c.want {
					t.Errorf("%d/%d needs, want %d", len(list), total, c.want)
				}
				for _, n := range list {
					if c.f.Public && (n.Contact != "" || n.USCC != "") {
						t.Errorf("public need shows %q %q", n.Contact, n.USCC)
					}
				}
			})
		}
		tab, err := f.s.Export(ctx, innovation.Filter{Scope: access.Everywhere()}, func(k string, _ ...any) string { return k })
		must(t, err)
		for _, row := range tab.Rows {
			if strings.Contains(strings.Join(row, " "), "13912345678") || strings.Contains(strings.Join(row, " "), "139****") {
				t.Error("export has a contact")
			}
		}
		st, err := f.s.YearStats(ctx, access.Subtrees(f.city.Path), "", 2026)
		must(t, err)
		if st.Total.Received != 2 || st.Total.Published != 1 || st.Total.Matched != 1 || st.Total.Signed != 1 || st.Total.AmountText() != "88" || st.Meetings != 1 {
			t.Errorf("stats %+v", st)
		}
		vals := map[string]float64{}
		for _, src := range f.s.Sources() {
			v, err := src.Value(ctx, access.Subtrees(f.city.Path), measure.Period{})
			must(t, err)
			vals[src.Key] = v
			if v0, _ := src.Value(ctx, access.Scope{}, measure.Period{}); v0 != 0 {
				t.Errorf("%s in the zero scope = %v", src.Key, v0)
			}
		}
		if vals[innovation.SourceNeeds] != 2 || vals[innovation.SourceSucceeded] != 1 || vals[innovation.SourceAmount] != 88 {
			t.Errorf("sources %v", vals)
		}
		if n, _ := f.s.ToReview(ctx, access.Subtrees(f.city.Path)); n != 1 {
			t.Errorf("to review %d", n)
		}
		*f.now = f.now.Add(20 * 24 * time.Hour)
		if n, _ := f.s.WaitingCount(ctx, access.Subtrees(f.peer.Path)); n != 1 {
			t.Errorf("waiting %d", n)
		}
	})
}

// Stations: registered with a lead expert visible in scope; assessments
// keep history, a correction keeps the earlier value, 撤销 revokes.
func TestStations(t *testing.T) {
	dbtest.Run(t, sets, func(t *testing.T, d *db.DB) {
		f := setup(t, d)
		ctx := context.Background()
		scope := access.Subtrees(f.city.Path)
		good := innovation.StationInput{OrgID: f.county.ID, Kind: "academician", Name: "攀钢钒钛院士专家工作站", Host: "攀钢集团有限公司",
			HostUSCC: "91440300708461136T", RegionCode: "510402", PersonID: 1, Founded: "2021-06-01"}
		for _, c := range []struct {
			name string
			edit func(*innovation.StationInput)
			code string
		}{
			{"kind", func(in *innovation.StationInput) { in.Kind = "x" }, "innovation.err.station_kind"},
			{"name", func(in *innovation.StationInput) { in.Name = "站" }, "innovation.err.station_name"},
			{"uscc", func(in *innovation.StationInput) { in.HostUSCC = "91440300708461136A" }, "innovation.err.uscc"},
			{"founded", func(in *innovation.StationInput) { in.Founded = "2030-01-01" }, "innovation.err.founded"},
			{"expert elsewhere", func(in *innovation.StationInput) { in.PersonID = 2 }, "innovation.err.expert"},
			{"org outside scope", func(in *innovation.StationInput) { in.OrgID = f.peer.ID }, "innovation.err.org"},
		} {
			t.Run(c.name, func(t *testing.T) {
				in := good
				c.edit(&in)
				_, err := f.s.Register(ctx, in, scope, clerk)
				wantCode(t, err, c.code)
			})
		}
		id, err := f.s.Register(ctx, good, scope, clerk)
		must(t, err)
		wantCode(t, f.s.Assess(ctx, id, 2020, "excellent", "keep", "", clerk), "innovation.err.year")
		wantCode(t, f.s.Assess(ctx, id, 2025, "best", "keep", "", clerk), "innovation.err.grade")
		must(t, f.s.Assess(ctx, id, 2025, "qualified", "keep", "", clerk))
		must(t, f.s.Assess(ctx, id, 2025, "excellent", "keep", "复核更正", wang))
		as, err := f.s.Assessments(ctx, id)
		must(t, err)
		if len(as) != 2 || as[0].Grade != "excellent" || !as[0].Current || as[1].Grade != "qualified" || as[1].Current {
			t.Errorf("assessments %+v", as)
		}
		list, total, err := f.s.Stations(ctx, innovation.StationFilter{Scope: scope})
		must(t, err)
		if total != 1 || list[0].Grade != "excellent" || list[0].ExpertName != "李钒钛" {
			t.Errorf("stations %+v", list)
		}
		if _, total, _ := f.s.Stations(ctx, innovation.StationFilter{Scope: access.Subtrees(f.peer.Path)}); total != 0 {
			t.Error("the peer sees the station")
		}
		if _, total, _ := f.s.Stations(ctx, innovation.StationFilter{}); total != 0 {
			t.Error("the zero scope sees the station")
		}
		st, err := f.s.YearStats(ctx, scope, "", 2025)
		must(t, err)
		if st.Stations["academician"] != 1 || st.Grades["excellent"] != 1 {
			t.Errorf("station stats %v %v", st.Stations, st.Grades)
		}
		must(t, f.s.Assess(ctx, id, 2026, "unqualified", "revoke", "连续两年未开展工作", clerk))
		got, _ := f.s.Station(ctx, id)
		if got.Status != innovation.Revoked {
			t.Errorf("status %s", got.Status)
		}
	})
}
