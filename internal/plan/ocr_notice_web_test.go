package plan_test

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"kexie/internal/access"
	"kexie/internal/plan"
)

// ocrPlan is a plan's text as an OCR'd scan gives it (letters and odd signs
// inside its numbers), with markup in the words beside one of them: the
// notice quotes the document, escaped.
const ocrPlan = `某市科学技术普及“十五五”规划（2026—2030年）

一、发展目标

到2030年，全市具备科学素质的公民比例达到2O％，科普场馆<i>x</i>达到1L 7万人次。
科普经费投入达到3H00万元，培育科普讲解员1g85名。
（一）基础设施
新建社区科普站巧2个，全市科普基地总数增长21，7％，科普图书出版增长6‰。
科普人员人均培训时长达到1 · 4天，线上科普覆盖率达到l5%。
`

// saveOCRDraft stores ocrPlan as a draft read by Ingest and returns its page.
func saveOCRDraft(t *testing.T, ps planSite) string {
	t.Helper()
	doc, err := plan.Ingest(strings.NewReader(ocrPlan))
	if err != nil {
		t.Fatal(err)
	}
	if doc.OCR == nil {
		t.Fatal("fixture: Ingest sets no OCR notice")
	}
	id, err := ps.Plans.Save(t.Context(), ps.City.ID, doc, "saomiao.pdf", ocrPlan, []byte(ocrPlan))
	if err != nil {
		t.Fatal(err)
	}
	return fmt.Sprintf("/plans/%d", id)
}

// A draft whose text looks OCR'd tells the reviewer so, in Chinese first,
// with the count and links to the first places in the source text; the
// document's words in the notice are escaped. A clean draft and a
// published plan show no notice.
func TestPlanReviewOCRNotice(t *testing.T) {
	eachDB(t, func(t *testing.T, ps planSite) {
		staff, _ := ps.User(t, "planner", access.OrgStaff, ps.City)
		page := saveOCRDraft(t, ps)
		_, body := staff.Get(page)
		notice := regexp.MustCompile(`(?s)<div class="flash flash-warn" id="ocr-notice" role="note">.*?</div>`).FindString(body)
		if notice == "" {
			t.Fatalf("no notice on the page: %.2000s", body)
		}
		for _, want := range []string{"本文件的文字像是扫描后识别（OCR）得来的：有 8 处数字夹杂字母或异常符号，识别出的指标数值可能有误，请逐条对照原件核对。",
			`例如：<a href="#ocr-0">第 5 行“质的公民比例达到<strong>2O</strong>％，科普场馆&lt;i”</a>；`,
			`<a href="#ocr-1">第 5 行“&gt;x&lt;/i&gt;达到<strong>1L 7</strong>万人次。”</a>`,
			`<a href="#ocr-4">第 8 行`} {
			if !strings.Contains(notice, want) {
				t.Errorf("notice lacks %s: %s", want, notice)
			}
		}
		if strings.Contains(body, "<i>x</i>") {
			t.Errorf("the document's markup is not escaped")
		}
		src := part(body, "plan-source")
		// 21，7％ is read as a target of 7％ (the misreading the notice warns
		// of): the spot reaches into its mark, which takes the anchor.
		for k, text := range []string{"2O", "1L 7", "3H00", "1g85", "7％"} {
			if !regexp.MustCompile(fmt.Sprintf(`id="ocr-%d"[^>]*>[^<]*%s`, k, regexp.QuoteMeta(text))).MatchString(src) {
				t.Errorf("source text: no anchor ocr-%d on %q: %.3000s", k, text, src)
			}
		}
		if strings.Contains(src, `id="ocr-5"`) {
			t.Errorf("source text anchors more places than the notice lists")
		}

		_, en := staff.Get(page + "?lang=en")
		if !strings.Contains(en, "This document&#39;s text looks like it was made by OCR from a scan: 8 numbers contain letters or unusual signs") ||
			!strings.Contains(en, `For example: <a href="#ocr-0">line 5 “`) {
			t.Errorf("English notice: %s", regexp.MustCompile(`(?s)id="ocr-notice".*?</div>`).FindString(en))
		}
		staff.Get(page + "?lang=zh-CN")

		data, rr := readReview(t)
		id, err := ps.Plans.Save(t.Context(), ps.City.ID, rr.draft, "qingshan.txt", string(data), data)
		if err != nil {
			t.Fatal(err)
		}
		if _, clean := staff.Get(fmt.Sprintf("/plans/%d", id)); strings.Contains(clean, "ocr-notice") || strings.Contains(clean, `class="ocr"`) {
			t.Errorf("a clean draft shows the notice")
		}
		p, err := ps.Plans.Get(t.Context(), idOf(t, page))
		if err != nil {
			t.Fatal(err)
		}
		if err := ps.Plans.Publish(t.Context(), p.ID); err != nil {
			t.Fatal(err)
		}
		if _, body := staff.Get(page); strings.Contains(body, "ocr-notice") {
			t.Errorf("a published plan shows the notice")
		}
	})
}
