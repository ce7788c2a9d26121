package app

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"kexie/internal/access"
	"kexie/internal/event"
)

// TestVolunteerPostOfAnotherCity: a service post names its team and its
// event by ID; the peer city's team or event is refused as an unknown one
// (same redirect, same message, nothing saved), and an event that does not
// exist is refused too — it was stored as given (D189).
func TestVolunteerPostOfAnotherCity(t *testing.T) {
	onBothDBs(t, func(t *testing.T, dsn string) {
		ta := newTestApp(t, dsn)
		ctx := context.Background()
		var teams, events [2]int64
		start := time.Now().Add(72 * time.Hour).Truncate(time.Minute)
		for i, o := range ta.cities() {
			tm, err := ta.Vols.CreateTeam(ctx, o.ID, fmt.Sprint("甄服务队", i), 0, 0)
			must(t, err)
			e, err := ta.Events.Create(ctx, event.Input{OrgID: o.ID, Title: fmt.Sprint("甄活动", i), Kind: event.KindLecture, Capacity: 10,
				StartsAt: start, EndsAt: start.Add(2 * time.Hour)})
			must(t, err)
			teams[i], events[i] = tm.ID, e.ID
		}
		staff, _ := ta.user(t, "poststaff", access.OrgAdmin, ta.city)
		at := start.In(time.FixedZone("CST", 8*3600))
		post := func(team, ev string) (*http.Response, string) {
			res, _ := staff.post("/volunteers/opportunities", url.Values{"org_id": {fmt.Sprint(ta.city.ID)}, "title": {"甄岗位"},
				"starts_at": {at.Format("2006-01-02T15:04")}, "ends_at": {at.Add(2 * time.Hour).Format("2006-01-02T15:04")},
				"slots": {"5"}, "team_id": {team}, "event_id": {ev}})
			_, body := staff.get("/volunteers") // the flash the redirect carries
			return res, errorText(body)
		}
		count := func() int {
			ps, err := ta.Vols.Opportunities(ctx, access.Everywhere(), time.Now().Add(-time.Hour), 100)
			must(t, err)
			return len(ps)
		}
		own := [2]string{fmt.Sprint(teams[0]), fmt.Sprint(events[0])}
		for _, c := range []struct {
			name, peer, want string
			field            int
		}{
			{"team", fmt.Sprint(teams[1]), "服务队不存在", 0},
			{"event", fmt.Sprint(events[1]), "活动不存在", 1},
		} {
			args := func(id string) (string, string) {
				a := own
				a[c.field] = id
				return a[0], a[1]
			}
			res, body := post(args(c.peer))
			ares, abody := post(args(absentID))
			if res.StatusCode != http.StatusSeeOther || res.Header.Get("Location") != ares.Header.Get("Location") ||
				!strings.Contains(body, c.want) || !strings.Contains(abody, c.want) {
				t.Errorf("a post with the peer's %s: %d %q %v; with an unknown one: %d %q %v", c.name, res.StatusCode,
					res.Header.Get("Location"), strings.Contains(body, c.want), ares.StatusCode, ares.Header.Get("Location"),
					strings.Contains(abody, c.want))
			}
			if n := count(); n != 0 {
				t.Fatalf("after a post with the peer's or an unknown %s: %d posts saved", c.name, n)
			}
		}
		if res, body := post(own[0], own[1]); !strings.HasPrefix(res.Header.Get("Location"), "/volunteers/opportunities/") {
			t.Errorf("a post with the city's own team and event: %d %q %.300s", res.StatusCode, res.Header.Get("Location"), body)
		}
		ps, err := ta.Vols.Opportunities(ctx, access.Everywhere(), time.Now().Add(-time.Hour), 100)
		must(t, err)
		if len(ps) != 1 || ps[0].TeamID != teams[0] || ps[0].EventID != events[0] || ps[0].Event != "甄活动0" {
			t.Errorf("the city's post: %+v", ps)
		}
	})
}
