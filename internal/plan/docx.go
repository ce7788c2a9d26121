package plan

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// ErrBadDocument is returned for a file that is not a readable DOCX.
var ErrBadDocument = errors.New("plan: not a readable DOCX document")

// maxDocumentXML bounds the unpacked document part (a zip bomb guard).
const maxDocumentXML = 64 << 20

// docxPartsRead are the parts DocxText reads, each to maxDocumentXML.
var docxPartsRead = map[string]bool{"word/document.xml": true, "word/numbering.xml": true, "word/styles.xml": true}

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
	seen := map[string]bool{}
	for _, f := range zr.File {
		// a package names each part once (ECMA-376 Part 2, M1.12, names
		// alike but for ASCII case): a part read twice would be read to
		// its limit twice
		name := strings.ToLower(f.Name)
		if docxPartsRead[name] && seen[name] {
			return "", fmt.Errorf("%w: %s twice", ErrBadDocument, f.Name)
		}
		seen[name] = true
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
	lists := readDocxLists(zr) // Word's automatic numbers (docx_numbering.go)
	var numPr docxNumPr
	style := ""
	var b strings.Builder
	inText, cells := false, 0 // cells: depth of open table cells
	span, sup := 0, false     // the open cell's w:gridSpan; the run is superscript
	rowCells := 0             // cells written in the open row
	tabStops := false         // inside a paragraph's tab stops (w:pPr/w:tabs)
	fallback := 0             // depth of mc:Fallback elements open
	former := 0               // depth of tracked changes' former properties open (w:pPrChange, w:rPrChange, …)
	afterBox := false         // a text box's content ended in the open paragraph
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return "", fmt.Errorf("%w: %v", ErrBadDocument, err)
		}
		// a text box (a drawing in mc:AlternateContent) holds its text in
		// the choice and again in the fallback, for older readers: read once
		if e, ok := tok.(xml.StartElement); ok && e.Name.Local == "Fallback" {
			fallback++
		}
		if e, ok := tok.(xml.EndElement); ok && e.Name.Local == "Fallback" {
			fallback--
			continue
		}
		if fallback > 0 {
			continue
		}
		// Word's tracked changes keep the former properties of a
		// paragraph, run, cell, row or table inside its own (w:pPrChange,
		// w:rPrChange, w:tcPrChange …): not the document's (a former w:pPr
		// would draw a heading's number again, of its former list)
		if e, ok := tok.(xml.StartElement); ok && strings.HasSuffix(e.Name.Local, "PrChange") {
			former++
		}
		if e, ok := tok.(xml.EndElement); ok && strings.HasSuffix(e.Name.Local, "PrChange") {
			former--
			continue
		}
		if former > 0 {
			continue
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "t":
				inText = true
			case "p":
				numPr, style = docxNumPr{}, ""
			case "pStyle":
				style = attrVal(t, "val")
			case "numId":
				numPr.numID = attrVal(t, "val")
			case "ilvl":
				numPr.ilvl = attrInt(t, "val")
			case "tc":
				// cells are apart by a tab, none after the last: a cell
				// merged down (w:vMerge, its text in the first row) is an
				// empty cell, so a row's columns stay where the header's are
				// even at its right-hand end
				if rowCells > 0 {
					b.WriteByte('\t')
				}
				rowCells++
				cells++
				span = 1
			case "tr":
				rowCells = 0
			case "gridSpan":
				if n := attrInt(t, "val"); n > 1 && n <= 64 {
					span = n
				}
			case "vertAlign":
				sup = attrVal(t, "val") == "superscript"
			case "r":
				sup = false
			case "tabs":
				tabStops = true
			case "tab":
				// a tab in a run; a w:tab of w:tabs is a tab stop the
				// paragraph's properties set (Word and WPS write them
				// for many a paragraph), no character
				if !tabStops {
					b.WriteByte('\t')
				}
			case "br", "cr":
				b.WriteByte('\n')
			case "noBreakHyphen":
				b.WriteByte('-') // Word's non-breaking hyphen is an element: 2021-2025
			case "sym":
				b.WriteString(docxSymbol(attrVal(t, "font"), attrVal(t, "char")))
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "t":
				inText = false
			case "tabs":
				tabStops = false
			case "pPr":
				if lists != nil {
					b.WriteString(lists.label(numPr, style)) // the number Word draws
				}
			case "txbxContent":
				afterBox = true
			case "p":
				// the paragraph that anchors a text box ends with the box's
				// own: no empty line after them
				ended := afterBox && strings.HasSuffix(b.String(), "\n")
				afterBox = false
				switch {
				case ended:
				case cells == 0:
					b.WriteByte('\n')
				default:
					b.WriteByte(' ')
				}
			case "tc":
				cells--
				// a cell spanning columns leaves them empty, so that each
				// row has the table's columns
				for range max(span, 1) - 1 {
					b.WriteByte('\t')
				}
				span = 1
			case "tr":
				b.WriteByte('\n')
			}
		case xml.CharData:
			switch {
			case inText && sup:
				b.WriteString(superscript(string(t))) // a footnote's mark: 2.5¹, not 2.51
			case inText:
				b.Write(t)
			}
		}
	}
	return b.String(), nil
}

func attrVal(e xml.StartElement, name string) string {
	for _, a := range e.Attr {
		if a.Name.Local == name {
			return a.Value
		}
	}
	return ""
}

func attrInt(e xml.StartElement, name string) int {
	n, _ := strconv.Atoi(attrVal(e, name))
	return n
}

// superscript writes the digits of a raised run (a footnote's mark after a
// value) as superscript digits, so that they are not read as the value's.
func superscript(s string) string {
	return strings.Map(func(r rune) rune {
		if r >= '0' && r <= '9' {
			return []rune("⁰¹²³⁴⁵⁶⁷⁸⁹")[r-'0']
		}
		return r
	}, s)
}

// symbolChars are the characters of the Symbol font a plan writes with
// w:sym (Insert › Symbol), by their code: ≥ and ≤ of a target's bound.
var symbolChars = map[int]string{0xA3: "≤", 0xA5: "∞", 0xAE: "→", 0xB0: "°", 0xB1: "±", 0xB3: "≥", 0xB4: "×",
	0xB7: "•", 0xB8: "÷", 0xB9: "≠", 0xBB: "≈"}

// docxSymbol is the character of a w:sym: a code of the Symbol font (F0B3
// or B3) as its Unicode character, "" for any other font's.
func docxSymbol(font, char string) string {
	n, err := strconv.ParseInt(char, 16, 32)
	if err != nil || !strings.EqualFold(font, "Symbol") {
		return ""
	}
	return symbolChars[int(n)&^0xF000]
}
