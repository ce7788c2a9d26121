package funding_test

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"kexie/internal/access"
	"kexie/internal/db"
	"kexie/internal/db/dbtest"
	"kexie/internal/funding"
	"kexie/internal/org"
	"kexie/internal/std"
	"kexie/internal/valid"
	"kexie/internal/web/webtest"
)

// An item of an org's year is entered once: ten additions at once (a
// double click, a resubmitted form, a colleague) and one later record one
// entry; the money is not counted twice. A withdrawn entry (corrected to
// 0) may be entered again, and another year or item is another entry.
func TestBudgetOnce(t *testing.T) {
	dbtest.Run(t, sets, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		orgs := org.NewStore(d, std.Regions())
		root, _ := orgs.Create(ctx, org.Input{Code: "ROOT", Name: "四川省科协", Type: org.TypeProvince, RegionCode: "510000"})
		city, _ := orgs.Create(ctx, org.Input{ParentID: root.ID, Code: "PZH", Name: "攀枝花市科协", Type: org.TypeCity, RegionCode: "510400"})
		s := funding.NewStore(d)
		exists := func(err error) bool {
			var e *valid.Error
			return errors.As(err, &e) && e.Key == "funding.err.item_exists" || valid.Has(err, "funding.err.item_exists")
		}
		ok := 0
		for _, err := range dbtest.AtOnce(10, func(int) error {
			return s.AddBudget(ctx, city.ID, 2026, "全国科普日", "1236000", 1)
		}) {
			switch {
			case err == nil:
				ok++
			case !exists(err):
				t.Errorf("unexpected: %v", err)
			}
		}
		if err := s.AddBudget(ctx, city.ID, 2026, " 全国科普日 ", "1236000", 2); !exists(err) {
			t.Errorf("added again later: %v", err)
		}
		scope := access.Subtrees(city.Path)
		list, n, err := s.Budgets(ctx, funding.BudgetFilter{Scope: scope, Year: 2026, Limit: 20})
		if err != nil || ok != 1 || n != 1 {
			t.Fatalf("%d of 10 went through, %d entries %v; want 1", ok, n, err)
		}
		if err := s.AddBudget(ctx, city.ID, 2025, "全国科普日", "1000", 1); err != nil {
			t.Errorf("another year: %v", err)
		}
		if err := s.AddBudget(ctx, city.ID, 2026, "科技活动周", "1000", 1); err != nil {
			t.Errorf("another item: %v", err)
		}
		if _, err := s.CorrectBudget(ctx, scope, list[0].ID, "0", "录入有误，作废", 1); err != nil {
			t.Fatal(err)
		}
		if err := s.AddBudget(ctx, city.ID, 2026, "全国科普日", "618000", 1); err != nil {
			t.Errorf("entered again after its withdrawal: %v", err)
		}
	})
}

// The page says why a second entry of an item is refused, in Chinese.
func TestBudgetOnceSaid(t *testing.T) {
	dbtest.Run(t, nil, func(t *testing.T, d *db.DB) {
		ws := webtest.New(t, d)
		ws.Start(funding.Module(funding.NewStore(d), ws.Orgs))
		staff, _ := ws.User(t, "staff", access.OrgStaff, ws.City)
		form := url.Values{"org_id": {"PZH"}, "year": {"2026"}, "item": {"全国科普日"}, "amount": {"1236000"}}
		if res, _ := staff.Post("/funding/budgets", form); res.StatusCode != http.StatusSeeOther {
			t.Fatalf("first: %d", res.StatusCode)
		}
		res, body := staff.Post("/funding/budgets", form)
		if res.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(body, "该组织 2026 年已有这一经费科目") {
			t.Errorf("second: %d", res.StatusCode)
		}
	})
}

// One population file imported several times at once (a second click, two
// nodes) is imported each time without a raw database error: each deleted
// the rows the other had just written and failed on the key.
func TestPopulationImportsAtOnce(t *testing.T) {
	dbtest.Run(t, sets, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		s := funding.NewStore(d)
		file := "地区代码,年份,常住人口\n510400,2026,1236000\n510402,2026,300000\n"
		if _, _, err := s.ImportPopulation(ctx, strings.NewReader(file), std.Regions(), 1); err != nil {
			t.Fatal(err)
		}
		for _, err := range dbtest.AtOnce(10, func(int) error {
			_, errs, err := s.ImportPopulation(ctx, strings.NewReader(file), std.Regions(), 1)
			if len(errs) > 0 {
				return fmt.Errorf("row errors %+v", errs)
			}
			return err
		}) {
			if err != nil {
				t.Errorf("import at once: %v", err)
			}
		}
		var n int
		if err := d.QueryRow(ctx, `SELECT COUNT(*) FROM funding_populations`).Scan(&n); err != nil || n != 2 {
			t.Errorf("%d populations (%v), want 2", n, err)
		}
	})
}
