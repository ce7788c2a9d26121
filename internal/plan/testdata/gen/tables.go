package main

import (
	"fmt"
	"html"
	"log"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"unicode/utf8"
)

// tables writes the plans with indicator tables (linjiang.txt, qinghe.txt, xiyuan.txt,
// songchuan.txt)
// in every format the extractor reads:
//
//	NAME.docx       a w:tbl with vMerge (a cell spanning rows) and gridSpan (columns)
//	NAME.pdf        laid out in columns, names wrapped in their column, pages numbered
//	NAME.html       a <table> with rowspan and colspan, <sup> footnote marks
//	NAME.md         a Markdown table (merged cells empty)
//	NAME_cells.txt  the table pasted one cell a line (merged cells given once, a blank cell an empty line)
//	NAME_cells2.txt the same, a blank cell left out (as a browser's copy may give it)
//	NAME_tabs.txt   the table pasted with a tab between cells (merged cells empty)
//
// In the source a table is written between "[[table header=N widths=…
// valign=…]]" and "]]", one row a line, cells apart by "|": "^" is the cell
// above it spanning down, "<" the cell left of it spanning right, and a
// line "[[page]]" starts a new page in the PDF. ¹²³ are footnote marks.
func tables(dir string) {
	for _, name := range []string{"linjiang", "qinghe", "songchuan", "xiyuan"} {
		src, err := os.ReadFile(filepath.Join(dir, "gen", name+".txt"))
		if err != nil {
			log.Fatal(err)
		}
		doc := parseDoc(string(src))
		for suffix, data := range map[string][]byte{
			".docx": doc.docx(), ".pdf": doc.pdf(), ".html": []byte(doc.html()), ".md": []byte(doc.markdown()),
			"_cells.txt": []byte(doc.cellLines(true)), "_cells2.txt": []byte(doc.cellLines(false)), "_tabs.txt": []byte(doc.tabs()),
		} {
			if err := os.WriteFile(filepath.Join(dir, "plans", name+suffix), data, 0o644); err != nil {
				log.Fatal(err)
			}
		}
	}
}

// block is a paragraph (text) or a table.
type block struct {
	text string
	tbl  *gtable
}

type gtable struct {
	header int   // rows of the header
	widths []int // each column's width in characters (PDF)
	center bool  // cells centred vertically (PDF), else at the top
	rows   [][]string
	pageAt map[int]bool // a new page before this row (PDF)
}

type gdoc struct{ blocks []block }

func parseDoc(src string) gdoc {
	var d gdoc
	var t *gtable
	for _, line := range strings.Split(strings.TrimRight(src, "\n"), "\n") {
		switch {
		case strings.HasPrefix(line, "[[table"):
			t = &gtable{pageAt: map[int]bool{}}
			for _, f := range strings.Fields(strings.Trim(line, "[]")) {
				k, v, _ := strings.Cut(f, "=")
				switch k {
				case "header":
					t.header, _ = strconv.Atoi(v)
				case "widths":
					for _, w := range strings.Split(v, ",") {
						n, _ := strconv.Atoi(w)
						t.widths = append(t.widths, n)
					}
				case "valign":
					t.center = v == "center"
				}
			}
		case t != nil && line == "]]":
			d.blocks = append(d.blocks, block{tbl: t})
			t = nil
		case t != nil && line == "[[page]]":
			t.pageAt[len(t.rows)] = true
		case t != nil:
			t.rows = append(t.rows, strings.Split(line, "|"))
		default:
			d.blocks = append(d.blocks, block{text: line})
		}
	}
	return d
}

// merged reports a cell spanned by its neighbour.
func merged(c string) bool { return c == "^" || c == "<" }

// span is how many rows and columns the cell at (r, j) spans.
func (t *gtable) span(r, j int) (rows, cols int) {
	rows, cols = 1, 1
	for r+rows < len(t.rows) && t.rows[r+rows][j] == "^" {
		rows++
	}
	for j+cols < len(t.rows[r]) && t.rows[r][j+cols] == "<" {
		cols++
	}
	return rows, cols
}

// width is the width in characters of cols columns from column j.
func (t *gtable) width(j, cols int) int {
	w := 0
	for k := j; k < j+cols; k++ {
		w += t.widths[k]
	}
	return w
}

var supDigits = map[rune]string{'¹': "1", '²': "2", '³': "3"}

// docx writes the document with its tables as w:tbl: a cell spanning rows
// is w:vMerge restart then continue, one spanning columns w:gridSpan; a
// footnote mark is a superscript run.
func (d gdoc) docx() []byte {
	var b strings.Builder
	runs := func(s string) string {
		var out strings.Builder
		plain := ""
		flush := func() {
			if plain != "" {
				out.WriteString(`<w:r><w:t xml:space="preserve">` + esc(plain) + `</w:t></w:r>`)
				plain = ""
			}
		}
		for _, r := range s {
			if dgt, ok := supDigits[r]; ok {
				flush()
				out.WriteString(`<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:t>` + dgt + `</w:t></w:r>`)
				continue
			}
			plain += string(r)
		}
		flush()
		return out.String()
	}
	for _, bl := range d.blocks {
		if bl.tbl == nil {
			b.WriteString(`<w:p>` + runs(bl.text) + `</w:p>`)
			continue
		}
		t := bl.tbl
		b.WriteString(`<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr><w:tblGrid>`)
		for _, w := range t.widths {
			fmt.Fprintf(&b, `<w:gridCol w:w="%d"/>`, w*210)
		}
		b.WriteString(`</w:tblGrid>`)
		for r, row := range t.rows {
			b.WriteString("<w:tr>")
			if r < t.header {
				b.WriteString(`<w:trPr><w:tblHeader/></w:trPr>`)
			}
			for j := 0; j < len(row); j++ {
				c := row[j]
				if c == "<" {
					continue
				}
				src := r
				for src > 0 && t.rows[src][j] == "^" {
					src--
				}
				rows, cols := t.span(src, j)
				b.WriteString("<w:tc><w:tcPr>")
				if cols > 1 {
					fmt.Fprintf(&b, `<w:gridSpan w:val="%d"/>`, cols)
				}
				switch {
				case c == "^":
					b.WriteString(`<w:vMerge/>`)
				case rows > 1:
					b.WriteString(`<w:vMerge w:val="restart"/>`)
				}
				b.WriteString(`<w:vAlign w:val="center"/></w:tcPr><w:p>`)
				if c != "^" {
					b.WriteString(runs(c))
				}
				b.WriteString("</w:p></w:tc>")
			}
			b.WriteString("</w:tr>")
		}
		b.WriteString("</w:tbl>")
	}
	return docxPackage(b.String())
}

// html writes a government site's page: its navigation, then the plan
// with its tables as <table> (rowspan, colspan, a <thead> of th cells).
func (d gdoc) html() string {
	var b strings.Builder
	b.WriteString("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>" + html.EscapeString(d.blocks[0].text) + "</title></head>\n<body>\n")
	b.WriteString("<div class=\"nav\"><a href=\"/\">首页</a> &gt; <a href=\"/zwgk\">政务公开</a> &gt; 规划计划</div>\n<div class=\"article\">\n")
	cellHTML := func(s string) string {
		var out strings.Builder
		for _, r := range s {
			if dgt, ok := supDigits[r]; ok {
				out.WriteString("<sup>" + dgt + "</sup>")
			} else {
				out.WriteString(html.EscapeString(string(r)))
			}
		}
		return out.String()
	}
	for i, bl := range d.blocks {
		if bl.tbl == nil {
			if bl.text != "" {
				tag := "p"
				if i == 0 {
					tag = "h1"
				}
				fmt.Fprintf(&b, "<%s>%s</%s>\n", tag, cellHTML(bl.text), tag)
			}
			continue
		}
		t := bl.tbl
		b.WriteString("<table border=\"1\" cellspacing=\"0\">\n")
		for r, row := range t.rows {
			if r == 0 && t.header > 0 {
				b.WriteString("<thead>\n")
			}
			if r == t.header {
				b.WriteString("<tbody>\n")
			}
			tag := "td"
			if r < t.header {
				tag = "th"
			}
			b.WriteString("<tr>")
			for j, c := range row {
				if merged(c) {
					continue
				}
				rows, cols := t.span(r, j)
				b.WriteString("<" + tag)
				if rows > 1 {
					fmt.Fprintf(&b, ` rowspan="%d"`, rows)
				}
				if cols > 1 {
					fmt.Fprintf(&b, ` colspan="%d"`, cols)
				}
				b.WriteString("><p>" + cellHTML(c) + "</p></" + tag + ">")
			}
			b.WriteString("</tr>\n")
			if r == t.header-1 {
				b.WriteString("</thead>\n")
			}
		}
		b.WriteString("</tbody>\n</table>\n")
	}
	b.WriteString("</div>\n<div class=\"footer\">主办单位：市人民政府办公室</div>\n</body></html>\n")
	return b.String()
}

// plain writes the document as text: each paragraph a line, each table as
// table writes it (markdown, cellLines and tabs differ only there).
func (d gdoc) plain(table func(b *strings.Builder, t *gtable)) string {
	var b strings.Builder
	for _, bl := range d.blocks {
		if bl.tbl == nil {
			b.WriteString(bl.text + "\n")
			continue
		}
		table(&b, bl.tbl)
	}
	return b.String()
}

// markdown writes the tables as Markdown tables: the first row the header,
// a merged cell empty.
func (d gdoc) markdown() string {
	return d.plain(func(b *strings.Builder, t *gtable) {
		b.WriteString("\n")
		for r, row := range t.rows {
			b.WriteString("|")
			for _, c := range row {
				if merged(c) {
					c = ""
				}
				b.WriteString(" " + c + " |")
			}
			b.WriteString("\n")
			if r == 0 {
				b.WriteString(strings.Repeat("| --- ", len(row)) + "|\n")
			}
		}
		b.WriteString("\n")
	})
}

// cellLines writes each table one cell a line, a merged cell given once,
// a blank cell as an empty line or (blanks false) not at all.
func (d gdoc) cellLines(blanks bool) string {
	return d.plain(func(b *strings.Builder, t *gtable) {
		for _, row := range t.rows {
			for _, c := range row {
				if !merged(c) && (blanks || c != "") {
					b.WriteString(c + "\n")
				}
			}
		}
	})
}

// tabs writes each table one row a line, a tab between cells, a merged
// cell empty (as a word processor copies a table as text).
func (d gdoc) tabs() string {
	return d.plain(func(b *strings.Builder, t *gtable) {
		for _, row := range t.rows {
			cs := make([]string, len(row))
			for j, c := range row {
				if !merged(c) {
					cs[j] = c
				}
			}
			b.WriteString(strings.Join(cs, "\t") + "\n")
		}
	})
}

// pdf lays the document out on A4 pages, 11 pt, 40 characters a line, a
// page number under each page; a table's cells at their columns, a cell's
// text wrapped in its column's width, a cell spanning rows or columns set
// in the middle of them, vertically centred or at the top of its row.
func (d gdoc) pdf() []byte {
	const size, lead, left, top, bottom, width = 11.0, 18.0, 40.0, 780.0, 90.0, 42
	var pages [][]run
	var cur []run
	y := top
	used := map[rune]bool{}
	put := func(x, y float64, s string) {
		for _, r := range s {
			used[r] = true
		}
		cur = append(cur, run{x, y, s})
	}
	newPage := func() {
		n := strconv.Itoa(len(pages) + 1)
		put(280, 50, "— "+n+" —")
		pages = append(pages, cur)
		cur, y = nil, top
	}
	// wrap breaks s into lines of at most w characters' width (a
	// character of the ASCII range is half as wide as a Chinese one)
	wrap := func(s string, w int) []string {
		var out []string
		line, used := "", 0
		for _, r := range s {
			cw := 2
			if r < 0x2E80 {
				cw = 1
			}
			if used+cw > 2*w {
				out = append(out, line)
				line, used = "", 0
			}
			line += string(r)
			used += cw
		}
		return append(out, line)
	}
	for _, bl := range d.blocks {
		if bl.tbl == nil {
			for _, l := range wrap(bl.text, width) {
				if y < bottom {
					newPage()
				}
				put(left+20, y, l)
				y -= lead
			}
			continue
		}
		t := bl.tbl
		xs := []float64{20}
		for _, w := range t.widths {
			xs = append(xs, xs[len(xs)-1]+float64(w)*size+8)
		}
		// each row's height in lines, and where each row starts
		heights := make([]int, len(t.rows))
		for r, row := range t.rows {
			heights[r] = 1
			for j, c := range row {
				if merged(c) {
					continue
				}
				rows, cols := t.span(r, j)
				w := t.width(j, cols)
				if n := len(wrap(c, w)); rows == 1 && n > heights[r] {
					heights[r] = n
				}
			}
		}
		tops := make([]float64, len(t.rows))
		for r, row := range t.rows {
			if t.pageAt[r] || y-float64(heights[r])*lead < bottom {
				newPage()
			}
			tops[r] = y
			y -= float64(heights[r]) * lead
			_ = row
		}
		// set the cells (a spanning cell over the rows it spans; rows of
		// one page only, as the generator never splits a spanning cell)
		for r, row := range t.rows {
			for j, c := range row {
				if merged(c) {
					continue
				}
				rows, cols := t.span(r, j)
				w := t.width(j, cols)
				lines := wrap(c, w)
				h := 0
				for k := r; k < r+rows; k++ {
					h += heights[k]
				}
				first := tops[r]
				if t.center {
					first -= float64(h-len(lines)) * lead / 2
				}
				x := xs[j]
				if cols > 1 {
					x += (float64(w)*size - float64(utf8.RuneCountInString(c))*size) / 2
				}
				for k, l := range lines {
					putOn(&pages, &cur, tops, r, first-float64(k)*lead, x, l, used)
				}
			}
		}
	}
	newPage()
	return pdfPages(pages, used)
}

// putOn sets a cell's line on the page its row is on: rows laid out on an
// earlier page are found by their top (a page starts again at the top).
func putOn(pages *[][]run, cur *[]run, tops []float64, r int, y, x float64, s string, used map[rune]bool) {
	for _, ch := range s {
		used[ch] = true
	}
	// the page of row r: count the pages started before it
	page := 0
	for k := 1; k <= r; k++ {
		if tops[k] > tops[k-1] {
			page++
		}
	}
	last := 0
	for k := 1; k < len(tops); k++ {
		if tops[k] > tops[k-1] {
			last++
		}
	}
	// pages of this table: the current page is the last one
	idx := len(*pages) - (last - page)
	if idx == len(*pages) {
		*cur = append(*cur, run{x, y, s})
		return
	}
	(*pages)[idx] = append((*pages)[idx], run{x, y, s})
}
