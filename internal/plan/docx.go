package plan

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"
)

// ErrBadDocument is returned for a file that is not a readable DOCX.
var ErrBadDocument = errors.New("plan: not a readable DOCX document")

// maxDocumentXML bounds the unpacked document part (a zip bomb guard).
const maxDocumentXML = 64 << 20

// DocxText returns the text of a DOCX file (Office Open XML), one line per
// paragraph, in document order — what Ingest reads. A table (w:tbl) gives
// one line a row, its cells separated by tabs, so an indicator table reads
// as columns.
func DocxText(data []byte) (string, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return "", fmt.Errorf("%w: %v", ErrBadDocument, err)
	}
	var part *zip.File
	for _, f := range zr.File {
		if f.Name == "word/document.xml" {
			part = f
		}
	}
	if part == nil {
		return "", fmt.Errorf("%w: word/document.xml missing", ErrBadDocument)
	}
	rc, err := part.Open()
	if err != nil {
		return "", fmt.Errorf("%w: %v", ErrBadDocument, err)
	}
	defer rc.Close()
	dec := xml.NewDecoder(io.LimitReader(rc, maxDocumentXML))
	var b strings.Builder
	inText, cells := false, 0 // cells: depth of open table cells
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return "", fmt.Errorf("%w: %v", ErrBadDocument, err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "t":
				inText = true
			case "tc":
				cells++
			case "tab":
				b.WriteByte('\t')
			case "br":
				b.WriteByte('\n')
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "t":
				inText = false
			case "p":
				if cells == 0 {
					b.WriteByte('\n')
				} else {
					b.WriteByte(' ')
				}
			case "tc":
				cells--
				b.WriteByte('\t')
			case "tr":
				b.WriteByte('\n')
			}
		case xml.CharData:
			if inText {
				b.Write(t)
			}
		}
	}
	return b.String(), nil
}
