package app

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"kexie/internal/access"
	"kexie/internal/people"
)

// TestExpertPoolOfAnotherCity: an expert pool is picked by its ID, and the
// ID of the peer city's pool, typed into a URL or a form by the city's
// staff, must neither list its experts (names, employers) nor send them
// work: the 科普 lead and item pages, the assignment of a lead and a
// review, and a new 征集's expert pool all answer as for a pool that does
// not exist (D188).
// volatileRE finds what differs between two renderings of one page: the
// CSRF token, a form's one-time token and the request ID.
var volatileRE = regexp.MustCompile(`value="[A-Za-z0-9_-]{40,}"|name="form_once" value="[A-Za-z0-9_-]{22}"|<code>[0-9a-f]{16}</code>`)

func TestExpertPoolOfAnotherCity(t *testing.T) {
	onBothDBs(t, func(t *testing.T, dsn string) {
		ta := newTestApp(t, dsn)
		ctx := context.Background()
		kf := newKepuFixture(t, ta)
		var pools, experts [2]int64
		for i, o := range ta.cities() {
			pool, err := ta.People.CreatePool(ctx, o.ID, "科普专家库", "")
			must(t, err)
			u := newAccount(t, ta, fmt.Sprint("poolexpert", i))
			p, err := ta.People.CreateOwn(ctx, u.ID, people.Input{OrgID: o.ID, Name: fmt.Sprint("专家甄", i), Employer: fmt.Sprint("单位甄", i),
				Phone: fmt.Sprint("1360000000", i)}, true)
			must(t, err)
			_, err = ta.People.AddToPool(ctx, pool.ID, []int64{p.ID})
			must(t, err)
			pools[i], experts[i] = pool.ID, p.ID
		}
		staff, _ := ta.user(t, "poolstaff", access.OrgAdmin, ta.city)
		own, peer, absent := fmt.Sprint(pools[0]), fmt.Sprint(pools[1]), absentID

		// The control: the city's own pool lists its expert.
		lead := fmt.Sprint("/kepu/admin/leads/", kf.lead)
		if _, body := staff.get(lead + "?pool=" + own); !strings.Contains(body, "专家甄0") {
			t.Fatalf("the city's own pool does not list its expert: %.300s", errorText(body))
		}
		item := fmt.Sprint("/kepu/admin/items/", kf.item)
		for _, page := range []string{lead, item} {
			res, body := staff.get(page + "?pool=" + peer)
			ares, _ := staff.get(page + "?pool=" + absent)
			if strings.Contains(body, "专家甄1") || strings.Contains(body, "单位甄1") || res.StatusCode != ares.StatusCode {
				t.Errorf("%s with the peer's pool: %d (absent pool %d), lists its expert: %v", page, res.StatusCode, ares.StatusCode,
					strings.Contains(body, "专家甄1"))
			}
		}
		// Sending work to the peer's pool is refused as for an unknown pool.
		expert := fmt.Sprint(experts[1])
		for _, u := range []string{lead + "/assign", item + "/submit"} {
			res, body := staff.post(u, url.Values{"pool_id": {peer}, "expert": {expert}, "days": {"3"}})
			ares, abody := staff.post(u, url.Values{"pool_id": {absent}, "expert": {expert}, "days": {"3"}})
			if res.StatusCode != http.StatusUnprocessableEntity || res.StatusCode != ares.StatusCode ||
				volatileRE.ReplaceAllString(body, "") != volatileRE.ReplaceAllString(abody, "") {
				t.Errorf("%s to the peer's expert: %d %q, to an unknown pool: %d", u, res.StatusCode, res.Header.Get("Location"), ares.StatusCode)
			}
		}
		for _, page := range []string{lead, item} {
			if _, body := staff.get(page); strings.Contains(body, "专家甄1") {
				t.Errorf("%s was sent to the peer's expert", page)
			}
		}
		// A 征集 may not draw its reviewers from the peer's pool.
		day := func(d time.Duration) string { return time.Now().Add(d).Format("2006-01-02") }
		call := url.Values{"template": {"youth_award"}, "title": {"青年科技奖"}, "kind": {"award"}, "applicant_kind": {"individual"},
			"quota": {"2"}, "publicity_days": {"7"}, "opens": {day(-24 * time.Hour)}, "closes": {day(30 * 24 * time.Hour)},
			"org_id": {fmt.Sprint(ta.city.ID)}}
		// The new-call form offers the city's own pool by name, never the peer's.
		if _, body := staff.get("/review/calls/new"); !strings.Contains(body, `<option value="`+own+`">`) || strings.Contains(body, `<option value="`+peer+`">`) {
			t.Error("the new-call form's pools are not the city's own")
		}
		for _, id := range []string{peer, absent} {
			call.Set("pool_id", id)
			if res, _ := staff.post("/review/calls", call); res.StatusCode != http.StatusUnprocessableEntity {
				t.Errorf("a call with the pool %s: %d, want 422", id, res.StatusCode)
			}
		}
		call.Set("pool_id", own)
		if res, body := staff.post("/review/calls", call); res.StatusCode != http.StatusSeeOther {
			t.Errorf("a call with the city's own pool: %d %.300s", res.StatusCode, errorText(body))
		}
	})
}
