package plan

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"
	utf16 "golang.org/x/text/encoding/unicode"
)

// A plan saved as text by an office's Notepad — UTF-8, "Unicode" (UTF-16
// with its mark, either byte order) or, on a Chinese Windows, GBK — reads
// as the same text; bytes in none of them are refused, not read as
// gibberish.
func TestPlainTextEncodings(t *testing.T) {
	src, err := os.ReadFile(filepath.Join("testdata", "plans", "kepu_xingdong.txt"))
	if err != nil {
		t.Fatal(err)
	}
	want := string(src)
	for _, c := range []struct {
		name string
		enc  encoding.Encoding
	}{
		{"GBK", simplifiedchinese.GBK},
		{"GB18030", simplifiedchinese.GB18030},
		{"UTF-16LE", utf16.UTF16(utf16.LittleEndian, utf16.UseBOM)},
		{"UTF-16BE", utf16.UTF16(utf16.BigEndian, utf16.UseBOM)},
	} {
		data, err := c.enc.NewEncoder().Bytes(src)
		if err != nil {
			t.Fatal(err)
		}
		got, err := DocumentText(context.Background(), "方案.txt", data)
		if err != nil || got != want {
			t.Errorf("%s: %v, %d bytes read (want %d)", c.name, err, len(got), len(want))
		}
	}
	// GB18030's four-byte characters (a rare name's character) read too.
	rare, _ := simplifiedchinese.GB18030.NewEncoder().Bytes([]byte("一、目标\n到2030年，建成科普基地10个（䶮）。\n"))
	if got, err := PlainText(rare); err != nil || got != "一、目标\n到2030年，建成科普基地10个（䶮）。\n" {
		t.Errorf("GB18030 four-byte character: %q, %v", got, err)
	}
	for _, bad := range [][]byte{
		{0xFF, 0xFE, 0x00, 0xD8, 0x00, 0xD8, 0x00, 0xD8}, // UTF-16 of lone surrogates
		[]byte("plan \x80\x81 in no encoding \xfe\xfe"),  // Latin bytes: no Chinese in it
	} {
		if _, err := DocumentText(context.Background(), "x.txt", bad); !errors.Is(err, ErrTextEncoding) {
			t.Errorf("%q: %v, want ErrTextEncoding", bad, err)
		}
	}
}

// An old Word or WPS document is named for what it is and the user told to
// save it as .docx or PDF — also a .doc renamed .docx; a spreadsheet is no
// plan document.
func TestDocumentTextOldFormats(t *testing.T) {
	ole := append([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}, "Word.Document.8"...)
	for _, name := range []string{"方案.doc", "方案.DOC", "方案.wps", "方案.docx", "方案.txt", "方案.rtf"} {
		data := ole
		if name == "方案.rtf" {
			data = []byte(`{\rtf1\ansi 方案}`)
		}
		if _, err := DocumentText(context.Background(), name, data); !errors.Is(err, ErrOldFormat) {
			t.Errorf("%s: %v, want ErrOldFormat", name, err)
		}
	}
	if _, err := DocumentText(context.Background(), "指标.xls", ole); !errors.Is(err, ErrFormat) {
		t.Errorf("xls: %v, want ErrFormat", err)
	}
}

// FuzzPlainText: whatever the bytes, a text is read as valid UTF-8 or
// refused; a UTF-8 text is read as it is.
func FuzzPlainText(f *testing.F) {
	gbk, _ := simplifiedchinese.GBK.NewEncoder().Bytes([]byte("一、目标\n到2030年，建成科普基地10个。\n"))
	for _, s := range [][]byte{gbk, []byte("一、目标"), {0xFF, 0xFE, 0x00, 0x4E}, {0xFE, 0xFF, 0x4E, 0x00}, {0x80, 0x81}, nil} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		got, err := PlainText(data)
		switch {
		case err != nil && !errors.Is(err, ErrTextEncoding):
			t.Fatalf("%q: %v", data, err)
		case err == nil && !utf8.ValidString(got):
			t.Fatalf("%q read as invalid UTF-8 %q", data, got)
		case utf8.Valid(data) && (err != nil || got != string(data)):
			t.Fatalf("UTF-8 %q read as %q, %v", data, got, err)
		}
	})
}
