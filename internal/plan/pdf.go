package plan

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"time"
	"unicode"
)

// PDF errors the upload page explains.
var (
	ErrNoPDFTool = errors.New("plan: pdftotext is not installed")
	ErrPDFNoText = errors.New("plan: the PDF has no text layer (a scan?)")
	ErrBadPDF    = errors.New("plan: the PDF cannot be read")
)

// PDFText extracts the text of a PDF with poppler's pdftotext, the tool the
// field relies on for Chinese PDFs (CID fonts, ToUnicode maps). Go PDF
// libraries at hand do not map CJK glyphs back to text reliably; see
// docs/decisions.md. A scanned document, which has pictures but no text,
// gives ErrPDFNoText.
func PDFText(ctx context.Context, data []byte) (string, error) {
	if !bytes.HasPrefix(bytes.TrimLeft(data, "\x00\t\r\n "), []byte("%PDF-")) {
		return "", ErrBadPDF
	}
	bin, err := exec.LookPath("pdftotext")
	if err != nil {
		return "", ErrNoPDFTool
	}
	f, err := os.CreateTemp("", "kexie-plan-*.pdf")
	if err != nil {
		return "", fmt.Errorf("plan: pdf temp file: %w", err)
	}
	defer os.Remove(f.Name())
	if _, err := f.Write(data); err != nil {
		f.Close()
		return "", fmt.Errorf("plan: pdf temp file: %w", err)
	}
	if err := f.Close(); err != nil {
		return "", err
	}
	ctx, cancel := context.WithTimeout(ctx, 60*time.Second)
	defer cancel()
	// A PDF of a few kB can draw gigabytes of text (one compressed content
	// stream shown on a thousand pages): pdftotext is stopped once it has
	// written more than MaxText, which Ingest would refuse anyway.
	out := &cappedBuffer{max: MaxText, full: cancel}
	stderr := &cappedBuffer{max: 4 << 10}
	// -layout keeps a table's columns apart (two or more spaces between
	// cells), so an indicator table reads as one line a row.
	cmd := exec.CommandContext(ctx, bin, "-layout", "-enc", "UTF-8", "-nopgbrk", "-q", f.Name(), "-")
	cmd.Stdout, cmd.Stderr = out, stderr
	err = cmd.Run()
	switch {
	case out.over:
		return "", ErrTextTooLarge
	case err != nil && ctx.Err() != nil:
		return "", fmt.Errorf("%w: timed out", ErrBadPDF)
	case err != nil:
		why := bytes.TrimSpace(stderr.buf.Bytes())
		if len(why) == 0 {
			why = []byte(err.Error()) // (-q keeps pdftotext quiet: its exit status says what there is)
		}
		return "", fmt.Errorf("%w: %s", ErrBadPDF, why)
	}
	letters := 0
	for _, r := range out.buf.String() {
		if unicode.IsLetter(r) || unicode.Is(unicode.Han, r) {
			letters++
		}
	}
	if letters < 20 {
		return "", ErrPDFNoText
	}
	return out.buf.String(), nil
}

// cappedBuffer keeps what a command writes up to max bytes. Past that it
// keeps nothing more, notes that it ran over and calls full (when set), and
// still reports each write as done so that the command is stopped by full
// rather than left blocked on a pipe.
type cappedBuffer struct {
	buf  bytes.Buffer
	max  int
	over bool
	full func()
}

func (c *cappedBuffer) Write(p []byte) (int, error) {
	if c.over {
		return len(p), nil
	}
	if c.buf.Len()+len(p) > c.max {
		c.over = true
		if c.full != nil {
			c.full()
		}
		return len(p), nil
	}
	return c.buf.Write(p)
}

// ErrFormat is the error of a file that is not .txt, .md, .docx, .pdf or .html.
var ErrFormat = errors.New("plan: only .txt, .md, .docx, .pdf and .html documents are read")

// DocumentText returns the text of a plan document by its file name's
// extension: plain text (UTF-8, UTF-16 or GBK), Word (.docx), PDF or a web
// page (.html). An old Office or WPS binary is ErrOldFormat.
func DocumentText(ctx context.Context, name string, data []byte) (string, error) {
	ext := strings.ToLower(filepath.Ext(name))
	if oldFormat(ext, data) {
		return "", ErrOldFormat // (document_text.go)
	}
	switch ext {
	case ".txt", ".md", "":
		return PlainText(data)
	case ".docx":
		return DocxText(data)
	case ".html", ".htm":
		return HTMLText(data)
	case ".pdf":
		text, err := PDFText(ctx, data)
		if err != nil {
			return "", err
		}
		return Unwrap(text), nil
	}
	return "", ErrFormat
}

// startsSection reports whether a line begins with a section number the
// ingester reads (第一章, 一、 （一） 1. （1） 1） ⑴ ①).
func startsSection(line string) bool {
	return sectionStart.MatchString(line)
}

var sectionStart = regexp.MustCompile(`^(?:第[一二三四五六七八九十]+(?:章|节|篇|部分)|[一二三四五六七八九十]+ ?[、.．]|[（(] ?[一二三四五六七八九十]+ ?[）)]|\d+[.．、]|[（(]\d+[）)]|\d{1,2}[）)]|[⑴-⒇①-⑳])`)
