package event_test

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"kexie/internal/access"
	"kexie/internal/event"
)

// memberTickets are the tickets of one account in every state: Active
// (tomorrow), Cancelled (in three days, taken before Active), CheckedIn (a
// month ago) and Ended (two months ago, never came in).
type memberTickets struct {
	Active, Cancelled, CheckedIn, Ended event.Ticket
	Past                                time.Time // the day of CheckedIn's event
}

// pastEvent is an event of the site's city held days ago, with account
// user's ticket taken the day before it (the database's clock is moved
// back for it); in says whether the holder came in.
func pastEvent(t testing.TB, es eventSite, title string, days int, user int64, in bool) (event.Ticket, time.Time) {
	t.Helper()
	ctx := context.Background()
	now := es.DB.Now
	defer func() { es.DB.Now = now }()
	start := time.Now().AddDate(0, 0, -days).Truncate(time.Minute)
	es.DB.Now = func() time.Time { return start.AddDate(0, 0, -1) }
	e, err := es.Events.Create(ctx, event.Input{OrgID: es.City.ID, Title: title, Kind: event.KindLecture, Capacity: 50,
		StartsAt: start, EndsAt: start.Add(2 * time.Hour), Place: "市图书馆报告厅"})
	if err != nil {
		t.Fatal(err)
	}
	tk, err := es.Events.RegisterAs(ctx, e.ID, event.Registrant{Name: "李四", UserID: user})
	if err != nil {
		t.Fatal(err)
	}
	if in {
		es.DB.Now = func() time.Time { return start.Add(time.Hour) }
		if r, err := es.Events.Sync(ctx, e.ID, []event.Scan{{Ticket: tk.Code, Device: "door", Nonce: tk.Code, At: start.Add(10 * time.Minute)}}); err != nil || r.Accepted != 1 {
			t.Fatalf("check-in: %+v %v", r, err)
		}
	}
	return tk, start
}

// makeMemberTickets gives account user a ticket in every state.
func makeMemberTickets(t testing.TB, es eventSite, user int64) memberTickets {
	t.Helper()
	ctx := context.Background()
	var m memberTickets
	m.Ended, _ = pastEvent(t, es, "机器人科普展", 60, user, false)
	m.CheckedIn, m.Past = pastEvent(t, es, "防灾减灾科普讲座", 30, user, true)
	soon := newEvent(t, es, "院士讲科学", 50)
	later, err := es.Events.Create(ctx, event.Input{OrgID: es.City.ID, Title: "天文夜观测", Kind: event.KindLecture, Capacity: 10,
		StartsAt: soon.StartsAt.Add(72 * time.Hour), EndsAt: soon.StartsAt.Add(74 * time.Hour), Place: "市青少年宫"})
	if err != nil {
		t.Fatal(err)
	}
	if m.Cancelled, err = es.Events.RegisterAs(ctx, later.ID, event.Registrant{Name: "李四", UserID: user}); err != nil {
		t.Fatal(err)
	}
	if err := es.Events.Cancel(ctx, m.Cancelled.Code); err != nil {
		t.Fatal(err)
	}
	es.DB.Now = func() time.Time { return time.Now().Add(time.Minute) } // taken after Cancelled
	defer func() { es.DB.Now = time.Now }()
	if m.Active, err = es.Events.RegisterAs(ctx, soon.ID, event.Registrant{Name: "李四", UserID: user}); err != nil {
		t.Fatal(err)
	}
	return m
}

// order reports whether the codes appear in body in this order.
func order(body string, codes ...string) bool {
	last := -1
	for _, c := range codes {
		i := strings.Index(body, `id="my-ticket-`+c+`"`)
		if i < last || i < 0 {
			return false
		}
		last = i
	}
	return true
}

// TestMyTicketsList: a member's own tickets are searched by title, filtered
// by status and event dates, sorted by event or taken date, paged and
// exported — only theirs; a refused filter is a 422 that lists nothing; an
// empty list says what to do.
func TestMyTicketsList(t *testing.T) {
	eachDB(t, func(t *testing.T, es eventSite) {
		ctx := context.Background()
		a, ua := es.User(t, "reader_a", access.Member, es.City)
		b, ub := es.User(t, "reader_b", access.Member, es.City)
		m := makeMemberTickets(t, es, ua.ID)
		other := makeMemberTickets(t, es, ub.ID)
		anon, err := es.Events.Register(ctx, m.Active.EventID, "张三")
		if err != nil {
			t.Fatal(err)
		}
		strangers := []string{other.Active.Code, other.Cancelled.Code, other.CheckedIn.Code, other.Ended.Code, anon.Code}
		foreign := func(what, body string) {
			t.Helper()
			for _, c := range strangers {
				if strings.Contains(body, c) {
					t.Errorf("%s shows another's ticket %s", what, c)
				}
			}
		}
		act, can, in, end := m.Active.Code, m.Cancelled.Code, m.CheckedIn.Code, m.Ended.Code

		// The default order: coming events soonest first, then past ones latest first.
		res, body := a.Get("/my/tickets")
		if res.StatusCode != http.StatusOK || !order(body, act, can, in, end) {
			t.Errorf("default list: %d, in order %v", res.StatusCode, order(body, act, can, in, end))
		}
		for _, want := range []string{"有效", "已取消", "已签到", "已结束", "共 4 条", `id="my-tickets-export"`} {
			if !strings.Contains(body, want) {
				t.Errorf("the list lacks %q", want)
			}
		}
		foreign("A's list", body)

		// Sorts.
		for q, want := range map[string][]string{
			"sort=event": {end, in, act, can}, "sort=-event": {can, act, in, end},
			"sort=taken": {end, in, can, act}, "sort=-taken": {act, can, in, end},
		} {
			if _, body := a.Get("/my/tickets?" + q); !order(body, want...) {
				t.Errorf("%s: not in order %v", q, want)
			}
		}
		// Filters: title words, each status, event dates.
		only := func(q string, want string) {
			t.Helper()
			res, body := a.Get("/my/tickets?" + q)
			n := 0
			for _, c := range []string{act, can, in, end} {
				if strings.Contains(body, `id="my-ticket-`+c+`"`) {
					n++
				}
			}
			if res.StatusCode != http.StatusOK || n != 1 || !strings.Contains(body, `id="my-ticket-`+want+`"`) {
				t.Errorf("%s: %d, %d rows, want only %s", q, res.StatusCode, n, want)
			}
			foreign(q, body)
		}
		only("q=天文", can)
		only("state=active", act)
		only("state=cancelled", can)
		only("state=checked_in", in)
		only("state=ended", end)
		d := m.Past.In(time.FixedZone("CST", 8*3600)).Format("2006-01-02")
		only("from="+d+"&to="+d, in)
		only("q=讲座&state=checked_in&from="+d, in)

		// Refused filters: a precise message, nothing listed, no export.
		for q, msg := range map[string]string{"state=lost": "状态只能是", "from=2026-13-40": "日期格式应为", "to=yesterday": "日期格式应为",
			"from=2026-05-02&to=2026-05-01": "开始日期不能晚于结束日期"} {
			res, body := a.Get("/my/tickets?" + q)
			if res.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(body, msg) || strings.Contains(body, `id="my-ticket-`) {
				t.Errorf("%s: %d, message %v", q, res.StatusCode, strings.Contains(body, msg))
			}
			if res, _ := a.Get("/my/tickets?format=xlsx&" + q); res.StatusCode != http.StatusUnprocessableEntity {
				t.Errorf("%s exported: %d", q, res.StatusCode)
			}
		}

		// Empty: nothing yet says where to find events; a filter says how to clear it.
		c, _ := es.User(t, "reader_c", access.Member, es.City)
		if _, body := c.Get("/my/tickets"); !strings.Contains(body, "您还没有登录后报名的活动") || !strings.Contains(body, `<a href="/e">查找科普活动</a>`) {
			t.Error("an empty list does not say what to do")
		}
		if _, body := a.Get("/my/tickets?q=不存在的活动"); !strings.Contains(body, "没有符合筛选条件的活动票") || !strings.Contains(body, `<a href="/my/tickets">`) {
			t.Error("a filter matching nothing does not offer to clear it")
		}

		// Pages of 10: eleven more tickets make two pages.
		for i := 0; i < 11; i++ {
			e := newEvent(t, es, fmt.Sprintf("科普讲座第%d期", i+1), 5)
			if _, err := es.Events.RegisterAs(ctx, e.ID, event.Registrant{Name: "李四", UserID: ua.ID}); err != nil {
				t.Fatal(err)
			}
		}
		_, p1 := a.Get("/my/tickets?per=10")
		_, p2 := a.Get("/my/tickets?per=10&page=2")
		if n1, n2 := strings.Count(p1, `class="my-ticket`), strings.Count(p2, `class="my-ticket`); n1 != 10 || n2 != 5 || !strings.Contains(p1, "共 15 条") {
			t.Errorf("pages: %d and %d rows, want 10 and 5", n1, n2)
		}
		if !strings.Contains(p2, end) || strings.Contains(p1, end) {
			t.Error("the last ticket is not on the second page")
		}

		// The export: every page of the filter, the account's own rows only.
		rows := a.XLSX("/my/tickets?per=10&format=xlsx")
		if len(rows) != 16 || rows[0][0] != "活动名称" {
			t.Fatalf("export: %d rows (header %v), want 15 and a header", len(rows)-1, rows[0])
		}
		all := fmt.Sprint(rows)
		foreign("A's export", all)
		for _, c := range []string{act, can, in, end} {
			if !strings.Contains(all, c) {
				t.Errorf("the export lacks %s", c)
			}
		}
		rows = a.XLSX("/my/tickets?state=checked_in&format=xlsx")
		if len(rows) != 2 || rows[1][0] != "防灾减灾科普讲座" || rows[1][6] != in || rows[1][7] != "已签到" {
			t.Errorf("export of the checked-in: %v", rows)
		}
		if rows := b.XLSX("/my/tickets?format=xlsx"); len(rows) != 5 || strings.Contains(fmt.Sprint(rows), act) {
			t.Errorf("B's export: %d rows", len(rows)-1)
		}
		if res, body := es.Client(t).Get("/my/tickets?format=xlsx"); res.StatusCode == http.StatusOK || strings.Contains(body, act) {
			t.Errorf("an anonymous export: %d", res.StatusCode)
		}

		// A forgotten account lists nothing, not the tickets taken by name alone.
		if list, n, err := es.Events.MyTickets(ctx, event.MyFilter{Now: time.Now()}); err != nil || n != 0 || len(list) != 0 {
			t.Errorf("no account: %d tickets (%v)", n, err)
		}
		if list, n, _ := es.Events.MyTickets(ctx, event.MyFilter{UserID: ua.ID, Now: time.Now(), State: "lost"}); n != 0 || len(list) != 0 {
			t.Errorf("an unknown state: %d tickets", n)
		}
	})
}
