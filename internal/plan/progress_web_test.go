package plan_test

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"kexie/internal/access"
	"kexie/internal/plan"
)

// Over HTTP: a bad value and a missing narrative are named on the form and
// nothing is saved; the filer, though holding the reviewer's role too, gets
// no review buttons and is refused at the store; the filer may withdraw,
// nobody else; the comparison shows units and baselines.
func TestProgressOverHTTP(t *testing.T) {
	eachDB(t, func(t *testing.T, ps planSite) {
		ctx := context.Background()
		tf := newTrackFixture(t, ps, ps.City.ID)
		staff, me := ps.User(t, "citystaff", access.OrgStaff, ps.City)
		other, _ := ps.User(t, "colleague", access.OrgStaff, ps.City)
		ind := fmt.Sprintf("/plans/%d/indicators/%d", tf.Plan, tf.Indicator)
		count := func() int {
			list, err := ps.Plans.Entries(ctx, tf.Plan, tf.Indicator)
			if err != nil {
				t.Fatal(err)
			}
			return len(list)
		}
		before := count()
		res, body := staff.Upload(ind+"/progress", url.Values{"year": {"2023"}, "quarter": {"1"}, "value": {"-5"}}, "files", "a.pdf", []byte("%PDF-1.4"))
		if res.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(body, "比例应在 0 到 100 之间") || !strings.Contains(body, "请填写进展说明") {
			t.Errorf("bad value: %d %s", res.StatusCode, snippet(body, "progress-form"))
		}
		if count() != before {
			t.Error("a refused entry was saved")
		}
		// The staff member files properly, then tries to approve it.
		res, _ = staff.Upload(ind+"/progress", url.Values{"year": {"2023"}, "quarter": {"1"}, "value": {"10.2"}, "narrative": {"季度抽样"}},
			"files", "a.pdf", []byte("%PDF-1.4"))
		if res.StatusCode != http.StatusSeeOther {
			t.Fatalf("file: %d", res.StatusCode)
		}
		list, _ := ps.Plans.Entries(ctx, tf.Plan, tf.Indicator)
		own := list[len(list)-1]
		if own.SubmittedByID != me.ID || own.State != "submitted" {
			t.Fatalf("own entry %+v", own)
		}
		_, dash := staff.Get(fmt.Sprintf("/plans/%d/dashboard", tf.Plan))
		if !strings.Contains(dash, fmt.Sprintf(`id="pending-%d"`, own.ID)) || strings.Contains(dash, fmt.Sprintf(`/progress/%d/review`, own.ID)) {
			t.Error("the dashboard offers the filer a review of their own entry")
		}
		_, page := staff.Get(ind)
		if strings.Contains(page, fmt.Sprintf(`/progress/%d/review`, own.ID)) {
			t.Error("the ledger offers the filer a review of their own entry")
		}
		body = follow(staff, fmt.Sprintf("/plans/%d/progress/%d/review", tf.Plan, own.ID), url.Values{"decision": {"accept"}})
		if !strings.Contains(body, "这条进展是您本人填报的") {
			t.Errorf("own review not refused with a message: %s", snippet(body, "flash"))
		}
		// A colleague may not withdraw it; the filer may.
		body = follow(other, fmt.Sprintf("%s/progress/%d/withdraw", ind, own.ID), nil)
		if !strings.Contains(body, "只有填报人本人可以撤回") {
			t.Errorf("a colleague's withdrawal: %s", snippet(body, "flash"))
		}
		body = follow(staff, fmt.Sprintf("%s/progress/%d/withdraw", ind, own.ID), nil)
		if !strings.Contains(body, "已撤回这条进展") {
			t.Errorf("withdrawal: %s", snippet(body, "flash"))
		}
		// The colleague accepts the fixture's entry; the comparison reads with units.
		if body := follow(other, fmt.Sprintf("/plans/%d/progress/%d/review", tf.Plan, tf.Progress), url.Values{"decision": {"accept"}}); !strings.Contains(body, "已通过") {
			t.Errorf("accept: %s", snippet(body, "flash"))
		}
		_, cmp := staff.Get("/plans/compare?q=" + url.QueryEscape("科学素质"))
		if !strings.Contains(cmp, "9.5 %") || !strings.Contains(cmp, "按进度应达") {
			t.Errorf("comparison lacks units or the expected value: %s", snippet(cmp, "compare-table"))
		}
		// It filters by status: the target's own status keeps it, another
		// leaves nothing to compare.
		rows, err := ps.Plans.Compare(ctx, access.Subtrees(ps.City.Path), "科学素质", 10)
		if err != nil || len(rows) != 1 {
			t.Fatalf("compare: %v %d", err, len(rows))
		}
		for _, st := range plan.Statuses() {
			_, page := staff.Get("/plans/compare?q=" + url.QueryEscape("科学素质") + "&status=" + string(st))
			if got, want := strings.Contains(page, `id="compare-table"`), st == rows[0].Status; got != want {
				t.Errorf("status %s: the target listed %v, want %v", st, got, want)
			}
		}
		// The comparison exports as it shows: a row per target, each figure in
		// its cell, its unit beside it.
		if !strings.Contains(cmp, "/plans/compare?format=xlsx&amp;q=") {
			t.Errorf("comparison offers no export: %s", snippet(cmp, "filters"))
		}
		res, xb := staff.Get("/plans/compare?format=xlsx&q=" + url.QueryEscape("科学素质"))
		if res.StatusCode != http.StatusOK || !strings.Contains(res.Header.Get("Content-Type"), "spreadsheet") {
			t.Fatalf("comparison export: %d %s", res.StatusCode, res.Header.Get("Content-Type"))
		}
		xf, err := excelize.OpenReader(strings.NewReader(xb))
		if err != nil {
			t.Fatal(err)
		}
		xrows, _ := xf.GetRows(xf.GetSheetList()[0])
		if len(xrows) < 2 || xrows[0][0] != "所属组织" || !strings.Contains(strings.Join(xrows[1], "|"), "|9.5|") || !strings.Contains(strings.Join(xrows[1], "|"), "|%|") {
			t.Errorf("comparison export rows: %q", xrows)
		}
		// A correction of the accepted entry is offered, and supersedes it once accepted.
		_, page = staff.Get(ind + fmt.Sprintf("?correct=%d", tf.Progress))
		if !strings.Contains(page, `id="correcting"`) || !strings.Contains(page, fmt.Sprintf(`name="corrects" value="%d"`, tf.Progress)) {
			t.Errorf("correction form: %s", snippet(page, "progress-form"))
		}
		if res, body := staff.Upload(ind+"/progress", url.Values{"year": {"2022"}, "quarter": {"0"}, "value": {"9.8"}, "narrative": {"复核后更正"},
			"corrects": {fmt.Sprint(tf.Progress)}}, "files", "b.pdf", []byte("%PDF-1.4")); res.StatusCode != http.StatusSeeOther {
			t.Fatalf("correction refused: %d %s", res.StatusCode, snippet(body, "progress-form"))
		}
		list, _ = ps.Plans.Entries(ctx, tf.Plan, tf.Indicator)
		var fix = list[0]
		for _, e := range list {
			if e.Corrects != 0 {
				fix = e
			}
		}
		if fix.Corrects != tf.Progress {
			t.Fatalf("correction %+v", fix)
		}
		other.Post(fmt.Sprintf("/plans/%d/progress/%d/review", tf.Plan, fix.ID), url.Values{"decision": {"accept"}})
		_, page = staff.Get(ind)
		if !strings.Contains(page, fmt.Sprintf(`<a class="badge e-superseded" href="#entry-%d">`, fix.ID)) || !strings.Contains(page, "<s>9.5</s>") {
			t.Errorf("ledger after the correction: %s", snippet(page, "ledger"))
		}
	})
}

// follow posts and returns the page it redirects to (with its flash).
func follow(c interface {
	Post(string, url.Values) (*http.Response, string)
	Get(string) (*http.Response, string)
}, path string, form url.Values) string {
	res, body := c.Post(path, form)
	if loc := res.Header.Get("Location"); res.StatusCode == http.StatusSeeOther && loc != "" {
		_, body = c.Get(loc)
	}
	return body
}

// snippet is the part of body around the element with id (or the start).
func snippet(body, id string) string {
	i := strings.Index(body, id)
	if i < 0 {
		i = 0
	}
	return body[i:min(len(body), i+1500)]
}
