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
