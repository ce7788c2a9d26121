package app

import (
	"bytes"
	"context"
	"fmt"
	"mime/multipart"
	"net/http"
	"strings"
	"testing"
	"time"

	"kexie/internal/access"
	"kexie/internal/db"
	"kexie/internal/db/dbtest"
	"kexie/internal/jobs"
	"kexie/internal/people"
	"kexie/internal/sheet"
	"kexie/internal/std"
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

// An XLSX upload, however small, is imported as a job (its size bounds
// nothing of what it holds), so the import caps apply to it.
func TestImportXLSXRunsAsJob(t *testing.T) {
	ta := newTestApp(t, dbtest.OpenSQLite(t).DSN())
	staff, _ := ta.user(t, "importer", access.OrgStaff, ta.city)
	t.Cleanup(ta.RunJobs(context.Background()))
	var x bytes.Buffer
	if err := sheet.WriteXLSX(&x, sheet.Table{Headers: []string{"姓名", "身份证号", "手机号", "工作单位", "地区代码"},
		Rows: [][]string{{"张伟", "51040219900101202" + string(std.CitizenIDCheckDigit("51040219900101202")), "13812345678", "攀枝花学院", "510402"}}}); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	mw.WriteField("csrf_token", staff.token())
	mw.WriteField("org_id", fmt.Sprint(ta.city.ID))
	mw.WriteField("mode", "import")
	fw, _ := mw.CreateFormFile("file", "small.xlsx")
	fw.Write(x.Bytes())
	mw.Close()
	res, err := staff.http.Post(staff.base+"/people/import", mw.FormDataContentType(), &buf)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	loc := res.Header.Get("Location")
	if res.StatusCode != http.StatusSeeOther || !strings.HasPrefix(loc, "/people/import/jobs/") {
		t.Fatalf("small XLSX: %d to %q", res.StatusCode, loc)
	}
	for deadline := time.Now().Add(20 * time.Second); ; time.Sleep(50 * time.Millisecond) {
		if _, body := staff.get(loc); strings.Contains(body, `id="import-done"`) {
			if !strings.Contains(body, "新增 1 人") {
				t.Errorf("done page: %.400s", body)
			}
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("the XLSX job never finished")
		}
	}
}
