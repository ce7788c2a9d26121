package sheet

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"strings"
)

// checkXLSX inflates every part of an XLSX zip once, without keeping it,
// and refuses the file as soon as it breaks a limit: the sizes the zip
// headers declare first, then the bytes actually inflated (headers can lie),
// the row count of each worksheet, the cells of a row and the length of a
// cell or tag. Only after it passes is the file handed to excelize, which
// would otherwise hold a shared-string table or an inflated sheet in memory
// whatever their size.
func checkXLSX(data []byte, l Limits) error {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return fmt.Errorf("%w: %v", ErrNotSpreadsheet, err)
	}
	if len(zr.File) > maxParts {
		return errTooManyParts()
	}
	var declared uint64
	for _, f := range zr.File {
		declared += f.UncompressedSize64
		if declared > uint64(l.MaxBytes) {
			return errTooBig(l)
		}
	}
	// excelize streams a large worksheet from a temporary file but keeps
	// every other part (shared strings above all) in memory, so those get
	// half the budget between them.
	budget, inMemory := l.MaxBytes, l.MaxBytes/2
	buf := make([]byte, 32<<10)
	for _, f := range zr.File {
		b := &budget
		if !strings.HasPrefix(strings.ToLower(f.Name), "xl/worksheets/") {
			b = &inMemory
		}
		if err := checkPart(f, l, b, &budget, buf); err != nil {
			return err
		}
	}
	return nil
}

func checkPart(f *zip.File, l Limits, part, budget *int64, buf []byte) error {
	rc, err := f.Open()
	if err != nil {
		return fmt.Errorf("%w: %v", ErrNotSpreadsheet, err)
	}
	defer rc.Close()
	name := strings.ToLower(f.Name)
	var sc *xmlScan
	if strings.HasSuffix(name, ".xml") || strings.HasSuffix(name, ".rels") {
		sc = &xmlScan{lim: l, sheet: strings.HasPrefix(name, "xl/worksheets/")}
	}
	for {
		n, err := rc.Read(buf)
		if n > 0 {
			if part != budget {
				*part -= int64(n)
			}
			if *budget -= int64(n); *budget < 0 || *part < 0 {
				return errTooBig(l)
			}
			if sc != nil {
				if err := sc.scan(buf[:n]); err != nil {
					return err
				}
			}
		}
		if err == io.EOF {
			return nil
		}
		if err != nil {
			// archive/zip also refuses a part longer than its header says.
			return fmt.Errorf("%w: %s: %v", ErrNotSpreadsheet, f.Name, err)
		}
	}
}

// xmlScan is a byte-level pass over XML that bounds what a DOM or a token
// would have to hold: the length of any tag, the text of one cell (between
// the <c>, <si> or <row> tags that delimit cells and shared strings), the
// rows of a worksheet and the cells of a row. It does not check that the
// XML is well formed; excelize does that later.
type xmlScan struct {
	lim   Limits
	sheet bool

	inTag   bool
	tagLen  int
	name    [8]byte
	nameLen int
	naming  bool
	inCell  bool
	text    int
	rows    int
	cells   int
}

func (s *xmlScan) scan(b []byte) error {
	raw := s.lim.rawCell()
	for len(b) > 0 {
		switch {
		case !s.inTag:
			// Text up to the next tag.
			i := bytes.IndexByte(b, '<')
			if i < 0 {
				i = len(b)
			}
			if s.text += i; s.text > raw {
				return errCellTooLong(s.lim, s.rows)
			}
			if i == len(b) {
				return nil
			}
			b = b[i+1:]
			s.inTag, s.tagLen, s.nameLen, s.naming = true, 0, 0, true
		case s.naming:
			// The tag's name, a byte at a time (it is short).
			c := b[0]
			b = b[1:]
			s.tagLen++
			switch {
			case c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '>' || (c == '/' && s.nameLen > 0):
				s.naming = false
				if err := s.element(); err != nil {
					return err
				}
				if c == '>' {
					s.inTag = false
				}
			case c == ':':
				s.nameLen = 0 // drop a namespace prefix: x:row → row
			default:
				if s.nameLen < len(s.name) {
					s.name[s.nameLen] = c
				}
				s.nameLen++
			}
			if s.tagLen > raw {
				return errCellTooLong(s.lim, s.rows)
			}
		default:
			// The rest of the tag, up to its end.
			i := bytes.IndexByte(b, '>')
			if i < 0 {
				i = len(b)
			}
			if s.tagLen += i; s.tagLen > raw {
				return errCellTooLong(s.lim, s.rows)
			}
			if i == len(b) {
				return nil
			}
			b = b[i+1:]
			s.inTag = false
		}
	}
	return nil
}

// element is called with the name of each tag as it is read.
func (s *xmlScan) element() error {
	if s.nameLen > len(s.name) {
		if !s.inCell {
			s.text = 0
		}
		return nil
	}
	switch string(s.name[:s.nameLen]) {
	case "row":
		s.text, s.cells, s.inCell = 0, 0, false
		if s.sheet {
			if s.rows++; s.rows > s.lim.MaxRows {
				return errTooManyRows(s.lim)
			}
		}
	case "c":
		s.text, s.inCell = 0, true
		if s.sheet {
			if s.cells++; s.cells > s.lim.MaxColumns {
				return errTooManyColumns(s.lim, s.rows)
			}
		}
	case "si":
		s.text, s.inCell = 0, true
	case "/c", "/si", "/row":
		s.text, s.inCell = 0, false
	default:
		if !s.inCell {
			s.text = 0
		}
	}
	return nil
}
