package people_test

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"testing"

	"kexie/internal/access"
	"kexie/internal/people"
)

// rowNames are the names in the results table, in order.
var rowNameRE = regexp.MustCompile(`<td><a href="/people/(\d+)">(.*?)</a></td>`)

func rowIDs(body string) []string {
	var out []string
	for _, m := range rowNameRE.FindAllStringSubmatch(body, -1) {
		out = append(out, m[1])
	}
	return out
}

// The results show each hit's disciplines and research direction with what
// "材料" matched marked (and escaped); the headers' arrows tell the order the
// rows come in: none for relevance (the default, said above the table),
// ▲/▼ on the column asked for.
func TestSearchPageMarksAndSorts(t *testing.T) {
	eachDB(t, func(t *testing.T, ps peopleSite) {
		ctx := context.Background()
		staff, _ := ps.User(t, "cityclerk", access.OrgStaff, ps.City)
		mk := func(name, discipline, expertise, level string) people.Person {
			p, err := ps.People.Create(ctx, people.Input{OrgID: ps.City.ID, Name: name, Discipline: discipline, Expertise: expertise, TitleLevel: level})
			if err != nil {
				t.Fatal(err)
			}
			return p
		}
		mk("赵敏", "430", "稀土功能材料<script>", "junior")
		mk("王芳", "150", "锂电池正极材料", "senior")
		mk("李强", "520", "人工智能", "senior") // no 材料: not a hit
		mk("陈静", "43070", "纳米材料表征", "")
		_, body := staff.Get("/people?q=" + url.QueryEscape("材料"))
		for _, want := range []string{
			"稀土功能<mark>材料</mark>&lt;script&gt;", // expertise marked and escaped
			"<mark>材料</mark>科学",                 // 430's name, marked
			"纳米<mark>材料</mark>",                 // 43070's name
			`id="sort-relevance"`,
		} {
			if !strings.Contains(body, want) {
				t.Errorf("search page lacks %q", want)
			}
		}
		if strings.Contains(body, "<script>") || strings.Contains(body, "▲") || strings.Contains(body, "▼") {
			t.Errorf("relevance order shows an arrow or unescaped text")
		}
		byRel := rowIDs(body)
		if len(byRel) != 3 {
			t.Fatalf("rows %v", byRel)
		}
		for _, c := range []struct{ sort, mark string }{{"name", "▲"}, {"-name", "▼"}, {"title_level", "▲"}, {"-updated", "▼"}} {
			_, body := staff.Get("/people?q=" + url.QueryEscape("材料") + "&sort=" + c.sort)
			col := strings.TrimPrefix(c.sort, "-")
			head := regexp.MustCompile(`sort=-?` + col + `[^"]*">[^<]*` + c.mark)
			if !head.MatchString(body) || strings.Count(body, "▲")+strings.Count(body, "▼") != 1 {
				t.Errorf("sort %s: the header does not carry %s alone", c.sort, c.mark)
			}
			r, err := ps.People.Search(ctx, people.SearchQuery{Q: "材料", Scope: access.Everywhere(), Sort: c.sort, UseDatabase: true})
			if err != nil {
				t.Fatal(err)
			}
			var want []string
			for _, h := range r.Hits {
				want = append(want, fmt.Sprint(h.ID))
			}
			if got := rowIDs(body); !slices.Equal(got, want) {
				t.Errorf("sort %s: rows %v, want %v", c.sort, got, want)
			}
		}
		_, body = staff.Get("/people?q=" + url.QueryEscape("材料") + "&sort=name")
		names := regexp.MustCompile(`<td><a href="/people/\d+">(.*?)</a></td>`).FindAllStringSubmatch(body, -1)
		if len(names) != 3 || names[0][1] != "王芳" || names[1][1] != "赵敏" || names[2][1] != "陈静" {
			t.Errorf("by name: %v", names) // code point order: 王 < 赵 < 陈
		}
	})
}

// Ticking people on the results page adds exactly those to the chosen pool
// (audited); "all N hits" adds every hit across pages; a person outside
// the caller's scope is refused and nothing is added; ticking nobody sends
// the caller back with a message.
func TestAddSelectedToPool(t *testing.T) {
	eachDB(t, func(t *testing.T, ps peopleSite) {
		ctx := context.Background()
		staff, _ := ps.User(t, "cityclerk", access.OrgStaff, ps.City)
		pool, err := ps.People.CreatePool(ctx, ps.City.ID, "2027年度科技奖评审专家库", "")
		if err != nil {
			t.Fatal(err)
		}
		var ids []int64
		for i := range 25 {
			p, err := ps.People.Create(ctx, people.Input{OrgID: ps.City.ID, Name: fmt.Sprintf("材料专家%02d", i), Expertise: "新材料", Discipline: "430"})
			if err != nil {
				t.Fatal(err)
			}
			ids = append(ids, p.ID)
		}
		outsider, err := ps.People.Create(ctx, people.Input{OrgID: ps.Peer.ID, Name: "外市专家", Expertise: "新材料"})
		if err != nil {
			t.Fatal(err)
		}
		_, body := staff.Get("/people?q=" + url.QueryEscape("新材料") + "&per=10")
		if !strings.Contains(body, `name="person_ids"`) || !strings.Contains(body, `action="/people/pools/add"`) || !strings.Contains(body, "全部 25 条结果") ||
			!strings.Contains(body, `data-filter-select="pool-select"`) {
			t.Fatalf("the results page has no selection form")
		}
		members := func() []int64 {
			list, _, err := ps.People.PoolMembers(ctx, pool.ID, 100, 0)
			if err != nil {
				t.Fatal(err)
			}
			var out []int64
			for _, p := range list {
				out = append(out, p.ID)
			}
			slices.Sort(out)
			return out
		}
		post := func(extra url.Values) *http.Response {
			f := url.Values{"pool": {fmt.Sprint(pool.ID)}, "q": {"新材料"}, "back": {"/people?q=新材料"}}
			for k, v := range extra {
				f[k] = v
			}
			res, _ := staff.Post("/people/pools/add", f)
			return res
		}
		// Nobody ticked.
		if res := post(nil); res.StatusCode != http.StatusSeeOther || !strings.HasPrefix(res.Header.Get("Location"), "/people?q=") || len(members()) != 0 {
			t.Fatalf("nothing ticked: %d %s %v", res.StatusCode, res.Header.Get("Location"), members())
		}
		// Someone outside the caller's scope: refused, nothing added.
		if res := post(url.Values{"person_ids": {fmt.Sprint(ids[0]), fmt.Sprint(outsider.ID)}}); res.StatusCode != http.StatusNotFound || len(members()) != 0 {
			t.Fatalf("an outsider: %d %v", res.StatusCode, members())
		}
		// Exactly the ticked ones (one of them twice).
		pick := []int64{ids[3], ids[17], ids[8]}
		res := post(url.Values{"person_ids": {fmt.Sprint(pick[0]), fmt.Sprint(pick[1]), fmt.Sprint(pick[2]), fmt.Sprint(pick[0])}})
		if res.StatusCode != http.StatusSeeOther || res.Header.Get("Location") != fmt.Sprintf("/people/pools/%d", pool.ID) {
			t.Fatalf("add ticked: %d %s", res.StatusCode, res.Header.Get("Location"))
		}
		want := slices.Clone(pick)
		slices.Sort(want)
		if got := members(); !slices.Equal(got, want) {
			t.Errorf("pool holds %v, want exactly %v", got, want)
		}
		var after string
		if err := ps.DB.QueryRow(ctx, `SELECT summary FROM audit_log WHERE action = 'pool.add' ORDER BY seq DESC LIMIT 1`).Scan(&after); err != nil {
			t.Fatal(err)
		}
		for _, id := range pick {
			if !strings.Contains(after, fmt.Sprint(id)) {
				t.Errorf("audit %s does not name %d", after, id)
			}
		}
		// All hits, across pages: the rest join, the outsider does not.
		post(url.Values{"all": {"1"}})
		if got := members(); !slices.Equal(got, ids) {
			t.Errorf("all hits: pool holds %d people, want the 25 of the search", len(got))
		}
	})
}
