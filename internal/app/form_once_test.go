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
	"kexie/internal/event"
	"kexie/internal/web/webtest"
)

var formOnceRE = regexp.MustCompile(`name="form_once" value="([A-Za-z0-9_-]{22})"`)

// A create form sent twice — a double click, a reload of the answer, the
// back button — makes one record: the second is answered "already sent"
// (409) and not handled; a form shown again with its errors can be
// corrected and sent. On both databases, through the app's whole chain.
func TestFormSentOnce(t *testing.T) {
	onBothDBs(t, func(t *testing.T, dsn string) {
		ta := newTestApp(t, dsn)
		ctx := context.Background()
		city := ta.city
		staff, _ := ta.user(t, "once-staff", access.OrgStaff, city)
		_, page := staff.get("/events")
		m := formOnceRE.FindStringSubmatch(page)
		if m == nil {
			t.Fatalf("the new-event form carries no one-time token")
		}
		at := time.Now().Add(72 * time.Hour).In(time.FixedZone("CST", 8*3600)).Format("2006-01-02T15:04")
		form := url.Values{"org_id": {fmt.Sprint(city.ID)}, "title": {"甄一次讲座"}, "kind": {event.KindLecture},
			"capacity": {"0"}, "starts_at": {at}, "form_once": {m[1]}}
		if res, _ := staff.post("/events", form); res.StatusCode != http.StatusUnprocessableEntity {
			t.Fatalf("a form with an error: %d", res.StatusCode)
		}
		form.Set("capacity", "30")
		if res, body := staff.post("/events", form); res.StatusCode != http.StatusSeeOther {
			t.Fatalf("the corrected form: %d %.300s", res.StatusCode, errorText(body))
		}
		res, body := staff.post("/events", form)
		if res.StatusCode != http.StatusConflict || !strings.Contains(body, "该表单已经提交过") {
			t.Errorf("the same form again: %d %.300s", res.StatusCode, errorText(body))
		}
		var n int
		if err := ta.DB.QueryRow(ctx, `SELECT COUNT(*) FROM events WHERE title = '甄一次讲座'`).Scan(&n); err != nil {
			t.Fatal(err)
		}
		if n != 1 {
			t.Errorf("%d events from one form, want 1", n)
		}
	})
}

// Through the app's whole chain, on both databases: a form's token is used
// up only where its route's handler runs — an unknown path, a route the
// caller may not use, POST /lang, a session yet to give its second factor
// keep no token — and a change answered with a page (a password reset,
// which shows the new password once) keeps its token: sent again, it is
// 409 and the password is not reset a second time.
func TestFormOnceWhereHandled(t *testing.T) {
	onBothDBs(t, func(t *testing.T, dsn string) {
		ta := newTestApp(t, dsn)
		ctx := context.Background()
		staff, clerk := ta.user(t, "once-clerk", access.OrgStaff, ta.city)
		admin, _ := ta.user(t, "once-admin", access.OrgAdmin, ta.city)
		kept := func() int {
			t.Helper()
			var n int
			if err := ta.DB.QueryRow(ctx, `SELECT COUNT(*) FROM form_once`).Scan(&n); err != nil {
				t.Fatal(err)
			}
			return n
		}
		_, page := staff.get("/events")
		m := formOnceRE.FindStringSubmatch(page)
		if m == nil {
			t.Fatal("the new-event form carries no one-time token")
		}
		tok, before := m[1], kept()
		for _, tt := range []struct {
			path   string
			status int
		}{
			{"/no-such-page", http.StatusNotFound},
			{fmt.Sprintf("/users/%d/password", clerk.ID), http.StatusForbidden},
			{"/lang", http.StatusSeeOther},
		} {
			if res, body := staff.post(tt.path, url.Values{"form_once": {tok}, "lang": {"zh-CN"}}); res.StatusCode != tt.status {
				t.Errorf("POST %s: %d, want %d: %.200s", tt.path, res.StatusCode, tt.status, errorText(body))
			}
		}
		// A session that has given its password but not yet its second factor.
		half := ta.client(t)
		if res, _ := half.post("/login", url.Values{"username": {"once-admin"}, "password": {webtest.Password}}); res.StatusCode != http.StatusSeeOther {
			t.Fatalf("password step: %d", res.StatusCode)
		}
		res, _ := half.post(fmt.Sprintf("/users/%d/password", clerk.ID), url.Values{"form_once": {tok}})
		if res.StatusCode != http.StatusSeeOther || res.Header.Get("Location") != "/login/2fa" {
			t.Errorf("a change posted before the second factor: %d → %s", res.StatusCode, res.Header.Get("Location"))
		}
		if n := kept(); n != before {
			t.Errorf("%d form tokens kept by answers no handler gave, want none", n-before)
		}
		at := time.Now().Add(72 * time.Hour).In(time.FixedZone("CST", 8*3600)).Format("2006-01-02T15:04")
		form := url.Values{"org_id": {fmt.Sprint(ta.city.ID)}, "title": {"甄二次讲座"}, "kind": {event.KindLecture},
			"capacity": {"30"}, "starts_at": {at}, "form_once": {tok}}
		if res, body := staff.post("/events", form); res.StatusCode != http.StatusSeeOther {
			t.Fatalf("the form after those answers: %d %.300s", res.StatusCode, errorText(body))
		}
		if n := kept(); n != before+1 {
			t.Errorf("%d tokens kept after the form went through, want 1", n-before)
		}
		// A password reset, answered with the new password: sent again, 409.
		_, page = admin.get(fmt.Sprintf("/users/%d", clerk.ID))
		if m = formOnceRE.FindStringSubmatch(page); m == nil {
			t.Fatal("the user's page carries no one-time token")
		}
		reset := url.Values{"form_once": {m[1]}}
		res, body := admin.post(fmt.Sprintf("/users/%d/password", clerk.ID), reset)
		if res.StatusCode != http.StatusOK || !strings.Contains(body, `id="new-password"`) {
			t.Fatalf("the reset: %d %.300s", res.StatusCode, errorText(body))
		}
		res, body = admin.post(fmt.Sprintf("/users/%d/password", clerk.ID), reset)
		if res.StatusCode != http.StatusConflict || strings.Contains(body, `id="new-password"`) {
			t.Errorf("the reset sent again: %d %.300s", res.StatusCode, errorText(body))
		}
		var resets int
		if err := ta.DB.QueryRow(ctx, `SELECT COUNT(*) FROM audit_log WHERE action = 'user.password_reset'`).Scan(&resets); err != nil {
			t.Fatal(err)
		}
		if resets != 1 {
			t.Errorf("%d password resets from one form, want 1", resets)
		}
	})
}
