package plan

import (
	"archive/zip"
	"bytes"
	"errors"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

// A number Word draws holds 31 characters at most (MS-OI29500 on 17.9.11):
// a level text longer than any Word holds, drawn before each of a thousand
// paragraphs, made the text read thousands of times the document's size
// (and each number a pass over the long text); a number past 31 characters
// (nine levels of ten digits) is none Word draws either.
func TestDocxLevelTextBound(t *testing.T) {
	nine := `<w:abstractNum w:abstractNumId="1">`
	for i := range 9 {
		nine += numLvl(strconv.Itoa(i), "decimal", "%1%2%3%4%5%6%7%8%9", `<w:start w:val="1000000000"/>`)
	}
	numbering := numberingPart(`<w:abstractNum w:abstractNumId="0">`+
		numLvl("0", "chineseCounting", strings.Repeat("第%1章", 1000), "")+`</w:abstractNum>`, nine+`</w:abstractNum>`,
		`<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>`)
	paras := []string{"2 0 九级十位"}
	for range 1000 {
		paras = append(paras, "1 0 目标")
	}
	got := numberedDocx(t, numbering, paras...)
	if in := len(numbering) + 120*len(paras); len(got) > 32*in {
		t.Errorf("%d bytes read of %d bytes of parts", len(got), in)
	}
	if first, _, _ := strings.Cut(got, "\n"); utf8.RuneCountInString(first) > 31+4 {
		t.Errorf("a number of more than 31 characters drawn: %q", first)
	}
}

// A package holds each part once (ECMA-376 Part 2, M1.12): a .docx that
// names word/numbering.xml (or the document, or its styles) twice is not
// read — each copy of a part was read in turn, each up to the part's
// limit, so that copies of a part multiplied the reader's work.
func TestDocxPartNamedTwice(t *testing.T) {
	for _, twice := range []string{"word/numbering.xml", "word/document.xml", "Word/Styles.xml"} {
		var buf bytes.Buffer
		zw := zip.NewWriter(&buf)
		for _, name := range []string{"word/document.xml", "word/numbering.xml", "word/styles.xml", twice} {
			w, _ := zw.Create(name)
			w.Write([]byte(`<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>目标</w:t></w:r></w:p></w:body></w:document>`))
		}
		zw.Close()
		if _, err := DocxText(buf.Bytes()); !errors.Is(err, ErrBadDocument) {
			t.Errorf("%s twice: %v, want ErrBadDocument", twice, err)
		}
	}
}

// DocxText stays linear: a numbered document twenty times as long (its
// headings by Word's lists, levels restarting and legal, a table, tracked
// changes) takes far less than four hundred times as long (TestLinear's
// idiom).
func TestDocxLinear(t *testing.T) {
	numbering := numberingPart(`<w:abstractNum w:abstractNumId="0">`+
		numLvl("0", "chineseCounting", "第%1章", "")+numLvl("1", "decimal", "%1.%2", `<w:isLgl/>`)+
		numLvl("2", "decimal", "%3.", `<w:lvlRestart w:val="1"/>`)+`</w:abstractNum>`,
		`<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>`,
		`<w:num w:numId="2"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="2">`+numLvl("2", "decimalEnclosedCircle", "%3", "")+`</w:lvlOverride></w:num>`)
	body := func(n int) string {
		var b strings.Builder
		b.WriteString(`<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>`)
		for i := range n {
			for k, ilvl := range []string{"0", "1", "2", "2", "1", "2"} {
				b.WriteString(`<w:p><w:pPr><w:numPr><w:ilvl w:val="` + ilvl + `"/><w:numId w:val="` + strconv.Itoa(1+(i+k)%2) + `"/></w:numPr>` +
					`<w:pPrChange w:id="1"><w:pPr/></w:pPrChange></w:pPr><w:r><w:t>到2027年，建成科普基地10个。</w:t></w:r></w:p>`)
			}
			b.WriteString(`<w:tbl><w:tr><w:tc><w:tcPr><w:gridSpan w:val="2"/></w:tcPr><w:p><w:r><w:t>指标</w:t></w:r></w:p></w:tc>` +
				`<w:tc><w:p><w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:t>1</w:t></w:r></w:p></w:tc></w:tr></w:tbl>`)
		}
		return b.String() + `</w:body></w:document>`
	}
	small := zipParts(map[string]string{"word/document.xml": body(250), "word/numbering.xml": numbering})
	big := zipParts(map[string]string{"word/document.xml": body(5000), "word/numbering.xml": numbering})
	one := timeIt(func() { _, _ = DocxText(small) })
	twenty := timeIt(func() { _, _ = DocxText(big) })
	if twenty > 60*one+50*time.Millisecond {
		t.Errorf("20× the document took %v against %v for 1×", twenty, one)
	}
	t.Logf("%d bytes zipped: %v; 20×: %v", len(small), one, twenty)
}
