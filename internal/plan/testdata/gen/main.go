// Command gen writes the project's own binary test plans from the text
// beside it, byte for byte the same on every run:
//
//	rencai.txt → ../plans/rencai_fangan.docx (lines starting with "|" are the rows of a w:tbl)
//	chanye.txt → ../plans/chanye_fangan.pdf  (a text PDF; lines with two-space gaps are table rows laid out in columns)
//	xinghe.txt → ../plans/formats/xinghe_wps.docx (formats.go: the markup WPS and Word write around a text)
//	../plans/formats/xinghe_page.html → xinghe_gbk.html, xinghe_nocharset.html (formats.go: ../legacy_head.html, a kilobyte of ASCII, before the charset), xinghe_emsp.html, xinghe_layout.html
//	xinghe.txt → ../plans/formats/xinghe_textbox.docx (formats.go: two paragraphs in text boxes)
//	chenxi.txt → ../plans/formats/chenxi_symbols.docx (formats.go: ≥ ≤ ± as w:sym, a non-breaking hyphen)
//
// Run it from the repository root: go run ./internal/plan/testdata/gen
//
// The PDF uses a CID font (Identity-H, the code of each glyph is its Unicode
// code point) with a ToUnicode map and no embedded glyphs: pdftotext reads
// its text exactly, and a viewer shows it with whatever Song font it has.
package main

import (
	"archive/zip"
	"bytes"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"
)

func main() {
	dir := filepath.Join("internal", "plan", "testdata")
	src, err := os.ReadFile(filepath.Join(dir, "gen", "rencai.txt"))
	if err != nil {
		log.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "plans", "rencai_fangan.docx"), docx(string(src)), 0o644); err != nil {
		log.Fatal(err)
	}
	src, err = os.ReadFile(filepath.Join(dir, "gen", "chanye.txt"))
	if err != nil {
		log.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "plans", "chanye_fangan.pdf"), pdf(string(src)), 0o644); err != nil {
		log.Fatal(err)
	}
	tables(dir)
	numbered(dir)
	formats(dir)
}

func esc(s string) string {
	var b bytes.Buffer
	for _, r := range s {
		switch r {
		case '<':
			b.WriteString("&lt;")
		case '>':
			b.WriteString("&gt;")
		case '&':
			b.WriteString("&amp;")
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

func para(s string) string {
	return `<w:p><w:pPr><w:jc w:val="both"/></w:pPr><w:r><w:rPr><w:rFonts w:eastAsia="仿宋_GB2312"/></w:rPr><w:t xml:space="preserve">` + esc(s) + `</w:t></w:r></w:p>`
}

// docx writes a minimal Word document: one paragraph a line, table rows as
// w:tr with one paragraph per cell.
func docx(src string) []byte {
	var body strings.Builder
	inTable := false
	for _, line := range strings.Split(strings.TrimRight(src, "\n"), "\n") {
		if strings.HasPrefix(line, "|") {
			if !inTable {
				body.WriteString(`<w:tbl><w:tblPr><w:tblBorders><w:insideH w:val="single"/></w:tblBorders></w:tblPr>`)
				inTable = true
			}
			body.WriteString("<w:tr>")
			for _, cell := range strings.Split(line[1:], "|") {
				body.WriteString("<w:tc>" + para(cell) + "</w:tc>")
			}
			body.WriteString("</w:tr>")
			continue
		}
		if inTable {
			body.WriteString("</w:tbl>")
			inTable = false
		}
		body.WriteString(para(line))
	}
	if inTable {
		body.WriteString("</w:tbl>")
	}
	return docxPackage(body.String())
}

// docxFile is one part of a .docx package.
type docxFile struct{ name, body string }

// docxPackage zips a document body as a minimal .docx.
func docxPackage(body string) []byte {
	return docxZip([]docxFile{
		{"[Content_Types].xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`},
		{"_rels/.rels", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`},
		{"word/document.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>` + body + `</w:body></w:document>`},
	})
}

// docxZip zips the parts of a .docx, each dated the same so the file is
// the same on every run.
func docxZip(files []docxFile) []byte {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range files {
		w, err := zw.CreateHeader(&zip.FileHeader{Name: f.name, Method: zip.Deflate, Modified: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)})
		if err != nil {
			log.Fatal(err)
		}
		w.Write([]byte(f.body))
	}
	if err := zw.Close(); err != nil {
		log.Fatal(err)
	}
	return buf.Bytes()
}

// pdf lays the text out on A4 pages, 11 pt, 40 characters a line; a line
// whose cells are separated by two spaces is a table row, its cells at
// fixed columns.
func pdf(src string) []byte {
	const lead, left, top, width = 18.0, 60.0, 780.0, 40
	var pages [][]run
	var cur []run
	y := top
	put := func(x float64, s string) {
		if y < 60 {
			pages = append(pages, cur)
			cur, y = nil, top
		}
		cur = append(cur, run{x, y, s})
	}
	used := map[rune]bool{}
	for _, line := range strings.Split(strings.TrimRight(src, "\n"), "\n") {
		for _, r := range line {
			used[r] = true
		}
		if cells := strings.Split(line, "  "); len(cells) > 2 {
			cols := []float64{0, 30, 230, 290, 350, 410}
			for i, c := range cells {
				if i < len(cols) {
					put(left+cols[i], c)
				}
			}
			y -= lead
			continue
		}
		rs := []rune(line)
		for len(rs) > width {
			put(left, string(rs[:width]))
			rs = rs[width:]
			y -= lead
		}
		put(left, string(rs))
		y -= lead
	}
	pages = append(pages, cur)
	return pdfPages(pages, used)
}

// run is a piece of text set at (x, y) on a page.
type run struct {
	x, y float64
	s    string
}

// pdfPages writes the pages' runs as a PDF with one CID font covering the
// runes used.
func pdfPages(pages [][]run, used map[rune]bool) []byte {
	const size = 11.0
	var objs []string // objs[i] is object i+1
	add := func(s string) int { objs = append(objs, s); return len(objs) }
	var codes []rune
	for r := range used {
		codes = append(codes, r)
	}
	sort.Slice(codes, func(i, j int) bool { return codes[i] < codes[j] })
	var cmap strings.Builder
	cmap.WriteString("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n/CMapName /Kexie-UCS def\n/CMapType 2 def\n1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n")
	for i := 0; i < len(codes); i += 100 {
		chunk := codes[i:min(i+100, len(codes))]
		fmt.Fprintf(&cmap, "%d beginbfchar\n", len(chunk))
		for _, r := range chunk {
			fmt.Fprintf(&cmap, "<%04X> <%04X>\n", r, r)
		}
		cmap.WriteString("endbfchar\n")
	}
	cmap.WriteString("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n")
	toUni := add(fmt.Sprintf("<< /Length %d >>\nstream\n%sendstream", cmap.Len(), cmap.String()))
	var widths strings.Builder
	for _, r := range codes {
		if r < 0x2E80 {
			fmt.Fprintf(&widths, "%d [500] ", r)
		}
	}
	desc := add("<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>")
	cid := add(fmt.Sprintf("<< /Type /Font /Subtype /CIDFontType2 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor %d 0 R /DW 1000 /W [%s] /CIDToGIDMap /Identity >>", desc, widths.String()))
	font := add(fmt.Sprintf("<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /Identity-H /DescendantFonts [%d 0 R] /ToUnicode %d 0 R >>", cid, toUni))
	pagesID := len(objs) + 1 + 2*len(pages)
	var kids []string
	for _, p := range pages {
		var c strings.Builder
		for _, r := range p {
			fmt.Fprintf(&c, "BT /F1 %.0f Tf 1 0 0 1 %.1f %.1f Tm <", size, r.x, r.y)
			for _, ch := range r.s {
				fmt.Fprintf(&c, "%04X", ch)
			}
			c.WriteString("> Tj ET\n")
		}
		content := add(fmt.Sprintf("<< /Length %d >>\nstream\n%sendstream", c.Len(), c.String()))
		page := add(fmt.Sprintf("<< /Type /Page /Parent %d 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 %d 0 R >> >> /Contents %d 0 R >>", pagesID, font, content))
		kids = append(kids, fmt.Sprintf("%d 0 R", page))
	}
	add(fmt.Sprintf("<< /Type /Pages /Kids [%s] /Count %d >>", strings.Join(kids, " "), len(kids)))
	catalog := add(fmt.Sprintf("<< /Type /Catalog /Pages %d 0 R >>", pagesID))

	var out bytes.Buffer
	out.WriteString("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
	offsets := make([]int, len(objs))
	for i, o := range objs {
		offsets[i] = out.Len()
		fmt.Fprintf(&out, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	xref := out.Len()
	fmt.Fprintf(&out, "xref\n0 %d\n0000000000 65535 f \n", len(objs)+1)
	for _, off := range offsets {
		fmt.Fprintf(&out, "%010d 00000 n \n", off)
	}
	fmt.Fprintf(&out, "trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(objs)+1, catalog, xref)
	return out.Bytes()
}
