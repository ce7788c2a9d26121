package plan

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// particularsPage reads a page of our own (testdata/plans/particulars)
// through the upload's entry.
func particularsPage(t *testing.T, file string) *Doc {
	t.Helper()
	_, doc := ownDoc(t, filepath.Join("particulars", file))
	return doc
}

// TestParticularsNumberAfterOwn: a page's table of particulars numbers the
// document 〔2024〕 (a year before the number the text gives itself,
// 〔2025〕); the measures stay in force three years from their issue, so
// what they do 每年 is due by 2028, counted from the text's own number.
func TestParticularsNumberAfterOwn(t *testing.T) {
	doc := particularsPage(t, "xinghe_number.html")
	n := 0
	for _, in := range doc.Indicators {
		if !strings.Contains(in.Text, "每年") {
			continue
		}
		n++
		if in.DeadlineYear == nil || *in.DeadlineYear != 2028 {
			t.Errorf("«%s» due %s, want 2028 (the text's own number, 〔2025〕, not the particulars' 〔2024〕)", in.Text, probeReading(in))
		}
	}
	if n == 0 {
		t.Errorf("no 每年 target read: %v", doc.Indicators)
	}
}

// TestParticularsRow: the rows of a page's particulars as the extractor's
// lines hold them, letter-spaced labels too; a sentence is none.
func TestParticularsRow(t *testing.T) {
	for l, want := range map[string]bool{
		"发文字号: 星府发〔2024〕31号 发布日期: 2024年12月27日": true,
		"索 引 号: 11000000XH0000001A/2024-00031": true,
		"标　　题: 星河市人民政府关于印发…的通知":                true,
		"星府发〔2025〕2号":                          false,
		"一、支持数据企业做大做强: 每年发放数据券":                false,
	} {
		if got := particularsRow(l); got != want {
			t.Errorf("particularsRow(%q) = %v, want %v", l, got, want)
		}
	}
}

// TestPageTrailer: the heading of a page's related links (相关链接) and its
// links to the previous and next pages (上一篇, 下一篇：没有了) are the
// site's; the plan's last line, a phrase without a full stop, does not run
// on into them.
func TestPageTrailer(t *testing.T) {
	text := ownText(t, filepath.Join("particulars", "xinghe_trailer.html"))
	for _, w := range []string{"相关链接", "上一篇", "下一篇", "没有了"} {
		if strings.Contains(text, w) {
			t.Errorf("the page's text holds its trailer (%s):\n%s", w, text)
		}
	}
	doc := particularsPage(t, "xinghe_trailer.html")
	last := doc.Indicators[len(doc.Indicators)-1]
	if !strings.HasSuffix(last.Text, "2027年新建换电站30座") {
		t.Errorf("the last target reads «%s», want it to end with the plan's «2027年新建换电站30座»", last.Text)
	}
}

// TestParticularsTitleRow: the row of a page's particulars that names the
// document (标题: 星河市交通委员会关于印发《…》的通知) gives the issuer
// without its label, and the rows and the line of the posting's date and
// source above the text do not put the plan's own years (实施期为2025—2027
// 年, the text's 36th line) out of the opening lines they are sought in.
func TestParticularsTitleRow(t *testing.T) {
	doc := particularsPage(t, "xinghe_span.html")
	if doc.Title != "星河市绿色交通行动计划" {
		t.Errorf("title %q, want 星河市绿色交通行动计划", doc.Title)
	}
	if doc.Issuer == nil || *doc.Issuer != "星河市交通委员会" {
		t.Errorf("issuer %v, want 星河市交通委员会", deref(doc.Issuer))
	}
	if p := doc.Period; p.Start == nil || p.End == nil || *p.Start != 2025 || *p.End != 2027 {
		t.Errorf("period %v–%v, want 2025–2027", deref(p.Start), deref(p.End))
	}
}

// deref is what p points to, "nil" for nil.
func deref[T any](p *T) any {
	if p == nil {
		return "nil"
	}
	return *p
}

// TestParticularsReportYear: a work report's page dates its particulars
// the year before it is delivered (成文日期 2025年12月30日); the report's
// own line (――2026年1月20日在…会议上, dashes U+2015), among its opening lines when the
// particulars are not counted, makes the year's targets due 2026.
func TestParticularsReportYear(t *testing.T) {
	doc := particularsPage(t, "xinghe_report.html")
	if p := doc.Period; p.Start == nil || p.End == nil || *p.Start != 2026 || *p.End != 2026 {
		t.Errorf("period %v–%v, want 2026–2026", deref(p.Start), deref(p.End))
	}
	for _, in := range doc.Indicators {
		if strings.Contains(in.Text, "8000个") && (in.DeadlineYear == nil || *in.DeadlineYear != 2026) {
			t.Errorf("«%s» due %v, want 2026", in.Text, deref(in.DeadlineYear))
		}
	}
}

// TestParticularsDoneReport: a circular (…给予表扬的通报) reports what was
// done; above its title a page's particulars, its title again and the line
// of its posting do not hide that (doneReport reads the title from the
// first lines): the page reads as its text.
func TestParticularsDoneReport(t *testing.T) {
	src, err := os.ReadFile(filepath.Join("testdata", "plans", "particulars", "xinghe_circular.txt"))
	if err != nil {
		t.Fatal(err)
	}
	a, err := Ingest(strings.NewReader(string(src)))
	if err != nil {
		t.Fatal(err)
	}
	ra, rb := formatReadings(a), formatReadings(particularsPage(t, "xinghe_circular.html"))
	if !slices.Equal(ra, rb) {
		t.Errorf("the page reads apart from its text: %d and %d readings; first apart: %s", len(ra), len(rb), firstApart(ra, rb))
	}
}
