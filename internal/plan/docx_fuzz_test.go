package plan

import (
	"archive/zip"
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"testing"
	"unicode/utf8"
)

// docxSeedParts are the document, numbering and styles parts of our own
// .docx files under testdata (the numbering and styles of the one that
// numbers its headings, zidong_bianhao.docx).
func docxSeedParts(f *testing.F) (docs []string, numbering, styles string) {
	files, _ := filepath.Glob(filepath.Join("testdata", "plans", "*.docx"))
	more, _ := filepath.Glob(filepath.Join("testdata", "plans", "*", "*.docx"))
	for _, name := range append(files, more...) {
		data, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
		if err != nil {
			f.Fatal(err)
		}
		for _, p := range zr.File {
			rc, err := p.Open()
			if err != nil {
				f.Fatal(err)
			}
			b, _ := io.ReadAll(rc)
			rc.Close()
			switch p.Name {
			case "word/document.xml":
				docs = append(docs, string(b))
			case "word/numbering.xml":
				numbering = string(b)
			case "word/styles.xml":
				styles = string(b)
			}
		}
	}
	if len(docs) < 8 || numbering == "" || styles == "" {
		f.Fatalf("%d documents, numbering %d bytes, styles %d bytes: our own .docx files are missing", len(docs), len(numbering), len(styles))
	}
	return docs, numbering, styles
}

// FuzzDocxText reads a .docx zipped of the parts given (document,
// numbering, styles): no panic, an error only of ErrBadDocument, output
// linear in the parts (a number Word draws holds 31 characters at most, a
// cell spans 64 columns at most), and every number a list of the
// numbering draws within Word's 31 characters.
func FuzzDocxText(f *testing.F) {
	docs, numbering, styles := docxSeedParts(f)
	for _, d := range docs {
		f.Add(d, numbering, styles)
		f.Add(d, "", "")
	}
	f.Add(`<w:document xmlns:w="w"><w:body><w:p><w:pPr><w:numPr><w:ilvl w:val="2"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>指标</w:t></w:r></w:p></w:body></w:document>`,
		numberingPart(`<w:abstractNum w:abstractNumId="0">`+numLvl("0", "chineseCounting", "第%1章", "")+
			numLvl("1", "decimal", "%1.%2", `<w:isLgl/><w:lvlRestart w:val="0"/>`)+numLvl("2", "decimal", "%3.", `<w:lvlRestart w:val="1"/>`)+`</w:abstractNum>`,
			`<w:num w:numId="1"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="1"><w:startOverride w:val="3"/>`+numLvl("1", "decimalEnclosedCircle", "%2", "")+`</w:lvlOverride></w:num>`), "")
	tracked, trackedNumbering := trackedChangesParts()
	f.Add(tracked, trackedNumbering, "")
	f.Fuzz(func(t *testing.T, document, numbering, styles string) {
		parts := map[string]string{"word/document.xml": document}
		if numbering != "" {
			parts["word/numbering.xml"] = numbering
		}
		if styles != "" {
			parts["word/styles.xml"] = styles
		}
		data := zipParts(parts)
		text, err := DocxText(data)
		if err != nil {
			if !errors.Is(err, ErrBadDocument) {
				t.Fatalf("error not ErrBadDocument: %v", err)
			}
			return
		}
		if in := len(document) + len(numbering) + len(styles); len(text) > 32*in+1024 {
			t.Fatalf("%d bytes read of %d bytes of parts", len(text), in)
		}
		zr, _ := zip.NewReader(bytes.NewReader(data), int64(len(data)))
		lists := readDocxLists(zr)
		if lists == nil {
			return
		}
		for num := range lists.nums {
			for ilvl := range 9 {
				for range 3 { // (counting on: a level's later numbers)
					if label := lists.label(docxNumPr{numID: num, ilvl: ilvl}, ""); utf8.RuneCountInString(label) > 32 {
						t.Fatalf("list %s level %d draws %q: more than Word's 31 characters", num, ilvl, label)
					}
				}
			}
		}
	})
}
