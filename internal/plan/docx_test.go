package plan

import (
	"archive/zip"
	"bytes"
	"errors"
	"strings"
	"testing"
)

// docx builds a minimal DOCX with one paragraph per line.
func docx(t *testing.T, lines ...string) []byte {
	t.Helper()
	var body strings.Builder
	for _, l := range lines {
		body.WriteString(`<w:p><w:r><w:t xml:space="preserve">` + l + `</w:t></w:r></w:p>`)
	}
	return docxOfBody(body.String())
}

// docxOfBody is a minimal .docx whose document body is the WordprocessingML
// given (paragraphs, tables).
func docxOfBody(body string) []byte {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	w, _ := zw.Create("word/document.xml")
	w.Write([]byte(`<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>` +
		body + `</w:body></w:document>`))
	zw.Close()
	return buf.Bytes()
}

func TestDocx(t *testing.T) {
	data := docx(t, "某市科学技术协会事业发展“十四五”规划(2021-2025年)", "一、发展目标", "到2025年，建成15个科普基地。", "牵头单位:市科协")
	text, err := DocxText(data)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := Ingest(strings.NewReader(text))
	if err != nil {
		t.Fatal(err)
	}
	if doc.Title != "某市科学技术协会事业发展“十四五”规划(2021-2025年)" || len(doc.Sections) != 1 || len(doc.Indicators) != 1 ||
		*doc.Indicators[0].Value != 15 || len(doc.Responsibilities) != 1 {
		t.Errorf("doc = %+v", doc)
	}
	for _, bad := range [][]byte{[]byte("not a zip"), docx(t)[:40]} {
		if _, err := DocxText(bad); !errors.Is(err, ErrBadDocument) {
			t.Errorf("corrupt DOCX: %v", err)
		}
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	zw.Create("other.xml")
	zw.Close()
	if _, err := DocxText(buf.Bytes()); !errors.Is(err, ErrBadDocument) {
		t.Errorf("zip without a document: %v", err)
	}
}
