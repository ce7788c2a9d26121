package funding_test

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"kexie/internal/access"
	"kexie/internal/db"
	"kexie/internal/db/dbtest"
	"kexie/internal/funding"
	"kexie/internal/web/webtest"
)

// A recorded amount is corrected, never edited away: the entry stays,
// struck through and marked 已更正, the correction names it and its reason,
// and the year's figures read the corrected amount. Bad input says what is
// wrong and changes nothing; a peer city cannot reach the entry.
func TestBudgetCorrections(t *testing.T) {
	dbtest.Run(t, nil, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		ws := webtest.New(t, d)
		fs := funding.NewStore(d)
		ws.Start(funding.Module(fs, ws.Orgs))
		staff, _ := ws.User(t, "staff", access.OrgStaff, ws.City)
		peer, _ := ws.User(t, "peer", access.OrgStaff, ws.Peer)
		city := access.Subtrees(ws.City.Path)
		staff.Post("/funding/budgets", url.Values{"org_id": {"PZH"}, "year": {"2026"}, "item": {"全国科普日"}, "amount": {"1236000"}})
		staff.Upload("/funding/population", url.Values{"year": {"2026"}}, "file", "p.csv", []byte("地区代码,年份,常住人口\n510400,2026,1236000\n"))
		list, n, err := fs.Budgets(ctx, funding.BudgetFilter{Scope: city, Year: 2026, Limit: 10})
		if err != nil || n != 1 {
			t.Fatalf("budgets %d %v", n, err)
		}
		first := list[0]
		path := fmt.Sprintf("/funding/budgets/%d/correct", first.ID)

		res, body := staff.Post(path, url.Values{"year": {"2026"}, "amount": {"618000"}})
		if res.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(body, "请填写更正原因") || !strings.Contains(body, `value="618000"`) {
			t.Errorf("no reason: %d", res.StatusCode)
		}
		res, body = staff.Post(path, url.Values{"year": {"2026"}, "amount": {"1236000"}, "reason": {"重复"}})
		if res.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(body, "与原金额相同") {
			t.Errorf("same amount: %d", res.StatusCode)
		}
		if res, _ = peer.Post(path, url.Values{"year": {"2026"}, "amount": {"1"}, "reason": {"x"}}); res.StatusCode != http.StatusNotFound {
			t.Errorf("a peer city corrects the city's entry: %d", res.StatusCode)
		}
		if _, n, _ := fs.Budgets(ctx, funding.BudgetFilter{Scope: city, Year: 2026, Limit: 10}); n != 1 {
			t.Fatalf("refused corrections wrote %d entries", n)
		}

		if res, _ = staff.Post(path, url.Values{"year": {"2026"}, "amount": {"618000"}, "reason": {"误将全年预算录为半年"}}); res.StatusCode != http.StatusSeeOther {
			t.Fatalf("correction: %d", res.StatusCode)
		}
		_, body = staff.Get("/funding/budgets?year=2026")
		for _, want := range []string{"<s>1,236,000.00</s>", "已更正", "618,000.00", "更正原金额 1,236,000.00", "误将全年预算录为半年", "已更正，原记录保留"} {
			if !strings.Contains(body, want) {
				t.Errorf("the entries lack %q", want)
			}
		}
		if _, body = staff.Get("/funding?year=2026"); !strings.Contains(body, `id="per-capita">0.50<`) {
			t.Errorf("per capita after the correction: %s", body[strings.Index(body, "per-capita"):][:80])
		}
		if res, body = staff.Post(path, url.Values{"year": {"2026"}, "amount": {"1"}, "reason": {"再改"}}); res.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(body, "已被更正") {
			t.Errorf("correcting a superseded entry: %d", res.StatusCode)
		}
		rows := staff.XLSX("/funding/budgets?format=xlsx&year=2026&sort=amount")
		if len(rows) != 3 || rows[1][2] != "618000.00" || rows[1][4] != "有效" || rows[2][4] != "已更正" || rows[1][5] != "误将全年预算录为半年" {
			t.Errorf("export %q", rows)
		}
		// An org filter that names no org in reach says so and lists nothing.
		if _, body = staff.Get("/funding/budgets?year=2026&org=" + url.QueryEscape("不存在的单位")); !strings.Contains(body, "找不到该组织") || strings.Contains(body, "全国科普日") {
			t.Error("an unknown org filter is not said, or lists entries")
		}
		if _, body = peer.Get("/funding/budgets?year=2026"); strings.Contains(body, "全国科普日") {
			t.Error("a peer city lists the city's entries")
		}
		// Withdrawn: a correction to 0 leaves nothing counted.
		list, _, _ = fs.Budgets(ctx, funding.BudgetFilter{Scope: city, Year: 2026, Sort: "-created", Limit: 10})
		if _, err := fs.CorrectBudget(ctx, city, list[0].ID, "0", "项目取消", 1); err != nil {
			t.Fatal(err)
		}
		if rows, _ := fs.ByRegion(ctx, city, 2026); len(rows) != 1 || rows[0].Cents != 0 {
			t.Errorf("after withdrawal: %+v", rows)
		}
	})
}
