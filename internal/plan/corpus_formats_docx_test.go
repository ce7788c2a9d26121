package plan

import (
	"archive/zip"
	"bytes"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// The .docx documents TestFormatsCorpus makes of a text, as Word and WPS
// write them.

// docxOfText is a .docx as Word writes it of a text: one w:p a line, its
// text in one run (w:t, xml:space="preserve"), a tab as w:tab, zipped with
// the parts Word writes ([Content_Types].xml, _rels/.rels and the
// document's relationships). A control character XML cannot hold (a form
// feed, a lone CR) is left out: Word holds none either.
func docxOfText(text string) []byte {
	var body strings.Builder
	for _, line := range textLines(text) {
		body.WriteString(docxParagraph(line))
	}
	return docxPackage(`<w:body>` + body.String() + `<w:sectPr/></w:body>`)
}

// docxParagraph is a line as a w:p: its text in a run, a tab as w:tab.
func docxParagraph(line string) string {
	var p strings.Builder
	p.WriteString("<w:p>")
	for i, cell := range strings.Split(line, "\t") {
		if i > 0 {
			p.WriteString("<w:r><w:tab/></w:r>")
		}
		if cell != "" {
			p.WriteString(`<w:r><w:t xml:space="preserve">` + xmlText(cell) + "</w:t></w:r>")
		}
	}
	p.WriteString("</w:p>")
	return p.String()
}

// docxPackage zips a document body with Word's minimal parts.
func docxPackage(body string) []byte {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, part := range [][2]string{
		{"[Content_Types].xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
			`<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
			`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
			`<Default Extension="xml" ContentType="application/xml"/>` +
			`<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`},
		{"_rels/.rels", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
			`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
			`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`},
		{"word/_rels/document.xml.rels", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
			`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>`},
		{"word/document.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
			`<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"` +
			` xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"` +
			` xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"` +
			` xmlns:v="urn:schemas-microsoft-com:vml" mc:Ignorable="wps">` + body + `</w:document>`},
	} {
		w, _ := zw.Create(part[0])
		w.Write([]byte(part[1]))
	}
	zw.Close()
	return buf.Bytes()
}

// xmlText escapes s for an element's text and leaves out what XML 1.0
// cannot hold.
func xmlText(s string) string {
	s = strings.Map(func(r rune) rune {
		if r < 0x20 && r != '\t' || r == 0xfffe || r == 0xffff {
			return -1
		}
		return r
	}, s)
	var b strings.Builder
	for _, r := range s {
		switch r {
		case '&':
			b.WriteString("&amp;")
		case '<':
			b.WriteString("&lt;")
		case '>':
			b.WriteString("&gt;")
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// docxOfTextAsWord is a .docx of a text with the markup Word and WPS write
// around it: each paragraph's properties (style, tab stops, spacing,
// indent, the paragraph mark's run), a bookmark, and its text in runs cut
// where the script changes (Chinese in one font, digits and Latin in
// another), Latin words between proofing marks.
func docxOfTextAsWord(text string) []byte {
	var body strings.Builder
	for i, line := range textLines(text) {
		body.WriteString(`<w:p><w:pPr><w:pStyle w:val="a3"/><w:tabs><w:tab w:val="left" w:pos="840"/><w:tab w:val="left" w:pos="1680"/></w:tabs>` +
			`<w:spacing w:line="560" w:lineRule="exact"/><w:ind w:firstLineChars="200" w:firstLine="640"/>` +
			`<w:rPr><w:rFonts w:ascii="仿宋_GB2312" w:eastAsia="仿宋_GB2312"/><w:sz w:val="32"/></w:rPr></w:pPr>`)
		body.WriteString(`<w:bookmarkStart w:id="` + strconv.Itoa(i) + `" w:name="_Toc` + strconv.Itoa(i) + `"/>`)
		for k, cell := range strings.Split(line, "\t") {
			if k > 0 {
				body.WriteString("<w:r><w:tab/></w:r>")
			}
			for _, part := range scriptRuns(cell) {
				latin := !cjk(part)
				if latin {
					body.WriteString(`<w:proofErr w:type="spellStart"/>`)
				}
				font := `<w:rFonts w:hint="eastAsia" w:ascii="仿宋_GB2312" w:eastAsia="仿宋_GB2312"/>`
				if latin {
					font = `<w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="仿宋_GB2312"/>`
				}
				body.WriteString(`<w:r><w:rPr>` + font + `<w:sz w:val="32"/><w:szCs w:val="32"/><w:lang w:val="en-US" w:eastAsia="zh-CN"/></w:rPr>` +
					`<w:t xml:space="preserve">` + xmlText(part) + `</w:t></w:r>`)
				if latin {
					body.WriteString(`<w:proofErr w:type="spellEnd"/>`)
				}
			}
		}
		body.WriteString(`<w:bookmarkEnd w:id="` + strconv.Itoa(i) + `"/></w:p>`)
	}
	return docxPackage(`<w:body>` + body.String() + `<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr></w:body>`)
}

// scriptRuns cuts s where it turns from Chinese (Han, CJK punctuation) to
// other characters or back; a space goes with the run before it.
func scriptRuns(s string) []string {
	var out []string
	start, prev := 0, false
	for i, r := range s {
		c := cjkRune(r)
		if r == ' ' {
			c = prev // a space goes with the run before it
		}
		if i > 0 && c != prev {
			out = append(out, s[start:i])
			start = i
		}
		prev = c
	}
	if start < len(s) {
		out = append(out, s[start:])
	}
	return out
}

func cjkRune(r rune) bool {
	return unicode.Is(unicode.Han, r) || r >= 0x3000 && r <= 0x303f || r >= 0xff00 && r <= 0xffef
}

func cjk(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return cjkRune(r)
}

// docxWithTextBox is the .docx of a text (docxOfText) whose first line, the
// title of a cover, stands in a text box, as Word writes one: a drawing in
// mc:AlternateContent, its text in the choice (wps:txbx) and again in the
// fallback for older readers (a VML v:textbox).
func docxWithTextBox(text string) []byte {
	lines := textLines(text)
	k := slices.IndexFunc(lines, func(l string) bool { return strings.TrimSpace(l) != "" })
	if k < 0 {
		return docxOfText(text)
	}
	p := docxParagraph(lines[k])
	box := `<w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor><wp:extent cx="5400000" cy="900000"/>` +
		`<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp><wps:txbx><w:txbxContent>` + p +
		`</w:txbxContent></wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>` +
		`<mc:Fallback><w:pict><v:shape style="width:425pt;height:71pt"><v:textbox><w:txbxContent>` + p +
		`</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>`
	var body strings.Builder
	for i, line := range lines {
		if i == k {
			body.WriteString(box)
		} else {
			body.WriteString(docxParagraph(line))
		}
	}
	return docxPackage(`<w:body>` + body.String() + `<w:sectPr/></w:body>`)
}

// docxOfTextWithSymbols is the .docx of a text (docxOfText) with what Word
// writes as elements, not characters: ≥ ≤ ± × from the Symbol font
// (w:sym) and a hyphen between two digits as a non-breaking one
// (w:noBreakHyphen).
func docxOfTextWithSymbols(text string) []byte {
	const open, shut = `<w:r><w:t xml:space="preserve">`, `</w:t></w:r>`
	syms := strings.NewReplacer("≥", shut+`<w:r><w:sym w:font="Symbol" w:char="F0B3"/></w:r>`+open,
		"≤", shut+`<w:r><w:sym w:font="Symbol" w:char="F0A3"/></w:r>`+open,
		"±", shut+`<w:r><w:sym w:font="Symbol" w:char="F0B1"/></w:r>`+open,
		"×", shut+`<w:r><w:sym w:font="Symbol" w:char="F0B4"/></w:r>`+open)
	var body strings.Builder
	for _, line := range textLines(text) {
		p := syms.Replace(docxParagraph(line))
		p = reDigitHyphen.ReplaceAllString(p, "$1"+shut+"<w:r><w:noBreakHyphen/></w:r>"+open+"$2")
		body.WriteString(p)
	}
	return docxPackage(`<w:body>` + body.String() + `<w:sectPr/></w:body>`)
}

var reDigitHyphen = regexp.MustCompile(`(\d)-(\d)`)
