package app

import (
	"archive/zip"
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"sort"
	"strings"
	"testing"

	"kexie/internal/access"
	"kexie/internal/auth"
	"kexie/internal/db/dbtest"
	"kexie/internal/org"
	"kexie/internal/people"
	"kexie/internal/plan"
	"kexie/internal/std"
	"kexie/internal/web"
)

// marker is in the name of every org, person, plan, pool, unit and user the
// no-grant walk seeds; no answer to a user holding no grant may contain it.
const marker = "甄别"

// TestNoGrantSeesNothing walks every list and export route (every GET route
// whose rule has no Resource — the store scopes the data — and every GET
// route without a path parameter) as a signed-in user holding no grant at
// all, on a site seeded with orgs, people, plans, users and audit entries,
// and checks that no seeded name comes back, in HTML, JSON or XLSX, and that
// nothing answers with a server error. The guard refuses such a user every
// permission, so the walk is made again as the administrator of an empty
// city beside the seeded ones: the guard lets them through and only the
// stores' scopes keep the seeded rows out.
func TestNoGrantSeesNothing(t *testing.T) {
	t.Run("sqlite", func(t *testing.T) { noGrantWalks(t, dbtest.OpenSQLite(t).DSN()) })
	t.Run("postgres", func(t *testing.T) { noGrantWalks(t, dbtest.PostgresDSN(t)) })
}

func noGrantWalks(t *testing.T, dsn string) {
	ta := newTestApp(t, dsn)
	var seeds moduleSeeds
	orgNames, names := seedForNoGrant(t, ta, &seeds)
	walk := noGrantURLs(ta.Site.Routes())
	details := moduleDetailURLs(ta.Site.Routes(), &seeds)
	if len(details) < 100 {
		t.Fatalf("only %d detail URLs of the new modules found", len(details))
	}
	if len(walk) < 100 {
		t.Fatalf("only %d list and export URLs found: %v", len(walk), walk)
	}

	ctx := context.Background()
	if _, err := ta.Auth.CreateUser(ctx, auth.UserInput{Username: "nogrant", DisplayName: "无授权用户", Password: testPassword}); err != nil {
		t.Fatal(err)
	}
	c := ta.client(t)
	if res, body := c.post("/login", url.Values{"username": {"nogrant"}, "password": {testPassword}}); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("login: %d %.200s", res.StatusCode, body)
	}
	t.Run("no grant", func(t *testing.T) { walkFor(t, c, walk, orgNames, names, &seeds) })
	t.Run("no grant details", func(t *testing.T) { walkDetails(t, c, details, seeds.names, seeds.secrets, seeds.tickets) })

	empty, err := ta.Orgs.Create(ctx, org.Input{ParentID: ta.root.ID, Code: "EMPTY", Name: "空白市科协", Type: org.TypeCity})
	if err != nil {
		t.Fatal(err)
	}
	elsewhere, _ := ta.user(t, "elsewhere", access.OrgAdmin, empty)
	t.Run("grant elsewhere", func(t *testing.T) { walkFor(t, elsewhere, walk, orgNames, names, &seeds) })
	t.Run("grant elsewhere details", func(t *testing.T) { walkDetails(t, elsewhere, details, seeds.names, seeds.secrets, seeds.tickets) })

	// The control: the seeded city's administrator does see its rows, so the
	// walk above fails for the scopes, not for seeds that are not there.
	admin, _ := ta.user(t, "ngcityadmin", access.OrgAdmin, ta.city)
	for u, want := range map[string]string{"/events": marker + "1科普讲座", "/volunteers": marker + "1志愿者", "/volunteers/corrections": marker + "1更正原因",
		"/kepu/admin/leads": marker + "1谣言线索内容", "/kepu/admin": marker + "1科普草稿", "/voice/admin": marker + "1诉求标题",
		"/innovation/admin": marker + "1待审核需求", "/innovation/admin/stations": marker + "1专家服务站"} {
		if _, body := admin.get(u); !strings.Contains(body, want) {
			t.Errorf("control: %s does not show %q to the city's administrator", u, want)
		}
	}
}

// walkFor gets every URL of walk as c and checks each answer.
func walkFor(t *testing.T, c *client, walk []walkURL, orgNames, names []string, seeds *moduleSeeds) {
	for _, w := range walk {
		t.Run(w.url, func(t *testing.T) {
			res, err := c.http.Get(c.base + w.url)
			if err != nil {
				t.Fatal(err)
			}
			body, _ := io.ReadAll(res.Body)
			res.Body.Close()
			switch {
			case res.StatusCode == http.StatusOK, res.StatusCode == http.StatusForbidden, res.StatusCode == http.StatusNotFound:
			case res.StatusCode == http.StatusSeeOther && w.route.Rule.Kind == access.PublicRule:
				// The sign-in pages send a signed-in user home.
			default:
				t.Errorf("status %d, want 200, 403 or 404: %.300s", res.StatusCode, body)
			}
			text := string(body)
			if isXLSX(body) {
				text = xlsxText(t, body)
			}
			check := append([]string(nil), names...)
			if _, ok := publishedByDesign[w.route.Pattern]; ok || w.route.Rule.Kind == access.PublicRule {
				// Public pages show published content by design (the coming
				// events, the venues, the 科普 portal): of the new modules'
				// seeds they must show no secret; the older names stay.
				check = append(append(check, seeds.secrets...), seeds.tickets...)
			} else {
				check = append(append(check, seeds.names...), seeds.tickets...)
			}
			// The self-service page of a user without a profile offers every
			// org to join (public by design): org names only may appear there.
			if _, ok := publishedByDesign[w.route.Pattern]; !ok && w.route.Pattern != "/me" {
				check = append(check, orgNames...)
			}
			for _, n := range check {
				if holdsSeed(text, n) {
					t.Errorf("the answer (%d, %s) holds the seeded name %q", res.StatusCode, res.Header.Get("Content-Type"), n)
				}
			}
		})
	}
}

// holdsSeed reports whether text holds the seeded string n. A seed of
// digits (a phone number) counts only as a number of its own: the digits of
// a longer number (a duration's sum on /metrics read 0.13700000001 once)
// are not a leak.
func holdsSeed(text, n string) bool {
	if strings.Trim(n, "0123456789") != "" {
		return strings.Contains(text, n)
	}
	for i := 0; ; {
		j := strings.Index(text[i:], n)
		if j < 0 {
			return false
		}
		at, end := i+j, i+j+len(n)
		before := at > 0 && (text[at-1] >= '0' && text[at-1] <= '9' || text[at-1] == '.')
		after := end < len(text) && text[end] >= '0' && text[end] <= '9'
		if !before && !after {
			return true
		}
		i = at + 1
	}
}

// walkURL is one request of the walk and the route it reaches.
type walkURL struct {
	url   string
	route web.Route
}

// noGrantURLs lists the concrete URLs of the walk: each GET route that
// lists or exports — one whose rule has no Resource, or without a path
// parameter — plainly, with a query every seeded name matches and as an
// XLSX export. Path parameters of routes without a Resource are filled with
// an ID that exists nowhere, so the handler, not the guard, must refuse.
func noGrantURLs(routes []web.Route) []walkURL {
	var out []walkURL
	for _, rt := range routes {
		if rt.Method != http.MethodGet {
			continue
		}
		params := strings.Count(rt.Pattern, "{") - strings.Count(rt.Pattern, "{$}")
		if rt.Rule.Resource != nil && params > 0 {
			continue // a single resource the guard checks; the access matrix covers it
		}
		path := strings.ReplaceAll(rt.Pattern, "{$}", "")
		for strings.Contains(path, "{") {
			i, j := strings.Index(path, "{"), strings.Index(path, "}")
			path = path[:i] + "1" + path[j+1:]
		}
		// Plain, searching for the seeded names (the marker, and 科, in every
		// org's name and every plan's metric), and as XLSX.
		for _, q := range []string{"", "?q=" + url.QueryEscape(marker), "?q=" + url.QueryEscape("科"), "?format=xlsx",
			"?format=xlsx&q=" + url.QueryEscape("科")} {
			out = append(out, walkURL{url: path + q, route: rt})
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].url < out[j].url })
	return out
}

// seedForNoGrant fills the site with one of everything an org owns, in two
// cities, and returns the names no user without a grant may see: the orgs'
// and the others (people, employers, pools, units, users, plans).
func seedForNoGrant(t *testing.T, ta *testApp, seeds *moduleSeeds) (orgNames, names []string) {
	t.Helper()
	ctx := context.Background()
	orgNames = []string{ta.city.Name, ta.peer.Name}
	for i, parent := range ta.cities() {
		n := fmt.Sprint(i + 1)
		county, err := ta.Orgs.Create(ctx, org.Input{ParentID: parent.ID, Code: "NG-" + n, Name: marker + n + "县科协", Type: org.TypeCounty})
		must(t, err)
		society, err := ta.Orgs.Create(ctx, org.Input{ParentID: parent.ID, Code: "NGS-" + n, Name: marker + n + "学会", Type: org.TypeSociety})
		must(t, err)
		orgNames = append(orgNames, county.Name, society.Name)

		p, err := ta.People.Create(ctx, people.Input{OrgID: county.ID, Name: marker + n + "人员", Phone: "1380000000" + n,
			Employer: marker + n + "工作单位", Expertise: "钒钛"})
		must(t, err)
		_, err = ta.People.AddMembership(ctx, people.MembershipInput{PersonID: p.ID, OrgID: society.ID, Grade: "member"})
		must(t, err)
		_, err = ta.People.CreatePool(ctx, county.ID, marker+n+"专家库", "")
		must(t, err)
		code := []string{"91510400MA62X5L8T", "91341100MA2N0XY7Q"}[i]
		_, err = ta.People.AddUnit(ctx, people.Unit{OrgID: society.ID, Name: marker + n + "单位有限公司",
			USCC: code + string(std.USCCCheckChar(code)), Kind: "company"})
		must(t, err)
		names = append(names, p.Name, p.Employer, marker+n+"专家库", marker+n+"单位有限公司")

		// A person who asked to be erased: a deletion request in the county.
		leaver, err := ta.Auth.CreateUser(ctx, auth.UserInput{Username: "ngleaver" + n, DisplayName: marker + n + "申请人", Password: testPassword})
		must(t, err)
		_, err = ta.People.CreateOwn(ctx, leaver.ID, people.Input{OrgID: county.ID, Name: marker + n + "申请人", Phone: "1370000000" + n}, true)
		must(t, err)
		must(t, ta.People.RequestDeletion(ctx, leaver.ID, marker+"理由"))
		names = append(names, leaver.DisplayName)

		// A user with a grant in the county.
		u, err := ta.Auth.CreateUser(ctx, auth.UserInput{Username: "ngstaff" + n, DisplayName: marker + n + "工作人员", Password: testPassword})
		must(t, err)
		must(t, ta.Auth.Grant(ctx, u.ID, county.ID, access.OrgStaff, 0))
		names = append(names, u.DisplayName, u.Username)

		// A published plan with an indicator assigned to the county and progress filed.
		s := plan.NewStore(ta.DB, ta.Orgs)
		title := marker + n + "科普发展规划（2021—2025年）"
		doc, err := plan.Ingest(strings.NewReader(title + "\n一、主要目标\n到2025年，公民具备科学素质的比例达到15%。\n"))
		must(t, err)
		id, err := s.Save(ctx, county.ID, doc, "plan.txt", "", []byte("x"))
		must(t, err)
		must(t, s.Publish(ctx, id))
		pl, err := s.Get(ctx, id)
		must(t, err)
		if len(pl.Indicators) > 0 {
			must(t, s.Assign(ctx, id, pl.Indicators[0].ID, county.ID))
			_, err = s.File(ctx, plan.ProgressInput{Scope: access.Everywhere(), PlanID: id, IndicatorID: pl.Indicators[0].ID,
				Year: "2022", Quarter: "0", Value: "9.5", Narrative: marker + "进展"})
			must(t, err)
		}
		names = append(names, pl.Title)
		seedModulesForNoGrant(t, ta, n, county, society, seeds)
	}
	if err := ta.People.BuildIndex(ctx); err != nil {
		t.Fatal(err)
	}
	return orgNames, names
}

func isXLSX(b []byte) bool { return bytes.HasPrefix(b, []byte("PK\x03\x04")) }

// xlsxText returns the text of every part of an XLSX file (shared strings,
// sheets, properties), so a name anywhere in it is found.
func xlsxText(t *testing.T, b []byte) string {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatalf("not a zip: %v", err)
	}
	var sb strings.Builder
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		data, _ := io.ReadAll(rc)
		rc.Close()
		sb.Write(data)
	}
	if !strings.Contains(sb.String(), "sharedStrings") && len(zr.File) == 0 {
		t.Errorf("empty XLSX")
	}
	return sb.String()
}

// holdsSeed finds a seeded phone number standing alone, as a page or an
// export shows it, and not inside a longer number.
func TestHoldsSeed(t *testing.T) {
	for text, want := range map[string]bool{
		"联系电话 13700000001。":                  true,
		"<td>13700000001</td>":               true,
		"13700000001":                        true,
		`duration_seconds_sum 0.13700000001`: false,
		"9913700000001":                      false,
		"137000000012":                       false,
		"无":                                  false,
	} {
		if got := holdsSeed(text, "13700000001"); got != want {
			t.Errorf("holdsSeed(%q) = %v, want %v", text, got, want)
		}
	}
	if !holdsSeed("x甄别申请人y", "甄别申请人") {
		t.Error("a name is found anywhere")
	}
}
