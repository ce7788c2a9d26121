package people_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"strings"
	"testing"
	"time"

	"kexie/internal/access"
	"kexie/internal/people"
	"kexie/internal/std"
)

// A large upload is checked and imported as a job: the browser is sent to
// the job's page, the status endpoint reports progress to the end, and the
// page then shows the same result as a small file's import; another city's
// staff cannot see the job.
func TestImportJobFlow(t *testing.T) {
	eachDB(t, func(t *testing.T, ps peopleSite) {
		staff, _ := ps.User(t, "importer", access.OrgStaff, ps.City)
		other, _ := ps.User(t, "stranger", access.OrgStaff, ps.Peer)
		var csv bytes.Buffer
		csv.WriteString("姓名,身份证号,手机号,工作单位,地区代码,研究方向\n")
		const n = 15000
		for i := range n {
			first := fmt.Sprintf("5104021%03d%02d%02d%03d", 960+i/336%40, 1+i/28%12, 1+i%28, i%1000)
			fmt.Fprintf(&csv, "张伟%d,%s,138%08d,攀枝花钢铁研究院钒钛资源综合利用中心,510402,钒钛磁铁矿综合利用与高炉渣提钛工艺研究\n", i,
				first+string(std.CitizenIDCheckDigit(first)), i)
		}
		if csv.Len() < 2<<20 {
			t.Fatalf("test file of %d bytes is below the job threshold", csv.Len())
		}
		upload := func(mode string) string {
			var buf bytes.Buffer
			mw := multipart.NewWriter(&buf)
			mw.WriteField("csrf_token", staff.Token())
			mw.WriteField("org_id", fmt.Sprint(ps.City.ID))
			mw.WriteField("mode", mode)
			fw, _ := mw.CreateFormFile("file", "big.csv")
			fw.Write(csv.Bytes())
			mw.Close()
			res, err := staff.HTTP.Post(staff.Base+"/people/import", mw.FormDataContentType(), &buf)
			if err != nil {
				t.Fatal(err)
			}
			io.Copy(io.Discard, res.Body)
			res.Body.Close()
			loc := res.Header.Get("Location")
			if res.StatusCode != http.StatusSeeOther || !strings.HasPrefix(loc, "/people/import/jobs/") {
				t.Fatalf("%s upload: %d to %q", mode, res.StatusCode, loc)
			}
			return loc
		}
		wait := func(page string) map[string]any {
			for deadline := time.Now().Add(60 * time.Second); ; time.Sleep(50 * time.Millisecond) {
				res, body := staff.Get(page + "/status")
				if res.StatusCode != 200 || !strings.HasPrefix(res.Header.Get("Content-Type"), "application/json") {
					t.Fatalf("status: %d %s", res.StatusCode, body)
				}
				var st map[string]any
				if err := json.Unmarshal([]byte(body), &st); err != nil {
					t.Fatal(err)
				}
				if st["done"] == true {
					return st
				}
				if (st["phase"] != "running" && st["phase"] != "queued") || time.Now().After(deadline) {
					t.Fatalf("status while running: %v", st)
				}
			}
		}
		page := upload("check")
		if _, body := staff.Get(page); !strings.Contains(body, `data-import-job="`+page+`/status"`) && !strings.Contains(body, `id="import-checked"`) {
			t.Errorf("job page shows neither progress nor result: %.300s", body)
		}
		if st := wait(page); st["phase"] != "done" || st["rows"] != float64(n) || st["fraction"] != float64(1) {
			t.Errorf("final status %v", st)
		}
		res, body := staff.Get(page)
		if res.StatusCode != 200 || !strings.Contains(body, `id="import-checked"`) || !strings.Contains(body, fmt.Sprintf("共 %d 行，将新增 %d 人", n, n)) ||
			strings.Contains(body, "data-import-job") {
			t.Errorf("checked page: %d %.400s", res.StatusCode, body)
		}
		if res, _ := other.Get(page + "/status"); res.StatusCode != http.StatusForbidden && res.StatusCode != http.StatusNotFound {
			t.Errorf("another city's staff read the job: %d", res.StatusCode)
		}
		page = upload("import")
		wait(page)
		if _, body := staff.Get(page); !strings.Contains(body, `id="import-done"`) || !strings.Contains(body, fmt.Sprintf("新增 %d 人", n)) {
			t.Errorf("import page: %.400s", body)
		}
		var count int
		if err := ps.DB.QueryRow(t.Context(), `SELECT COUNT(*) FROM people`).Scan(&count); err != nil || count != n {
			t.Errorf("%d people after the job (%v), want %d", count, err, n)
		}
	})
}

// A 200 MB upload is refused with the limit named, while it streams in
// (the test never holds it in memory either), and nothing is written.
func TestImportTooLarge(t *testing.T) {
	eachDB(t, func(t *testing.T, ps peopleSite) {
		staff, _ := ps.User(t, "importer", access.OrgStaff, ps.City)
		pr, pw := io.Pipe()
		mw := multipart.NewWriter(pw)
		go func() {
			mw.WriteField("csrf_token", staff.Token())
			mw.WriteField("org_id", fmt.Sprint(ps.City.ID))
			mw.WriteField("mode", "import")
			fw, _ := mw.CreateFormFile("file", "huge.csv")
			fw.Write([]byte("姓名,身份证号,手机号,工作单位,地区代码\n"))
			row := []byte("张伟,510402199001012011,13812345678,攀枝花学院,510402\n")
			for written := 0; written < 200<<20; written += len(row) {
				if _, err := fw.Write(row); err != nil {
					pw.CloseWithError(err) // the server stopped reading: expected
					return
				}
			}
			mw.Close()
			pw.Close()
		}()
		res, err := staff.HTTP.Post(staff.Base+"/people/import", mw.FormDataContentType(), pr)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(res.Body)
		res.Body.Close()
		pr.CloseWithError(io.ErrClosedPipe)
		if res.StatusCode != http.StatusRequestEntityTooLarge || !strings.Contains(string(body), "过大（上限 160 MB）") {
			t.Errorf("200 MB upload: %d %s", res.StatusCode, body)
		}
		if _, n, _ := ps.People.List(context.Background(), people.Filter{Scope: access.Everywhere()}); n != 0 {
			t.Errorf("a refused upload wrote %d people", n)
		}
	})
}
