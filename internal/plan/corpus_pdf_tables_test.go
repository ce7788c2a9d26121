package plan

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/chromedp/chromedp"

	"kexie/internal/web/webtest"
)

// TestFlatTablesAsPDF prints the tables of testdata/flat (flatTables: the
// text pastes them one cell a line) as an office's PDF of a page with a
// <table>, reads the PDF back as an upload does (pdftotext -layout, Unwrap)
// and asks for the text's readings. A table known to read apart in a .docx
// and a page (the extractor's rules: flatTables) is logged, not failed.
func TestFlatTablesAsPDF(t *testing.T) {
	if _, err := DocumentText(context.Background(), "x.pdf", []byte("%PDF-1.4")); err == ErrNoPDFTool {
		t.Skip("pdftotext is not installed")
	}
	ctx := webtest.Browser(t)
	for _, c := range flatTables {
		data, before, after := c.parts(t)
		page := filepath.Join(t.TempDir(), "table.html")
		if err := os.WriteFile(page, pageWithTable(before, c.rows, after), 0o600); err != nil {
			t.Fatal(err)
		}
		if err := chromedp.Do(ctx, chromedp.Navigate("file://"+page)); err != nil {
			t.Fatal(err)
		}
		pdf, err := chromedp.Run(ctx, chromedp.PrintToPDF())
		if err != nil {
			t.Fatal(err)
		}
		text, err := DocumentText(context.Background(), "x.pdf", pdf)
		if err != nil {
			t.Fatalf("%s as PDF: %v", c.file, err)
		}
		switch got, want := flatReadings(t, text), flatReadings(t, string(data)); {
		case got != want && c.apart != "":
			t.Logf("%s as PDF reads apart (known, as in a .docx and a page: %s)", c.file, c.apart)
		case got != want:
			t.Errorf("%s as PDF read\n%s\nthe text\n%s\nits PDF's text:\n%s", c.file, got, want, text)
		}
	}
}
