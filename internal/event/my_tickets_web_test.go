package event_test

import (
	"fmt"
	"net/http"
	"strings"
	"testing"

	"kexie/internal/access"
)

// TestMyTicketsPage: a member who registers while signed in finds the
// ticket on /my/tickets; registering again shows that ticket with a
// message and takes no seat; another member and an anonymous visitor
// never see it, and a ticket taken by name alone is on nobody's list.
func TestMyTicketsPage(t *testing.T) {
	eachDB(t, func(t *testing.T, es eventSite) {
		e := newEvent(t, es, "院士讲科学", 5)
		a, _ := es.User(t, "reader_a", access.Member, es.City)
		b, _ := es.User(t, "reader_b", access.Member, es.City)
		anon := es.Client(t)
		at := fmt.Sprintf("/e/%d/register", e.ID)

		if _, body := a.Get(fmt.Sprintf("/e/%d", e.ID)); !strings.Contains(body, `name="name" value="reader_a"`) {
			t.Error("the form is not filled with the signed-in member's name")
		}
		res, _ := a.Post(at, regForm("李四"))
		loc := res.Header.Get("Location")
		if res.StatusCode != http.StatusSeeOther || !strings.HasPrefix(loc, "/t/") {
			t.Fatalf("A registers: %d to %q", res.StatusCode, loc)
		}
		code := strings.TrimPrefix(loc, "/t/")
		anonRes, _ := anon.Post(at, regForm("张三"))
		anonCode := strings.TrimPrefix(anonRes.Header.Get("Location"), "/t/")

		res, body := a.Get("/my/tickets")
		for _, want := range []string{"我的活动票", "院士讲科学", "市科技馆报告厅", "有效", `href="/t/` + code + `"`} {
			if !strings.Contains(body, want) {
				t.Errorf("A's tickets lack %q", want)
			}
		}
		if res.StatusCode != http.StatusOK || strings.Contains(body, anonCode) {
			t.Errorf("A's tickets: %d, anonymous ticket shown: %v", res.StatusCode, strings.Contains(body, anonCode))
		}

		// Again: the same ticket, a message, no second seat.
		res, _ = a.Post(at, regForm("李四"))
		if got := res.Header.Get("Location"); got != loc {
			t.Fatalf("A registers again: to %q, want %q", got, loc)
		}
		if _, body = a.Get(loc); !strings.Contains(body, "您已报名过本活动") {
			t.Error("the second registration says nothing")
		}
		if got, _ := es.Events.Get(t.Context(), e.ID); got.Confirmed != 2 {
			t.Errorf("seats taken: %d, want 2", got.Confirmed)
		}
		if _, body = a.Get(fmt.Sprintf("/e/%d", e.ID)); !strings.Contains(body, `id="already"`) || strings.Contains(body, `id="register"`) {
			t.Error("the event page offers A a second registration")
		}

		// B and the anonymous visitor never see A's ticket.
		if _, body = b.Get("/my/tickets"); strings.Contains(body, code) || strings.Contains(body, anonCode) || !strings.Contains(body, `id="my-tickets-empty"`) {
			t.Error("B's list shows someone else's ticket")
		}
		if _, body = b.Get(fmt.Sprintf("/e/%d", e.ID)); strings.Contains(body, `id="already"`) || !strings.Contains(body, `id="register"`) {
			t.Error("B is told they are registered")
		}
		res, body = anon.Get("/my/tickets")
		if res.StatusCode == http.StatusOK || strings.Contains(body, code) {
			t.Errorf("an anonymous visitor asks for /my/tickets: %d", res.StatusCode)
		}
	})
}
