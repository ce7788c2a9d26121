package app

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"testing"

	"kexie/internal/access"
	"kexie/internal/db"
	"kexie/internal/db/dbtest"
	"kexie/internal/jobs"
	"kexie/internal/people"
)

// The jobs page lists the jobs of the admin's subtree only (the system
// administrator's: all), exports them, hides another city's job, and
// cancels on a POST; the user who started an import sees it queued on the
// import page with a cancel button.
func TestJobsAdminPage(t *testing.T) {
	ta := newTestApp(t, dbtest.OpenSQLite(t).DSN())
	ctx := context.Background()
	admin, _ := ta.user(t, "cityadmin", access.OrgAdmin, ta.city)
	sys, _ := ta.user(t, "sysadmin2", access.SysAdmin, ta.root)
	staff, starter := ta.user(t, "starter", access.OrgStaff, ta.city)
	var cityJob, peerJob int64
	err := ta.DB.Tx(ctx, func(tx *db.Tx) (err error) {
		if cityJob, err = jobs.Enqueue(ctx, tx, jobs.Spec{Kind: people.JobKind, OrgID: ta.city.ID, UserID: starter.ID,
			Args: map[string]any{"file": "x.upload", "name": "本市会员.csv"}}); err != nil {
			return err
		}
		peerJob, err = jobs.Enqueue(ctx, tx, jobs.Spec{Kind: people.JobKind, OrgID: ta.peer.ID, Args: map[string]any{"file": "y.upload"}})
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	res, body := admin.get("/admin/jobs")
	if res.StatusCode != 200 || !strings.Contains(body, fmt.Sprintf(`href="/admin/jobs/%d"`, cityJob)) ||
		strings.Contains(body, fmt.Sprintf(`/admin/jobs/%d"`, peerJob)) || !strings.Contains(body, "人员导入") || !strings.Contains(body, "排队中") {
		t.Errorf("city admin's list: %d %.600s", res.StatusCode, body)
	}
	if _, body := sys.get("/admin/jobs?state=queued&sort=kind"); !strings.Contains(body, fmt.Sprintf(`/admin/jobs/%d"`, peerJob)) {
		t.Errorf("sysadmin's list lacks the peer job: %.400s", body)
	}
	if res, _ := admin.get("/admin/jobs?format=xlsx"); res.StatusCode != 200 || !strings.Contains(res.Header.Get("Content-Type"), "spreadsheetml") {
		t.Errorf("export: %d %s", res.StatusCode, res.Header.Get("Content-Type"))
	}
	if res, _ := admin.get(fmt.Sprintf("/admin/jobs/%d", peerJob)); res.StatusCode != http.StatusForbidden && res.StatusCode != http.StatusNotFound {
		t.Errorf("another city's job: %d", res.StatusCode)
	}
	if res, body := staff.get(fmt.Sprintf("/people/import/jobs/%d", cityJob)); res.StatusCode != 200 || !strings.Contains(body, "排队中") ||
		!strings.Contains(body, `id="import-cancel"`) {
		t.Errorf("the starter's import page: %d %.600s", res.StatusCode, body)
	}
	res, body = admin.post(fmt.Sprintf("/admin/jobs/%d/cancel", cityJob), nil)
	if res.StatusCode != http.StatusSeeOther {
		t.Fatalf("cancel: %d %.300s", res.StatusCode, body)
	}
	if j, err := ta.Jobs.Store.Get(ctx, cityJob); err != nil || !j.CancelRequested {
		t.Errorf("after cancel: %+v %v", j, err)
	}
	if _, body := admin.get(fmt.Sprintf("/admin/jobs/%d", cityJob)); !strings.Contains(body, "正在取消") || strings.Contains(body, `id="job-cancel"`) {
		t.Errorf("cancelled job's page: %.600s", body)
	}
}
