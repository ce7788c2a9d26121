package estimate

import (
	"bytes"
	"errors"
	"io"
)

// Limits bound what reading a responses file may cost; a zero field takes
// its default.
type Limits struct {
	MaxBytes   int64 // size of the file (default 2 GiB)
	MaxRows    int   // responses (default 10,000,000)
	MaxColumns int   // columns (default 2,048)
	MaxField   int   // characters in one field (default 4,096)
}

// Default limits; see Limits.
const (
	DefaultMaxBytes   = 2 << 30
	DefaultMaxRows    = 10_000_000
	DefaultMaxColumns = 2048
	DefaultMaxField   = 4096
)

func (l Limits) withDefaults() Limits {
	if l.MaxBytes <= 0 {
		l.MaxBytes = DefaultMaxBytes
	}
	if l.MaxRows <= 0 {
		l.MaxRows = DefaultMaxRows
	}
	if l.MaxColumns <= 0 {
		l.MaxColumns = DefaultMaxColumns
	}
	if l.MaxField <= 0 {
		l.MaxField = DefaultMaxField
	}
	return l
}

// maxLine is the longest physical line a file within l can need: every
// column at its longest (4 bytes a character), quoted, with a separator.
func (l Limits) maxLine() int { return l.MaxColumns * (4*l.MaxField + 3) }

// capped reads at most left bytes and then fails with errCapped; it also
// fails with errLongLine when a line runs past maxLine bytes, so that one
// huge record is refused before encoding/csv holds all of it.
type capped struct {
	r       io.Reader
	left    int64
	over    bool
	maxLine int
	run     int // bytes since the last newline
	lines   int // newlines read
	long    bool
}

var (
	errCapped   = errors.New("estimate: file over its size limit")
	errLongLine = errors.New("estimate: line over its length limit")
)

func (c *capped) Read(p []byte) (int, error) {
	if c.long {
		return 0, errLongLine
	}
	if c.left <= 0 {
		var one [1]byte
		if n, _ := c.r.Read(one[:]); n > 0 {
			c.over = true
			return 0, errCapped
		}
		return 0, io.EOF
	}
	if int64(len(p)) > c.left {
		p = p[:c.left]
	}
	n, err := c.r.Read(p)
	c.left -= int64(n)
	if c.maxLine > 0 {
		chunk := p[:n]
		for {
			i := bytes.IndexByte(chunk, '\n')
			if i < 0 {
				c.run += len(chunk)
				break
			}
			if c.run+i > c.maxLine {
				c.long = true
				return 0, errLongLine
			}
			c.lines++
			c.run = 0
			chunk = chunk[i+1:]
		}
		if c.run > c.maxLine {
			c.long = true
			return 0, errLongLine
		}
	}
	return n, err
}

func csvErr(err error, lr *capped, l Limits, line int) error {
	if lr.over || errors.Is(err, errCapped) {
		return errf("responses", "estimate.err.too_big", l.MaxBytes>>20)
	}
	if lr.long || errors.Is(err, errLongLine) {
		return errf("responses", "estimate.err.line_too_long", lr.lines+1, l.maxLine())
	}
	if err == io.EOF {
		return errf("responses", "estimate.err.no_rows")
	}
	return csvLineErr("responses", err, line)
}
