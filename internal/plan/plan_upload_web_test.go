package plan_test

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"

	"kexie/internal/access"
	"kexie/internal/plan"
)

// A city's staff upload plan documents: unreadable, empty, mislabelled and
// oversized files are refused with a message and save nothing; one of the
// package's own plan documents is read into a plan whose page shows its
// structure, units, years and marked targets beside the source text, and a
// plan whose reading was unsure of some numbers proposes them as candidates.
func TestPlanUpload(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("testdata", "plans", "kepu_xingdong.txt"))
	if err != nil {
		t.Fatal(err)
	}
	own, err := os.ReadFile(filepath.Join("testdata", "plans", "shi_kexie_shiwuwu.txt"))
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
			{"方案.doc", "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1 Word 97", "另存为” .docx 或 PDF"},
			{"方案.docx", "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1 a .doc renamed", "旧版 Word 或 WPS 文件"},
			{"方案.wps", "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1 WPS", "旧版 Word 或 WPS 文件"},
			{"x.txt", "\xff\xfe\xff\xfe\x00\xd8\x00\xd8", "无法识别该文本文件的编码"},
			{"x.txt", "plan \x80\x81\x82 in no encoding \xfe\xfe", "无法识别该文本文件的编码"},
			// 9 MB of text (under the 20 MB a file may have, over the 8 MB a plan's text may have)
			{"x.txt", strings.Repeat("一、二三四五六七八九十。\n", 9<<20/len("一、二三四五六七八九十。\n")), "文件中的文字超过 8 MB"},
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
		// A Markdown file (a plan saved from a web page) is read as text.
		if res, body := upload("kepu.md", data); res.StatusCode != http.StatusSeeOther {
			t.Errorf(".md upload: %d %.200s", res.StatusCode, body)
		}
		// A text saved by Notepad on a Chinese Windows (GBK) reads as its UTF-8.
		gbk, err := simplifiedchinese.GBK.NewEncoder().Bytes(data)
		if err != nil {
			t.Fatal(err)
		}
		res, _ = upload("kepu-gbk.txt", gbk)
		if res.StatusCode != http.StatusSeeOther {
			t.Fatalf("GBK upload: %d", res.StatusCode)
		}
		if _, body := staff.Get(res.Header.Get("Location")); !strings.Contains(body, "白沙湾市全民科学素质行动实施方案") || !strings.Contains(body, "<mark>中小学科学教育实验室达标率达到95%</mark>") {
			t.Errorf("GBK plan page: %.300s", body)
		}
		res, _ = upload("kepu.txt", data)
		if res.StatusCode != http.StatusSeeOther {
			t.Fatalf("upload: %d", res.StatusCode)
		}
		_, body = staff.Get(res.Header.Get("Location"))
		if !strings.Contains(body, "白沙湾市全民科学素质行动实施方案") || !strings.Contains(body, "<mark>") || !strings.Contains(body, "市委网信办") ||
			!strings.Contains(body, "到 2028 年") || !strings.Contains(body, "每年") || strings.Contains(body, "0xc0") { // no Go pointer printed
			t.Errorf("plan page: %.500s", body)
		}
		// The document's text is beside the structure, with the targets marked there too.
		if !strings.Contains(body, `id="plan-source"`) || strings.Count(body, "<mark>中小学科学教育实验室达标率达到95%</mark>") != 2 {
			t.Errorf("source text with marked targets missing")
		}
		// Numbers the reading was unsure of (a 现状 section) are candidates,
		// marked in the text; one click takes one as a target.
		res, _ = upload("shi.txt", own)
		if res.StatusCode != http.StatusSeeOther {
			t.Fatalf("upload: %d", res.StatusCode)
		}
		page := res.Header.Get("Location")
		_, body = staff.Get(page)
		if !strings.Contains(body, `id="plan-candidates"`) || strings.Count(body, ">采纳为指标</button>") != 4 || !strings.Contains(body, `<mark class="candidate"`) {
			t.Fatalf("candidates missing: %d takes", strings.Count(body, ">采纳为指标</button>"))
		}
		before := strings.Count(body, "<mark>")
		res, _ = staff.Post(page+"/indicators", url.Values{"section": {"一"}, "text": {"全市已建成院士专家工作站36家"},
			"metric": {"院士专家工作站"}, "comparator": {"="}, "value": {"36"}, "unit": {"家"}, "deadline": {"2030"}})
		if res.StatusCode != http.StatusSeeOther {
			t.Fatalf("take a candidate: %d", res.StatusCode)
		}
		_, body = staff.Get(page)
		if strings.Count(body, ">采纳为指标</button>") != 3 || strings.Count(body, "<mark>") < before+1 {
			t.Errorf("after taking a candidate: %d left, %d marks (was %d)", strings.Count(body, ">采纳为指标</button>"), strings.Count(body, "<mark>"), before)
		}
	})
}

// A fault of the extractor itself (a bug, not the document's) costs the
// upload only: the staff member is told the program failed and nothing was
// saved, the page shows nothing of the fault's internals, and no plan is
// saved.
func TestPlanUploadFault(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("testdata", "plans", "kepu_xingdong.txt"))
	if err != nil {
		t.Fatal(err)
	}
	eachDB(t, func(t *testing.T, ps planSite) {
		plan.FaultyIngest(t)
		staff, _ := ps.User(t, "planner", access.OrgStaff, ps.City)
		res, body := staff.Upload("/plans", url.Values{"org_id": {fmt.Sprint(ps.City.ID)}}, "file", "kepu.txt", data)
		if res.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(body, "读取该文档时程序出错，文档未保存") {
			t.Errorf("faulty reading: %d %.300s", res.StatusCode, body)
		}
		if strings.Contains(body, "index out of range") || strings.Contains(body, "runtime error") {
			t.Error("the page shows the fault's internals")
		}
		if _, total, _ := ps.Plans.List(context.Background(), plan.PlanFilter{Scope: access.Everywhere()}); total != 0 {
			t.Errorf("a faulty reading saved %d plans", total)
		}
	})
}
