package plan

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// particularsPage reads a page of our own (testdata/plans/particulars)
// through the upload's entry.
func particularsPage(t *testing.T, file string) *Doc {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", "plans", "particulars", file))
	if err != nil {
		t.Fatal(err)
	}
	text, err := DocumentText(context.Background(), file, data)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := Ingest(strings.NewReader(text))
	if err != nil {
		t.Fatal(err)
	}
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
