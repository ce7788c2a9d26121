package survey_test

import (
	"bytes"
	"context"
	"fmt"
	"html"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/xuri/excelize/v2"

	"kexie/internal/access"
	"kexie/internal/db/dbtest"
	"kexie/internal/org"
	"kexie/internal/survey"
	"kexie/internal/web/webtest"
)

// districts adds two districts under the city and a town under the east
// one (the west district has nothing below it).
func districts(t testing.TB, ss surveySite) (east, west, town org.Org) {
	t.Helper()
	ctx := context.Background()
	var err error
	if east, err = ss.Orgs.Create(ctx, org.Input{ParentID: ss.City.ID, Code: "PZHDQ", Name: "东区科学技术协会", Type: org.TypeCounty, RegionCode: "510402"}); err != nil {
		t.Fatal(err)
	}
	if west, err = ss.Orgs.Create(ctx, org.Input{ParentID: ss.City.ID, Code: "PZHXQ", Name: "西区科学技术协会", Type: org.TypeCounty, RegionCode: "510403"}); err != nil {
		t.Fatal(err)
	}
	if town, err = ss.Orgs.Create(ctx, org.Input{ParentID: east.ID, Code: "PZHYJ", Name: "银江镇科学技术协会", Type: org.TypeTown}); err != nil {
		t.Fatal(err)
	}
	return east, west, town
}

// seedDrill publishes a 2025 literacy survey of owner answered at each
// station org by one respondent per entry of its list (true: literate).
func seedDrill(t testing.TB, ss surveySite, owner int64, title string, answers map[int64][]bool) survey.Survey {
	t.Helper()
	ctx := context.Background()
	v, err := ss.Surveys.Create(ctx, survey.Input{OrgID: owner, Kind: survey.KindLiteracy, Title: title, Year: 2025})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := ss.Surveys.Publish(ctx, v.ID, 0); err != nil {
		t.Fatal(err)
	}
	for orgID, lits := range answers {
		st, err := ss.Surveys.AddStation(ctx, v.ID, orgID, 0)
		if err != nil {
			t.Fatal(err)
		}
		for i, lit := range lits {
			a := literacyAnswers(i, lit)
			if _, err := ss.Surveys.Submit(ctx, survey.Submission{SurveyID: v.ID, Version: 1, StationID: st.ID, Answers: a,
				Respondent: fmt.Sprintf("r:%d-%d", orgID, i), StartedAt: time.Now().Add(-time.Hour)}); err != nil {
				t.Fatal(err)
			}
		}
	}
	return v
}

var drillLink = regexp.MustCompile(`<a class="region-drill" href="([^"]+)"[^>]*>([^<]+)</a>`)

// drills lists the by-region table's rows as "name → link".
func drills(table string) map[string]string {
	out := map[string]string{}
	for _, m := range drillLink.FindAllStringSubmatch(table, -1) {
		out[m[2]] = html.UnescapeString(m[1])
	}
	return out
}

// TestRegionDrillDown: the province's staff open the by-region table one
// level below the province, follow the city's name to the city's
// districts (the figures, the total and the export narrowed to the city),
// follow a district's name further, and climb back by the breadcrumb.
func TestRegionDrillDown(t *testing.T) {
	eachSite(t, func(t *testing.T, ss surveySite) {
		east, west, town := districts(t, ss)
		v := seedDrill(t, ss, ss.Root.ID, "2025年全省公民科学素质调查", map[int64][]bool{
			town.ID: {true, false, true, false}, west.ID: {true, false, false}, ss.Peer.ID: {false, true, false, false}})
		staff, _ := ss.User(t, "prov", access.OrgStaff, ss.Root)
		base := "/surveys/" + itoa(v.ID) + "/analysis"

		_, body := staff.Get(base + "?level=1&weighted=")
		table := between(body, `id="region-table"`, `</section>`)
		rows := drills(table)
		if len(rows) != 1 || rows[ss.City.Name] == "" || !strings.Contains(table, "<td>"+ss.Peer.Name+"</td>") || strings.Contains(table, `id="region-crumbs"`) {
			t.Fatalf("the province's table: %v\n%s", rows, table)
		}
		city := rows[ss.City.Name]
		if !strings.Contains(city, "within="+itoa(ss.City.ID)) || !strings.Contains(city, "level=1") || !strings.Contains(city, "weighted=") {
			t.Errorf("the city's link %q", city)
		}

		// Into the city: its districts, the city's own total and count.
		_, body = staff.Get(base + city)
		table = between(body, `id="region-table"`, `</section>`)
		rows = drills(table)
		// The west district has nothing below it: its name is no link.
		if len(rows) != 1 || rows[east.Name] == "" || !strings.Contains(table, "<td>"+west.Name+"</td>") ||
			!strings.Contains(table, "分地区估计（"+ss.City.Name+" 以下）") {
			t.Fatalf("the city's table: %v\n%s", rows, table)
		}
		if got := between(body, `id="analysis-n"`, `</p>`); !strings.Contains(got, "有效答卷 7 份") {
			t.Errorf("the page narrowed to the city counts %s, want 7 respondents", got)
		}
		crumbs := between(table, `id="region-crumbs"`, `</nav>`)
		if !strings.Contains(crumbs, ss.Root.Name+"</a>") || !strings.Contains(crumbs, `<span aria-current="location">`+ss.City.Name) {
			t.Errorf("crumbs: %s", crumbs)
		}
		total := between(table, `<tr class="total">`, `</tr>`)
		if !strings.Contains(total, "n=7") {
			t.Errorf("the city's total: %s", total)
		}

		// The export follows the drill-down.
		res, xlsx := staff.Get(base + city + "&format=xlsx")
		if res.StatusCode != 200 {
			t.Fatalf("export: %d", res.StatusCode)
		}
		f, err := excelize.OpenReader(bytes.NewReader([]byte(xlsx)))
		if err != nil {
			t.Fatal(err)
		}
		sheet, err := f.GetRows("分地区估计")
		if err != nil || len(sheet) != 4 || sheet[0][0] != "地区（"+ss.City.Name+" 以下）" || sheet[1][0] != east.Name ||
			sheet[2][0] != west.Name || sheet[3][0] != "合计" || sheet[3][len(sheet[3])-1] != "7" {
			t.Errorf("the exported by-region sheet after drilling into the city: %q %v", sheet, err)
		}

		// Into the east district: its town, the crumbs back up.
		_, body = staff.Get(base + rows[east.Name])
		table = between(body, `id="region-table"`, `</section>`)
		crumbs = between(table, `id="region-crumbs"`, `</nav>`)
		if !strings.Contains(table, "<td>"+town.Name+"</td>") || !strings.Contains(table, "n=4") ||
			!strings.Contains(crumbs, `<span aria-current="location">`+east.Name) {
			t.Errorf("the district's table: %s", table)
		}
		links := regexp.MustCompile(`<a href="([^"]+)">([^<]+)</a>`).FindAllStringSubmatch(crumbs, -1)
		if len(links) != 2 || links[0][2] != ss.Root.Name || links[1][2] != ss.City.Name {
			t.Fatalf("crumbs %q", links)
		}
		up := html.UnescapeString(links[0][1])
		if strings.Contains(up, "within=") {
			t.Errorf("the crumb of the survey's org keeps a region filter: %s", up)
		}
		if _, body = staff.Get(base + up); drills(between(body, `id="region-table"`, `</section>`))[ss.City.Name] == "" ||
			!strings.Contains(body, "<td>"+ss.Peer.Name+"</td>") {
			t.Errorf("back at the province: %s", between(body, `id="region-table"`, `</section>`))
		}
		_, body = staff.Get(base + html.UnescapeString(links[1][1]))
		if rows := drills(between(body, `id="region-table"`, `</section>`)); rows[east.Name] == "" {
			t.Errorf("back at the city: %v", rows)
		}
	})
}

// TestRegionDrillScope: the city's staff analysing the city's survey see
// nothing of a region outside the city named in the address — no figures,
// no name — and the table above their city lists their city alone.
func TestRegionDrillScope(t *testing.T) {
	eachSite(t, func(t *testing.T, ss surveySite) {
		east, west, _ := districts(t, ss)
		v := seedDrill(t, ss, ss.City.ID, "2025年全市公民科学素质调查", map[int64][]bool{
			east.ID: {true, false, true}, west.ID: {true, false}})
		staff, _ := ss.User(t, "city", access.OrgStaff, ss.City)
		base := "/surveys/" + itoa(v.ID) + "/analysis"

		res, body := staff.Get(base + "?level=1&within=" + itoa(ss.Peer.ID))
		table := between(body, `id="region-table"`, `</section>`)
		if res.StatusCode != 200 || !strings.Contains(table, `id="region-outside"`) || strings.Contains(body, "滁州") ||
			strings.Contains(table, "region-drill") || !strings.Contains(body, "所选地区不在您可查看的范围内") {
			t.Errorf("a region outside the viewer's scope: %d %s", res.StatusCode, table)
		}
		if got := between(body, `id="analysis-n"`, `</p>`); !strings.Contains(got, "有效答卷 0 份") {
			t.Errorf("a region outside counts %s", got)
		}
		_, xlsx := staff.Get(base + "?level=1&format=xlsx&within=" + itoa(ss.Peer.ID))
		f, err := excelize.OpenReader(bytes.NewReader([]byte(xlsx)))
		if err != nil {
			t.Fatal(err)
		}
		if sheet, _ := f.GetRows("分地区估计"); len(sheet) != 2 || strings.Contains(fmt.Sprint(sheet), ss.Peer.Name) {
			t.Errorf("the export of a region outside: %q", sheet)
		}

		// The province above the city: only the city's row, its districts
		// one click away.
		_, body = staff.Get(base + "?level=1&within=" + itoa(ss.Root.ID))
		rows := drills(between(body, `id="region-table"`, `</section>`))
		if len(rows) != 1 || rows[ss.City.Name] == "" || strings.Contains(body, "滁州") {
			t.Fatalf("above the city: %v", rows)
		}
		_, body = staff.Get(base + rows[ss.City.Name])
		if table := between(body, `id="region-table"`, `</section>`); !strings.Contains(table, east.Name) || !strings.Contains(table, west.Name) {
			t.Errorf("the city's districts: %s", table)
		}
	})
}

// TestBrowserRegionDrill follows the drill-down in a browser at 1,280 and
// 390 px: the city's name leads to its districts, the filter form then
// holds the city and the first level (so its export button exports what
// the table shows), nothing is wider than the screen but the table's own
// scroller, and the breadcrumb leads back to the province.
func TestBrowserRegionDrill(t *testing.T) {
	ctx := webtest.Browser(t)
	ss := serveSurveys(t, dbtest.OpenSQLite(t))
	east, west, town := districts(t, ss)
	v := seedDrill(t, ss, ss.Root.ID, "2025年全省公民科学素质调查", map[int64][]bool{
		town.ID: {true, false, true, false}, west.ID: {true, false, false}, ss.Peer.ID: {false, true, false, false}})
	ss.CreateUser(t, "prov", access.OrgStaff, ss.Root)
	b := webtest.NewTab(t, ctx, ss.URL, 30*time.Second)
	b.Login("prov")
	for _, width := range []int64{1280, 390} {
		b.Run("viewport", chromedp.EmulateViewport(width, 900), chromedp.Sleep(150*time.Millisecond))
		b.Open("/surveys/"+itoa(v.ID)+"/analysis?level=1", "#region-table")
		if got := b.Text(`#region-table tbody`); !strings.Contains(got, ss.City.Name) || !strings.Contains(got, ss.Peer.Name) {
			t.Fatalf("%d px: the province's table %q", width, got)
		}
		b.Run("drill into the city", chromedp.Click(chromedp.CSS(`#region-table a.region-drill[href*="within=`+itoa(ss.City.ID)+`"]`)),
			chromedp.WaitVisible(chromedp.CSS(`#region-crumbs`)))
		// the crumbs stand above the table: a loaded machine may show them
		// before the parser has reached the table's last row
		b.WaitText("the city's table", `#region-table`, "n=7")
		got := b.Text(`#region-table`)
		for _, want := range []string{"分地区估计（" + ss.City.Name + " 以下）", east.Name, west.Name, "n=7"} {
			if !strings.Contains(got, want) {
				t.Errorf("%d px: the city's table lacks %q: %q", width, want, got)
			}
		}
		if strings.Contains(got, ss.Peer.Name) {
			t.Errorf("%d px: the city's table shows the peer city", width)
		}
		if within, level := b.Value(`#analysis-filters input[name=within]`), b.Value(`#region-level`); within != "PZH" || level != "1" {
			t.Errorf("%d px: the filter form holds within=%q level=%q, want PZH and 1 (the export follows the form)", width, within, level)
		}
		if w, err := chromedp.Run(b.Ctx, chromedp.Evaluate[int](`document.documentElement.scrollWidth`)); err != nil || w > int(width) {
			t.Errorf("the drilled page is %d px wide at %d px", w, width)
		}
		if width == 1280 {
			shot(b, "survey-region-drill")
		}
		b.Run("back up", chromedp.Click(chromedp.CSS(`#region-crumbs a`)), chromedp.WaitNotPresent(chromedp.CSS(`#region-crumbs`)))
		b.WaitText("back at the province", `#region-table tbody`, ss.Peer.Name)
	}
}
