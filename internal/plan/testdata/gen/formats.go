package main

import (
	"log"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"unicode"

	"golang.org/x/text/encoding/simplifiedchinese"
)

// formats writes xinghe.txt → ../plans/formats/xinghe_wps.docx, the plan as
// WPS and Word save it: every paragraph with its properties (a style, tab
// stops, spacing, a first-line indent), a bookmark, its text in runs cut
// where the script changes (Chinese in 仿宋, digits and Latin in Times New
// Roman, between proofing marks), a tab of the text as w:tab. Its text is
// the .txt's, line for line.
func formats(dir string) {
	src, err := os.ReadFile(filepath.Join(dir, "gen", "xinghe.txt"))
	if err != nil {
		log.Fatal(err)
	}
	var body strings.Builder
	for i, line := range strings.Split(strings.TrimRight(string(src), "\n"), "\n") {
		id := strconv.Itoa(i)
		body.WriteString(`<w:p><w:pPr><w:pStyle w:val="a3"/><w:tabs><w:tab w:val="left" w:pos="840"/><w:tab w:val="left" w:pos="1680"/></w:tabs>` +
			`<w:spacing w:line="560" w:lineRule="exact"/><w:ind w:firstLineChars="200" w:firstLine="640"/>` +
			`<w:rPr><w:rFonts w:ascii="仿宋_GB2312" w:eastAsia="仿宋_GB2312"/><w:sz w:val="32"/></w:rPr></w:pPr>` +
			`<w:bookmarkStart w:id="` + id + `" w:name="_Toc` + id + `"/>`)
		for k, cell := range strings.Split(line, "\t") {
			if k > 0 {
				body.WriteString("<w:r><w:tab/></w:r>")
			}
			for _, part := range scriptRuns(cell) {
				font, latin := `<w:rFonts w:hint="eastAsia" w:ascii="仿宋_GB2312" w:eastAsia="仿宋_GB2312"/>`, !chinese(part)
				if latin {
					font = `<w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="仿宋_GB2312"/>`
					body.WriteString(`<w:proofErr w:type="spellStart"/>`)
				}
				body.WriteString(`<w:r><w:rPr>` + font + `<w:sz w:val="32"/><w:lang w:val="en-US" w:eastAsia="zh-CN"/></w:rPr>` +
					`<w:t xml:space="preserve">` + esc(part) + `</w:t></w:r>`)
				if latin {
					body.WriteString(`<w:proofErr w:type="spellEnd"/>`)
				}
			}
		}
		body.WriteString(`<w:bookmarkEnd w:id="` + id + `"/></w:p>`)
	}
	if err := os.MkdirAll(filepath.Join(dir, "plans", "formats"), 0o755); err != nil {
		log.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "plans", "formats", "xinghe_wps.docx"), docxPackage(body.String()), 0o644); err != nil {
		log.Fatal(err)
	}
	legacyPages(dir)
	textBoxes(dir, string(src))
	symbols(dir)
}

// scriptRuns cuts s where it turns from Chinese to other characters or back.
func scriptRuns(s string) []string {
	var out []string
	start := 0
	for i, r := range s {
		if i > 0 && chinese(string(r)) != chinese(s[start:]) {
			out = append(out, s[start:i])
			start = i
		}
	}
	if start < len(s) {
		out = append(out, s[start:])
	}
	return out
}

// chinese reports whether s starts with a Chinese character or punctuation.
func chinese(s string) bool {
	for _, r := range s {
		return unicode.Is(unicode.Han, r) || r >= 0x3000 && r <= 0x303f || r >= 0xff00 && r <= 0xffef
	}
	return false
}

// legacyPages writes ../plans/formats/xinghe_page.html again as a site with
// an older template serves it: its head's first kilobyte ASCII, its charset
// declared after it as GB2312 and the page in GBK (xinghe_gbk.html), or not
// declared, the page in UTF-8 (xinghe_nocharset.html); with its paragraphs
// indented by &emsp; (xinghe_emsp.html); laid out in a table
// (xinghe_layout.html).
func legacyPages(dir string) {
	src, err := os.ReadFile(filepath.Join(dir, "plans", "formats", "xinghe_page.html"))
	if err != nil {
		log.Fatal(err)
	}
	// ../legacy_head.html starts a page with a kilobyte of ASCII (a site's
	// scripts and styles) before any meta of its charset; the probe's pages
	// start with it too (corpus_formats_pages_test.go)
	head, err := os.ReadFile(filepath.Join(dir, "legacy_head.html"))
	if err != nil {
		log.Fatal(err)
	}
	legacyHead := string(head)
	page := string(src)
	page = page[strings.Index(page, "<title>"):]
	if err := os.WriteFile(filepath.Join(dir, "plans", "formats", "xinghe_nocharset.html"), []byte(legacyHead+page), 0o644); err != nil {
		log.Fatal(err)
	}
	// xinghe_emsp.html: each paragraph indented as a site's editor does, by
	// two &emsp; before its text
	emsp := strings.ReplaceAll(strings.ReplaceAll(string(src), "<p>", "<p>&emsp;&emsp;"), "<p>&emsp;&emsp;&nbsp;", "<p>&nbsp;")
	if err := os.WriteFile(filepath.Join(dir, "plans", "formats", "xinghe_emsp.html"), []byte(emsp), 0o644); err != nil {
		log.Fatal(err)
	}
	// xinghe_layout.html: laid out in a table, as older sites are: a row
	// of menu links, then a spacer cell beside the cell of the article
	layout := strings.Replace(string(src), `<div class="article">`, `<table width="1000" border="0" cellspacing="0" cellpadding="0" align="center">
<tr><td><a href="/">首页</a></td><td><a href="/zwgk/">政务公开</a></td><td><a href="/zcwj/">政策文件</a></td></tr>
<tr><td width="20"><img src="/images/spacer.gif" width="20" height="1"></td><td colspan="2" valign="top"><div class="article">`, 1)
	layout = strings.Replace(layout, `<div class="footer">`, "</td></tr></table>\n"+`<div class="footer">`, 1)
	if err := os.WriteFile(filepath.Join(dir, "plans", "formats", "xinghe_layout.html"), []byte(layout), 0o644); err != nil {
		log.Fatal(err)
	}
	gbk, err := simplifiedchinese.GBK.NewEncoder().String(legacyHead + `<meta http-equiv="Content-Type" content="text/html; charset=gb2312" />` + "\n" + page)
	if err != nil {
		log.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "plans", "formats", "xinghe_gbk.html"), []byte(gbk), 0o644); err != nil {
		log.Fatal(err)
	}
}

// textBoxes writes xinghe.txt → ../plans/formats/xinghe_textbox.docx: its
// title and its paragraph of 科普讲解员 each in a text box, as Word writes
// one (a drawing in mc:AlternateContent: the text in the choice, wps:txbx,
// and again in the fallback for older readers, a VML v:textbox).
func textBoxes(dir string, src string) {
	var body strings.Builder
	for i, line := range strings.Split(strings.TrimRight(src, "\n"), "\n") {
		if i != 0 && !strings.HasPrefix(line, "每年培训科普讲解员") {
			body.WriteString(para(line))
			continue
		}
		p := para(line)
		body.WriteString(`<w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor><wp:extent cx="5400000" cy="900000"/>` +
			`<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp><wps:txbx><w:txbxContent>` + p +
			`</w:txbxContent></wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>` +
			`<mc:Fallback><w:pict><v:shape style="width:425pt;height:71pt"><v:textbox><w:txbxContent>` + p +
			`</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>`)
	}
	doc := docxZip([]docxFile{
		{"[Content_Types].xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`},
		{"_rels/.rels", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`},
		{"word/document.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"` +
			` xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"` +
			` xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"` +
			` xmlns:v="urn:schemas-microsoft-com:vml" mc:Ignorable="wps"><w:body>` + body.String() + `</w:body></w:document>`},
	})
	if err := os.WriteFile(filepath.Join(dir, "plans", "formats", "xinghe_textbox.docx"), doc, 0o644); err != nil {
		log.Fatal(err)
	}
}

// symbols writes chenxi.txt → ../plans/formats/chenxi_symbols.docx: its ≥
// ≤ ± from the Symbol font (w:sym, as Insert › Symbol writes them) and the
// hyphen of 2026-2028 a non-breaking one (w:noBreakHyphen), each an element
// with no text.
func symbols(dir string) {
	src, err := os.ReadFile(filepath.Join(dir, "gen", "chenxi.txt"))
	if err != nil {
		log.Fatal(err)
	}
	const open, shut = `<w:r><w:t xml:space="preserve">`, `</w:t></w:r>`
	elems := strings.NewReplacer("≥", shut+`<w:r><w:sym w:font="Symbol" w:char="F0B3"/></w:r>`+open,
		"≤", shut+`<w:r><w:sym w:font="Symbol" w:char="F0A3"/></w:r>`+open,
		"±", shut+`<w:r><w:sym w:font="Symbol" w:char="F0B1"/></w:r>`+open,
		"2026-2028", "2026"+shut+`<w:r><w:noBreakHyphen/></w:r>`+open+"2028")
	var body strings.Builder
	for _, line := range strings.Split(strings.TrimRight(string(src), "\n"), "\n") {
		body.WriteString(`<w:p>` + open + elems.Replace(esc(line)) + shut + `</w:p>`)
	}
	if err := os.WriteFile(filepath.Join(dir, "plans", "formats", "chenxi_symbols.docx"), docxPackage(body.String()), 0o644); err != nil {
		log.Fatal(err)
	}
}
