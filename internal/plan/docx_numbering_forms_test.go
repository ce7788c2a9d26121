package plan

import (
	"strings"
	"testing"
)

// Word's rarer numbering (ECMA-376 Part 1 §17.9): a level that restarts
// only after a given higher level, or never (w:lvlRestart); legal numbering
// (w:isLgl: every level's number in Arabic numerals, 第一章 then 1.1); a
// level a list redefines in its w:lvlOverride. Each .docx is our own.

// numberingPart is word/numbering.xml of the abstract lists and lists given.
func numberingPart(parts ...string) string {
	return `<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">` + strings.Join(parts, "") + `</w:numbering>`
}

// numLvl is a w:lvl: its level, number format, text and what else it holds
// (w:lvlRestart, w:isLgl); no space after the number.
func numLvl(ilvl, format, text, more string) string {
	return `<w:lvl w:ilvl="` + ilvl + `"><w:start w:val="1"/><w:numFmt w:val="` + format + `"/>` + more +
		`<w:lvlText w:val="` + text + `"/><w:suff w:val="nothing"/></w:lvl>`
}

// numberedDocx reads a .docx of the numbering given whose paragraphs are
// "numId ilvl text", one a string.
func numberedDocx(t *testing.T, numbering string, paras ...string) string {
	t.Helper()
	var body strings.Builder
	body.WriteString(`<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>`)
	for _, p := range paras {
		f := strings.SplitN(p, " ", 3)
		body.WriteString(`<w:p><w:pPr><w:numPr><w:ilvl w:val="` + f[1] + `"/><w:numId w:val="` + f[0] + `"/></w:numPr></w:pPr><w:r><w:t>` + f[2] + `</w:t></w:r></w:p>`)
	}
	body.WriteString(`</w:body></w:document>`)
	text, err := DocxText(zipParts(map[string]string{"word/document.xml": body.String(), "word/numbering.xml": numbering}))
	if err != nil {
		t.Fatal(err)
	}
	return strings.TrimSpace(text)
}

// A plan's sections numbered through the document (第三节 in 第二章: the
// level never restarts, w:lvlRestart 0) and its items restarting in each
// chapter only (lvlRestart 1: after level 0, not after a 节).
func TestDocxLvlRestart(t *testing.T) {
	numbering := numberingPart(`<w:abstractNum w:abstractNumId="0">`+
		numLvl("0", "chineseCounting", "第%1章", "")+
		numLvl("1", "chineseCounting", "第%2节", `<w:lvlRestart w:val="0"/>`)+
		numLvl("2", "decimal", "%3.", `<w:lvlRestart w:val="1"/>`)+`</w:abstractNum>`,
		`<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>`)
	got := numberedDocx(t, numbering, "1 0 总则", "1 1 目标", "1 2 指标", "1 2 任务", "1 1 措施", "1 2 保障",
		"1 0 附则", "1 1 实施", "1 2 评估")
	want := "第一章总则\n第一节目标\n1.指标\n2.任务\n第二节措施\n3.保障\n第二章附则\n第三节实施\n1.评估"
	if got != want {
		t.Errorf("read\n%s\nwant\n%s", got, want)
	}
}

// Legal numbering: a level with w:isLgl writes every level's number in
// Arabic numerals (1.1 under 第一章, not 一.1); w:isLgl w:val="0" is off.
func TestDocxLegalNumbering(t *testing.T) {
	numbering := numberingPart(`<w:abstractNum w:abstractNumId="0">`+
		numLvl("0", "chineseCounting", "第%1章", "")+
		numLvl("1", "decimal", "%1.%2", `<w:isLgl/>`)+
		numLvl("2", "decimal", "%1-%3", `<w:isLgl w:val="0"/>`)+`</w:abstractNum>`,
		`<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>`)
	got := numberedDocx(t, numbering, "1 0 总则", "1 1 目标", "1 1 原则", "1 0 任务", "1 1 创新", "1 2 重点")
	want := "第一章总则\n1.1目标\n1.2原则\n第二章任务\n2.1创新\n二-1重点"
	if got != want {
		t.Errorf("read\n%s\nwant\n%s", got, want)
	}
}

// A list that redefines a level in its w:lvlOverride (a w:lvl there) draws
// that level its own way from its own start; a w:startOverride beside it
// sets the start (ECMA-376 §17.9.27: it wins over the w:lvl's).
func TestDocxLevelOverride(t *testing.T) {
	numbering := numberingPart(`<w:abstractNum w:abstractNumId="0">`+
		numLvl("0", "chineseCounting", "%1、", "")+numLvl("1", "chineseCounting", "（%2）", "")+`</w:abstractNum>`,
		`<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>`,
		`<w:num w:numId="2"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="1">`+numLvl("1", "decimal", "%2.", "")+`</w:lvlOverride></w:num>`,
		`<w:num w:numId="3"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="5"/>`+
			numLvl("0", "chineseCounting", "第%1部分", "")+`</w:lvlOverride></w:num>`)
	got := numberedDocx(t, numbering, "1 0 总体要求", "1 1 目标", "1 0 主要任务", "2 1 科普", "2 1 人才", "3 0 附则")
	want := "一、总体要求\n（一）目标\n二、主要任务\n1.科普\n2.人才\n第五部分附则"
	if got != want {
		t.Errorf("read\n%s\nwant\n%s", got, want)
	}
}

// Word's tracked changes keep a paragraph's, a run's or a cell's former
// properties inside its own (w:pPrChange, w:rPrChange, w:tcPrChange): they
// are not the document's. A heading renumbered with changes tracked drew
// its number twice (一、二、总体要求: the former w:pPr ended too) and took
// its former list; a run once raised read its digits raised; a cell once
// merged across columns kept its former span.
func TestDocxTrackedChanges(t *testing.T) {
	body, numbering := trackedChangesParts()
	text, err := DocxText(zipParts(map[string]string{"word/document.xml": body, "word/numbering.xml": numbering}))
	if err != nil {
		t.Fatal(err)
	}
	if got, want := strings.TrimSpace(text), "一、总体要求\n二、主要任务\n建成15个\n指标 \t目标值"; got != want {
		t.Errorf("read\n%q\nwant\n%q", got, want)
	}
}

// trackedChangesParts are the document and numbering parts of a .docx
// with changes tracked: two headings once of another list, a run once
// raised, a cell once merged across three columns.
func trackedChangesParts() (body, numbering string) {
	const w = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"`
	numbering = numberingPart(`<w:abstractNum w:abstractNumId="0">`+numLvl("0", "chineseCounting", "%1、", "")+`</w:abstractNum>`,
		`<w:abstractNum w:abstractNumId="1">`+numLvl("0", "decimal", "%1.", "")+`</w:abstractNum>`,
		`<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>`)
	heading := func(text string) string {
		return `<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>` +
			`<w:pPrChange w:id="1" w:author="a"><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="2"/></w:numPr></w:pPr></w:pPrChange></w:pPr>` +
			`<w:r><w:t>` + text + `</w:t></w:r></w:p>`
	}
	body = `<w:document ` + w + `><w:body>` + heading("总体要求") + heading("主要任务") +
		`<w:p><w:r><w:rPr><w:rPrChange w:id="2" w:author="a"><w:rPr><w:vertAlign w:val="superscript"/></w:rPr></w:rPrChange></w:rPr><w:t>建成15个</w:t></w:r></w:p>` +
		`<w:tbl><w:tr><w:tc><w:tcPr><w:tcPrChange w:id="3" w:author="a"><w:tcPr><w:gridSpan w:val="3"/></w:tcPr></w:tcPrChange></w:tcPr><w:p><w:r><w:t>指标</w:t></w:r></w:p></w:tc>` +
		`<w:tc><w:p><w:r><w:t>目标值</w:t></w:r></w:p></w:tc></w:tr></w:tbl></w:body></w:document>`
	return body, numbering
}
