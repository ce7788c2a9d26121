package plan

import (
	"context"
	"fmt"
	"html"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/chromedp/chromedp"

	"kexie/internal/web/webtest"
)

// TestPDFCorpus prints development documents as an office's PDF — A4, the
// official layout's paragraphs two characters in, a page's number under
// each page (— 2 —) — reads each back as an upload does (pdftotext -layout,
// Unwrap) and asks for the text's reading: the same quantities in the same
// order with the same value, unit, comparator, deadline, period and
// standing, and as many sections. A PDF's page width breaks every
// paragraph into lines and a page can end inside a word, so this measures
// Unwrap against the reading of the text itself. A web page's markdown is
// taken out first (printable), and texts with markdown tables or with lines a
// page already broke are left out: no office prints them so.
// Development data only (tune half, extra, the retired held-out sets),
// about 36 documents; at most 6 % may read apart (D162).
func TestPDFCorpus(t *testing.T) {
	if os.Getenv("KEXIE_CORPUS") == "" {
		t.Skip("KEXIE_CORPUS is not set: the development corpus of plan documents is an extra corpus")
	}
	if _, err := DocumentText(context.Background(), "x.pdf", []byte("%PDF-1.4")); err == ErrNoPDFTool {
		t.Skip("pdftotext is not installed")
	}
	ctx := webtest.Browser(t)
	var texts, names []string
	for _, d := range devTexts(t) {
		if !tableRow.MatchString(d.text) && paragraphALine(d.text) {
			texts, names = append(texts, printable(d.text)), append(names, d.name)
		}
	}
	docs, apart := 0, 0
	step := max(1, len(texts)/36) // about 36 documents: every third with the retired sets named, all of the tune half alone
	for i := 0; i < len(texts); i += step {
		pdf, err := printOfficePDF(ctx, texts[i])
		if err != nil {
			t.Fatalf("%s: print: %v", names[i], err)
		}
		text, err := DocumentText(context.Background(), "x.pdf", pdf)
		if err != nil {
			t.Errorf("%s: the printed PDF: %v", names[i], err)
			continue
		}
		a, errA := Ingest(strings.NewReader(texts[i]))
		b, errB := Ingest(strings.NewReader(text))
		if errA != nil {
			continue // (a text read as no plan: nothing to compare)
		}
		docs++
		if errB != nil {
			apart++
			t.Logf("%s: the text reads, its PDF not: %v", names[i], errB)
			continue
		}
		ra, rb := pdfReadings(a), pdfReadings(b)
		if !slices.Equal(ra, rb) || len(a.Sections) != len(b.Sections) {
			apart++
			t.Logf("%s: its PDF reads apart: %d and %d quantities, %d and %d sections; first apart: %s",
				names[i], len(ra), len(rb), len(a.Sections), len(b.Sections), firstApart(ra, rb))
		}
	}
	t.Logf("%d development documents printed as PDF and read back: %d alike, %d apart", docs, docs-apart, apart)
	if docs == 0 || apart*100 > docs*6 {
		t.Errorf("%d of %d printed documents read apart from their text (at most 6 %%)", apart, docs)
	}
}

// paragraphALine reports a text written a paragraph a line: most of its
// long lines end a sentence or a clause. A text whose lines a page's width
// already broke (a PDF's text saved as .txt) is left out: printed a line a
// paragraph, each broken line would open a paragraph of its own.
func paragraphALine(text string) bool {
	long, ends := 0, 0
	for _, l := range strings.Split(text, "\n") {
		l = strings.TrimSpace(l)
		if utf8.RuneCountInString(l) < 20 {
			continue
		}
		long++
		if r, _ := utf8.DecodeLastRuneInString(l); strings.ContainsRune("。；;：:！？!?）)”", r) {
			ends++
		}
	}
	return long > 0 && ends*10 >= long*6
}

// tableRow finds a markdown table's row: a text with one is left out (no
// office prints a table as lines of bars).
var tableRow = regexp.MustCompile(`(?m)^\s*\|`)

// printable is text without a web page's markdown, as an office would
// print it: no heading hashes, no bold marks, a link's words without its
// address. Both readings compared are of this text.
func printable(text string) string {
	text = hashes.ReplaceAllString(text, "")
	text = link.ReplaceAllString(text, "$1")
	return strings.ReplaceAll(text, "**", "")
}

var (
	hashes = regexp.MustCompile(`(?m)^#+[ \t]*`)
	link   = regexp.MustCompile(`!?\[([^\]\n]*)\]\([^)\n]*\)`)
)

// printOfficePDF prints text as an office's A4 PDF, one paragraph a line of the
// text, indented two characters, a page's number under each page.
func printOfficePDF(ctx context.Context, text string) ([]byte, error) {
	var b strings.Builder
	b.WriteString(`<!doctype html><html><head><meta charset="utf-8"><style>` +
		`@page{size:A4;margin:25mm;@bottom-center{content:"— " counter(page) " —"}}` +
		`body{font-family:"Noto Serif CJK SC","Noto Sans CJK SC",serif;font-size:12pt}` +
		`p{margin:0;white-space:pre-wrap;text-indent:2em}</style></head><body>`)
	for _, l := range strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n") {
		if strings.TrimSpace(l) == "" {
			l = "&nbsp;"
		} else {
			l = html.EscapeString(l)
		}
		b.WriteString("<p>" + l + "</p>")
	}
	f := filepath.Join(os.TempDir(), fmt.Sprintf("kexie-pdfcorpus-%d.html", os.Getpid()))
	if err := os.WriteFile(f, []byte(b.String()+"</body></html>"), 0o600); err != nil {
		return nil, err
	}
	defer os.Remove(f)
	if err := chromedp.Do(ctx, chromedp.Navigate("file://"+f)); err != nil {
		return nil, err
	}
	pdf, err := chromedp.Run(ctx, chromedp.PrintToPDF(chromedp.PDFPreferCSSPageSize()))
	return pdf, err
}

// pdfReadings gives each quantity of doc as its phrase without spaces (a
// PDF's lines differ from the text's) and its reading.
func pdfReadings(doc *Doc) []string {
	var out []string
	for _, in := range doc.Indicators {
		out = append(out, strings.Join(strings.Fields(in.Text), "")+" "+probeReading(in))
	}
	return out
}
