package app

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"regexp"
	"sort"
	"strings"
	"testing"
	"time"

	"kexie/internal/access"
	"kexie/internal/auth"
	"kexie/internal/db/dbtest"
	"kexie/internal/kepu"
	"kexie/internal/org"
	"kexie/internal/plan"
	"kexie/internal/sheet"
	"kexie/internal/web"
)

// totalsPages are the pages that add things up — a roll-up, a dashboard, a
// monitor, a board, facet counts — each of which must count the caller's
// subtrees only. The walk below covers every other staff page too; these
// are the ones whose numbers the seeded city's administrator must see
// change, so that the walk is known to reach the totals it guards.
var totalsPages = []string{
	"/events/stats",                  // events held and people reached, by child org
	"/kepu/admin/reach",              // 科普 reach
	"/venues/coverage",               // venues per region, 科普e站 per township
	"/venues/coverage?region=510400", // in the seeded venues' city
	"/funding?year={lastyear}",       // 科普经费 per capita (the budgets are of last year)
	"/surveys/literacy",              // the citizen science-literacy rate
	"/people",                        // the talent database's facet counts
	"/plans",                         // plans and their progress
	"/societies",                     // the societies' board
	"/volunteers",                    // volunteers, teams and posts
	"/events?format=xlsx",            // an export's rows
	"/people?format=xlsx",            // another
	"/volunteers/corrections",        // the hours corrections queue
	"/dashboard",                     // 数据总览: every module's live figures
}

// numberRE finds the numbers of a page: counts, sums, rates.
var numberRE = regexp.MustCompile(`[0-9]+(?:[.,][0-9]+)*`)

// TestTotalsOfAnEmptyCity: the numbers a page adds up — the event roll-up,
// 科普 reach, venue coverage, funding per capita, the literacy monitor,
// facet counts, boards, queues, an export's rows — are the caller's
// subtrees' only. Every staff page without a path parameter (and its XLSX
// export), and the empty city's own plan dashboard and targets (whose
// source picker computes the live sources), is read as the administrator
// of an empty city beside the seeded ones and as a user holding no grant,
// before the other cities are seeded and after: not one number may change
// (TestNoGrantSeesNothing checks names; a total carries none); asked with
// a seeded org as the filter, a page counts as for an unknown org. The
// control: the seeded city's administrator sees the totals pages' numbers
// change (D189).
func TestTotalsOfAnEmptyCity(t *testing.T) {
	t.Run("sqlite", func(t *testing.T) { emptyCityTotals(t, dbtest.OpenSQLite(t).DSN()) })
	t.Run("postgres", func(t *testing.T) { emptyCityTotals(t, dbtest.PostgresDSN(t)) })
}

func emptyCityTotals(t *testing.T, dsn string) {
	ta := newTestApp(t, dsn)
	ctx := context.Background()
	empty, err := ta.Orgs.Create(ctx, org.Input{ParentID: ta.root.ID, Code: "EMPTY", Name: "空白市科协", Type: org.TypeCity})
	must(t, err)
	elsewhere, _ := ta.user(t, "totalsempty", access.OrgAdmin, empty)
	_, err = ta.Auth.CreateUser(ctx, auth.UserInput{Username: "totalsnogrant", DisplayName: "无授权用户", Password: testPassword})
	must(t, err)
	nogrant := ta.client(t)
	if res, body := nogrant.post("/login", url.Values{"username": {"totalsnogrant"}, "password": {testPassword}}); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("login: %d %.200s", res.StatusCode, body)
	}
	admin, _ := ta.user(t, "totalscity", access.OrgAdmin, ta.city)

	pages := totalsURLs(ta.Site.Routes())
	if len(pages) < 80 {
		t.Fatalf("only %d staff pages found: %v", len(pages), pages)
	}
	// The empty city's own plan, a target in each unit the live sources
	// measure: its dashboard and each target's page (whose source picker
	// shows every fitting source's value over the city's subtree).
	start, end, goal := 2021, 2030, 10.0
	doc := &plan.Doc{Title: "空白市科普规划", Period: plan.Period{Start: &start, End: &end},
		Sections: []*plan.Section{{Number: "一", Title: "发展目标", Level: 1}}}
	for _, unit := range []string{"%", "次", "人次", "元", "个", "人", "小时"} {
		doc.Indicators = append(doc.Indicators, plan.Indicator{Text: "目标达到10" + unit, Section: []string{"一"}, Metric: "目标（" + unit + "）",
			Comparator: ">=", Value: &goal, Unit: unit})
	}
	planID, err := ta.Plans.Save(ctx, empty.ID, doc, "规划.txt", "", nil)
	must(t, err)
	must(t, ta.Plans.Publish(ctx, planID))
	pl, err := ta.Plans.Get(ctx, planID)
	must(t, err)
	pages = append(pages, fmt.Sprintf("/plans/%d/dashboard", planID))
	for _, ind := range pl.Indicators {
		pages = append(pages, fmt.Sprintf("/plans/%d/indicators/%d", planID, ind.ID))
	}
	users := []struct {
		name string
		c    *client
	}{{"grant elsewhere", elsewhere}, {"no grant", nogrant}}
	before := make([]map[string]string, len(users))
	for i, u := range users {
		before[i] = map[string]string{}
		for _, p := range pages {
			before[i][p] = numbersOf(t, u.c, p)
		}
	}
	totals := totalsURLs(nil)
	control := map[string]string{}
	for _, p := range totals {
		control[p] = numbersOf(t, admin, p)
	}

	// Both seeded cities: everything the walks of the other tests seed.
	var seeds moduleSeeds
	orgNames, _ := seedForNoGrant(t, ta, &seeds)
	newSurveyFixture(t, ta)
	newReviewFixture(t, ta)
	newKepuFixture(t, ta)
	newEventFixture(t, ta)
	newVolunteerFixture(t, ta)
	for i, o := range ta.cities() { // 科普 reach: an item read once in each city
		by := kepu.Actor{UserID: 1, Name: "编辑"}
		em, err := ta.Kepu.OpenEmergency(ctx, o.ID, fmt.Sprint("台风", i), "沿海", []int64{by.UserID}, by)
		must(t, err)
		it, err := ta.Kepu.PublishUrgent(ctx, em, kepu.DraftInput{Title: fmt.Sprint("台风来临时如何避险", i), Audience: "public",
			Body: "台风来临前加固门窗，收好阳台上的物品，尽量不要外出。"}, by)
		must(t, err)
		ta.Kepu.CountView(it, fmt.Sprint("reader", i), time.Now())
	}

	// The seeded cities' orgs, asked for by a filter, count as an org that
	// does not exist or as the empty city. A filter echoes the org it names
	// (org names are public, D42; the seeded ones hold digits), and a page
	// may refuse an unknown ID where it shows an org outside the scope as
	// empty: names, IDs and statuses are set aside, the numbers compared.
	orgIDs := append([]string{fmt.Sprint(ta.city.ID), fmt.Sprint(ta.peer.ID), fmt.Sprint(ta.root.ID)}, seeds.orgs...)
	filtered := func(p, id string) string {
		sep := "?"
		if strings.Contains(p, "?") {
			sep = "&"
		}
		return p + sep + "org_id=" + id + "&org=" + id + "&society=" + id
	}
	for i, u := range users {
		t.Run(u.name, func(t *testing.T) {
			for _, p := range pages {
				if got := numbersOf(t, u.c, p); got != before[i][p] {
					t.Errorf("%s: the numbers changed when other cities were seeded:\nbefore %s\nafter  %s", p, before[i][p], got)
				}
				// Two baselines that hold nothing: an org that does not exist,
				// and the empty city (in the one user's scope, in neither's
				// data).
				strip := append([]string{absentID, fmt.Sprint(empty.ID), empty.Name}, orgNames...)
				absent := numbersOf(t, u.c, filtered(p, absentID), strip...)
				absent = absent[strings.Index(absent, " "):]
				own := numbersOf(t, u.c, filtered(p, fmt.Sprint(empty.ID)), strip...)
				own = own[strings.Index(own, " "):]
				for _, id := range orgIDs {
					got := numbersOf(t, u.c, filtered(p, id), append(strip, id)...)
					if got = got[strings.Index(got, " "):]; got != absent && got != own {
						t.Errorf("%s: the numbers differ from an unknown org's and the empty city's:\nunknown %s\nempty   %s\nseeded  %s",
							filtered(p, id), absent, own, got)
					}
				}
			}
		})
	}
	for _, p := range totals {
		if got := numbersOf(t, admin, p); got == control[p] {
			t.Errorf("control: %s shows the seeded city's administrator the same numbers after seeding (%s)", p, got)
		}
	}
}

// totalsURLs lists the walk: every GET route without a path parameter
// that only a signed-in user may ask for (public pages and the volunteer
// posts' recruitment list show every org's published content by design),
// plainly and as an XLSX export, and the totals pages.
func totalsURLs(routes []web.Route) []string {
	seen := map[string]bool{}
	var out []string
	add := func(u string) {
		if !seen[u] {
			seen[u] = true
			out = append(out, u)
		}
	}
	for _, rt := range routes {
		if _, shown := publishedByDesign[rt.Pattern]; shown || rt.Method != http.MethodGet || rt.Rule.Kind == access.PublicRule {
			continue
		}
		path := strings.ReplaceAll(rt.Pattern, "{$}", "")
		if strings.Contains(path, "{") {
			continue
		}
		add(path)
		add(path + "?format=xlsx")
	}
	for _, p := range totalsPages {
		add(strings.ReplaceAll(p, "{lastyear}", fmt.Sprint(time.Now().Year()-1)))
	}
	sort.Strings(out)
	return out
}

// numbersOf is the status of a page and the numbers it shows: of an HTML
// page its text's, the CSRF token and request ID taken out; of an XLSX
// export its rows' count and its cells'; each of strip taken out first.
func numbersOf(t *testing.T, c *client, path string, strip ...string) string {
	t.Helper()
	res, err := c.http.Get(c.base + path)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(res.Body)
	res.Body.Close()
	body := string(b)
	var text string
	if isXLSX(b) {
		head, rows, err := sheet.Open(strings.NewReader(body))
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		var sb strings.Builder
		n := 0
		sb.WriteString(strings.Join(head, " "))
		for {
			r, _, err := rows.Next()
			if err == io.EOF {
				break
			}
			if err != nil {
				t.Fatalf("%s: %v", path, err)
			}
			n++
			sb.WriteString(" " + strings.Join(r, " "))
		}
		rows.Close()
		text = fmt.Sprintf("rows %d: %s", n, sb.String())
	} else {
		text = errorText(volatileRE.ReplaceAllString(body, ""))
	}
	return fmt.Sprint(res.StatusCode, " ", numbers(text, strip...))
}

// numbers lists the numbers of text once each of strip is taken out.
func numbers(text string, strip ...string) string {
	for _, x := range strip {
		text = strings.ReplaceAll(text, x, " ")
	}
	return fmt.Sprint(numberRE.FindAllString(text, -1))
}
