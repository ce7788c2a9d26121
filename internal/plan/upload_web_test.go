package plan_test

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"net/url"
	"os"
	"strings"
	"testing"

	"kexie/internal/access"
	"kexie/internal/plan"
)

// A city's staff upload plan documents: unreadable, empty, mislabelled and
// oversized files are refused with a message and save nothing; seed 002 is
// read into a plan whose page shows its structure, units, years and marked
// targets beside the source text.
func TestPlanUpload(t *testing.T) {
	data, err := os.ReadFile(seedFile(t, "002"))
	if err != nil {
		t.Fatal(err)
	}
	eachDB(t, func(t *testing.T, ps planSite) {
		staff, _ := ps.User(t, "planner", access.OrgStaff, ps.City)
		upload := func(name string, content []byte) (*http.Response, string) {
			return staff.Upload("/plans", url.Values{"org_id": {fmt.Sprint(ps.City.ID)}}, "file", name, content)
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
		if list, total, _ := ps.Plans.List(context.Background(), plan.PlanFilter{Scope: access.Everywhere()}); total != 0 {
			t.Errorf("refused uploads saved %d plans: %+v", total, list)
		}
		res, _ = upload("002.txt", data)
		if res.StatusCode != http.StatusSeeOther {
			t.Fatalf("upload: %d", res.StatusCode)
		}
		_, body = staff.Get(res.Header.Get("Location"))
		if !strings.Contains(body, "攀枝花市全民科学素质行动计划纲要实施方案") || !strings.Contains(body, "<mark>") || !strings.Contains(body, "市教育体育局") ||
			!strings.Contains(body, "到 2020 年") || !strings.Contains(body, "每年") || strings.Contains(body, "0x") {
			t.Errorf("plan page: %.500s", body)
		}
		// The document's text is beside the structure, with the targets marked there too.
		if !strings.Contains(body, `id="plan-source"`) || strings.Count(body, "<mark>全市公民具备科学素质的比例达到 8%左右</mark>") != 2 {
			t.Errorf("source text with marked targets missing")
		}
	})
}
