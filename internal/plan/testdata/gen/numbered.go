package main

import (
	"log"
	"os"
	"path/filepath"
	"strings"
)

// numbered writes zidong.txt → ../plans/layouts/zidong_bianhao.docx, a plan
// whose headings Word numbers itself (w:numPr; the numbers are in
// word/numbering.xml, not in the text). A line "@N title" is a paragraph of
// list 1 at level N (一、 （一） 1. （1）), "#title" a paragraph of the style
// 标题1, which takes level 0 of that list from word/styles.xml, "*text" an
// item of a bulleted list; other lines are plain paragraphs.
func numbered(dir string) {
	src, err := os.ReadFile(filepath.Join(dir, "gen", "zidong.txt"))
	if err != nil {
		log.Fatal(err)
	}
	var body strings.Builder
	for _, line := range strings.Split(strings.TrimRight(string(src), "\n"), "\n") {
		ppr := `<w:jc w:val="both"/>`
		switch {
		case strings.HasPrefix(line, "@") && len(line) > 2:
			ppr = `<w:numPr><w:ilvl w:val="` + line[1:2] + `"/><w:numId w:val="1"/></w:numPr>`
			line = strings.TrimSpace(line[2:])
		case strings.HasPrefix(line, "#"):
			ppr = `<w:pStyle w:val="1"/>`
			line = line[1:]
		case strings.HasPrefix(line, "*"):
			ppr = `<w:numPr><w:ilvl w:val="0"/><w:numId w:val="2"/></w:numPr>`
			line = line[1:]
		}
		body.WriteString(`<w:p><w:pPr>` + ppr + `</w:pPr><w:r><w:t xml:space="preserve">` + esc(line) + `</w:t></w:r></w:p>`)
	}
	lvl := func(i, format, text string) string {
		return `<w:lvl w:ilvl="` + i + `"><w:start w:val="1"/><w:numFmt w:val="` + format + `"/><w:lvlText w:val="` + text + `"/><w:suff w:val="nothing"/></w:lvl>`
	}
	numbering := `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">` +
		`<w:abstractNum w:abstractNumId="0">` + lvl("0", "chineseCounting", "%1、") + lvl("1", "chineseCounting", "（%2）") +
		lvl("2", "decimal", "%3.") + lvl("3", "decimal", "（%4）") + `</w:abstractNum>` +
		`<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="●"/></w:lvl></w:abstractNum>` +
		`<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num></w:numbering>`
	styles := `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">` +
		`<w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style></w:styles>`
	files := []docxFile{
		{"[Content_Types].xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/></Types>`},
		{"_rels/.rels", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`},
		{"word/_rels/document.xml.rels", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`},
		{"word/document.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>` + body.String() + `</w:body></w:document>`},
		{"word/numbering.xml", numbering},
		{"word/styles.xml", styles},
	}
	if err := os.WriteFile(filepath.Join(dir, "plans", "layouts", "zidong_bianhao.docx"), docxZip(files), 0o644); err != nil {
		log.Fatal(err)
	}
}
