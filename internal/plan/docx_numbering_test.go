package plan

import (
	"archive/zip"
	"bytes"
	"strings"
	"testing"
)

// The number formats of Word's lists that Chinese documents use.
func TestListNumber(t *testing.T) {
	for _, c := range []struct {
		n            int
		format, want string
	}{
		{1, "chineseCounting", "一"}, {10, "chineseCounting", "十"}, {12, "chineseCountingThousand", "十二"},
		{23, "chineseCounting", "二十三"}, {3, "decimal", "3"}, {2, "decimalFullWidth", "２"},
		{4, "decimalEnclosedCircle", "④"}, {2, "decimalEnclosedParen", "⑵"}, {3, "ideographTraditional", "丙"},
		{2, "upperLetter", "B"}, {5, "decimalZero", "05"}, {30, "decimalEnclosedCircle", "30"},
	} {
		if got := listNumber(c.n, c.format); got != c.want {
			t.Errorf("listNumber(%d, %s) = %q, want %q", c.n, c.format, got, c.want)
		}
	}
}

// Word's Chinese counting past 99 is written in Chinese numerals too, as
// Word draws it: 一百, 一百零一 (a run of zeros is one 零), 一百一十 (十 with
// its 一 inside a number), 一万. The other Chinese formats are drawn as
// counting below 100 already (chineseLegalSimplified is 壹佰 in Word,
// ideographDigital 一〇〇: their numbers are read as the counting's), and
// past it alike.
func TestListNumberChineseHundreds(t *testing.T) {
	for _, c := range []struct {
		n    int
		want string
	}{
		{99, "九十九"}, {100, "一百"}, {101, "一百零一"}, {110, "一百一十"}, {111, "一百一十一"}, {120, "一百二十"},
		{999, "九百九十九"}, {1000, "一千"}, {1001, "一千零一"}, {1010, "一千零一十"}, {1100, "一千一百"},
		{2024, "二千零二十四"}, {10000, "一万"}, {10010, "一万零一十"}, {10100, "一万零一百"}, {11000, "一万一千"},
		{100000, "十万"}, {120034, "十二万零三十四"},
	} {
		for _, format := range []string{"chineseCounting", "chineseCountingThousand", "chineseLegalSimplified",
			"japaneseCounting", "taiwaneseCounting", "taiwaneseCountingThousand", "ideographDigital"} {
			if got := listNumber(c.n, format); got != c.want {
				t.Errorf("listNumber(%d, %s) = %q, want %q", c.n, format, got, c.want)
			}
		}
	}
}

// Word's lists of one abstract list count on one counter — a heading Word
// numbers in a second list (w:num) of the same abstract list reads 二、, not
// 一、 again — and a list that starts a level over (lvlOverride/
// startOverride: Word's "restart at 1", or "set value" to 3) sets the
// counter where its first paragraph stands; the lists after it count on
// from there (ECMA-376 17.9).
func TestDocxListsCountOnTogether(t *testing.T) {
	para := func(num, text string) string {
		return `<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="` + num + `"/></w:numPr></w:pPr><w:r><w:t>` + text + `</w:t></w:r></w:p>`
	}
	numbering := `<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">` +
		`<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/><w:suff w:val="nothing"/></w:lvl></w:abstractNum>` +
		`<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>` +
		`<w:num w:numId="2"><w:abstractNumId w:val="0"/></w:num>` +
		`<w:num w:numId="3"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>` +
		`<w:num w:numId="4"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="3"/></w:lvlOverride></w:num>` +
		`</w:numbering>`
	body := `<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>` +
		para("1", "总体要求") + para("2", "主要任务") + para("1", "保障措施") +
		para("3", "附件一的要求") + para("3", "附件一的任务") + para("4", "另起编号") + para("4", "接着编号") + para("1", "回到原列表") + `</w:body></w:document>`
	text, err := DocxText(zipParts(map[string]string{"word/document.xml": body, "word/numbering.xml": numbering}))
	if err != nil {
		t.Fatal(err)
	}
	want := "一、总体要求\n二、主要任务\n三、保障措施\n一、附件一的要求\n二、附件一的任务\n三、另起编号\n四、接着编号\n五、回到原列表"
	if got := strings.TrimSpace(text); got != want {
		t.Errorf("read\n%s\nwant\n%s", got, want)
	}
}

// A template's multilevel list defined as a list style: the headings' list
// only links to the style (w:numStyleLink) and the levels are the style's
// list's. Its headings read with their numbers (they read none: no
// sections).
func TestDocxListStyleLink(t *testing.T) {
	const w = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"`
	lvl := func(i, text string) string {
		return `<w:lvl w:ilvl="` + i + `"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="` + text + `"/><w:suff w:val="nothing"/></w:lvl>`
	}
	numbering := `<w:numbering ` + w + `>` +
		`<w:abstractNum w:abstractNumId="10"><w:styleLink w:val="GovList"/>` + lvl("0", "%1、") + lvl("1", "（%2）") + `</w:abstractNum>` +
		`<w:abstractNum w:abstractNumId="11"><w:numStyleLink w:val="GovList"/></w:abstractNum>` +
		`<w:num w:numId="1"><w:abstractNumId w:val="10"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="11"/></w:num></w:numbering>`
	styles := `<w:styles ` + w + `>` +
		`<w:style w:type="numbering" w:styleId="GovList"><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>` +
		`<w:style w:type="paragraph" w:styleId="Heading1"><w:pPr><w:numPr><w:numId w:val="2"/></w:numPr></w:pPr></w:style>` +
		`<w:style w:type="paragraph" w:styleId="Heading2"><w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="2"/></w:numPr></w:pPr></w:style></w:styles>`
	para := func(style, text string) string {
		return `<w:p><w:pPr><w:pStyle w:val="` + style + `"/></w:pPr><w:r><w:t>` + text + `</w:t></w:r></w:p>`
	}
	body := `<w:document ` + w + `><w:body>` + para("Heading1", "总体要求") + para("Heading2", "发展目标") +
		para("Heading2", "主要任务") + para("Heading1", "保障措施") + `</w:body></w:document>`
	text, err := DocxText(zipParts(map[string]string{"word/document.xml": body, "word/numbering.xml": numbering, "word/styles.xml": styles}))
	if err != nil {
		t.Fatal(err)
	}
	if got, want := strings.TrimSpace(text), "一、总体要求\n（一）发展目标\n（二）主要任务\n二、保障措施"; got != want {
		t.Errorf("read\n%s\nwant\n%s", got, want)
	}
}

// zipParts zips a .docx of the parts its reader reads, by their names.
func zipParts(parts map[string]string) []byte {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for name, data := range parts {
		f, _ := zw.Create(name)
		f.Write([]byte(data))
	}
	zw.Close()
	return buf.Bytes()
}
