package dashboard_test

import (
	"net/http"
	"regexp"
	"strings"
	"testing"
	"time"

	"kexie/internal/access"
	"kexie/internal/dashboard"
	"kexie/internal/db"
	"kexie/internal/db/dbtest"
	"kexie/internal/org"
	"kexie/internal/web/webtest"
)

// serve starts the module over sources that count records in the test
// site's two cities: 攀枝花 held 17 this year (and 4 in the same span last
// year), 滁州 held 230 — a number no 攀枝花 page may show.
func serve(t *testing.T, d *db.DB) *webtest.Site {
	ws := webtest.New(t, d)
	now := time.Now()
	thisYear, lastYear := now.AddDate(0, 0, -1), now.AddDate(-1, 0, -1)
	if thisYear.Year() != now.Year() { // the first of January: both in last year's span would not do
		thisYear, lastYear = now, now.AddDate(-1, 0, 0)
	}
	county, err := ws.Orgs.Create(t.Context(), org.Input{ParentID: ws.City.ID, Code: "PZHDQ", Name: "攀枝花市东区科学技术协会", Type: org.TypeCounty})
	if err != nil {
		t.Fatal(err)
	}
	// A society under the root, with nothing counted.
	if _, err := ws.Orgs.Create(t.Context(), org.Input{ParentID: ws.Root.ID, Code: "SOC", Name: "四川省金属学会", Type: org.TypeSociety}); err != nil {
		t.Fatal(err)
	}
	reg := registry(t, []rec{{ws.City.Path, thisYear, 15}, {county.Path, thisYear, 2}, {ws.City.Path, lastYear, 4}, {ws.Peer.Path, thisYear, 230}})
	return ws.Start(dashboard.Module(reg, ws.Orgs))
}

func TestSite(t *testing.T) {
	dbtest.Run(t, nil, func(t *testing.T, d *db.DB) {
		ws := serve(t, d)
		staff, _ := ws.User(t, "pzhstaff", access.OrgStaff, ws.City)
		res, body := staff.Get("/dashboard")
		if res.StatusCode != http.StatusOK || !strings.Contains(body, "攀枝花市科学技术协会及下级组织") || !strings.Contains(body, "<strong>17</strong>") ||
			!strings.Contains(body, "325.0%") || !strings.Contains(body, "暂时无法计算") {
			t.Fatalf("the city's overview: %d\n%.4000s", res.StatusCode, body[strings.Index(body, "<main"):])
		}
		// +325 % is drawn to the bar's cap and labelled as it is.
		if !strings.Contains(body, "value&#34;:300") || !strings.Contains(body, "formatter&#34;:&#34;&#43;325.0%") {
			t.Error("the change chart does not cap the bar at 300 % and label the change as it is")
		}
		// 230 as a figure, not inside an id or a token (a flake of about one run in ten).
		if regexp.MustCompile(`(^|[^0-9A-Za-z_-])230([^0-9A-Za-z_-]|$)`).MatchString(body) || strings.Contains(body, "滁州") {
			t.Error("the city's overview shows the other city's figures")
		}
		// Another city is no choice; nor a year out of range; nor a code that is no org.
		for path, want := range map[string]struct {
			status int
			text   string
		}{
			"/dashboard?org=CZ":                        {http.StatusNotFound, "不在您的管辖范围内"},
			"/dashboard?org=NOSUCH":                    {http.StatusNotFound, "不在您的管辖范围内"},
			"/dashboard?year=1999":                     {http.StatusBadRequest, "年度应在 2015 年至"},
			"/dashboard?year=abc":                      {http.StatusBadRequest, "年度应在"},
			"/dashboard/compare?key=no.such":           {http.StatusNotFound, "没有这个指标"},
			"/dashboard/compare?key=event.held&org=CZ": {http.StatusNotFound, "不在您的管辖范围内"},
		} {
			if res, body := staff.Get(path); res.StatusCode != want.status || !strings.Contains(body, want.text) {
				t.Errorf("%s: %d, want %d and %q", path, res.StatusCode, want.status, want.text)
			}
		}
		// The county below the city is a choice: its own figures only.
		if _, body := staff.Get("/dashboard?org=PZHDQ"); !strings.Contains(body, "<strong>2</strong>") {
			t.Error("the county's overview")
		}
		rows := staff.XLSX("/dashboard?format=xlsx")
		if len(rows) != 4 || rows[0][3] != time.Now().Format("2006")+"年" || rows[1][3] != "17" || rows[1][4] != "4" || rows[1][5] != "+325.0%" || rows[3][3] != "暂时无法计算" {
			t.Errorf("export: %q", rows)
		}
		// The root's administrator compares the cities, largest first.
		admin, _ := ws.User(t, "rootadmin", access.OrgAdmin, ws.Root)
		res, body = admin.Get("/dashboard/compare?key=event.held")
		if res.StatusCode != http.StatusOK || strings.Index(body, "滁州市科学技术协会") > strings.Index(body, "攀枝花市科学技术协会</a>") || !strings.Contains(body, "data-chart") {
			t.Errorf("compare: %d\n%.3000s", res.StatusCode, body)
		}
		rows = admin.XLSX("/dashboard/compare?key=event.held&format=xlsx")
		if len(rows) != 3 || rows[1][0] != "滁州市科学技术协会" || rows[1][1] != "230" || rows[2][1] != "17" {
			t.Errorf("compare export: %q", rows)
		}
		// Children whose values are all 0 get a word, not a chart of
		// empty bars.
		res, body = admin.Get("/dashboard/compare?key=event.held&type=society")
		if res.StatusCode != http.StatusOK || !strings.Contains(body, "这些下级学会的“test.held”在") || strings.Contains(body, "data-chart") ||
			!strings.Contains(body, "四川省金属学会") {
			t.Errorf("all-zero compare: %d\n%.3000s", res.StatusCode, body[strings.Index(body, "<main"):])
		}
		// The city's staff compare the city's children: the county.
		if _, body := staff.Get("/dashboard/compare?key=event.held"); !strings.Contains(body, "攀枝花市东区科学技术协会") || strings.Contains(body, "滁州") {
			t.Error("the city's comparison")
		}
		// A member holds no grant to read it.
		member, _ := ws.User(t, "member1", access.Member, ws.City)
		if res, _ := member.Get("/dashboard"); res.StatusCode != http.StatusForbidden {
			t.Errorf("a member: %d", res.StatusCode)
		}
	})
}
