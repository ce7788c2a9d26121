package plan

import (
	"bytes"
	"compress/zlib"
	"context"
	"errors"
	"fmt"
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
	// A PDF pdftotext cannot open says why, not "cannot be read: " and nothing.
	if _, err := DocumentText(ctx, "x.pdf", []byte("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n")); !errors.Is(err, ErrBadPDF) || strings.HasSuffix(err.Error(), ": ") {
		t.Errorf("broken PDF: %v", err)
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

// textBombPDF is a PDF of a few hundred kB that draws pages × lines × 80
// characters of text: one compressed content stream shown on every page.
func textBombPDF(t *testing.T, pages, lines int) []byte {
	t.Helper()
	var content bytes.Buffer
	for i := 0; i < lines; i++ {
		fmt.Fprintf(&content, "BT /F1 8 Tf 20 %d Td (%s) Tj ET\n", 780-i*10, strings.Repeat("Ab1 ", 20))
	}
	var z bytes.Buffer
	zw := zlib.NewWriter(&z)
	zw.Write(content.Bytes())
	zw.Close()
	var b bytes.Buffer
	var offsets []int
	obj := func(body string) {
		offsets = append(offsets, b.Len())
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", len(offsets), body)
	}
	b.WriteString("%PDF-1.4\n")
	kids := make([]string, pages)
	for i := range kids {
		kids[i] = fmt.Sprintf("%d 0 R", 5+i)
	}
	obj("<< /Type /Catalog /Pages 2 0 R >>")
	obj(fmt.Sprintf("<< /Type /Pages /Kids [%s] /Count %d >>", strings.Join(kids, " "), pages))
	obj("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
	obj(fmt.Sprintf("<< /Length %d /Filter /FlateDecode >>\nstream\n%s\nendstream", z.Len(), z.Bytes()))
	for range pages {
		obj("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> /Contents 4 0 R >>")
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(offsets)+1)
	for _, o := range offsets {
		fmt.Fprintf(&b, "%010d 00000 n \n", o)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(offsets)+1, xref)
	return b.Bytes()
}

// A small PDF that unpacks to more text than a plan has is refused while
// pdftotext is still writing, not read into memory whole; one that draws a
// little of the same text reads.
func TestPDFTextBound(t *testing.T) {
	testenv.Tool(t, "pdftotext")
	ctx := context.Background()
	small := textBombPDF(t, 3, 70)
	text, err := PDFText(ctx, small)
	if err != nil || strings.Count(text, "Ab1") != 3*70*20 {
		t.Fatalf("3 pages: %d of Ab1, %v", strings.Count(text, "Ab1"), err)
	}
	bomb := textBombPDF(t, 2000, 70) // about 11 MB of text from a file of under 400 kB
	if len(bomb) > 400<<10 {
		t.Fatalf("the test PDF is %d bytes", len(bomb))
	}
	if _, err := PDFText(ctx, bomb); !errors.Is(err, ErrTextTooLarge) {
		t.Fatalf("2,000 pages: %v, want ErrTextTooLarge", err)
	}
	if _, err := DocumentText(ctx, "方案.pdf", bomb); !errors.Is(err, ErrTextTooLarge) {
		t.Fatalf("DocumentText: %v, want ErrTextTooLarge", err)
	}
}
