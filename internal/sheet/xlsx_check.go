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

	// The reference (r="…") of the <row> or <c> tag being read: a row
	// numbered 1048576 or a cell at XFD1 makes the reader fill every row
	// or cell before it, so a few bytes would cost megabytes of blanks.
	ref attrRef
}

// attrRef finds the value of an attribute named r in a tag's bytes, which
// may come in several chunks: a space, r, optional spaces, =, optional
// spaces, a quote, up to 16 bytes, the same quote.
type attrRef struct {
	on    bool
	state int // 0 looking, 1 after " r", 2 after "=", 3 in the value, 4 done
	space bool
	quote byte
	val   [16]byte
	n     int
}

func (a *attrRef) start() { *a = attrRef{on: true, space: true} }

func (a *attrRef) feed(b []byte) {
	for _, c := range b {
		sp := c == ' ' || c == '\t' || c == '\r' || c == '\n'
		switch a.state {
		case 0:
			if c == 'r' && a.space {
				a.state = 1
			}
		case 1:
			if c == '=' {
				a.state = 2
			} else if !sp {
				a.state = 0
			}
		case 2:
			if c == '"' || c == '\'' {
				a.state, a.quote = 3, c
			} else if !sp {
				a.state = 0
			}
		case 3:
			if c == a.quote {
				a.state = 4
			} else if a.n < len(a.val) {
				a.val[a.n] = c
				a.n++
			} else {
				a.state = 4 // longer than any reference: not one
				a.n = 0
			}
		case 4:
			return
		}
		a.space = sp
	}
}

// cellRef reads a reference's column (A = 1) and row; 0 for a part that
// is not there or not read.
func cellRef(v []byte) (col, row int) {
	i := 0
	for ; i < len(v) && col <= 1<<20; i++ {
		if v[i] == '$' {
			continue
		}
		c := v[i] | 0x20 // lower case
		if c < 'a' || c > 'z' {
			break
		}
		col = col*26 + int(c-'a'+1)
	}
	for _, c := range v[i:] {
		if c == '$' {
			continue
		}
		if c < '0' || c > '9' || row > 1<<30 {
			return col, 0
		}
		row = row*10 + int(c-'0')
	}
	return col, row
}

// refDone checks the reference of the tag just ended against the limits.
func (s *xmlScan) refDone() error {
	a := &s.ref
	if !a.on {
		return nil
	}
	a.on = false
	if a.state != 4 || a.n == 0 {
		return nil
	}
	col, row := cellRef(a.val[:a.n]) // a <row>'s reference is its number alone: column 0
	switch {
	case row > s.lim.MaxRows:
		return errTooManyRows(s.lim)
	case col > s.lim.MaxColumns:
		return errTooManyColumns(s.lim, s.rows)
	}
	return nil
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
					if err := s.refDone(); err != nil {
						return err
					}
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
			if s.ref.on {
				s.ref.feed(b[:i])
			}
			if i == len(b) {
				return nil
			}
			b = b[i+1:]
			s.inTag = false
			if err := s.refDone(); err != nil {
				return err
			}
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
			s.ref.start()
		}
	case "c":
		s.text, s.inCell = 0, true
		if s.sheet {
			if s.cells++; s.cells > s.lim.MaxColumns {
				return errTooManyColumns(s.lim, s.rows)
			}
			s.ref.start()
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
