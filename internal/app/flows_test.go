package app

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"kexie/internal/access"
	"kexie/internal/db"
	"kexie/internal/db/dbtest"
	"kexie/internal/people"
	"kexie/internal/plan"
	"kexie/internal/std"
)

func TestRegisterAndSignIn(t *testing.T) {
	ta := newTestApp(t, dbtest.OpenSQLite(t).DSN())
	c := ta.client(t)
	res, body := c.post("/register", url.Values{"username": {"li.ming"}, "display_name": {"李明"}, "password": {testPassword}, "confirm": {"other"}})
	if res.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(body, "两次输入的新密码不一致") || !strings.Contains(body, `value="li.ming"`) {
		t.Fatalf("mismatched confirm: %d %.300s", res.StatusCode, body)
	}
	res, _ = c.post("/register", url.Values{"username": {"li.ming"}, "display_name": {"李明"}, "password": {testPassword}, "confirm": {testPassword}})
	if res.StatusCode != http.StatusSeeOther {
		t.Fatalf("register: %d", res.StatusCode)
	}
	res, _ = c.post("/login", url.Values{"username": {"li.ming"}, "password": {testPassword}})
	if res.StatusCode != http.StatusSeeOther {
		t.Fatalf("login: %d", res.StatusCode)
	}
	res, body = c.get("/")
	if res.StatusCode != http.StatusOK || !strings.Contains(body, "尚未开通组织权限") {
		t.Errorf("home of a user without roles: %d %.300s", res.StatusCode, body)
	}
	if res, _ := c.get("/orgs"); res.Header.Get("X-Access") != "denied" {
		t.Errorf("a user without roles reached /orgs: %d", res.StatusCode)
	}
}

func TestLoginCSRF(t *testing.T) {
	ta := newTestApp(t, dbtest.OpenSQLite(t).DSN())
	if _, err := ta.Auth.CreateUser(context.Background(), authInput("wang")); err != nil {
		t.Fatal(err)
	}
	count := func() int {
		var n int
		if err := ta.DB.QueryRow(context.Background(), `SELECT COUNT(*) FROM sessions`).Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n
	}
	c := ta.client(t)
	for _, tc := range []struct{ name, token string }{{"missing", ""}, {"forged", "Zm9yZ2Vk"}} {
		form := url.Values{"username": {"wang"}, "password": {testPassword}}
		if tc.token != "" {
			form.Set("csrf_token", tc.token)
		}
		c.get("/login") // obtain the CSRF cookie, then ignore the real token
		res, err := c.http.PostForm(c.base+"/login", form)
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		if res.StatusCode != http.StatusForbidden {
			t.Errorf("%s token: status %d, want 403", tc.name, res.StatusCode)
		}
	}
	if n := count(); n != 0 {
		t.Errorf("%d sessions created by forged logins", n)
	}
	if res, _ := c.post("/login", url.Values{"username": {"wang"}, "password": {testPassword}}); res.StatusCode != http.StatusSeeOther || count() != 1 {
		t.Errorf("real login: %d, sessions %d", res.StatusCode, count())
	}
}

func TestOperationsEndpoints(t *testing.T) {
	ta := newTestApp(t, dbtest.OpenSQLite(t).DSN())
	c := ta.client(t)
	c.get("/login")
	for path, want := range map[string]string{"/healthz": "ok", "/readyz": "ready",
		"/metrics": `kexie_http_request_duration_seconds_count{route="GET /login",status="2xx"} 1`} {
		res, body := c.get(path)
		if res.StatusCode != http.StatusOK || !strings.Contains(body, want) {
			t.Errorf("GET %s = %d, want %q in %.500s", path, res.StatusCode, want, body)
		}
	}
	ta.DB.Close()
	if res, _ := c.get("/readyz"); res.StatusCode != http.StatusServiceUnavailable {
		t.Errorf("readyz with the database closed = %d", res.StatusCode)
	}
}

func TestPeopleExportIsScoped(t *testing.T) {
	ta := newTestApp(t, dbtest.OpenSQLite(t).DSN())
	ctx := context.Background()
	for _, in := range []people.Input{{OrgID: ta.city.ID, Name: "张伟", Phone: "13812345678"}, {OrgID: ta.peer.ID, Name: "李娜", Phone: "13912345678"}} {
		if _, err := ta.People.Create(ctx, in); err != nil {
			t.Fatal(err)
		}
	}
	staff, _ := ta.user(t, "cityclerk", access.OrgStaff, ta.city)
	res, body := staff.get("/people?format=xlsx")
	if res.StatusCode != http.StatusOK {
		t.Fatalf("export: %d", res.StatusCode)
	}
	f, err := excelize.OpenReader(strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	rows, _ := f.GetRows(f.GetSheetName(0))
	if len(rows) != 2 || rows[1][0] != "张伟" || rows[1][4] != "138****5678" {
		t.Errorf("exported rows = %q; want only the city's person, masked", rows)
	}
	if _, body := staff.get("/people"); strings.Contains(body, "李娜") {
		t.Error("the list shows another city's person")
	}
}

func TestRegionLookup(t *testing.T) {
	ta := newTestApp(t, dbtest.OpenSQLite(t).DSN())
	c, _ := ta.user(t, "lookup", access.Member, ta.city)
	res, body := c.get("/std/regions?q=" + url.QueryEscape("攀枝花"))
	if res.StatusCode != http.StatusOK || !strings.Contains(body, `"code":"510400"`) || !strings.Contains(body, "四川省攀枝花市") {
		t.Errorf("lookup: %d %s", res.StatusCode, body)
	}
}

func TestSelfServiceFlow(t *testing.T) {
	ta := newTestApp(t, dbtest.OpenSQLite(t).DSN())
	c := ta.client(t)
	if res, _ := c.post("/register", url.Values{"username": {"zhao.min"}, "display_name": {"赵敏"}, "password": {testPassword}, "confirm": {testPassword}}); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("register: %d", res.StatusCode)
	}
	c.post("/login", url.Values{"username": {"zhao.min"}, "password": {testPassword}})
	id := "51040219900101202"
	id += string(std.CitizenIDCheckDigit(id))
	form := url.Values{"name": {"赵敏"}, "org_id": {fmt.Sprint(ta.city.ID)}, "id_number": {id}, "phone": {"13812345678"}, "employer": {"攀枝花学院"}}
	res, body := c.post("/me", form)
	if res.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(body, "请阅读并同意") {
		t.Fatalf("without consent: %d", res.StatusCode)
	}
	form.Set("consent", "yes")
	if res, _ := c.post("/me", form); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("with consent: %d", res.StatusCode)
	}
	res, body = c.get("/me/data")
	if res.StatusCode != http.StatusOK || !strings.Contains(body, id) || !strings.Contains(body, `"notice_version": "2026-11"`) {
		t.Errorf("my data: %d %.300s", res.StatusCode, body)
	}
	if res, _ := c.post("/me/delete", url.Values{"reason": {"不再需要"}}); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("deletion request: %d", res.StatusCode)
	}
	admin, _ := ta.user(t, "cityadmin", access.OrgAdmin, ta.city)
	_, body = admin.get("/people/deletions")
	m := regexp.MustCompile(`/people/deletions/(\d+)/resolve`).FindStringSubmatch(body)
	if m == nil {
		t.Fatalf("no request listed: %.500s", body)
	}
	if res, _ := admin.post("/people/deletions/"+m[1]+"/resolve", nil); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("resolve: %d", res.StatusCode)
	}
	if _, err := ta.People.FindByIDNumber(context.Background(), id); err == nil {
		t.Error("the erased person is still found by ID number")
	}
}

func TestPlanUpload(t *testing.T) {
	ta := newTestApp(t, dbtest.OpenSQLite(t).DSN())
	staff, _ := ta.user(t, "planner", access.OrgStaff, ta.city)
	// One of the plan package's own test documents.
	data, err := os.ReadFile(filepath.Join("..", "plan", "testdata", "plans", "kepu_xingdong.txt"))
	if err != nil {
		t.Fatal(err)
	}
	upload := func(name string, content []byte) (*http.Response, string) {
		var buf bytes.Buffer
		mw := multipart.NewWriter(&buf)
		mw.WriteField("csrf_token", staff.token())
		mw.WriteField("org_id", fmt.Sprint(ta.city.ID))
		fw, _ := mw.CreateFormFile("file", name)
		fw.Write(content)
		mw.Close()
		res, err := staff.http.Post(staff.base+"/plans", mw.FormDataContentType(), &buf)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(res.Body)
		res.Body.Close()
		return res, string(b)
	}
	for _, bad := range []struct{ name, content, msg string }{
		{"x.docx", "not a zip", "无法读取该 Word 文件"},
		{"x.txt", "没有编号的一段文字。", "没有找到"},
		{"x.pdf", "%PDF-1.4", "无法读取该 PDF"},
		{"x.pdf", "PK\x03\x04 a zip named .pdf", "无法读取该 PDF"},
		{"x.xls", "a spreadsheet", "只支持"},
	} {
		res, body := upload(bad.name, []byte(bad.content))
		if res.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(body, bad.msg) {
			t.Errorf("%s: %d %.200s", bad.name, res.StatusCode, body)
		}
	}
	// A 100 MB document is refused before it is read.
	res, body := upload("huge.txt", bytes.Repeat([]byte("一、"), 100<<20/len("一、")))
	if res.StatusCode != http.StatusRequestEntityTooLarge || !strings.Contains(body, "过大") {
		t.Errorf("100 MB upload: %d %.200s", res.StatusCode, body)
	}
	if list, total, _ := ta.Plans.List(context.Background(), plan.PlanFilter{}); total != 0 {
		t.Errorf("refused uploads saved %d plans: %+v", total, list)
	}
	res, _ = upload("kepu.txt", data)
	if res.StatusCode != http.StatusSeeOther {
		t.Fatalf("upload: %d", res.StatusCode)
	}
	_, body = staff.get(res.Header.Get("Location"))
	if !strings.Contains(body, "白沙湾市全民科学素质行动实施方案") || !strings.Contains(body, "<mark>") || !strings.Contains(body, "市委网信办") ||
		!strings.Contains(body, "到 2028 年") || !strings.Contains(body, "每年") || strings.Contains(body, "0x") {
		t.Errorf("plan page: %.500s", body)
	}
	// The document's text is beside the structure, with the targets marked there too.
	if !strings.Contains(body, `id="plan-source"`) || strings.Count(body, "<mark>中小学科学教育实验室达标率达到95%</mark>") != 2 {
		t.Errorf("source text with marked targets missing")
	}
	// A plan whose reading was unsure of some numbers (its 现状 section)
	// proposes them as candidates, marked in the text; one click takes one.
	own, err := os.ReadFile(filepath.Join("..", "plan", "testdata", "plans", "shi_kexie_shiwuwu.txt"))
	if err != nil {
		t.Fatal(err)
	}
	res, _ = upload("shi.txt", own)
	if res.StatusCode != http.StatusSeeOther {
		t.Fatalf("upload: %d", res.StatusCode)
	}
	page := res.Header.Get("Location")
	_, body = staff.get(page)
	if !strings.Contains(body, `id="plan-candidates"`) || strings.Count(body, ">采纳为指标</button>") != 4 || !strings.Contains(body, `<mark class="candidate"`) {
		t.Fatalf("candidates missing: source %v, edit %v, %d takes", strings.Contains(body, "plan-source"), strings.Contains(body, "plan-publish"), strings.Count(body, ">采纳为指标</button>"))
	}
	before := strings.Count(body, "<mark>")
	res, _ = staff.post(page+"/indicators", url.Values{"csrf_token": {staff.token()}, "section": {"一"}, "text": {"全市已建成院士专家工作站36家"},
		"metric": {"院士专家工作站"}, "comparator": {"="}, "value": {"36"}, "unit": {"家"}, "deadline": {"2030"}})
	if res.StatusCode != http.StatusSeeOther {
		t.Fatalf("take a candidate: %d", res.StatusCode)
	}
	_, body = staff.get(page)
	if strings.Count(body, ">采纳为指标</button>") != 3 || strings.Count(body, "<mark>") < before+1 {
		t.Errorf("after taking a candidate: %d left, %d marks (was %d)", strings.Count(body, ">采纳为指标</button>"), strings.Count(body, "<mark>"), before)
	}
}

// While a long import holds SQLite's only writer, a signed-in page still
// answers: the once-a-minute refresh of the session's last_seen_at gives
// up after a moment instead of queueing behind the import.
func TestSessionTouchDoesNotWaitForWriter(t *testing.T) {
	ta := newTestApp(t, dbtest.OpenSQLite(t).DSN())
	c, _ := ta.user(t, "reader", access.OrgStaff, ta.city)
	ctx := context.Background()
	if _, err := ta.DB.Exec(ctx, `UPDATE sessions SET last_seen_at = last_seen_at - 120000`); err != nil {
		t.Fatal(err)
	}
	held, release := make(chan struct{}), make(chan struct{})
	go ta.DB.Tx(ctx, func(tx *db.Tx) error {
		if _, err := tx.Exec(ctx, `UPDATE orgs SET name = name WHERE id = ?`, ta.city.ID); err != nil {
			return err
		}
		close(held)
		<-release
		return nil
	})
	<-held
	// Without the give-up, the page would wait for the writer: let it go
	// after fifteen seconds so such a failure shows as slow, not as a hang
	// (and a busy machine's slow page is not taken for it).
	timer := time.AfterFunc(15*time.Second, func() { close(release) })
	start := time.Now()
	res, _ := c.get("/people")
	took := time.Since(start)
	if timer.Stop() {
		close(release)
	}
	if res.StatusCode != http.StatusOK || took > 10*time.Second {
		t.Errorf("page while the writer is held: %d after %s", res.StatusCode, took)
	}
}
