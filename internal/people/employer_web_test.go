package people_test

import (
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"kexie/internal/access"
)

// The employer on the staff form, the person page, the export and the
// holder's own form: an org of the editor's scope, or an outside unit with
// its 统一社会信用代码.
func TestEmployerForms(t *testing.T) {
	eachDB(t, testEmployerForms)
}

func testEmployerForms(t *testing.T, ps peopleSite) {
	staff, _ := ps.User(t, "cityclerk", access.OrgStaff, ps.City)
	city, peer := fmt.Sprint(ps.City.ID), fmt.Sprint(ps.Peer.ID)
	_, body := staff.Get("/people/new")
	for _, want := range []string{`name="employer_uscc"`, "统一社会信用代码", "本系统内单位（可选）", `name="employer_org_id"`} {
		if !strings.Contains(body, want) {
			t.Errorf("staff form lacks %q", want)
		}
	}
	if strings.Contains(body, "滁州市科学技术协会") {
		t.Error("the staff form offers an org outside the editor's scope")
	}

	code := uscc("91510400MA62X5L8T")
	wrong := code[:17] + map[bool]string{true: "0", false: "1"}[code[17] != '0']
	form := url.Values{"name": {"张伟"}, "org_id": {city}, "employer": {"攀钢集团有限公司"}, "employer_uscc": {wrong}}
	tests := []struct {
		name, field, value, want string
	}{
		{"check character", "employer_uscc", wrong, "统一社会信用代码校验位不正确，请核对。"},
		{"length", "employer_uscc", "9151040", "统一社会信用代码应为 18 位。"},
		{"org outside scope", "employer_org_id", peer, "所选本系统内单位不存在或不在您的管理范围内。"},
		{"org not a number", "employer_org_id", "x1", "所选本系统内单位不存在或不在您的管理范围内。"},
		{"org and code", "employer_org_id", city, "已选本系统内单位时不填统一社会信用代码"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := url.Values{}
			for k, v := range form {
				f[k] = v
			}
			if tt.name == "org and code" {
				f.Set("employer_uscc", code)
			} else if tt.field == "employer_org_id" {
				f.Del("employer_uscc")
			}
			f.Set(tt.field, tt.value)
			res, body := staff.Post("/people", f)
			if res.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(body, tt.want) {
				t.Fatalf("%d, want %q in %.3000s", res.StatusCode, tt.want, body)
			}
			// The entries are kept.
			for _, v := range []string{`value="攀钢集团有限公司"`, `value="` + f.Get("employer_uscc") + `"`} {
				if !strings.Contains(body, v) {
					t.Errorf("the form lost %s", v)
				}
			}
		})
	}

	// An outside unit with its code.
	form.Set("employer_uscc", strings.ToLower(code))
	res, _ := staff.Post("/people", form)
	if res.StatusCode != http.StatusSeeOther {
		t.Fatalf("create with a code: %d", res.StatusCode)
	}
	_, body = staff.Get(res.Header.Get("Location"))
	if !strings.Contains(body, "攀钢集团有限公司") || !strings.Contains(body, "<code>"+code+"</code>") {
		t.Errorf("person page lacks the employer and its code: %.3000s", body)
	}
	// An org of the tree: the name defaults to the org's, with a link.
	res, _ = staff.Post("/people", url.Values{"name": {"王芳"}, "org_id": {city}, "employer_org_id": {city}})
	if res.StatusCode != http.StatusSeeOther {
		t.Fatalf("create with an org employer: %d", res.StatusCode)
	}
	_, body = staff.Get(res.Header.Get("Location"))
	if !strings.Contains(body, `<a href="/orgs/`+city+`">攀枝花市科学技术协会</a>`) {
		t.Errorf("person page lacks the org employer's link: %.3000s", body)
	}

	// The export has the code after 工作单位.
	res, body = staff.Get("/people?format=xlsx&sort=name")
	if res.StatusCode != http.StatusOK {
		t.Fatalf("export: %d", res.StatusCode)
	}
	x, err := excelize.OpenReader(strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	rows, _ := x.GetRows(x.GetSheetName(0))
	col := slices.Index(rows[0], "工作单位")
	if col < 0 || col+1 >= len(rows[0]) || rows[0][col+1] != "统一社会信用代码" {
		t.Fatalf("export headers = %q", rows[0])
	}
	got := map[string]string{}
	for _, r := range rows[1:] {
		got[r[0]] = r[col] + "|" + r[col+1]
	}
	if got["张伟"] != "攀钢集团有限公司|"+code || got["王芳"] != "攀枝花市科学技术协会|" {
		t.Errorf("exported employers = %q", got)
	}

	// The holder's form: name and code, no org to pick.
	worker, _ := ps.User(t, "worker", access.Member, ps.City)
	_, body = worker.Get("/me")
	if !strings.Contains(body, `name="employer_uscc"`) || strings.Contains(body, `name="employer_org_id"`) {
		t.Errorf("self-service form: code field %v, org select %v", strings.Contains(body, `name="employer_uscc"`),
			strings.Contains(body, `name="employer_org_id"`))
	}
	me := url.Values{"name": {"赵敏"}, "org_id": {city}, "phone": {"13812345678"}, "consent": {"yes"},
		"employer": {"攀枝花学院"}, "employer_uscc": {"12510400452166001X"}}
	res, body = worker.Post("/me", me)
	if res.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(body, "统一社会信用代码") ||
		!strings.Contains(body, `value="12510400452166001X"`) {
		t.Fatalf("bad code on /me: %d %.3000s", res.StatusCode, body)
	}
	school := uscc("12510400452166001")
	me.Set("employer_uscc", school)
	if res, _ := worker.Post("/me", me); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("save profile: %d", res.StatusCode)
	}
	if _, body = worker.Get("/me"); !strings.Contains(body, `name="employer_uscc" value="`+school+`"`) {
		t.Errorf("profile form does not show the code")
	}
}
