package plan

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// readAlike reads a plan of our own as its text (testdata/gen) and as a
// document made of it (testdata/plans/formats) through the upload's entry,
// and asks for the same lines (tabs kept; blank ones aside but in a .docx,
// which holds them as empty paragraphs) and the same reading.
func readAlike(t *testing.T, textFile, docFile string) {
	t.Helper()
	src, err := os.ReadFile(filepath.Join("testdata", "gen", textFile))
	if err != nil {
		t.Fatal(err)
	}
	text := ownText(t, filepath.Join("formats", docFile))
	lines := func(s string) []string {
		var out []string
		for _, l := range strings.Split(s, "\n") {
			if strings.TrimSpace(l) != "" {
				out = append(out, strings.Trim(l, " \r")) // a tab is a cell's edge: kept
			}
		}
		return out
	}
	if a, b := lines(string(src)), lines(text); !slices.Equal(a, b) {
		t.Errorf("%s: %d lines, the text %d; first apart: %s", docFile, len(b), len(a), firstApart(a, b))
	}
	if a, b := strings.Split(strings.TrimRight(string(src), "\n"), "\n"), strings.Split(strings.TrimRight(text, "\n"), "\n"); strings.HasSuffix(docFile, ".docx") && !slices.Equal(a, b) {
		// a paragraph a line, an empty one a blank line: a .docx holds the text's blank lines too
		t.Errorf("%s: %d lines with the blank ones, the text %d; first apart: %s", docFile, len(b), len(a), firstApart(a, b))
	}
	a, err := Ingest(strings.NewReader(string(src)))
	if err != nil {
		t.Fatal(err)
	}
	b, err := Ingest(strings.NewReader(text))
	if err != nil {
		t.Fatal(err)
	}
	if ra, rb := formatReadings(a), formatReadings(b); !slices.Equal(ra, rb) {
		t.Errorf("%s: %d readings, the text %d; first apart: %s", docFile, len(rb), len(ra), firstApart(ra, rb))
	}
}

// A .docx as WPS saves a plan: tab stops in every paragraph's properties
// (w:pPr/w:tabs), runs cut where the script changes, bookmarks and
// proofing marks. A tab stop is no character: it put tabs before every
// line, and a table's rows (cells apart by w:tab) began with empty cells.
func TestDocxAsWPSReadsAsText(t *testing.T) {
	readAlike(t, "xinghe.txt", "xinghe_wps.docx")
}

// A page as Word's "save as web page" writes a plan: its source wrapped at
// 76 characters, a line end where a space was. A line end between two
// digits or two Latin letters is a space, as a browser shows it: 0.5 and
// 0.55 stayed two values, not 0.50.55.
func TestWordPageReadsAsText(t *testing.T) {
	readAlike(t, "xinghe.txt", "xinghe_word.html")
}

// A page as a city's site publishes a plan: its buttons 【打印本页】
// 【关闭窗口】 are links to a script, the site's, not the plan's text; they
// were read as the plan's last line.
func TestSitePageReadsAsText(t *testing.T) {
	readAlike(t, "xinghe.txt", "xinghe_page.html")
}

// Pages of an older template: a kilobyte of scripts and styles, all ASCII,
// before the meta of the page's charset (GB2312, the page in GBK) or with
// none (the page in UTF-8). The standard's prescan reads that kilobyte
// only and took either page for windows-1252: its text was Latin letters.
func TestLegacyPagesReadAsText(t *testing.T) {
	readAlike(t, "xinghe.txt", "xinghe_gbk.html")
	readAlike(t, "xinghe.txt", "xinghe_nocharset.html")
}

// The older template's head is one file, testdata/legacy_head.html: the
// generator's pages (testdata/gen) and the probe's (pageLegacy) start with
// it, and its first kilobyte is ASCII, as the pages above need.
func TestLegacyHeadIsOne(t *testing.T) {
	head, err := os.ReadFile(filepath.Join("testdata", "legacy_head.html"))
	if err != nil {
		t.Fatal(err)
	}
	if len(head) < 1024 || slices.ContainsFunc(head[:1024], func(b byte) bool { return b >= 0x80 }) {
		t.Errorf("the head's first kilobyte is not all ASCII (%d bytes)", len(head))
	}
	for _, name := range []string{"xinghe_gbk.html", "xinghe_nocharset.html"} {
		page, err := os.ReadFile(filepath.Join("testdata", "plans", "formats", name))
		if err != nil {
			t.Fatal(err)
		}
		if !strings.HasPrefix(string(page), string(head)) {
			t.Errorf("%s does not start with testdata/legacy_head.html", name)
		}
	}
	for _, gbk := range []bool{true, false} {
		if !strings.HasPrefix(string(pageLegacy("一、总则\n", gbk)), string(head)) {
			t.Errorf("pageLegacy(gbk %v) does not start with testdata/legacy_head.html", gbk)
		}
	}
}

// A .docx with its title and a paragraph of targets in text boxes: Word
// writes a text box's text twice, in mc:Choice and again in mc:Fallback for
// older readers. Read once: read twice, the box's targets were counted
// twice. The paragraph that anchors a box ends with it: it left an empty
// line the text does not have (a blank line moves a deadline a paragraph
// inherits: heldout15's 01, heldout19's 01 with their titles in a box).
func TestDocxTextBoxReadsAsText(t *testing.T) {
	readAlike(t, "xinghe.txt", "xinghe_textbox.docx")
}

// A .docx whose ≥ ≤ ± are the Symbol font's (w:sym) and whose 2026-2028
// has a non-breaking hyphen (w:noBreakHyphen): elements with no text, they
// were lost — a bound read as a value (≥5万人 as 5万人), the plan's years
// as 20262028.
func TestDocxSymbolsReadAsText(t *testing.T) {
	readAlike(t, "chenxi.txt", "chenxi_symbols.docx")
}

// A page whose paragraphs an editor indented with two &emsp; each: the
// indent is the page's layout and was left before every line (in a table
// pasted one cell a line it moved a cell's deadline: heldout18's 01).
func TestIndentedPageReadsAsText(t *testing.T) {
	readAlike(t, "xinghe.txt", "xinghe_emsp.html")
}

// A page laid out in a table, as older sites are: a row of menu links (a
// row all links is the site's menu, as an item all links is), then a spacer
// cell beside the cell of the article (a cell of blocks, not of data: its
// lines are lines, not the row's cells — the article's first line began
// with a tab, or with the text of the cells beside it).
func TestLayoutPageReadsAsText(t *testing.T) {
	readAlike(t, "xinghe.txt", "xinghe_layout.html")
}

// A page's source pasted into the upload form, copied from a GBK site: the
// paste is text (UTF-8) whatever charset its meta declares; read as GBK,
// its Chinese was mojibake.
func TestPastedGBKSourceReadsAsText(t *testing.T) {
	src, err := os.ReadFile(filepath.Join("testdata", "gen", "xinghe.txt"))
	if err != nil {
		t.Fatal(err)
	}
	page, err := os.ReadFile(filepath.Join("testdata", "plans", "formats", "xinghe_page.html"))
	if err != nil {
		t.Fatal(err)
	}
	pasted := strings.Replace(string(page), `<meta charset="utf-8">`, `<meta http-equiv="Content-Type" content="text/html; charset=gb2312">`, 1)
	text, err := PastedText(pasted)
	if err != nil {
		t.Fatal(err)
	}
	a, err := Ingest(strings.NewReader(string(src)))
	if err != nil {
		t.Fatal(err)
	}
	b, err := Ingest(strings.NewReader(text))
	if err != nil {
		t.Fatal(err)
	}
	if ra, rb := formatReadings(a), formatReadings(b); !slices.Equal(ra, rb) {
		t.Errorf("pasted: %d readings, the text %d; first apart: %s", len(rb), len(ra), firstApart(ra, rb))
	}
}
