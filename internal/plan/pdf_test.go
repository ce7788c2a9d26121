package plan

import (
	"context"
	"errors"
	"html"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"kexie/internal/testenv"
)

// printPDF has Chromium print an HTML body to a PDF, the way an office
// exports a plan document.
func printPDF(t *testing.T, body string) []byte {
	t.Helper()
	chrome := testenv.Chromium(t)
	dir := t.TempDir()
	page := filepath.Join(dir, "doc.html")
	out := filepath.Join(dir, "doc.pdf")
	if err := os.WriteFile(page, []byte(`<!doctype html><html><head><meta charset="utf-8"></head><body>`+body+`</body></html>`), 0o600); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(chrome, "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer", "--print-to-pdf="+out, "file://"+page)
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("chromium --print-to-pdf: %v\n%s", err, b)
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func TestPDFDocument(t *testing.T) {
	testenv.Tool(t, "pdftotext")
	ctx := context.Background()
	src, err := os.ReadFile(filepath.Join("testdata", "plans", "kepu_xingdong.txt"))
	if err != nil {
		t.Fatal(err)
	}
	// The plan printed to PDF (lines broken at the page width) reads as the text does.
	pdf := printPDF(t, `<pre style="white-space:pre-wrap;font-size:12pt">`+html.EscapeString(string(src))+`</pre>`)
	text, err := DocumentText(ctx, "方案.pdf", pdf)
	if err != nil {
		t.Fatal(err)
	}
	fromPDF, err := Ingest(strings.NewReader(text))
	if err != nil {
		t.Fatal(err)
	}
	_, fromText := ownDoc(t, "kepu_xingdong.txt")
	if fromPDF.Title != fromText.Title {
		t.Errorf("title %q, want %q", fromPDF.Title, fromText.Title)
	}
	count := func(secs []*Section) int {
		n := 0
		var walk func([]*Section)
		walk = func(ss []*Section) {
			for _, s := range ss {
				n++
				walk(s.Children)
			}
		}
		walk(secs)
		return n
	}
	if a, b := count(fromPDF.Sections), count(fromText.Sections); a < b*9/10 || a > b {
		t.Errorf("%d sections from the PDF, %d from the text", a, b)
	}
	if len(fromPDF.Indicators) != len(fromText.Indicators) || len(fromPDF.Responsibilities) != len(fromText.Responsibilities) {
		t.Errorf("PDF: %d indicators, %d responsibilities; text: %d, %d", len(fromPDF.Indicators), len(fromPDF.Responsibilities),
			len(fromText.Indicators), len(fromText.Responsibilities))
	}
	for i := range fromText.Indicators {
		// Spaces between a number and Chinese text come and go with the layout.
		nospace := func(s string) string { return strings.Join(strings.Fields(s), "") }
		if i < len(fromPDF.Indicators) && nospace(fromPDF.Indicators[i].Text) != nospace(fromText.Indicators[i].Text) {
			t.Errorf("indicator %d: %q from the PDF, %q from the text", i, fromPDF.Indicators[i].Text, fromText.Indicators[i].Text)
		}
	}

	// A scan: a picture and no text.
	scan := printPDF(t, `<img alt="" width="400" height="300" src="data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==">`)
	if _, err := DocumentText(ctx, "扫描件.pdf", scan); !errors.Is(err, ErrPDFNoText) {
		t.Errorf("scanned PDF: %v, want ErrPDFNoText", err)
	}
	// Not a PDF, and a broken one.
	if _, err := DocumentText(ctx, "x.pdf", []byte("PK\x03\x04 a zip")); !errors.Is(err, ErrBadPDF) {
		t.Errorf("zip named .pdf: %v", err)
	}
	if _, err := DocumentText(ctx, "x.pdf", pdf[:len(pdf)/3]); err == nil {
		t.Error("a truncated PDF was read")
	}
	if _, err := DocumentText(ctx, "x.xls", []byte("x")); !errors.Is(err, ErrFormat) {
		t.Errorf("xls: %v", err)
	}
}

func TestUnwrap(t *testing.T) {
	full := strings.Repeat("科", 40)
	in := "标题\n一、总体目标\n" + full + "\n到2020年达到8%。\n（一）任务\n" + full + "。\n短行\n" + strings.Repeat(full+"\n", 10)
	out := Unwrap(in)
	if !strings.Contains(out, full+"到2020年达到8%。") {
		t.Errorf("a wrapped line was not joined:\n%s", out)
	}
	if !strings.Contains(out, "\n（一）任务\n") || !strings.Contains(out, "一、总体目标\n") {
		t.Errorf("headings were joined:\n%s", out)
	}
	if !strings.Contains(out, full+"。\n短行") {
		t.Errorf("a finished sentence was joined:\n%s", out)
	}
}
