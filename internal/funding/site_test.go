package funding_test

import (
	"context"
	"html"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"kexie/internal/access"
	"kexie/internal/db"
	"kexie/internal/db/dbtest"
	"kexie/internal/funding"
	"kexie/internal/org"
	"kexie/internal/web/webtest"
)

func TestSite(t *testing.T) {
	dbtest.Run(t, nil, func(t *testing.T, d *db.DB) {
		ws := webtest.New(t, d)
		ws.Start(funding.Module(funding.NewStore(d), ws.Orgs))
		staff, _ := ws.User(t, "staff", access.OrgStaff, ws.City)
		peer, _ := ws.User(t, "peer", access.OrgStaff, ws.Peer)
		member, _ := ws.User(t, "member", access.Member, ws.City)
		res, body := staff.Post("/funding/budgets", url.Values{"org_id": {"PZH"}, "year": {"2026"}, "item": {"全国科普日"}, "amount": {"1236000"}})
		if res.StatusCode != http.StatusSeeOther {
			t.Fatalf("budget: %d %s", res.StatusCode, body)
		}
		res, body = staff.Post("/funding/budgets", url.Values{"org_id": {"PZH"}, "year": {"2026"}, "item": {"x"}, "amount": {"-5"}})
		if res.StatusCode != 422 || !strings.Contains(body, "金额应为") {
			t.Fatalf("bad amount: %d", res.StatusCode)
		}
		res, _ = peer.Post("/funding/budgets", url.Values{"org_id": {"PZH"}, "year": {"2026"}, "item": {"x"}, "amount": {"5"}})
		if res.StatusCode != http.StatusNotFound { // out of scope: as if absent
			t.Fatalf("peer adds to the city: %d", res.StatusCode)
		}
		res, body = staff.Upload("/funding/population", url.Values{"year": {"2026"}}, "file", "p.csv", []byte("地区代码,年份,常住人口\n510400,2026,1236000\n510400,2026,x\n"))
		if res.StatusCode != 422 || !strings.Contains(body, "第 3 行") {
			t.Fatalf("bad population: %d", res.StatusCode)
		}
		res, body = staff.Upload("/funding/population", url.Values{"year": {"2026"}}, "file", "p.csv", []byte("地区代码,年份,常住人口\n510400,2026,1236000\n"))
		if res.StatusCode != 200 || !strings.Contains(body, `id="per-capita">1.00<`) || !strings.Contains(body, "攀枝花市") {
			t.Fatalf("population: %d %s", res.StatusCode, body)
		}
		// Budget and population with their digits grouped, as people compare them.
		if !strings.Contains(body, ">1,236,000.00<") || !strings.Contains(body, ">1,236,000<") {
			t.Errorf("figures not grouped in threes: %s", body)
		}
		// The same figures as a bar chart: ECharts data in the page, drawn by kexie.js.
		if !strings.Contains(body, `<script src="/static/echarts.min.js" defer></script>`) || !strings.Contains(body, `id="per-capita-chart"`) {
			t.Error("per-capita by region has no chart")
		} else if chart := attr(body, "per-capita-chart", "data-chart"); !strings.Contains(chart, `"data":["攀枝花市"]`) || !strings.Contains(chart, `"data":[1]`) {
			t.Errorf("chart data: %s", chart)
		}
		// After the import's POST the table's links are the page's, with its year.
		if !strings.Contains(body, `href="/funding?sort=budget&amp;year=2026"`) || !strings.Contains(body, `href="/funding?format=xlsx&amp;year=2026"`) {
			t.Errorf("links after the import: %s", body[strings.Index(body, "by-region")-200:])
		}
		// A second region to order: 东区 has more 科普经费 and fewer people.
		east, err := ws.Orgs.Create(context.Background(), org.Input{ParentID: ws.City.ID, Code: "PZHDQ", Name: "东区科协", Type: org.TypeCounty, RegionCode: "510402"})
		if err != nil {
			t.Fatal(err)
		}
		staff.Post("/funding/budgets", url.Values{"org_id": {strconv.FormatInt(east.ID, 10)}, "year": {"2026"}, "item": {"社区科普"}, "amount": {"2000000"}})
		staff.Upload("/funding/population", url.Values{"year": {"2026"}}, "file", "p.csv", []byte("地区代码,年份,常住人口\n510402,2026,500000\n"))
		order := func(path string) string { // the table's rows, not the chart's data above it
			_, b := staff.Get(path)
			tbl := b[strings.Index(b, `id="by-region"`):]
			if strings.Index(tbl, "攀枝花市") < strings.Index(tbl, "东区") {
				return "攀枝花市,东区"
			}
			return "东区,攀枝花市"
		}
		for path, want := range map[string]string{"/funding?year=2026": "攀枝花市,东区", "/funding?year=2026&sort=-per_capita": "东区,攀枝花市",
			"/funding?year=2026&sort=population": "东区,攀枝花市", "/funding?year=2026&sort=-budget": "东区,攀枝花市", "/funding?year=2026&sort=budget": "攀枝花市,东区"} {
			if got := order(path); got != want {
				t.Errorf("%s: %s, want %s", path, got, want)
			}
		}
		rows := staff.XLSX("/funding?format=xlsx&year=2026&sort=-per_capita")
		if len(rows) != 3 || strings.Join(rows[0], "|") != "地区|地区代码|科普经费（元）|常住人口（人）|人均（元）" ||
			strings.Join(rows[1], "|") != "东区|510402|2000000.00|500000|4.00" {
			t.Errorf("export %q", rows)
		}
		if _, body = peer.Get("/funding?year=2026"); strings.Contains(body, "攀枝花市") {
			t.Error("peer city sees the city's funds")
		}
		// With nothing recorded there is no figure (not a bold 0.00 元), only the empty state.
		if _, body = peer.Get("/funding?year=2026"); strings.Contains(body, `id="per-capita"`) || strings.Contains(body, `id="per-capita-chart"`) || !strings.Contains(body, `class="empty"`) {
			t.Error("a year without funds shows a per-capita figure")
		}
		if res, _ = member.Get("/funding"); res.StatusCode != http.StatusForbidden {
			t.Errorf("member: %d", res.StatusCode)
		}
	})
}

// attr is the unescaped value of attribute name of the element with id.
func attr(body, id, name string) string {
	i := strings.Index(body, `id="`+id+`"`)
	if i < 0 {
		return ""
	}
	rest := body[i:]
	j := strings.Index(rest, name+`="`)
	if j < 0 {
		return ""
	}
	rest = rest[j+len(name)+2:]
	return html.UnescapeString(rest[:strings.IndexByte(rest, '"')])
}
