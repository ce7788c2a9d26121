package funding_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"kexie/internal/access"
	"kexie/internal/audit"
	"kexie/internal/calendar"
	"kexie/internal/db"
	"kexie/internal/db/dbtest"
	"kexie/internal/funding"
	"kexie/internal/measure"
	"kexie/internal/org"
	"kexie/internal/review"
	"kexie/internal/std"
	"kexie/internal/web/webtest"
)

var sets = []db.Migrations{audit.Migrations(), org.Migrations(), review.Migrations(), funding.Migrations()}

func TestPerCapita(t *testing.T) {
	dbtest.Run(t, sets, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		orgs := org.NewStore(d, std.Regions())
		root, _ := orgs.Create(ctx, org.Input{Code: "ROOT", Name: "四川省科协", Type: org.TypeProvince, RegionCode: "510000"})
		city, _ := orgs.Create(ctx, org.Input{ParentID: root.ID, Code: "PZH", Name: "攀枝花市科协", Type: org.TypeCity, RegionCode: "510400"})
		dist, _ := orgs.Create(ctx, org.Input{ParentID: city.ID, Code: "DQ", Name: "东区科协", Type: org.TypeCounty, RegionCode: "510402"})
		s := funding.NewStore(d)
		if err := s.AddBudget(ctx, city.ID, 2026, "科普日活动", "1,000,000.00", 1); err != nil {
			t.Fatal(err)
		}
		if err := s.AddBudget(ctx, dist.ID, 2026, "科普e站", "236000.5", 1); err != nil {
			t.Fatal(err)
		}
		if err := s.AddBudget(ctx, city.ID, 2026, "x", "12.345", 1); err == nil {
			t.Fatal("three decimals accepted")
		}
		bad := "地区代码,年份,常住人口\n510400,2026,1200000\n999999,2026,5\n510400,2026,7\n"
		n, errs, err := s.ImportPopulation(ctx, strings.NewReader(bad), std.Regions(), 1)
		if err != nil || n != 0 || len(errs) != 2 || errs[0].Row != 3 || errs[0].Code != "funding.err.region" || errs[1].Code != "funding.err.duplicate" {
			t.Fatalf("bad import: %d %+v %v", n, errs, err)
		}
		// A row the reader cannot parse (an unmatched quote) is named, not
		// an internal error; nothing is written.
		quote := "地区代码,年份,常住人口\n510400,2026,1200000\n510402,\"2026,300000\n"
		n, errs, err = s.ImportPopulation(ctx, strings.NewReader(quote), std.Regions(), 1)
		if err != nil || n != 0 || len(errs) != 1 || errs[0].Row != 3 || errs[0].Code != "funding.err.bad_row" {
			t.Fatalf("unmatched quote: %d %+v %v", n, errs, err)
		}
		good := "地区代码,年份,常住人口\n510400,2026,1236000\n510402,2026,300000\n"
		if n, errs, err := s.ImportPopulation(ctx, strings.NewReader(good), std.Regions(), 1); n != 2 || len(errs) != 0 || err != nil {
			t.Fatalf("import: %d %+v %v", n, errs, err)
		}
		// The city: 1,236,000.50 yuan over its 1,236,000 residents (the
		// district's people are inside the city's) = 1.00 yuan.
		v, err := s.PerCapitaIn(ctx, access.Subtrees(city.Path), 2026)
		if err != nil || v != 1.00 {
			t.Fatalf("city per capita = %v, %v", v, err)
		}
		v, _ = s.PerCapitaIn(ctx, access.Subtrees(dist.Path), 2026)
		if v != 0.79 { // 236,000.50 / 300,000
			t.Fatalf("district per capita = %v", v)
		}
		rows, _ := s.ByRegion(ctx, access.Everywhere(), 2026)
		if len(rows) != 2 || rows[0].Name != "攀枝花市" || rows[0].PerCapitaText() != "0.81" {
			t.Fatalf("by region = %+v", rows)
		}
		src := s.Sources()[0]
		mv, _ := src.Value(ctx, access.Subtrees(city.Path), measure.AsOf(time.Date(2027, 1, 1, 0, 0, 0, 0, time.FixedZone("CST", 8*3600))))
		if mv != 1.00 {
			t.Fatalf("measure = %v", mv)
		}
		if z, _ := src.Value(ctx, access.Scope{}, measure.Period{}); z != 0 {
			t.Fatal("zero scope counts")
		}

		// 科普项目资助 is a call of kind funding on the review engine.
		rs := review.NewStore(d, nil, calendar.Fixed{C: calendar.New(calendar.Shipped())})
		c, err := funding.CreateCall(ctx, rs, city.ID, "2026年度攀枝花市科普项目资助", time.Now(), time.Now().AddDate(0, 1, 0), 1)
		if err != nil {
			t.Fatal(err)
		}
		if c.Kind != "funding" {
			t.Fatalf("call = %+v", c)
		}
		if st, _ := rs.Stages(ctx, c.ID); len(st) != 4 {
			t.Fatalf("stages = %+v", st)
		}
	})
}

func TestAuditLabels(t *testing.T) { webtest.AuditLabels(t, ".") }
