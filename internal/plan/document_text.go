package plan

import (
	"bytes"
	"errors"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"
	utf16 "golang.org/x/text/encoding/unicode"
)

// Errors of files an office has but Kexie does not read; the upload page
// tells the user what to do.
var (
	// ErrOldFormat is an old Word or WPS document (.doc, .wps, .rtf; an
	// OLE compound file whatever its name says): Word and WPS save it
	// again as .docx or PDF.
	ErrOldFormat = errors.New("plan: an old Word or WPS document (.doc, .wps, .rtf): save it as .docx or PDF")
	// ErrTextEncoding is a text in none of the encodings a Chinese office
	// saves text in (UTF-8, UTF-16 with its byte-order mark, GBK/GB18030).
	ErrTextEncoding = errors.New("plan: the text is not UTF-8, UTF-16 or GBK")
)

// oleMagic opens every OLE compound file: .doc, .wps, .xls, .et, .ppt.
var oleMagic = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}

// oldFormat reports an old Word or WPS document: by its name, or by its
// bytes under the name of a format Kexie reads (a .doc renamed .docx).
func oldFormat(ext string, data []byte) bool {
	switch ext {
	case ".doc", ".wps", ".dot", ".rtf":
		return true
	case ".txt", ".md", "", ".docx", ".html", ".htm", ".pdf":
		return bytes.HasPrefix(data, oleMagic)
	}
	return false
}

// PlainText decodes a text file as the office saved it: UTF-8 as it is; a
// UTF-16 text (Notepad's "Unicode") by its byte-order mark; else GBK, the
// encoding Notepad on a Chinese Windows saves in (as GB18030, of which it
// is part). A decoded text with more than one replacement character in a
// hundred, or almost no Chinese, is ErrTextEncoding — not read as
// gibberish.
func PlainText(data []byte) (string, error) {
	if utf8.Valid(data) {
		return string(data), nil
	}
	var dec *encoding.Decoder
	if bytes.HasPrefix(data, []byte{0xFF, 0xFE}) || bytes.HasPrefix(data, []byte{0xFE, 0xFF}) {
		dec = utf16.UTF16(utf16.BigEndian, utf16.ExpectBOM).NewDecoder()
	} else {
		dec = simplifiedchinese.GB18030.NewDecoder()
	}
	s, err := dec.Bytes(data)
	if err != nil || !plausible(string(s)) {
		return "", ErrTextEncoding
	}
	return strings.TrimPrefix(string(s), "\ufeff"), nil
}

// plausible reports a decoded text that reads as Chinese: at most one
// replacement character in a hundred, one character in ten or more Han.
func plausible(text string) bool {
	runes, bad, han := 0, 0, 0
	for _, r := range text {
		runes++
		switch {
		case r == utf8.RuneError:
			bad++
		case unicode.Is(unicode.Han, r):
			han++
		}
	}
	return runes > 0 && bad*100 <= runes && han*10 >= runes
}
